"""Publishing under a base URL: every link of every built file resolves, 404 works at any depth,
the sitemap and robots.txt, .nojekyll and CNAME, and ``kiku build --base-url``."""

from __future__ import annotations

import re
import shutil
from dataclasses import replace
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup
from lxml import etree

from kiku.build import render_site
from kiku.cli import main
from tests.support.sample_site import BASE_URL, REPO_ROOT, sample_site

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
ROOT_BASE_URL = "https://digest.example.org/"


def _build(out_dir: Path, base_url: str) -> Path:
    site = sample_site()
    render_site(replace(site, config=replace(site.config, base_url=base_url)), REPO_ROOT, out_dir)
    return out_dir


@pytest.fixture(scope="module", params=[BASE_URL, ROOT_BASE_URL], ids=["project-page", "domain-root"])
def published(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    base_url: str = request.param
    return _build(tmp_path_factory.mktemp("published") / "_site", base_url), base_url


def _files(out_dir: Path, suffix: str) -> list[str]:
    return sorted(path.relative_to(out_dir).as_posix() for path in out_dir.rglob(f"*{suffix}"))


def _target(out_dir: Path, base_url: str, source: str, url: str) -> str | None:
    """The file of the build ``url`` names, None for a link off the site; fails on a broken one."""
    parts = urlsplit(url)
    assert parts.scheme in ("http", "https"), f"{source}: {url} is not a web address"
    base = urlsplit(base_url)
    if parts.netloc != base.netloc:
        return None  # another site: a cited source
    assert parts.path.startswith(base.path), f"{source}: {url} leaves the site at {base_url}"
    path = unquote(parts.path.removeprefix(base.path))
    if path == "" or path.endswith("/"):
        path += "index.html"
    assert (out_dir / path).is_file(), f"{source}: {url} → {path} does not exist"
    return path


def _html_links(html: str) -> list[str]:
    soup = BeautifulSoup(html, "html.parser")
    return [str(element.get("href") or element.get("src")) for element in soup.select("[href], [src]")]


def test_every_link_of_every_page_exists_under_the_base_url(published: tuple[Path, str]) -> None:
    out_dir, base_url = published
    internal = 0
    for path in _files(out_dir, ".html"):
        page_url = base_url + path  # served as …/x/index.html or …/x/: the same folder
        for href in _html_links((out_dir / path).read_text(encoding="utf-8")):
            if _target(out_dir, base_url, path, urljoin(page_url, href)) is not None:
                internal += 1
    assert internal > 100


def test_404_links_work_at_any_depth(published: tuple[Path, str]) -> None:
    out_dir, base_url = published
    links = _html_links((out_dir / "404.html").read_text(encoding="utf-8"))
    assert links  # stylesheet, feed, home, tags
    for missing in ("nope.html", "articles/gone/", "a/b/c/d/e/"):
        for href in links:
            if href.startswith("#"):
                continue
            _target(out_dir, base_url, f"404.html at /{missing}", urljoin(base_url + missing, href))
    soup = BeautifulSoup((out_dir / "404.html").read_text(encoding="utf-8"), "html.parser")
    assert soup.select_one('meta[name="robots"]')["content"] == "noindex"  # type: ignore[index]
    assert soup.select_one('link[rel="canonical"]') is None
    assert "ページが見つかりません" in soup.get_text()


def test_feed_links_resolve(published: tuple[Path, str]) -> None:
    out_dir, base_url = published
    feeds = _files(out_dir, "feed.xml")
    outlet_feeds = [path for path in feeds if path.startswith("sources/")]
    assert len(outlet_feeds) == 5  # one per cited outlet
    assert feeds == sorted(["feed.xml", *(f"tags/{key}/feed.xml" for key in _used_tag_keys()), *outlet_feeds])
    for path in feeds:
        root = etree.parse(out_dir / path).getroot()
        self_link = root.find(f"{ATOM}link[@rel='self']")
        assert self_link is not None and self_link.get("href") == base_url + path
        for link in root.iter(f"{ATOM}link"):
            assert _target(out_dir, base_url, path, str(link.get("href"))) is not None


def test_sitemap_lists_every_public_page_with_lastmod(published: tuple[Path, str]) -> None:
    out_dir, base_url = published
    root = etree.parse(out_dir / "sitemap.xml").getroot()
    entries = {
        url.findtext(f"{SITEMAP}loc"): url.findtext(f"{SITEMAP}lastmod") for url in root.iter(f"{SITEMAP}url")
    }
    pages = {_target(out_dir, base_url, "sitemap.xml", str(loc)) for loc in entries}
    assert pages == set(_files(out_dir, ".html")) - {"404.html", "search/index.html"}
    site = sample_site()
    assert entries[base_url] == "2025-03-19"  # home: its newest article
    for article in site.articles:
        assert entries[f"{base_url}articles/{article.slug}/"] == article.date.isoformat()
    assert entries[f"{base_url}tags/saudi-arabia/"] == "2025-02-19"
    assert all(re.fullmatch(r"\d{4}-\d\d-\d\d", str(lastmod)) for lastmod in entries.values())


def test_the_search_page_is_indexable_by_its_canonical_url_but_not_in_the_sitemap(published: tuple[Path, str]) -> None:
    out_dir, base_url = published
    soup = BeautifulSoup((out_dir / "search" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert soup.select_one('meta[name="robots"]') is None
    assert soup.select_one('link[rel="canonical"]')["href"] == f"{base_url}search/"  # type: ignore[index]
    assert f"<loc>{base_url}search/</loc>" not in (out_dir / "sitemap.xml").read_text(encoding="utf-8")


def test_robots_txt_points_to_the_sitemap(published: tuple[Path, str]) -> None:
    out_dir, base_url = published
    robots = (out_dir / "robots.txt").read_text(encoding="utf-8")
    assert robots == f"User-agent: *\nAllow: /\n\nSitemap: {base_url}sitemap.xml\n"
    assert _target(out_dir, base_url, "robots.txt", f"{base_url}sitemap.xml") == "sitemap.xml"


def test_nojekyll_is_written_and_no_cname_without_setting(published: tuple[Path, str]) -> None:
    out_dir, _ = published
    assert (out_dir / ".nojekyll").read_bytes() == b""
    assert not (out_dir / "CNAME").exists()


def _used_tag_keys() -> set[str]:
    return {key for article in sample_site().articles for key in article.tags}


# --- site.yaml's cname and kiku build --base-url, through the command line ----------------------


@pytest.fixture
def site(tmp_path: Path) -> Path:
    root = tmp_path / "site"
    for folder in ("content", "templates", "static"):
        shutil.copytree(REPO_ROOT / folder, root / folder)
    shutil.copy(REPO_ROOT / "site.yaml", root / "site.yaml")
    return root


def _set_config(site: Path, old: str, new: str) -> None:
    config = site / "site.yaml"
    text = config.read_text(encoding="utf-8")
    assert old in text
    config.write_text(text.replace(old, new, 1), encoding="utf-8")


def _canonical(out_dir: Path, path: str) -> str:
    soup = BeautifulSoup((out_dir / path).read_text(encoding="utf-8"), "html.parser")
    return str(soup.select_one('link[rel="canonical"]')["href"])  # type: ignore[index]


def test_cname_is_written(site: Path) -> None:
    _set_config(
        site, "base_url: https://example.github.io/digest/", "base_url: https://digest.example.org/\ncname: digest.example.org"
    )
    assert main(["build", "--site", str(site)]) == 0
    assert (site / "_site" / "CNAME").read_text(encoding="ascii") == "digest.example.org\n"
    assert (site / "_site" / ".nojekyll").is_file()
    assert _canonical(site / "_site", "tags/index.html") == "https://digest.example.org/tags/"


@pytest.mark.parametrize(
    ("cname", "message"),
    [
        (
            "https://digest.example.org/",
            "site.yaml:8:8: cname: expected a host name such as 'digest.example.com' (no scheme, no path),"
            " got 'https://digest.example.org/'",
        ),
        (
            "digest.example.com",
            "site.yaml:8:8: cname: 'digest.example.com' is not the host of base_url"
            " 'https://example.github.io/digest/': GitHub Pages serves the site at the cname, so base_url must use it",
        ),
    ],
)
def test_bad_cname_is_an_error_naming_the_key(site: Path, cname: str, message: str, capsys: pytest.CaptureFixture[str]) -> None:
    _set_config(site, "language: ja", f"language: ja\ncname: {cname}")
    assert main(["build", "--site", str(site)]) == 1
    assert capsys.readouterr().err.splitlines()[0] == message
    assert not (site / "_site").exists()


def test_base_url_option_overrides_site_yaml_for_one_build(site: Path) -> None:
    assert main(["build", "--site", str(site), "--base-url", "http://localhost:8000/preview"]) == 0
    out_dir = site / "_site"
    assert _canonical(out_dir, "index.html") == "http://localhost:8000/preview/"
    assert "Sitemap: http://localhost:8000/preview/sitemap.xml" in (out_dir / "robots.txt").read_text(encoding="utf-8")
    assert 'href="/preview/static/style.css"' in (out_dir / "404.html").read_text(encoding="utf-8")
    assert main(["build", "--site", str(site)]) == 0  # the next build is back to site.yaml's
    assert _canonical(out_dir, "index.html") == "https://example.github.io/digest/"


def test_bad_base_url_option_is_a_usage_error(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["build", "--site", str(site), "--base-url", "localhost:8000"]) == 2
    assert "argument --base-url: not an http(s) URL: 'localhost:8000'" in capsys.readouterr().err
    assert main(["build", "--site", str(site), "--base-url", "https://x.org/?a=1"]) == 2
    assert "argument --base-url: must not have a query or a fragment" in capsys.readouterr().err
    assert not (site / "_site").exists()
