"""The search entry cache: the same index with or without it, and nothing it holds is trusted."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

import pytest

from kiku.build import SEARCH_CACHE, build
from kiku.content.model import Article, Site, Tag
from kiku.search.encoding.records import LENGTHS_PATH, UNIT, read_lengths
from kiku.search.entries.article import EntryData, NumberedTag, index_articles
from kiku.search.incremental.cache import PACK_NAME, EntryCache
from kiku.search.index import build_search_index
from tests.support.search_site import DECOY, search_site
from tests.support.serve_site import copy_site


def _indexed_with(site: Site, folder: Path) -> tuple[dict[str, bytes], int]:
    """The index files of ``site`` built with the cache in ``folder``, and how many entries it gave."""
    cache = EntryCache(folder)
    files = dict(build_search_index(site, cache=cache).files)
    return files, cache.hits


def test_the_index_is_the_same_with_a_cold_a_warm_and_no_cache(tmp_path: Path) -> None:
    site = search_site()
    without = dict(build_search_index(site).files)
    cold, cold_hits = _indexed_with(site, tmp_path)
    warm, warm_hits = _indexed_with(site, tmp_path)
    assert cold == without and warm == without
    assert (cold_hits, warm_hits) == (0, len(site.articles))


def test_an_edited_article_is_reindexed_and_its_old_entry_dropped(tmp_path: Path) -> None:
    site = search_site()
    _indexed_with(site, tmp_path)
    pack = (tmp_path / PACK_NAME).read_bytes()
    edited = replace(DECOY, lead="和平協議が始まった。")
    new_site = replace(site, articles=tuple(edited if article is DECOY else article for article in site.articles))
    files, hits = _indexed_with(new_site, tmp_path)
    assert hits == len(site.articles) - 1
    assert files == build_search_index(new_site).files
    appended = (tmp_path / PACK_NAME).read_bytes()
    assert appended.startswith(pack) and "和平協議".encode() in appended[len(pack) :]  # appended, not rewritten
    _, hits_again = _indexed_with(new_site, tmp_path)
    assert hits_again == len(site.articles)
    assert "外交交渉".encode() in (tmp_path / PACK_NAME).read_bytes()  # one stale entry in 7: kept for now
    # Once more than a quarter of the pack would be stale, it is rewritten with this site's entries only.
    edited = replace(DECOY, lead="和平協議が再開した。")  # a second stale entry: 2 in 7
    new_site = replace(site, articles=tuple(edited if article is DECOY else article for article in site.articles))
    files, _ = _indexed_with(new_site, tmp_path)
    assert files == build_search_index(new_site).files
    assert len(EntryCache(tmp_path)) == len(site.articles)
    rewritten = (tmp_path / PACK_NAME).read_bytes()
    assert "外交交渉".encode() not in rewritten and "和平協議が始まった".encode() not in rewritten


def test_a_new_tag_renumbering_the_others_reindexes_the_articles_it_moves(tmp_path: Path) -> None:
    """A record names its tags by their places in the manifest's list: a tag sorting first moves
    every other one, so no cached record may keep the old numbers."""
    site = search_site()
    _indexed_with(site, tmp_path)
    tags = {"aaa-first": Tag("aaa-first", "最初", "First"), **site.config.tags}
    renumbered = replace(site, config=replace(site.config, tags=tags))
    files, hits = _indexed_with(renumbered, tmp_path)
    assert files == build_search_index(renumbered).files
    assert hits == sum(not article.tags for article in site.articles)  # only the untagged article is kept


def test_a_damaged_entry_is_rebuilt_not_trusted(tmp_path: Path) -> None:
    site = search_site()
    expected, _ = _indexed_with(site, tmp_path)
    pack = tmp_path / PACK_NAME
    data = bytearray(pack.read_bytes())
    at = data.index("停戦".encode())  # in some entry's tokens
    data[at : at + 6] = "核融".encode()  # a token the article does not have, same length
    pack.write_bytes(bytes(data))
    files, hits = _indexed_with(site, tmp_path)
    assert files == expected
    assert hits == len(site.articles) - 1  # the checksum caught it
    _, healed = _indexed_with(site, tmp_path)
    assert healed == len(site.articles)  # and the rebuilt entry was written back


def test_a_truncated_or_foreign_pack_is_an_empty_cache(tmp_path: Path) -> None:
    site = search_site()
    expected, _ = _indexed_with(site, tmp_path)
    pack = tmp_path / PACK_NAME
    whole = pack.read_bytes()
    pack.write_bytes(whole[: len(whole) // 2])
    files, hits = _indexed_with(site, tmp_path)
    assert files == expected and 0 < hits < len(site.articles)  # the entries before the cut are sound
    for foreign in (b"", b"\x00" * 100, b"kiku-search-cache 0 tokenizer 1\n" + whole[40:]):
        pack.write_bytes(foreign)
        files, hits = _indexed_with(site, tmp_path)
        assert files == expected and hits == 0


def test_kiku_build_keeps_the_cache_under_kiku_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    indexed: list[str] = []

    def counting(jobs: Sequence[tuple[Article, tuple[NumberedTag, ...]]]) -> list[EntryData]:
        indexed.extend(article.slug for article, _ in jobs)
        return index_articles(jobs)

    monkeypatch.setattr("kiku.search.entries.article.index_articles", counting)
    # The build writes the index in a forked process beside the pages: here in this one, to count.
    monkeypatch.setattr("kiku.runtime.forks.process_count", lambda *_: 1)
    site_root = copy_site(tmp_path / "site")
    first = build(site_root, tmp_path / "one")
    assert (site_root / SEARCH_CACHE / PACK_NAME).is_file()
    articles = len(indexed)
    second = build(site_root, tmp_path / "two")
    assert articles > 0 and len(indexed) == articles  # the second build indexed nothing
    assert first.search_files == second.search_files > 0
    for path in (tmp_path / "one" / "search").rglob("*"):
        if path.is_file():
            assert path.read_bytes() == (tmp_path / "two" / path.relative_to(tmp_path / "one")).read_bytes(), path


def test_an_added_newest_article_is_the_only_one_indexed_and_takes_the_next_number(tmp_path: Path) -> None:
    site = search_site()
    before, _ = _indexed_with(site, tmp_path)
    newest = max(site.articles, key=lambda article: article.date)
    added = replace(DECOY, slug="added", date=newest.date + dt.timedelta(days=1), title="新たに加えた記事")
    grown = replace(site, articles=(added, *site.articles))
    files, hits = _indexed_with(grown, tmp_path)
    assert hits == len(site.articles) and files == build_search_index(grown).files
    kept = sum(read_lengths(before[LENGTHS_PATH])[: len(site.articles) // UNIT])  # the oldest articles' full units
    assert kept and files["search/records/0.bin"][:kept] == before["search/records/0.bin"][:kept]
