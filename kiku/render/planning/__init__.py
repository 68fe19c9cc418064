"""Planning a site again after a change, re-planning only the pages the change reaches.

:mod:`facets` derives, once per article object, everything a page shows of it; :mod:`planner` keeps
the plan of the last site and works out, from the articles that changed and what changed in them
(:mod:`changes`), which pages to plan again, refusing two pages at one URL (:mod:`collisions`,
:mod:`urls`). A fresh planner plans every page: ``kiku.render.planning.plan.plan_site`` is one.
:mod:`lists` holds what pages list besides their own article: the site's paginated lists
(``lists.listings`` re-plans the pages whose entries changed; ``lists.groups``: home, tags, months,
outlets), the outlets cited (``lists.outlets``) and each article's related articles
(``lists.related``). :mod:`store` keeps the last build's planner and related articles on disk.
"""
