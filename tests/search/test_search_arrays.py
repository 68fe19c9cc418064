"""The full build's array code (kiku.search.encoding.rice_arrays, kiku.search.postings.context_arrays and arrays) gives what
the one-list-at-a-time code gives: the same strings, contexts and shards."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kiku.search.encoding import rice_arrays
from kiku.search.encoding.rice_arrays import rice_decoded
from kiku.search.encoding.shards import rice_string, rice_values, shard_count
from kiku.search.entries.site import index_entries
from kiku.search.index import SearchIndex, build_search_index
from kiku.search.postings import arrays, grouping
from kiku.search.postings.context_arrays import array_contexts
from kiku.search.postings.extensions import extensions
from tests.support.search_site import search_site

_LISTS = st.lists(
    st.lists(st.one_of(st.integers(0, 3), st.integers(0, 5000), st.integers(0, 1 << 30)), min_size=1, max_size=30),
    min_size=1,
    max_size=20,
)


@settings(max_examples=300, deadline=None)
@given(_LISTS, st.integers(1, 64))
def test_rice_strings_are_rice_string_of_each_list(lists: list[list[int]], batch: int) -> None:
    values = np.array([value for values in lists for value in values], dtype=np.int64)
    starts = np.cumsum([0, *map(len, lists[:-1])]).astype(np.int64)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(rice_arrays, "BATCH_VALUES", batch)  # lists split across batches too
        assert rice_arrays.rice_strings(values, starts) == [rice_string(values) for values in lists]


def test_a_list_of_one_zero_and_a_list_of_large_gaps() -> None:
    lists = [[0], [0, 0, 0], [(1 << 31) - 1, 7]]
    values = np.array([value for values in lists for value in values], dtype=np.int64)
    assert rice_arrays.rice_strings(values, np.array([0, 1, 4])) == [rice_string(values) for values in lists]


_RUN_CHARACTERS = st.sampled_from("ゼレンスキー大統領停戦交渉作戦𠮷")


@settings(max_examples=400, deadline=None)
@given(
    st.sets(st.text(_RUN_CHARACTERS, min_size=2, max_size=30), max_size=12),
    st.sets(st.tuples(_RUN_CHARACTERS, _RUN_CHARACTERS).map("".join), max_size=40),
)
def test_contexts_over_arrays_are_the_specs(runs: set[str], wanted: set[str]) -> None:
    firsts = np.array([ord(bigram[0]) for bigram in wanted], dtype=np.int64)
    seconds = np.array([ord(bigram[1]) for bigram in wanted], dtype=np.int64)
    assert array_contexts(runs, firsts, seconds) == extensions(runs, wanted)


def test_a_long_run_keeps_twelve_characters_a_side() -> None:
    runs = ["あ" * 20 + "ゼレ" + "い" * 20, "う" * 30 + "ゼレ" + "い" * 5]
    wanted = np.array([ord("ゼ")]), np.array([ord("レ")])
    assert array_contexts(runs, *wanted) == extensions(runs, {"ゼレ"}) == {"ゼレ": ("", "い" * 5)}


def test_the_built_index_is_the_one_posting_lists_make() -> None:
    site = search_site()
    assert build_search_index(site).files == SearchIndex().update(site).written  # kiku serve's: kiku.search.postings.inverted


@pytest.mark.parametrize(("max_bits", "chunk"), [(63, 3), (20, 1 << 16)])
def test_grouping_in_chunks_or_the_slow_way_gives_the_same_index(
    monkeypatch: pytest.MonkeyPatch, max_bits: int, chunk: int
) -> None:
    site = search_site()
    expected = build_search_index(site).files
    monkeypatch.setattr(grouping, "MAX_BITS", max_bits)  # 20: nothing fits, every triple sorted by lexsort
    monkeypatch.setattr(grouping, "CHUNK", chunk)
    assert build_search_index(site).files == expected


@pytest.mark.parametrize("chunk", [3, 1 << 16])
def test_postings_built_letting_the_keys_go_are_the_same(monkeypatch: pytest.MonkeyPatch, chunk: int) -> None:
    data = [entry.data for entry in index_entries(search_site(), fork=False)]
    expected = arrays.token_postings(data, shard_count(len(data)))
    monkeypatch.setattr(grouping, "CHUNK", chunk)  # 3: ranges that start and end inside an article's keys
    monkeypatch.setattr(arrays, "_GIVE_BACK_EVERY", 5)
    given = list(data)
    released = arrays.token_postings(given, shard_count(len(data)), release=True)
    assert given == []  # the caller's list is emptied: the entries can go
    assert (released.texts, released.encoded, released.shards) == (expected.texts, expected.encoded, expected.shards)
    assert released.shared_firsts.tolist() == expected.shared_firsts.tolist()
    assert released.shared_seconds.tolist() == expected.shared_seconds.tolist()


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.integers(0, 3), st.integers(0, 1 << 20)), min_size=1, max_size=200))
def test_rice_strings_decoded_over_arrays_are_the_scripts_reading(values: list[int]) -> None:
    encoded = rice_string(values)
    assert rice_decoded(encoded).tolist() == rice_values(encoded) == values
