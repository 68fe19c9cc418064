"""Warm builds (a build cache and a previous output) give exactly the tree a cold build gives, and a
file whose bytes did not change stays the very same file (inode, bytes, modification time)."""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

import kiku
from kiku.build import BuildReport, build
from kiku.content.cache import articles as article_cache
from kiku.content.cache.articles import ARTICLES_DIR, CACHE_DIR
from kiku.render.pages.sitemap import SitemapLimits
from kiku.render.writing.memo import pagememo
from kiku.search.encoding.records import read_record
from kiku.unchanged import RECORD_FILE, _kiku_fingerprint
from tests.support.serve_site import PHONE_CALL_FILE, PHONE_CALL_SLUG, PHONE_CALL_TITLE, copy_site, replace_in
from tests.support.site_tree import site_tree, tree_differences

NEW_TITLE = "米ロ首脳電話会談の見出しを書き換えた版"


@pytest.fixture
def site(tmp_path: Path) -> Path:
    return copy_site(tmp_path / "site")


@pytest.fixture
def fresh_fingerprints() -> Iterator[None]:
    """The cached fingerprints of kiku's code, computed again before and after the test."""
    cached = (article_cache.loader_fingerprint, pagememo._renderer_fingerprint, _kiku_fingerprint)
    for function in cached:
        function.cache_clear()
    yield
    for function in cached:
        function.cache_clear()


def _cold_tree(site: Path, scratch: Path) -> dict[str, bytes]:
    """The output of a cold build of a copy of ``site``: no cache, no previous output."""
    shutil.rmtree(scratch, ignore_errors=True)
    shutil.copytree(site, scratch / "site", ignore=shutil.ignore_patterns(CACHE_DIR, "_site*"))
    report = build(scratch / "site", scratch / "_site")
    assert report.pages_unchanged == 0
    return site_tree(scratch / "_site")


def _identities(out_dir: Path) -> dict[str, tuple[int, int]]:
    """Every file's inode and modification time (ns)."""
    return {path.relative_to(out_dir).as_posix(): (path.stat().st_ino, path.stat().st_mtime_ns)
            for path in out_dir.rglob("*") if path.is_file()}


def _retitle(site: Path) -> None:
    replace_in(site / "content" / PHONE_CALL_FILE, f"title: {PHONE_CALL_TITLE}\n", f"title: {NEW_TITLE}\n")


def _assert_same_tree(out_dir: Path, cold: dict[str, bytes]) -> None:
    assert tree_differences(site_tree(out_dir), cold) == []
    assert site_tree(out_dir).keys() == cold.keys()


def test_cold_warm_and_edited_builds_write_the_cold_builds_tree(site: Path, tmp_path: Path) -> None:
    out_dir = tmp_path / "_site"
    first = build(site, out_dir)
    _assert_same_tree(out_dir, _cold_tree(site, tmp_path / "cold"))
    before = _identities(out_dir)

    noop = build(site, out_dir)
    assert (noop.nothing_changed, noop.pages_rendered, noop.pages_unchanged) == (True, 0, first.pages_written)
    assert _identities(out_dir) == before

    (site / CACHE_DIR / RECORD_FILE).unlink()  # a real build, every page's fingerprint unchanged
    warm = build(site, out_dir)
    assert (warm.nothing_changed, warm.pages_rendered, warm.pages_unchanged) == (False, 0, first.pages_written)
    assert _identities(out_dir) == before  # every file, pages and the rest, is the previous one
    _assert_same_tree(out_dir, _cold_tree(site, tmp_path / "cold"))

    _retitle(site)
    edited = build(site, out_dir)
    assert 0 < edited.pages_rendered < edited.pages_written
    _assert_same_tree(out_dir, _cold_tree(site, tmp_path / "cold-edited"))
    assert sorted(path.name for path in tmp_path.iterdir()) == ["_site", "cold", "cold-edited", "site"]


