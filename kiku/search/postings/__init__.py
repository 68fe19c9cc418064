"""The site's postings: token → articles (inverted.py; arrays.py and grouping.py over numpy for a
full build) and the bigrams' shared contexts (extensions.py, context_arrays.py).
"""
