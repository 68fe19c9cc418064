"""The shapes of chrome in a saved HTML page: predicates the chrome rules (``chrome.rules``) use.

Each says by the markup and the length of its text what an element is: an element's basic marks (hidden,
an ad slot, its class tokens: ``elements``), a picture's caption (``captions``), a link to a place on the
page (``in_page_links``), the site's own boxes (``site_boxes``), a byline or a speaker's name (``bylines``),
a tag list (``taxonomy``). The rule table naming what each drops stays in ``chrome.rules``.
"""
