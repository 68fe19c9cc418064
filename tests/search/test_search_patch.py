"""A build after an edit re-encodes only the shards the edit reaches, from the last build's, into
the same bytes as a build from nothing; a damaged or foreign shard state is never trusted."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiku.build import SEARCH_CACHE, build, file_writer
from kiku.content.cache.articles import CACHE_DIR
from kiku.content.model import DigestArticle, Section, Site
from kiku.search import index
from kiku.search.encoding.shards import shard_count
from kiku.search.incremental.cache import EntryCache
from kiku.search.incremental.patch import bigram_context
from kiku.search.incremental.state import STATE_NAME, read_state
from kiku.search.index import SearchIndex, build_search_index, write_search_index
from tests.support.search_site import search_site
from tests.support.serve_site import PHONE_CALL_FILE, PHONE_CALL_TITLE, copy_site_with_copies, replace_in
from tests.support.site_tree import site_tree, tree_differences


def _site(texts: list[str]) -> Site:
    """The search site's configuration with one article per text, newest first (its lead; the title is
    its start); the oldest is article-000: texts put before the others are articles added since."""
    site = search_site()
    first = dt.date(2025, 1, 1)
    articles = tuple(
        DigestArticle(slug=f"article-{number:03d}", title=f"記事{text[:3]}", date=first + dt.timedelta(days=number),
                      lead=text, sections=(Section(heading="見出し", body=(f"{text}、続き。",)),))
        for number, text in reversed(list(enumerate(reversed(texts))))
    )
    return replace(site, articles=articles)


def _written(folder: Path) -> dict[str, bytes]:
    return {path.relative_to(folder).as_posix(): path.read_bytes() for path in folder.rglob("*") if path.is_file()}


class _Assemblies:
    """Counts the builds that encoded every shard (``index._assemble``) instead of patching."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.count = 0
        original = index._assemble

        def counted(*arguments: object) -> object:
            self.count += 1
            return original(*arguments)  # type: ignore[arg-type]

        monkeypatch.setattr(index, "_assemble", counted)


def _served(before: Site, after: Site) -> dict[str, bytes]:
    """The files of ``kiku serve``'s index of ``before`` updated to ``after`` (an edit: patched in place)."""
    index = SearchIndex()
    index.update(before)
    index.update(after)
    return index.files


def _write(site: Site, folder: Path, cache: Path) -> dict[str, bytes]:
    write_search_index(site, file_writer(folder), EntryCache(cache))
    return _written(folder)


BASE = [
    "ゼレンスキー大統領が停戦交渉に臨んだ",
    "ゼレンスキー大統領は和平を求めた",
    "停戦交渉は難航している",
    "大統領選挙の日程が決まった",
    "和平交渉の行方に注目が集まる",
    "経済協力の拡大で合意した",
    "エネルギー施設への攻撃が続く",
    "停戦の監視団が到着した",
    "ゼレンスキー氏の演説",
    "交渉団がリヤドに入った",
]
EDITS = [
    "ゼレンスキー大統領が停戦交渉に臨んだ",  # unchanged text: nothing to patch
    "ゼレンスキー首相が停戦交渉に臨んだ",  # ゼレンスキー大統領's right context shrinks elsewhere
    "ゼレンスキー大統領が停戦協議に臨んだ",  # 停戦交渉: one article fewer
    "まったく別の話題です",  # every token gone, new ones (a bigram of one article gets none)
    "ゼレンスキー",  # contexts grow back: the run that cut them is gone
    "ゼレンスキー大統領が停戦交渉に臨んだ。NATO Summit 2025",  # words too
]


@pytest.mark.parametrize("edit", EDITS)
def test_an_edit_patches_the_shards_into_a_cold_builds_bytes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, edit: str
) -> None:
    site = _site(BASE)
    cache = tmp_path / "cache"
    _write(site, tmp_path / "first", cache)
    assemblies = _Assemblies(monkeypatch)
    edited = _site([edit, *BASE[1:]])
    patched = _write(edited, tmp_path / "patched", cache)
    assert assemblies.count == 0  # the shards were patched, not all encoded
    assert patched == dict(build_search_index(edited).files)
    assert patched == _write(edited, tmp_path / "cold", tmp_path / "cold-cache")
    assert patched == _served(site, edited)
    state = read_state(cache)
    assert state is not None
    shards = {f"search/shards/{number}.json.gz": data for number, data in enumerate(state.shards)}
    assert shards.items() <= patched.items()  # the state kept is the index written

