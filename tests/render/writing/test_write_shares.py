"""Pages written on every core, with more work done by each process after its pages
(kiku/render/writing/output.py): a build's share cards are drawn that way."""

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
from kiku.render.writing import output
from kiku.render.writing.environment import make_environment
from kiku.render.writing.shares import page_shares
from tests.support.paths import REPO


@pytest.mark.parametrize("processes", [1, 2])
def test_each_process_does_its_share_after_its_pages(
    processes: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pages = plan_site(load_site(REPO), share_cards=False)
    render = functools.partial(render_page, make_environment(REPO / "templates"))
    monkeypatch.setattr(output, "worker_count", lambda count: processes)

    def after(mine: Sequence[Page]) -> tuple[list[str], int, int]:
        # What this process wrote before: its own pages, all on disk.
        on_disk = sum((tmp_path / page.output_path).is_file() for page in mine)
        return [page.url for page in mine], os.getpid(), on_disk

    stats = output.write_pages(render, pages, StagedSite.start(tmp_path, False), None, after_pages=after)
    done = cast(tuple[tuple[list[str], int, int], ...], stats.after)
    shares = page_shares(pages, processes)
    assert [urls for urls, _, _ in done] == [[pages[index].url for index in share] for share in shares]
    assert [on_disk for _, _, on_disk in done] == [len(share) for share in shares]
    pids = {pid for _, pid, _ in done}
    assert len(pids) == processes and os.getpid() in pids  # share 0 here, the others forked
    assert sorted(stats.written) == sorted(page.output_path for page in pages)
    for page in pages:
        assert (tmp_path / page.output_path).read_bytes() == render(page), page.url


def test_without_more_work_nothing_comes_back(tmp_path: Path) -> None:
    pages = plan_site(load_site(REPO), share_cards=False)
    render = functools.partial(render_page, make_environment(REPO / "templates"))
    assert output.write_pages(render, pages, StagedSite.start(tmp_path, False), None).after == ()
