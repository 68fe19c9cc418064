"""The search text: the tokenizer spec (normalise.py, mirrored by static/search-spec.js) and what
of an article is searchable (searchable.py).
"""