def test_an_edit_keeps_every_unchanged_file_and_never_writes_the_previous_output(site: Path, tmp_path: Path) -> None:
    out_dir = tmp_path / "_site"
    build(site, out_dir)
    before_bytes, before = site_tree(out_dir), _identities(out_dir)
    witness = tmp_path / "witness"  # second names for the previous output's files
    for relative in before:
        (witness / relative).parent.mkdir(parents=True, exist_ok=True)
        os.link(out_dir / relative, witness / relative)

    _retitle(site)
    build(site, out_dir)
    assert site_tree(witness) == before_bytes  # not one byte of the previous output was rewritten
    after_bytes, after = site_tree(out_dir), _identities(out_dir)
    kept = {relative for relative in before.keys() & after.keys() if before[relative] == after[relative]}
    same = {relative for relative in before.keys() & after.keys() if before_bytes[relative] == after_bytes[relative]}
    assert kept == same  # a file keeps its inode and time exactly when its bytes did not change
    assert {"tags/index.html", "404.html", "static/style.css", "favicon.svg"} <= kept
    assert {f"articles/{PHONE_CALL_SLUG}/index.html", f"articles/{PHONE_CALL_SLUG}/card.png"}.isdisjoint(kept)
    assert len(kept) > len(after) // 2, sorted(set(after) - kept)


def test_a_corrupt_cache_is_rebuilt_not_trusted(site: Path, tmp_path: Path) -> None:
    out_dir = tmp_path / "_site"
    first = build(site, out_dir)
    before = _identities(out_dir)
    cache = site / CACHE_DIR
    packs = sorted((cache / ARTICLES_DIR).glob("*.pack"))
    packs[0].write_bytes(packs[0].read_bytes()[:-40])  # cut short
    (cache / ARTICLES_DIR / "other.pack").write_bytes(b"\x80\x05not a pack")
    (cache / pagememo.MEMO_FILE).write_bytes(b"garbage")
    (cache / RECORD_FILE).write_bytes((cache / RECORD_FILE).read_bytes()[:-30])

    again = build(site, out_dir)
    assert (again.nothing_changed, again.pages_rendered) == (False, first.pages_written)
    _assert_same_tree(out_dir, _cold_tree(site, tmp_path / "cold"))
    assert _identities(out_dir) == before  # rendered again, same bytes: the same files
    assert _stored_keys(site).keys() == {path.name for path in (site / "content").glob("*.yaml")}  # stored again
    assert not packs[0].exists() and not (cache / ARTICLES_DIR / "other.pack").exists()
    assert build(site, out_dir).nothing_changed


def test_a_template_edit_renders_the_pages_that_use_it_again(site: Path, tmp_path: Path) -> None:
    out_dir = tmp_path / "_site"
    build(site, out_dir)
    before_bytes, before = site_tree(out_dir), _identities(out_dir)
    replace_in(site / "templates" / "month.html", '<div class="list-page">', '<div class="list-page" data-edited="yes">')
    report = build(site, out_dir)
    assert report.pages_rendered == report.pages_written  # any template may be included by any page
    month = out_dir / "archive" / "2025" / "03" / "index.html"
    assert 'data-edited="yes"' in month.read_text(encoding="utf-8")
    _assert_same_tree(out_dir, _cold_tree(site, tmp_path / "cold"))
    after_bytes, after = site_tree(out_dir), _identities(out_dir)
    changed = {relative for relative in after if after_bytes[relative] != before_bytes[relative]}
    assert changed == {"archive/2025/02/index.html", "archive/2025/03/index.html"}
    assert {relative for relative in after if after[relative] != before[relative]} == changed


