"""Checking what was read: typed fields, links, tags and limits; ``site.yaml`` and one article → the model."""
