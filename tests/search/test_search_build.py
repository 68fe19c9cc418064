"""The index as a build writes it: streamed, in forked workers, from compact entries; the same bytes
as the index built in memory."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kiku.build import file_writer
from kiku.content.model import Site
from kiku.runtime import forks
from kiku.search import index as index_module
from kiku.search.encoding.records import UNIT, deflated_units
from kiku.search.encoding.shards import encode_postings, encode_values, shard_count
from kiku.search.entries.article import lines
from kiku.search.entries.keys import japanese_keys, key_text, pack_keys, pair_key
from kiku.search.entries.text_arrays import TextTokens, batch_tokens, character_classes
from kiku.search.incremental.cache import EntryCache
from kiku.search.index import SearchIndex, build_search_index, write_search_index
from kiku.search.postings.extensions import extensions, shared_contexts
from kiku.search.text.normalise import normalise, tokens, words_and_runs
from tests.render.sharecards.test_cards import generated_titles
from tests.support.search_site import search_site
from tests.support.search_tokens_cases import NASTY


def _many_articles(count: int) -> Site:
    """``count`` articles made from the search site's, each with a title of its own."""
    site = search_site()
    first = dt.date(2025, 3, 31)
    articles = tuple(
        replace(site.articles[number % len(site.articles)], slug=f"article-{number:04d}", title=title,
                date=first - dt.timedelta(days=number // 3))
        for number, title in enumerate(generated_titles(count)[:count])
    )
    return replace(site, articles=articles)


def _written(folder: Path) -> dict[str, bytes]:
    return {path.relative_to(folder).as_posix(): path.read_bytes() for path in folder.rglob("*") if path.is_file()}


@pytest.mark.parametrize("text", [*NASTY, "停戦交渉　ＮＡＴＯ\n𠮷野家の𠮷", "あ", "ア・イ、ウ。ー"])
def test_the_token_keys_are_the_tokens(text: str) -> None:
    normalised = normalise(text)
    words, runs = words_and_runs(normalised)
    assert words | {key_text(key) for key in japanese_keys(runs)} == set(tokens(normalised))


def _expected_tokens(head: str, other: str) -> TextTokens:
    """What ``batch_tokens`` must find for one article, from the spec's own functions, text by text."""
    head_words, head_runs = words_and_runs(head)
    other_words, other_runs = words_and_runs(other)
    head_keys = japanese_keys(head_runs)
    return TextTokens(
        japanese_head=pack_keys(sorted(head_keys)),
        japanese=pack_keys(sorted(japanese_keys(other_runs) - head_keys)),
        words_head="\n".join(sorted(head_words)),
        words="\n".join(sorted(other_words - head_words)),
        runs="\n".join(run for run in dict.fromkeys(head_runs + other_runs) if len(run) > 1),
    )


def _sorted_words(found: TextTokens) -> TextTokens:
    return replace(found, words_head="\n".join(sorted(lines(found.words_head))),
                   words="\n".join(sorted(lines(found.words))))


_BATCH_TEXTS = [
    *((normalise(head), normalise(other)) for head, other in zip(NASTY, [*NASTY[1:], NASTY[0]], strict=True)),
    ("", ""), ("停戦", ""), ("", "停戦交渉"), ("停戦\x00交渉", "交渉 停戦 nato"), ("露", "米露"), ("nato", "nato x"),
]


def test_no_token_character_is_white_space() -> None:
    """batch_tokens splits runs out with str.split: no character of a run may be white space to it."""
    assert not any(chr(code).isspace() for code in np.flatnonzero(character_classes()).tolist())


@pytest.mark.parametrize("astral", ["", "𠮷野家の𠮷"])  # a Japanese character past U+FFFF: 64-bit values
def test_a_batch_of_texts_has_each_texts_tokens(astral: str) -> None:
    texts = [*_BATCH_TEXTS, (astral, "ゼレンスキー" + astral)]
    assert [_sorted_words(found) for found in batch_tokens(texts)] == [_expected_tokens(*pair) for pair in texts]


@settings(deadline=None)
@given(st.lists(st.tuples(st.text("あア亜ー・ 　a1\x00😀𠮷é\u0301", max_size=12),
                          st.text("あア亜ー・ 　a1\x00😀𠮷é\u0301", max_size=12)), max_size=6))
def test_any_batch_of_texts_has_each_texts_tokens(texts: list[tuple[str, str]]) -> None:
    texts = [(normalise(head), normalise(other)) for head, other in texts]
    assert [_sorted_words(found) for found in batch_tokens(texts)] == [_expected_tokens(*pair) for pair in texts]


@settings(deadline=None)  # a loaded machine can stall one example past the 200 ms default
@given(st.lists(st.tuples(st.integers(1, 3000), st.booleans()), max_size=40))
def test_posting_values_encode_as_their_pairs(steps: list[tuple[int, bool]]) -> None:
    pairs, number = [], -1
    for gap, head in steps:
        number += gap
        pairs.append((number, head))
    assert encode_values([number * 2 + head for number, head in pairs]) == encode_postings(pairs)


def test_forked_workers_write_the_index_built_in_memory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    if not hasattr(os, "fork"):
        pytest.skip("needs os.fork")
    site = _many_articles(130)
    assert shard_count(len(site.articles)) == 32  # several shards for each worker
    expected = build_search_index(site).files
    assert expected == SearchIndex().update(site).written  # kiku serve's index is the same
    monkeypatch.setattr(forks, "process_count", lambda items, min_share: 2)
    written = write_search_index(site, file_writer(tmp_path / "forked"))
    assert _written(tmp_path / "forked") == expected
    assert (written.files, written.bytes) == (len(expected), sum(map(len, expected.values())))
    # A build's index (fork=False: the pages' processes take the cores) is made in one process, the same.
    alone = write_search_index(site, file_writer(tmp_path / "alone"), fork=False)
    assert _written(tmp_path / "alone") == expected and alone == written


@pytest.mark.parametrize("processes", [1, 2])
def test_a_warm_write_from_the_cache_is_the_cold_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, processes: int
) -> None:
    if processes > 1 and not hasattr(os, "fork"):
        pytest.skip("needs os.fork")
    monkeypatch.setattr(forks, "process_count", lambda items, min_share: processes)  # keys hashed in workers too
    site = _many_articles(40)
    cold_cache = EntryCache(tmp_path / "cache")
    write_search_index(site, file_writer(tmp_path / "cold"), cold_cache)
    warm_cache = EntryCache(tmp_path / "cache")
    write_search_index(site, file_writer(tmp_path / "warm"), warm_cache)
    assert (cold_cache.hits, warm_cache.hits) == (0, 40)
    assert _written(tmp_path / "warm") == _written(tmp_path / "cold") == build_search_index(site).files


def test_a_build_deflates_again_only_the_units_of_the_articles_that_changed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = _many_articles(40)
    write_search_index(site, file_writer(tmp_path / "cold"), EntryCache(tmp_path / "cache"), fork=False)
    deflated: list[int] = []

    def counted(records: Sequence[bytes], units: Sequence[int] | None = None) -> list[bytes]:
        deflated.extend(units if units is not None else range(-(-len(records) // UNIT)))
        return deflated_units(records, units)

    monkeypatch.setattr(index_module, "deflated_units", counted)
    edited = replace(site.articles[9], title="和平協議の行方")
    new_site = replace(site, articles=tuple(edited if number == 9 else a for number, a in enumerate(site.articles)))
    write_search_index(new_site, file_writer(tmp_path / "edit"), EntryCache(tmp_path / "cache"), fork=False)
    assert deflated == [(40 - 1 - 9) // UNIT]  # numbered oldest first: the 10th newest is number 30
    assert _written(tmp_path / "edit") == build_search_index(new_site).files
    deflated.clear()  # nothing changed: every unit the last build's
    write_search_index(new_site, file_writer(tmp_path / "warm"), EntryCache(tmp_path / "cache"), fork=False)
    assert deflated == [] and _written(tmp_path / "warm") == _written(tmp_path / "edit")
    newest = replace(site.articles[0], slug="added", date=site.articles[0].date + dt.timedelta(days=1))
    grown = replace(new_site, articles=(newest, *new_site.articles))
    write_search_index(grown, file_writer(tmp_path / "added"), EntryCache(tmp_path / "cache"), fork=False)
    assert deflated == [40 // UNIT]  # the new article's unit only: every other article keeps its number
    assert _written(tmp_path / "added") == build_search_index(grown).files


_RUN_CHARACTERS = st.sampled_from("ゼレンスキー大統領停戦交渉作戦")


@settings(max_examples=400, deadline=None)
@given(
    st.lists(st.text(_RUN_CHARACTERS, min_size=2, max_size=30), max_size=12),
    st.sets(st.tuples(_RUN_CHARACTERS, _RUN_CHARACTERS).map("".join), max_size=40),
    st.integers(1, 40),
)
def test_contexts_found_by_keys_are_the_specs(runs: list[str], wanted: set[str], block: int) -> None:
    keys = {pair_key(ord(bigram[0]), ord(bigram[1])) for bigram in wanted}
    assert shared_contexts(runs, keys, block) == extensions(runs, wanted)


def test_a_long_run_keeps_twelve_characters_a_side_across_blocks() -> None:
    runs = ["あ" * 20 + "ゼレ" + "い" * 20, "う" * 30 + "ゼレ" + "い" * 5]
    key = pair_key(ord("ゼ"), ord("レ"))
    assert shared_contexts(runs, {key}, 3) == extensions(runs, {"ゼレ"}) == {"ゼレ": ("", "い" * 5)}
