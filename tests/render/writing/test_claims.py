"""Runs of pages dealt out as processes ask for them (kiku/render/writing/parallel/claims.py)."""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from kiku.render.writing.parallel.claims import Claims
from kiku.runtime.forks import map_shares


def test_a_process_takes_its_own_share_first_then_the_largest_rest_from_its_end() -> None:
    claims = Claims([list(range(0, 10)), list(range(10, 30))], run=3)
    first = claims.taken_by(0)
    assert next(first) == [0, 1, 2]
    assert list(itertools.islice(claims.taken_by(1), 2)) == [[10, 11, 12], [13, 14, 15]]
    assert list(itertools.islice(first, 6)) == [[3, 4, 5], [6, 7, 8], [9], [28, 29], [25, 26, 27], [22, 23, 24]]
    assert list(claims.taken_by(1)) == [[16, 17, 18], [19, 20, 21]]
    assert list(claims.taken_by(0)) == [] and list(claims.taken_by(1)) == []


def test_each_page_is_taken_once_across_forked_processes() -> None:
    claims = Claims([list(range(0, 500)), list(range(500, 700)), list(range(700, 1500))], run=7)

    def all_taken(shares: Sequence[int]) -> list[int]:
        (share,) = shares
        return [index for run in claims.taken_by(share) for index in run]

    taken = map_shares(all_taken, range(3), 3)  # shares 1 and 2 forked, inheriting the claims
    assert sorted(index for mine in taken for index in mine) == list(range(1500))