def test_the_head_flag_moves_with_the_token(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    site = _site(BASE)
    cache = tmp_path / "cache"
    _write(site, tmp_path / "first", cache)
    assemblies = _Assemblies(monkeypatch)
    moved = replace(site, articles=(replace(site.articles[0], title="和平交渉"), *site.articles[1:]))
    patched = _write(moved, tmp_path / "patched", cache)
    assert assemblies.count == 0
    assert patched == dict(build_search_index(moved).files)


MANY = [f"{text}（{number}）" for number in range(2) for text in BASE]  # 2 packs, 4 shards
ADDED = [
    "ゼレンスキー大統領が停戦交渉に臨んだ",  # the same text as the newest: only postings grow
    "ゼレンスキー大統領の停戦案",  # ゼレンスキー大統領's right context shrinks
    "停戦",  # a bigram of one article gets a context
    "まったく新しい話題。NATO Summit 2026",  # new tokens only, words too
]


@pytest.mark.parametrize("text", ADDED)
def test_adding_a_newest_article_patches_the_shards_into_a_cold_builds_bytes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str
) -> None:
    site = _site(MANY)
    cache = tmp_path / "cache"
    first = _write(site, tmp_path / "first", cache)
    assemblies = _Assemblies(monkeypatch)
    grown = _site([text, *MANY])  # numbered oldest first: every other article keeps its number
    patched = _write(grown, tmp_path / "patched", cache)
    assert assemblies.count == 0
    assert patched == dict(build_search_index(grown).files)
    assert patched == _write(grown, tmp_path / "cold", tmp_path / "cold-cache")
    assert patched == _served(site, grown)
    changed = {path for path, data in patched.items() if first.get(path) != data}
    assert {"search/records/0.bin", "search/codebook.bin"}.isdisjoint(changed)  # the oldest 16's pack stays
    assert {"search/manifest.json", "search/records/1.bin", "search/records/lengths.bin.gz"} <= changed


def test_adding_and_editing_together_patch_while_few(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    site = _site(MANY)  # 2 of 20 articles may change
    cache = tmp_path / "cache"
    _write(site, tmp_path / "first", cache)
    assemblies = _Assemblies(monkeypatch)
    grown = _site(["新しい停戦交渉", *MANY[:5], "ゼレンスキー首相が停戦交渉に臨んだ", *MANY[6:]])
    patched = _write(grown, tmp_path / "patched", cache)
    assert assemblies.count == 0
    assert patched == dict(build_search_index(grown).files) == _served(site, grown)


def test_removing_moving_or_many_changes_encode_every_shard(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    site = _site(BASE)
    cache = tmp_path / "cache"
    _write(site, tmp_path / "first", cache)
    assemblies = _Assemblies(monkeypatch)
    shrunk = _site(BASE[:-1])  # the oldest removed: every other article's number moves
    shrunk_files = _write(shrunk, tmp_path / "shrunk", cache)
    rewritten = _site([f"{text}と書き換えた" for text in BASE[:-1]])  # all changed
    rewritten_files = _write(rewritten, tmp_path / "rewritten", cache)
    grown = _site(["一つ目の新記事", "二つ目の新記事", *[f"{text}と書き換えた" for text in BASE[:-1]]])  # 2 new of 11
    grown_files = _write(grown, tmp_path / "grown", cache)
    assert assemblies.count == 3
    assert shrunk_files == dict(build_search_index(shrunk).files) == _served(site, shrunk)
    assert rewritten_files == dict(build_search_index(rewritten).files)
    assert grown_files == dict(build_search_index(grown).files)


@pytest.mark.parametrize("damage", ["truncate", "flip", "foreign"])
def test_a_damaged_state_is_rebuilt_not_trusted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, damage: str) -> None:
    site = _site(BASE)
    cache = tmp_path / "cache"
    _write(site, tmp_path / "first", cache)
    state = cache / STATE_NAME
    data = bytearray(state.read_bytes())
    if damage == "truncate":
        data = data[: len(data) - 10]
    elif damage == "flip":
        data[-5] ^= 0xFF  # inside the last shard's gzip stream
    else:
        data[:18] = b"kiku-search-shards"[::-1]
    state.write_bytes(bytes(data))
    assert read_state(cache) is None
    assemblies = _Assemblies(monkeypatch)
    edited = _site(["ゼレンスキー首相が停戦交渉に臨んだ", *BASE[1:]])
    after = _write(edited, tmp_path / "after", cache)
    assert assemblies.count == 1 and read_state(cache) is not None  # rebuilt, and kept again
    assert after == dict(build_search_index(edited).files)


_TEXT = st.text(st.sampled_from("ゼレンスキー大統領停戦交渉和平"), min_size=1, max_size=14)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(_TEXT, min_size=8, max_size=12), st.booleans(), st.data())
def test_any_one_edit_or_added_article_patches_into_a_cold_builds_bytes(
    tmp_path_factory: pytest.TempPathFactory, texts: list[str], added: bool, data: st.DataObject
) -> None:
    folder = tmp_path_factory.mktemp("patch")
    if added:
        edited_texts = [data.draw(_TEXT), *texts]  # a newest article
    else:
        edited_texts = [*texts]
        edited_texts[data.draw(st.integers(0, len(texts) - 1))] = data.draw(_TEXT)
    cache = folder / "cache"
    _write(_site(texts), folder / "first", cache)
    edited = _site(edited_texts)
    with pytest.MonkeyPatch.context() as patch:
        assemblies = _Assemblies(patch)
        patched = _write(edited, folder / "patched", cache)
    assert assemblies.count == (shard_count(len(texts)) != shard_count(len(edited_texts)))  # patched unless it grew
    assert patched == dict(build_search_index(edited).files) == _served(_site(texts), edited)


