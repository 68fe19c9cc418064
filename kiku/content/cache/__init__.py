"""Kept between builds under ``<site>/.kiku-cache/``: validated articles, and the content files' keys."""