def test_a_new_kiku_version_invalidates_the_article_cache_and_the_pages(
    site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fresh_fingerprints: None
) -> None:
    out_dir = tmp_path / "_site"
    first = build(site, out_dir)
    old_keys = _stored_keys(site)[PHONE_CALL_FILE]
    monkeypatch.setattr(kiku, "__version__", f"{kiku.__version__}.post1")
    for function in (article_cache.loader_fingerprint, pagememo._renderer_fingerprint, _kiku_fingerprint):
        function.cache_clear()
    reads: list[str] = []
    real_get = article_cache.ArticleCache.get

    def counting_get(self: article_cache.ArticleCache, file_name: str, key: bytes) -> object:
        found = real_get(self, file_name, key)
        reads.append(f"{file_name}:{'hit' if found is not None else 'miss'}")
        return found

    monkeypatch.setattr(article_cache.ArticleCache, "get", counting_get)
    report = build(site, out_dir)
    assert (report.nothing_changed, report.pages_rendered) == (False, first.pages_written)
    assert reads and all(read.endswith(":miss") for read in reads), reads
    new_keys = _stored_keys(site)[PHONE_CALL_FILE]
    assert new_keys and new_keys.isdisjoint(old_keys)  # stored again under the new version's key, the old let go
    _assert_same_tree(out_dir, _cold_tree(site, tmp_path / "cold"))


def _stored_keys(site: Path) -> dict[str, set[bytes]]:
    """The keys the article cache's packs hold, by content file name."""
    stored = article_cache.StoredArticles(site / CACHE_DIR / ARTICLES_DIR)
    keys: dict[str, set[bytes]] = {}
    for name, key in stored.packs.locations:
        keys.setdefault(name, set()).add(key)
    stored.close()
    return keys


def _search_record(out_dir: Path, slug: str) -> dict[str, object]:
    files = {path.relative_to(out_dir).as_posix(): path.read_bytes() for path in (out_dir / "search").rglob("*.bin*")}
    manifest = json.loads((out_dir / "search" / "manifest.json").read_bytes())
    for number in range(manifest["articles"]):
        record = read_record(files, number)
        assert isinstance(record, dict)
        if record["u"] == f"articles/{slug}/index.html":
            return record
    raise AssertionError(f"no search record for {slug}")


def _link_texts(page: Path, slug: str) -> list[str]:
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    return [link.get_text().replace("\u200b", "") for link in soup.find_all("a", href=True)
            if f"articles/{slug}/" in str(link["href"]) and link.get_text().strip()]


def test_search_cards_sources_and_archives_follow_an_edit_in_a_warm_build(site: Path, tmp_path: Path) -> None:
    out_dir = tmp_path / "_site"
    build(site, out_dir)
    card = out_dir / "articles" / PHONE_CALL_SLUG / "card.png"
    old_card = card.read_bytes()
    outlets = sorted(path for path in (out_dir / "sources").glob("*/index.html")
                     if f"articles/{PHONE_CALL_SLUG}/" in path.read_text(encoding="utf-8"))
    assert outlets
    for page in [*outlets, out_dir / "archive" / "2025" / "03" / "index.html"]:
        assert PHONE_CALL_TITLE in _link_texts(page, PHONE_CALL_SLUG), page

    _retitle(site)
    report: BuildReport = build(site, out_dir)
    assert report.pages_unchanged > 0
    record = _search_record(out_dir, PHONE_CALL_SLUG)
    fields = record["x"]
    assert isinstance(fields, list)
    assert record.get("t", fields[0]) == NEW_TITLE  # stored apart only when it is not the first field
    assert card.read_bytes() != old_card
    cold = tmp_path / "cold"
    _cold_tree(site, cold)
    assert card.read_bytes() == (cold / "_site" / "articles" / PHONE_CALL_SLUG / "card.png").read_bytes()
    for page in [*outlets, out_dir / "archive" / "2025" / "03" / "index.html"]:
        assert NEW_TITLE in _link_texts(page, PHONE_CALL_SLUG), page
        assert PHONE_CALL_TITLE not in _link_texts(page, PHONE_CALL_SLUG), page