def test_a_bigrams_context_is_what_all_its_occurrences_share() -> None:
    assert bigram_context("ゼレ", ["ゼレンスキー\n大統領", "首相\nゼレンスキー氏"]) == ("", "ンスキー")
    assert bigram_context("ゼレ", ["ゼレンスキー", "あゼレ"]) is None
    assert bigram_context("ああ", ["あああ"]) is None  # overlapping: ("", "あ") and ("あ", "") share nothing


def test_kiku_build_after_an_edit_patches_the_index_into_the_cold_builds_tree(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site_root = copy_site_with_copies(tmp_path / "site", 1)  # 10 articles: one edit is patched
    out_dir = tmp_path / "_site"
    build(site_root, out_dir)
    assert read_state(site_root / SEARCH_CACHE) is not None
    retitled = "title: 電話会談の見出しを改めた\n"
    replace_in(site_root / "content" / PHONE_CALL_FILE, f"title: {PHONE_CALL_TITLE}\n", retitled)
    assemblies = _Assemblies(monkeypatch)
    build(site_root, out_dir)
    assert assemblies.count == 0
    monkeypatch.undo()
    cold = tmp_path / "cold"
    shutil.copytree(site_root, cold / "site", ignore=shutil.ignore_patterns(CACHE_DIR))
    build(cold / "site", cold / "_site")
    assert tree_differences(site_tree(out_dir), site_tree(cold / "_site")) == []


def test_kiku_build_after_adding_the_newest_article_patches_the_index_into_the_cold_builds_tree(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site_root = copy_site_with_copies(tmp_path / "site", 1)
    out_dir = tmp_path / "_site"
    build(site_root, out_dir)
    newest = max((site_root / "content").glob("*.yaml"))
    text = newest.read_text(encoding="utf-8")
    date = dt.date.fromisoformat(re.search(r"^date: (\S+)$", text, re.MULTILINE)[1])  # type: ignore[index]
    added = (date + dt.timedelta(days=1)).isoformat()
    text = re.sub(r"^date: \S+$", f"date: {added}", text, count=1, flags=re.MULTILINE)
    text = re.sub(r"^title: ", "title: 追加・", text, count=1, flags=re.MULTILINE)
    (site_root / "content" / f"{added}-added.yaml").write_text(text, encoding="utf-8")
    before = site_tree(out_dir)
    assemblies = _Assemblies(monkeypatch)
    build(site_root, out_dir)
    assert assemblies.count == 0
    monkeypatch.undo()
    after = site_tree(out_dir)
    index_files = [path for path in after if path.startswith("search/")]
    rewritten = [path for path in index_files if before.get(path) != after[path]]
    assert len(rewritten) < len(index_files)  # the shards the new article does not reach are the same bytes
    cold = tmp_path / "cold"
    shutil.copytree(site_root, cold / "site", ignore=shutil.ignore_patterns(CACHE_DIR))
    build(cold / "site", cold / "_site")
    assert tree_differences(after, site_tree(cold / "_site")) == []
