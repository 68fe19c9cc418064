"""The sitemap (sitemaps.org protocol 0.9): one ``sitemap.xml`` listing every page's entry, or, for a
site past what one file may hold, a sitemap index at ``sitemap.xml`` naming its parts
``sitemap-1.xml``, ``sitemap-2.xml``, … in plan order, each within the limits.

``robots.txt`` names ``sitemap.xml`` either way: search engines read an index where they read a sitemap.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from types import MappingProxyType

from markupsafe import escape

from kiku.render.pages.builder import Page
from kiku.render.planning.urls import SITEMAP_URL, canonical_url, sitemap_part_url
from kiku.render.views.feeds import SitemapEntryView, SitemapPartView

# What the bundled templates write around each entry (``<url>``, ``<loc>``, ``<lastmod>``, their
# indentation: 56 bytes before compaction) and around a whole file, with room to spare: a part is
# measured before it is rendered.
ENTRY_MARKUP_BYTES = 100
FILE_MARKUP_BYTES = 500


@dataclass(frozen=True, slots=True)
class SitemapLimits:
    """What one sitemap file may hold: sitemaps.org's 50,000 URLs and 50 MB (52,428,800 bytes) uncompressed."""

    urls: int = 50_000
    bytes: int = 52_428_800


DEFAULT_LIMITS = SitemapLimits()


def sitemap_pages(base_url: str, entries: tuple[SitemapEntryView, ...], limits: SitemapLimits) -> tuple[Page, ...]:
    """The sitemap's pages: ``sitemap.xml`` alone when ``entries`` fit in one file, else the index
    first, then its parts."""
    parts = split_entries(entries, limits, canonical_url(base_url, ""))
    if len(parts) == 1:
        return (Page(SITEMAP_URL, "sitemap.xml", MappingProxyType({"entries": entries})),)
    urls = [sitemap_part_url(number) for number in range(1, len(parts) + 1)]
    named = list(zip(urls, parts, strict=True))
    index = tuple(SitemapPartView(loc=canonical_url(base_url, url), lastmod=_newest(part)) for url, part in named)
    return (
        Page(SITEMAP_URL, "sitemap_index.xml", MappingProxyType({"sitemaps": index})),
        *(Page(url, "sitemap.xml", MappingProxyType({"entries": part})) for url, part in named),
    )


def split_entries(
    entries: tuple[SitemapEntryView, ...], limits: SitemapLimits, base: str = ""
) -> list[tuple[SitemapEntryView, ...]]:
    """``entries`` in order, cut into runs of at most ``limits.urls`` entries and ``limits.bytes``
    bytes as written (at least one run, and one entry in each). ``base``: the site's absolute root
    URL, which most ``loc`` start with."""
    parts: list[tuple[SitemapEntryView, ...]] = []
    # After the base a loc is quoted (kiku.render.planning.urls.canonical_url): ASCII with nothing to
    # escape, so only the base is measured as written (escaping each loc took 0.17 s at 100k).
    base_extra = len(str(escape(base)).encode()) - len(base)
    start, size = 0, FILE_MARKUP_BYTES
    for number, entry in enumerate(entries):
        loc = entry.loc
        loc_size = len(loc) + base_extra if base and loc.startswith(base) else len(str(escape(loc)).encode())
        entry_size = ENTRY_MARKUP_BYTES + loc_size + len(entry.lastmod or "")
        if number > start and (number - start >= limits.urls or size + entry_size > limits.bytes):
            parts.append(entries[start:number])
            start, size = number, FILE_MARKUP_BYTES
        size += entry_size
    parts.append(entries[start:])
    return parts


def _newest(part: Sequence[SitemapEntryView]) -> str | None:
    """The newest ``lastmod`` in ``part`` (ISO dates compare as text), None when no entry has one."""
    return max((entry.lastmod for entry in part if entry.lastmod is not None), default=None)