def test_a_lead_and_a_setting_edited_between_builds_give_the_cold_builds_tree(site: Path, tmp_path: Path) -> None:
    # A page's fingerprint hashes an unchanged article (and its list entry, link and feed entry) as
    # its content key: what the key does not cover — the site's settings — must still reach the pages.
    out_dir = tmp_path / "_site"
    build(site, out_dir)
    replace_in(site / "content" / PHONE_CALL_FILE, "lead: プーチン大統領とトランプ大統領、", "lead: 両大統領、")
    replace_in(site / "site.yaml", "per_page: 10\n", "per_page: 7\n")
    replace_in(site / "site.yaml", "description: 海外ニュースを", "description: 世界のニュースを")
    report = build(site, out_dir)
    assert report.pages_rendered > 0  # every page: the settings are hashed into every fingerprint
    _assert_same_tree(out_dir, _cold_tree(site, tmp_path / "cold"))
    assert "両大統領、" in (out_dir / "index.html").read_text(encoding="utf-8")

    replace_in(site / "site.yaml", "title: 菊 Chrysanthemum Digest\n", "title: 菊 Digest\n")  # every page shows it
    report = build(site, out_dir)
    assert report.pages_rendered == report.pages_written
    _assert_same_tree(out_dir, _cold_tree(site, tmp_path / "cold"))


def _changed_files(before: dict[str, bytes], after: dict[str, bytes]) -> set[str]:
    return {relative for relative in before.keys() | after.keys() if before.get(relative) != after.get(relative)}


def _lists_article(page: Path) -> bool:
    return f"articles/{PHONE_CALL_SLUG}/" in page.read_text(encoding="utf-8")


def test_a_title_edit_renders_its_home_tag_month_and_feed_pages_again(site: Path, tmp_path: Path) -> None:
    # The list pages' contexts are made only when they are rendered: what decides that is their
    # fingerprint, which must follow the title into every list and feed showing it.
    out_dir = tmp_path / "_site"
    build(site, out_dir)
    before = site_tree(out_dir)
    _retitle(site)
    report = build(site, out_dir)
    _assert_same_tree(out_dir, _cold_tree(site, tmp_path / "cold"))
    changed = _changed_files(before, site_tree(out_dir))
    showing = {"index.html", "feed.xml", "archive/2025/03/index.html"}
    for tag in ("russia", "ukraine", "energy", "prisoner-exchange"):
        showing |= {f"tags/{tag}/index.html", f"tags/{tag}/feed.xml"}
    assert showing <= changed
    for relative in showing:
        page = out_dir / relative
        if relative.endswith(".xml"):
            assert f"<title>{NEW_TITLE}</title>" in page.read_text(encoding="utf-8"), relative
        else:
            assert NEW_TITLE in _link_texts(page, PHONE_CALL_SLUG), relative
    unchanged = {"tags/index.html", "tags/nato/index.html", "archive/2025/02/index.html", "archive/index.html",
                 "sitemap.xml"}
    assert unchanged.isdisjoint(changed)
    assert report.pages_rendered < report.pages_written


def test_a_tag_edit_renders_both_tags_pages_again(site: Path, tmp_path: Path) -> None:
    out_dir = tmp_path / "_site"
    build(site, out_dir)
    before = site_tree(out_dir)
    old_tag, new_tag = out_dir / "tags" / "economic-cooperation", out_dir / "tags" / "nato"
    assert _lists_article(old_tag / "index.html") and not _lists_article(new_tag / "index.html")
    replace_in(site / "content" / PHONE_CALL_FILE, "\n- economic-cooperation\n", "\n- nato\n")
    build(site, out_dir)
    _assert_same_tree(out_dir, _cold_tree(site, tmp_path / "cold"))
    changed = _changed_files(before, site_tree(out_dir))
    assert {"tags/economic-cooperation/index.html", "tags/nato/index.html", "tags/economic-cooperation/feed.xml",
            "tags/nato/feed.xml", "tags/index.html", f"articles/{PHONE_CALL_SLUG}/index.html"} <= changed
    assert not _lists_article(old_tag / "index.html") and _lists_article(new_tag / "index.html")


