"""Pages dealt out while they are rendered, not all before: no process idles while another works on.

Each process renders its own share (``kiku.render.writing.parallel.shares``: the pages showing the same
articles together) run by run, taking each run when it is ready for it; a process whose share is
done takes runs from the end of the share with the most runs left. Shares fixed before the fork
ended apart: a cold build at 10,000 articles on a loaded machine had one process rendering alone
for 2-4 CPU-s at the end (the shares cost alike, but the processes were not given cores alike).
The runs taken are counted in memory shared by the forked processes (``multiprocessing.Array``),
made before they fork; which process rendered a page changes nothing in its bytes.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterator, Sequence

RUN = 24  # pages taken at once: a few hundredths of a second's work, so processes end that close


class Claims:
    """The runs of ``shares`` (lists of page indices), handed out once each to whichever process asks."""

    def __init__(self, shares: Sequence[Sequence[int]], run: int = RUN) -> None:
        self._runs = [[list(share[start : start + run]) for start in range(0, len(share), run)] for share in shares]
        count = len(shares)
        # front[k] then end[k] for each share k: its runs not taken yet are front[k] … end[k] - 1.
        self._bounds = multiprocessing.get_context("fork").Array("q", [0] * count + [len(runs) for runs in self._runs])

    def taken_by(self, share: int) -> Iterator[list[int]]:
        """The runs process ``share`` renders: its own share's from the front, then others' from the back."""
        while (run := self._take(share)) is not None:
            yield run

    def _take(self, share: int) -> list[int] | None:
        count = len(self._runs)
        with self._bounds.get_lock():
            bounds = self._bounds
            if bounds[share] < bounds[count + share]:
                bounds[share] += 1
                return self._runs[share][bounds[share] - 1]
            left = [bounds[count + other] - bounds[other] for other in range(count)]
            other = max(range(count), key=left.__getitem__)
            if left[other] <= 0:
                return None
            bounds[count + other] -= 1
            return self._runs[other][bounds[count + other]]
