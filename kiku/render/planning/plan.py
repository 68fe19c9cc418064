"""Plan every page of the site before anything is rendered.

A page is (url, template, context). The URL scheme, all site-relative:

* ``''`` (home, page 1) and ``page/<n>/`` (n ≥ 2): ``index.html``, newest first,
  ``config.per_page`` articles each;
* ``articles/<slug>/``: ``article.html`` (digest) or ``encyclopedia.html``;
* ``tags/``: ``tags.html``, every tag in use, in vocabulary order, with counts;
* ``tags/<key>/`` and ``tags/<key>/page/<n>/``: ``tag.html``, the articles of one tag, newest
  first, paginated like the home pages;
* ``sources/`` (``sources/page/<n>/``): ``sources.html``, every outlet the articles cite, with
  counts; ``sources/<outlet key>/`` (``…/page/<n>/``): ``outlet.html``, the outlet's cited pages
  and the articles citing them (the key rule: :mod:`kiku.render.planning.lists.outlets`);
* ``archive/`` (``archive/page/<n>/``): ``archive.html``, the months with articles;
  ``archive/YYYY/MM/`` (``…/page/<n>/``): ``month.html``, one month's articles.

* ``feed.xml``, ``tags/<key>/feed.xml`` and ``sources/<outlet key>/feed.xml``: ``feed.xml``, the
  Atom feeds of the site, of a tag and of the articles citing an outlet;
* ``search/``: ``search.html``, the search page; its scripts (``static/search*.js``) fill it from the index
  files written beside it (kiku.search.index);
* ``404.html``: ``404.html``, served by GitHub Pages for any missing path, so its links start
  from the base URL's path (``/digest/``) instead of being relative to where it is shown;
* ``sitemap.xml`` (every page above but 404, the search page and the feeds) and ``robots.txt``;
  past one file's limits (50,000 URLs, 50 MB) ``sitemap.xml`` is a sitemap index
  (``sitemap_index.xml``) of ``sitemap-1.xml``, ``sitemap-2.xml``, … (kiku.render.pages.sitemap).

The output file of a page is its URL, or ``url + "index.html"`` for a folder URL. Each HTML
context carries ``site``, ``root`` (relative prefix from the page to the site root: ``''`` on
home, ``'../../'`` two levels down), ``canonical_url``, ``page_title``, ``document_title`` and
``meta`` (description, OpenGraph, feeds, JSON-LD), plus the page's own views. Each kind of page
is planned by its module in :mod:`kiku.render.pages`; every step is linear in the site's size, and
:mod:`kiku.render.planning` re-plans only the pages a change reaches.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from kiku.content.model import Site
from kiku.content.reading.open_warnings import OpenWarning
from kiku.render.pages.builder import Page
from kiku.render.planning.planner import Plan, SitePlanner
from kiku.render.planning.store.related_store import RelatedStore
from kiku.render.planning.urls import PlanError

__all__ = ["Page", "Plan", "PlanError", "SitePlanner", "build_planner", "plan_pages", "plan_site"]


def plan_site(
    site: Site,
    editor_warnings: Mapping[str, tuple[OpenWarning, ...]] | None = None,
    *,
    share_cards: bool = False,
) -> tuple[Page, ...]:
    """Every page of ``site``, home pages first; raises ``PlanError`` when two pages share a URL.

    ``editor_warnings`` (slug → the file's open importer warnings) are shown on those articles'
    pages: only ``kiku serve`` passes them, so a build never shows them.
    ``share_cards``: the build writes share cards (``kiku.render.sharecards``), so every page
    names one as its ``og:image`` — an article its own, any other page the site's.
    A ``SitePlanner`` kept from one site to the next (``kiku serve``) plans only what changed.
    """
    return SitePlanner(share_cards=share_cards).plan(site, editor_warnings).pages


def plan_pages(site: Site, *, share_cards: bool = False, cache_dir: Path | None = None) -> Plan:
    """``plan_site``'s pages for a build, with what stands for each article in their fingerprints
    (``Plan.stand_ins``); ``cache_dir``: the build cache, where the related articles are kept
    (``kiku.render.planning.store.related_store``)."""
    return build_planner(share_cards=share_cards, cache_dir=cache_dir).plan(site)


def build_planner(*, share_cards: bool = False, cache_dir: Path | None = None) -> SitePlanner:
    """A planner for a build's first plan (see ``plan_pages``)."""
    store = RelatedStore(cache_dir) if cache_dir is not None else None
    return SitePlanner(share_cards=share_cards, related_store=store)
