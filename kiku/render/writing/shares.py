"""Which process renders which page: pages that show the same articles go to the same process.

Each process keeps its own caches of what pages share (an article's phrases, its entry on the
lists, kiku/render/writing/fragments.py), so a page rendered where its neighbours are costs less:
an article page names the articles before and after it, a list page shows a run of articles'
entries. The plan lists each kind of page in the articles' order (newest first), so each process
takes a contiguous run of each kind: the first process the newest articles' pages, the home
pages listing them and the first pages of each tag, the next the older ones, and so on. A series
of pages (a tag's pages 1…n, the home page's) is cut by its own length; pages alone in their
series (an article, a tag with one page) are cut as one run per template. Every process gets an
even share of every kind of page.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from kiku.render.planning.plan import Page

_LATER_PAGE = re.compile(r"page/\d+/$")  # ``…/page/2/``: the second page of the series ``…/``


def page_shares(pages: Sequence[Page], processes: int) -> list[list[int]]:
    """The indices of ``pages`` each of ``processes`` processes renders, in plan order in each."""
    shares: list[list[int]] = [[] for _ in range(processes)]
    if processes <= 1:
        shares[0].extend(range(len(pages)))
        return shares
    series: dict[tuple[str, str], list[int]] = {}
    for index, page in enumerate(pages):
        series.setdefault((page.template, _LATER_PAGE.sub("", page.url)), []).append(index)
    runs: dict[str, list[int]] = {}  # by template: the pages alone in a series shorter than ``processes``
    owner = [0] * len(pages)
    for (template, _), members in series.items():
        if len(members) < processes:
            runs.setdefault(template, []).extend(members)
            continue
        for position, index in enumerate(members):
            owner[index] = position * processes // len(members)
    for members in runs.values():
        for position, index in enumerate(members):
            owner[index] = position * processes // len(members)
    for index, share in enumerate(owner):
        shares[share].append(index)
    return shares
