"""The URL scheme: where each page lives, and the relative paths links use."""

from __future__ import annotations

import functools
import re
from urllib.parse import quote, urlsplit

from kiku.errors import KikuError

# A slug or tag key becomes one path segment: no separators, no dot-segments, nothing a URL
# or a file system would read specially.
_UNSAFE_SEGMENT = re.compile(r"[/\\?#%\x00-\x1f\x7f]")
# A URL with a scheme whose host is ASCII letters, digits, dots and hyphens, ending the URL or followed
# by its path, query or fragment: ``urlsplit(url).hostname`` is that host in lower case (tested).
_PLAIN_HOST = re.compile(r"[a-z][a-z0-9+.-]*://([a-z0-9.-]+)(?:[/?#]|\Z)", re.ASCII | re.IGNORECASE)


class PlanError(KikuError):
    """The site cannot be laid out as pages (URL collision, unsafe slug, unknown tag)."""


def _segment(value: str, what: str) -> str:
    if not value or value in (".", "..") or _UNSAFE_SEGMENT.search(value):
        raise PlanError(f"{what} {value!r} cannot be used in a URL (one path segment, no / \\ ? # %)")
    return value


def home_url(number: int) -> str:
    return "" if number == 1 else f"page/{number}/"


def article_url(slug: str) -> str:
    return f"articles/{_segment(slug, 'article slug')}/"


def tag_url(key: str, number: int = 1) -> str:
    page = "" if number == 1 else f"page/{number}/"
    return f"tags/{_segment(key, 'tag key')}/{page}"


def sources_url(number: int = 1) -> str:
    return "sources/" if number == 1 else f"sources/page/{number}/"


def outlet_url(key: str, number: int = 1) -> str:
    page = "" if number == 1 else f"page/{number}/"
    return f"sources/{_segment(key, 'outlet key')}/{page}"


def outlet_feed_url(key: str) -> str:
    return outlet_url(key) + "feed.xml"


def archive_url(number: int = 1) -> str:
    return "archive/" if number == 1 else f"archive/page/{number}/"


def month_url(year: int, month: int, number: int = 1) -> str:
    page = "" if number == 1 else f"page/{number}/"
    return f"archive/{year:04d}/{month:02d}/{page}"


TAGS_URL = "tags/"
SEARCH_URL = "search/"
FEED_URL = "feed.xml"
SITEMAP_URL = "sitemap.xml"
ROBOTS_URL = "robots.txt"
NOT_FOUND_URL = "404.html"
FAVICON_ICO_URL = "favicon.ico"  # browsers request /favicon.ico unasked: it lives at the root
FAVICON_SVG_URL = "favicon.svg"
APPLE_TOUCH_ICON_URL = "apple-touch-icon.png"
ICON_192_URL = "icon-192.png"
ICON_512_URL = "icon-512.png"
MANIFEST_URL = "manifest.webmanifest"
SITE_CARD_URL = "card.png"  # the share card of every page that is not an article
CARD_WIDTH, CARD_HEIGHT = 1200, 630


def article_card_url(slug: str) -> str:
    """The share card (og:image) of an article: beside its page."""
    return article_url(slug) + "card.png"


def sitemap_part_url(number: int) -> str:
    """The ``number``-th part (from 1) of a sitemap too large for one file; ``sitemap.xml`` is then their index."""
    return f"sitemap-{number}.xml"


def tag_feed_url(key: str) -> str:
    return tag_url(key) + "feed.xml"


@functools.lru_cache(maxsize=65_536)  # a card's URL is named on its card, in the sources list and by its outlet
def domain_of(url: str) -> str:
    """The host of ``url`` without ``www.``: how a link's site is named on a page."""
    plain = _PLAIN_HOST.match(url)  # almost every URL: a fifth of the time of splitting it
    return plain.group(1).lower().removeprefix("www.") if plain else split_domain_of(url)


def split_domain_of(url: str) -> str:
    """``domain_of`` by splitting ``url`` (what it does for any URL its fast path does not read)."""
    return (urlsplit(url).hostname or url).removeprefix("www.")


def output_path(url: str) -> str:
    """The file a site-relative URL is written to: a folder URL (``''``, ``…/``) gets ``index.html``."""
    return url + "index.html" if url == "" or url.endswith("/") else url


@functools.lru_cache(maxsize=65_536)  # a pure function called for every link of every page list
def page_path(url: str) -> str:
    """The file a site-relative page URL is written to, as an href-ready relative path.

    Links point at ``…/index.html`` rather than the directory so that the built site also works
    opened from disk (``file://`` shows a directory listing for ``articles/x/``).
    """
    return quote(output_path(url), safe="/")


def canonical_url(base_url: str, url: str) -> str:
    """The absolute public URL of a page: ``base_url`` (with its trailing slash) + ``url``."""
    base = base_url if base_url.endswith("/") else base_url + "/"
    return base + quote(url, safe="/")


def base_path(base_url: str) -> str:
    """The path part of ``base_url`` (``/digest/``): the root of pages that may be served at any depth."""
    return urlsplit(base_url).path or "/"


def root_of(url: str) -> str:
    """The relative prefix from the page at ``url`` back to the site root (``''`` on home)."""
    return "../" * url.count("/")
