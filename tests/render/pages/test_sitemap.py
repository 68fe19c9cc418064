"""The sitemap past one file's limits: an index at sitemap.xml naming parts of at most the limit's
URLs and bytes, which together list every URL of the one-file sitemap exactly once, in order."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import PurePosixPath

import pytest
from lxml import etree

from bench.output_size import kind_of
from kiku.content.model import Site
from kiku.render.pages.builder import Page
from kiku.render.pages.sitemap import ENTRY_MARKUP_BYTES, FILE_MARKUP_BYTES, SitemapLimits, sitemap_pages, split_entries
from kiku.render.planning.plan import plan_site
from kiku.render.planning.planner import SitePlanner
from kiku.render.site import render_page
from kiku.render.views.feeds import SitemapEntryView
from kiku.render.writing.templating.environment import make_environment
from tests.support.sample_site import BASE_URL, REPO_ROOT, sample_site

NAMESPACE = "http://www.sitemaps.org/schemas/sitemap/0.9"
SITEMAP = f"{{{NAMESPACE}}}"


Render = Callable[[Page], bytes]


@pytest.fixture(scope="module")
def render() -> Render:
    environment = make_environment(REPO_ROOT / "templates")
    return lambda page: render_page(environment, page)


def _sitemaps(pages: tuple[Page, ...]) -> dict[str, Page]:
    return {page.url: page for page in pages if page.url.startswith("sitemap")}


def _locs(root: etree._Element, kind: str) -> list[str]:
    return [str(element.findtext(f"{SITEMAP}loc")) for element in root.iter(f"{SITEMAP}{kind}")]


def _one_file_locs(site: Site, render: Render) -> list[str]:
    (sitemap,) = _sitemaps(plan_site(site)).values()
    return _locs(etree.fromstring(render(sitemap)), "url")


@pytest.mark.parametrize("limit", [1, 4, 7])
def test_the_index_names_every_part_and_the_parts_list_every_url_once(limit: int, render: Render) -> None:
    site = sample_site()
    expected = _one_file_locs(site, render)
    assert len(expected) > limit  # else there is nothing to split
    pages = _sitemaps(SitePlanner(sitemap_limits=SitemapLimits(urls=limit)).plan(site).pages)
    index = pages.pop("sitemap.xml")
    assert index.template == "sitemap_index.xml"
    root = etree.fromstring(render(index))
    assert root.tag == f"{SITEMAP}sitemapindex"
    parts = [f"sitemap-{number}.xml" for number in range(1, -(-len(expected) // limit) + 1)]
    assert _locs(root, "sitemap") == [BASE_URL + part for part in parts]
    assert sorted(pages) == sorted(parts)
    listed: list[str] = []
    for number, part in enumerate(parts):
        part_root = etree.fromstring(render(pages[part]))
        assert part_root.tag == f"{SITEMAP}urlset"
        locs = _locs(part_root, "url")
        assert len(locs) == (limit if number < len(parts) - 1 else len(expected) - limit * (len(parts) - 1))
        lastmods = [str(url.findtext(f"{SITEMAP}lastmod")) for url in part_root.iter(f"{SITEMAP}url")]
        newest = root[number].findtext(f"{SITEMAP}lastmod")
        assert newest == max(lastmods)
        listed.extend(locs)
    assert listed == expected  # every URL once, in the one file's order
    assert all(loc.startswith(BASE_URL) for loc in listed)


def test_a_site_within_the_limit_keeps_the_one_file_sitemap(render: Render) -> None:
    site = sample_site()
    count = len(_one_file_locs(site, render))
    pages = _sitemaps(SitePlanner(sitemap_limits=SitemapLimits(urls=count)).plan(site).pages)
    assert list(pages) == ["sitemap.xml"]
    assert render(pages["sitemap.xml"]) == render(_sitemaps(plan_site(site))["sitemap.xml"])


def test_robots_txt_names_the_index(render: Render) -> None:
    pages = {page.url: page for page in SitePlanner(sitemap_limits=SitemapLimits(urls=2)).plan(sample_site()).pages}
    assert render(pages["robots.txt"]).decode().endswith(f"Sitemap: {BASE_URL}sitemap.xml\n")


def _entries(count: int, length: int) -> tuple[SitemapEntryView, ...]:
    return tuple(SitemapEntryView(f"{BASE_URL}articles/{number:0{length}d}/", "2025-03-21") for number in range(count))


@pytest.mark.parametrize("length", [10, 200, 2000])
def test_parts_are_cut_at_the_byte_limit_as_written(length: int, render: Render) -> None:
    limits = SitemapLimits(urls=1000, bytes=20_000)
    entries = _entries(300, length)
    pages = sitemap_pages(BASE_URL, entries, limits)
    assert len(pages) > 2
    sizes = [len(render(page)) for page in pages[1:]]
    assert max(sizes) <= limits.bytes
    assert min(sizes[:-1]) > limits.bytes // 2  # the estimate leaves room, not half the file
    assert tuple(entry for page in pages[1:] for entry in page.context["entries"]) == entries


def test_an_entry_larger_than_the_limit_is_a_part_of_its_own() -> None:
    parts = split_entries(_entries(3, 5000), SitemapLimits(urls=10, bytes=1000), BASE_URL)
    assert [len(part) for part in parts] == [1, 1, 1]


def test_a_base_url_with_characters_to_escape_is_measured_as_written() -> None:
    base = "https://example.org/a&b'c/"  # &amp; and &#39;: 8 bytes more than the text
    entries = tuple(SitemapEntryView(f"{base}{number:03d}/", None) for number in range(100))
    written = ENTRY_MARKUP_BYTES + len(base) + len("000/") + 8
    limits = SitemapLimits(bytes=FILE_MARKUP_BYTES + 17 * written)  # 18 entries as unescaped text
    by_base = split_entries(entries, limits, base)
    assert [len(part) for part in by_base] == [17] * 5 + [15]
    assert by_base == split_entries(entries, limits, "")  # each loc escaped, the slow way


def test_the_output_size_bench_counts_every_sitemap_file_as_sitemaps() -> None:
    pages = _sitemaps(SitePlanner(sitemap_limits=SitemapLimits(urls=3)).plan(sample_site()).pages)
    assert len(pages) > 2
    assert {kind_of(PurePosixPath(page.output_path)) for page in pages.values()} == {"sitemaps"}
