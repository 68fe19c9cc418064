"""Rendering: the page plan, the views templates show, Markdown, the Jinja2 environment.

``plan.plan_site(site)`` lays out every page as (url, template, context) using the URL scheme in
``urls``; ``views`` turns model objects into display-ready frozen views; ``markdown`` is the only
text → HTML path; ``environment.make_environment`` wires it into Jinja2. ``kiku.build`` writes.
"""
