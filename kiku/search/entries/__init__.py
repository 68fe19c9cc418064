"""One article's share of the index (article.py: its token keys, runs and record; keys.py) and
every article's, kept, cached or indexed on every core (site.py).
"""
