"""Pages written on every core, with more work done by each process after its pages
(kiku/render/writing/parallel/output.py): a build's share cards are drawn that way."""

from __future__ import annotations

import functools
import os
from collections.abc import Sequence
from pathlib import Path
from typing import cast

import pytest

from kiku.build import render_page
from kiku.content.loading.loader import load_site
from kiku.output.reuse import StagedSite
from kiku.render.planning.plan import Page, plan_site
from kiku.render.writing.parallel import output
from kiku.render.writing.templating.environment import make_environment
from tests.support.paths import REPO


@pytest.mark.parametrize("processes", [1, 2])
def test_each_process_does_its_share_after_its_pages(
    processes: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pages = plan_site(load_site(REPO), share_cards=False)
    render = functools.partial(render_page, make_environment(REPO / "templates"))
    monkeypatch.setattr(output, "worker_count", lambda count: processes)

    def after(mine: Sequence[Page]) -> tuple[list[str], int, int]:
        # With one process: every page written before.
        on_disk = sum((tmp_path / page.output_path).is_file() for page in mine)
        return [page.url for page in mine], os.getpid(), on_disk

    stats = output.write_pages(render, pages, StagedSite.start(tmp_path, False), None, after_pages=after)
    done = cast(tuple[tuple[list[str], int, int], ...], stats.after)
    # Every page given once to the work after the pages, in runs (kiku/render/writing/parallel/claims.py),
    # each run in plan order.
    order = {page.url: index for index, page in enumerate(pages)}
    assert sorted(url for urls, _, _ in done for url in urls) == sorted(order)
    for urls, _, _ in done:
        assert urls == sorted(urls, key=order.__getitem__)
    if processes == 1:
        assert len(done) == 1 and done[0][2] == len(pages)  # one call, every page written before it
    # Share 0 here, the others forked; a process done first may take every run left (a small site).
    assert 1 <= len({pid for _, pid, _ in done}) <= processes
    assert sorted(stats.written) == sorted(page.output_path for page in pages)
    for page in pages:
        assert (tmp_path / page.output_path).read_bytes() == render(page), page.url


def test_without_more_work_nothing_comes_back(tmp_path: Path) -> None:
    pages = plan_site(load_site(REPO), share_cards=False)
    render = functools.partial(render_page, make_environment(REPO / "templates"))
    assert output.write_pages(render, pages, StagedSite.start(tmp_path, False), None).after == ()
