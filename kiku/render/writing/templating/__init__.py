"""The Jinja2 environment pages are rendered with, its extensions and code generators, and its caches."""
