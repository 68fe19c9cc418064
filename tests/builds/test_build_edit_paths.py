"""The edit build's shortcuts give the cold build's tree: a date edit that moves an article, search
entries found by the articles' content keys, and the files of the last output that the page memo
vouches for, linked without being read (and read again once edited by hand)."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from kiku.build import build
from kiku.content.model import Article
from kiku.render.views.page import TagView
from kiku.render.writing.parallel.output import holds
from kiku.search.entries.article import EntryData, NumberedTag, index_articles
from tests.support.serve_site import PHONE_CALL_FILE, PHONE_CALL_SLUG, copy_site, replace_in
from tests.support.site_tree import cold_tree, site_tree, tree_differences

NEWEST_SLUG = "2025-03-21-united-states-ukraine-russia-bdc85f"
OLDEST_SLUGS = (  # 2025-02-19, in the site's order (date descending, then slug)
    "2025-02-19-russia-ukraine-ceasefire-f9ef33",
    "2025-02-19-russia-united-states-ukraine-ec86f3",
    "2025-02-19-ukraine-united-states-russia-f0a971",
)


@pytest.fixture
def site(tmp_path: Path) -> Path:
    return copy_site(tmp_path / "site")


def _assert_cold_tree(out_dir: Path, site: Path, scratch: Path) -> None:
    cold = cold_tree(site, scratch)
    assert tree_differences(site_tree(out_dir), cold) == []
    assert site_tree(out_dir).keys() == cold.keys()


def _older_slug(page: Path) -> str:
    """The slug of the article an article page links to as the one before it."""
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    link = soup.select_one("a.article-nav-older")
    assert link is not None, page
    return str(link["href"]).removesuffix("/index.html").rpartition("/")[2]


def _month_links(out_dir: Path, month: str) -> str:
    return (out_dir / "archive" / month / "index.html").read_text(encoding="utf-8")


def test_a_date_edit_moves_the_article_between_months_and_neighbours_as_a_cold_build_does(
    site: Path, tmp_path: Path
) -> None:
    out_dir = tmp_path / "_site"
    build(site, out_dir)
    link = f"articles/{PHONE_CALL_SLUG}/"
    assert link in _month_links(out_dir, "2025/03")

    replace_in(site / "content" / PHONE_CALL_FILE, "date: 2025-03-19\n", "date: 2025-02-10\n")
    moved = build(site, out_dir)

    assert 0 < moved.pages_rendered < moved.pages_written
    _assert_cold_tree(out_dir, site, tmp_path / "cold")
    assert link in _month_links(out_dir, "2025/02")
    assert link not in _month_links(out_dir, "2025/03")
    # Now the oldest article: the one that was oldest links to it as the older one.
    assert _older_slug(out_dir / "articles" / NEWEST_SLUG / "index.html") == OLDEST_SLUGS[0]
    assert _older_slug(out_dir / "articles" / OLDEST_SLUGS[-1] / "index.html") == PHONE_CALL_SLUG


def test_an_edit_build_indexes_only_the_edited_article_and_never_hashes_an_articles_text(
    site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    indexed = tmp_path / "indexed.txt"  # the index is written in forked processes: counted in a file

    def counting(jobs: Sequence[tuple[Article, tuple[NumberedTag, ...]]]) -> list[EntryData]:
        if jobs:  # a build with nothing to index still asks, for no article
            with indexed.open("a", encoding="utf-8") as log:
                log.writelines(article.slug + "\n" for article, _ in jobs)
        return index_articles(jobs)

    def refused(article: Article, tags: tuple[TagView, ...]) -> str:
        raise AssertionError(f"{article.slug}: keyed by its whole text, though the loader gave its content key")

    monkeypatch.setattr("kiku.search.entries.article.index_articles", counting)
    monkeypatch.setattr("kiku.search.entries.site.entry_key", refused)
    out_dir = tmp_path / "_site"
    build(site, out_dir)
    assert len(indexed.read_text(encoding="utf-8").split()) == 5
    indexed.unlink()

    assert not build(site, out_dir, future=True).nothing_changed  # a real build, nothing edited: nothing indexed
    assert not indexed.exists()

    replace_in(site / "content" / PHONE_CALL_FILE, "\ntitle: ", "\ntitle: 【続報】")
    build(site, out_dir)
    assert indexed.read_text(encoding="utf-8").split() == [PHONE_CALL_SLUG]
    _assert_cold_tree(out_dir, site, tmp_path / "cold")


def test_search_files_the_memo_vouches_for_are_linked_unread_and_a_hand_edited_one_is_written_again(
    site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out_dir = tmp_path / "_site"
    build(site, out_dir)
    files = sorted(path for path in (out_dir / "search").rglob("*") if path.is_file() and path.name != "index.html")
    assert {path.relative_to(out_dir / "search").as_posix() for path in files} == {
        "manifest.json", "codebook.bin", "shards/0.json.gz", "records/0.bin", "records/lengths.bin.gz"}
    before = {path: os.stat(path).st_ino for path in files}

    compared = tmp_path / "compared.txt"
    def counting(old: str, data: bytes) -> bool:
        with compared.open("a", encoding="utf-8") as log:
            log.write(old.rpartition("/search/")[2] + "\n")
        return holds(old, data)

    monkeypatch.setattr("kiku.render.writing.other_files.extras.holds", counting)
    hand_edited = out_dir / "search" / "codebook.bin"
    hand_edited.write_bytes(hand_edited.read_bytes() + b"!")  # a byte more: not the file the memo recorded
    replace_in(site / "content" / PHONE_CALL_FILE, "\ntitle: ", "\ntitle: 【続報】")
    build(site, out_dir)

    read_again = set(compared.read_text(encoding="utf-8").split())
    # The hand-edited codebook is not vouched for and the edited article's pack and shard are new:
    # each compared byte by byte with the last output's; the manifest is linked unread.
    assert {"codebook.bin", "records/0.bin", "shards/0.json.gz"} <= read_again
    assert "manifest.json" not in read_again
    _assert_cold_tree(out_dir, site, tmp_path / "cold")
    manifest = out_dir / "search" / "manifest.json"
    assert os.stat(manifest).st_ino == before[manifest]
    assert os.stat(hand_edited).st_ino != before[hand_edited]
