"""Views: the frozen values templates show, for every kind of page and for <head>."""
