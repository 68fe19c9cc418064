"""Full-text search for the built site: the index kiku writes and ``static/search.js`` reads.

normalise.py (the tokenizer spec) · text.py (what of an article is searchable) · postings.py
(one article's tokens and stored text) · shards.py (postings files) · index.py (the index files,
rebuilt incrementally).
"""
