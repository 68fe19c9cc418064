"""The search page: a form and the scripts that read the search index (kiku.search.index)."""

from __future__ import annotations

from dataclasses import dataclass

from kiku.render.pages.builder import Page, PageBuilder
from kiku.render.planning.urls import SEARCH_URL
from kiku.search.index import MANIFEST_PATH


@dataclass(frozen=True, slots=True)
class SearchPageView:
    """Where the search page's scripts (in order) and the index they read are, relative to the site root."""

    script_paths: tuple[str, ...]
    manifest_path: str


SEARCH_PAGE = SearchPageView(
    script_paths=(
        "static/search-spec.js", "static/search-records.js", "static/search-index.js", "static/search.js"
    ), manifest_path=MANIFEST_PATH
)


def search_page(builder: PageBuilder) -> Page:
    # The search page has no content of its own: out of the sitemap. It is indexable all the same
    # (a reader may look for a site's search), and its canonical URL gathers every ?q= address.
    return builder.page(SEARCH_URL, "search.html", "検索", nav="search", in_sitemap=False, search=SEARCH_PAGE)
