"""Full-text search for the built site: the index kiku writes and ``static/search.js`` reads.

The subpackages are the pipeline: ``text`` (the tokenizer spec, what of an article is searchable)
→ ``entries`` (one article's tokens and record, every article's on every core) → ``postings``
(token → articles, the bigrams' shared contexts) → ``encoding`` (shard choice, Rice-coded posting
strings, the records' code) → ``index.py`` (the files written); ``incremental`` keeps entries and
shards between builds and patches the shards an edit reaches.
"""
