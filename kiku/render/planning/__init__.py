"""Planning a site again after a change, re-planning only the pages the change reaches.

:mod:`facets` derives, once per article object, everything a page shows of it; :mod:`listings`
keeps a paginated list's pages and re-plans those whose entries changed; :mod:`planner` keeps the
plan of the last site and works out, from the articles that changed and what changed in them,
which pages to plan again. A fresh planner plans every page: ``kiku.render.planning.plan.plan_site`` is one.
"""
