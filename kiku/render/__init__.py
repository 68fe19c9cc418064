"""Rendering, by stage: planning → views → text → writing (plus share cards).

``planning`` lays out every page as (url, template, context), with one planner per kind of page
in ``pages``; ``views`` turns model objects into display-ready frozen views; ``text`` holds the
only text → HTML path (Markdown) and Japanese phrase breaks; ``writing`` wires Jinja2 and renders
pages on every core; ``sharecards`` draws each article's card. ``kiku.build`` drives them.
"""