def _text(page: Path) -> str:
    return BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").get_text()


def test_a_tag_change_a_new_article_and_a_deleted_one_each_build_the_cold_builds_tree(
    site: Path, tmp_path: Path
) -> None:
    out_dir = tmp_path / "_site"
    build(site, out_dir)
    phone = site / "content" / PHONE_CALL_FILE
    link = f"articles/{PHONE_CALL_SLUG}/"

    replace_in(phone, "- prisoner-exchange\n", "- nato\n")  # one tag for another
    tagged = build(site, out_dir)
    assert 0 < tagged.pages_rendered < tagged.pages_written
    _assert_same_tree(out_dir, _cold_tree(site, tmp_path / "cold-tagged"))
    assert link in (out_dir / "tags" / "nato" / "index.html").read_text(encoding="utf-8")
    dropped = out_dir / "tags" / "prisoner-exchange" / "index.html"
    assert not dropped.exists() or link not in dropped.read_text(encoding="utf-8")

    follow_up = site / "content" / "2025-03-20-phone-call-follow-up.yaml"
    follow_up.write_text(
        phone.read_text(encoding="utf-8")
        .replace(f"title: {PHONE_CALL_TITLE}\n", "title: 電話会談の続報\n")
        .replace("date: 2025-03-19\n", "date: 2025-03-20\n"),
        encoding="utf-8",
    )
    added = build(site, out_dir)
    assert 0 < added.pages_rendered < added.pages_written
    _assert_same_tree(out_dir, _cold_tree(site, tmp_path / "cold-added"))
    assert "電話会談の続報" in _text(out_dir / "articles" / follow_up.stem / "index.html")
    assert "電話会談の続報" in _text(out_dir / "index.html")

    follow_up.unlink()
    _retitle(site)
    removed = build(site, out_dir)
    assert 0 < removed.pages_rendered < removed.pages_written
    _assert_same_tree(out_dir, _cold_tree(site, tmp_path / "cold-removed"))
    assert not (out_dir / "articles" / follow_up.stem).exists()
    assert "電話会談の続報" not in _text(out_dir / "index.html")
    assert NEW_TITLE in _text(out_dir / "articles" / PHONE_CALL_SLUG / "index.html")
    assert build(site, out_dir).nothing_changed


def test_a_split_sitemap_follows_new_and_deleted_articles_as_a_cold_build_does(
    site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("kiku.render.planning.planner.DEFAULT_LIMITS", SitemapLimits(urls=6))
    out_dir = tmp_path / "_site"
    build(site, out_dir)
    cold = _cold_tree(site, tmp_path / "cold")
    _assert_same_tree(out_dir, cold)
    parts = sorted(path for path in cold if path.startswith("sitemap-"))
    assert len(parts) > 2
    phone = site / "content" / PHONE_CALL_FILE
    copies = [site / "content" / f"2025-01-0{day}-copy.yaml" for day in range(1, 8)]
    for day, copy in enumerate(copies, start=1):
        text = phone.read_text(encoding="utf-8").replace("date: 2025-03-19\n", f"date: 2025-01-0{day}\n")
        copy.write_text(text, encoding="utf-8")
    grown = build(site, out_dir)
    assert 0 < grown.pages_rendered < grown.pages_written
    cold = _cold_tree(site, tmp_path / "cold-grown")
    _assert_same_tree(out_dir, cold)
    assert len([path for path in cold if path.startswith("sitemap-")]) > len(parts)
    for copy in copies:
        copy.unlink()
    build(site, out_dir)
    _assert_same_tree(out_dir, _cold_tree(site, tmp_path / "cold-shrunk"))
    assert sorted(path.name for path in out_dir.glob("sitemap-*.xml")) == sorted(parts)
