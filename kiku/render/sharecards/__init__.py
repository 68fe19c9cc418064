"""Share cards: one 1200×630 PNG per article and one for the site (``og:image``).

``layout`` wraps a title (pure, tested without fonts), ``draw`` paints a card with Pillow,
``fonts`` finds a Japanese font, ``render`` lists a site's cards and writes them (cached, parallel).
"""
