"""A source card's lines read into fields: its link, title and meta lines, its publisher; ``fields``: the scorer."""
