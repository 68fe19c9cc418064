"""Write rendered pages into the staging folder: on every core, and re-using unchanged files.

**Cores.** Pages are rendered by ``kiku.forks.map_shares``: each process renders every n-th page of
the plan it inherited, and sends back two numbers (bytes written, files kept).

**Unchanged files.** The build writes into a fresh staging folder that replaces the output folder
whole (kiku/build.py). A page whose bytes equal the file the previous build wrote there is not
written again: the old file is hard-linked into the staging folder. After the swap the page is
the very same file, with its old modification time (rsync, ``gh-pages`` diffs and CDN syncs see
nothing changed), and until the swap the previous output is untouched: a hard link only adds a
name, so a failed build still leaves it exactly as it was.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from kiku.forks import map_shares, process_count
from kiku.render.plan import Page

_PAGES_PER_PROCESS = 300  # below this, forking costs more than it saves


@dataclass(frozen=True, slots=True)
class WriteStats:
    """What writing a set of pages did."""

    bytes_written: int  # the size of every page, whether written or kept
    pages_kept: int  # pages whose bytes were unchanged: linked from the previous output


def write_pages(
    render: Callable[[Page], bytes], pages: Sequence[Page], staging: Path, previous: Path | None
) -> WriteStats:
    """Render ``pages`` into ``staging``; a page equal to ``previous / path`` is linked from there."""
    task = functools.partial(_write_share, render, staging=staging, previous=previous)
    shares = map_shares(task, pages, worker_count(len(pages)))
    return WriteStats(sum(share.bytes_written for share in shares), sum(share.pages_kept for share in shares))


def worker_count(pages: int) -> int:
    """How many processes render ``pages`` pages."""
    return process_count(pages, _PAGES_PER_PROCESS)


def _write_share(
    render: Callable[[Page], bytes], pages: Sequence[Page], *, staging: Path, previous: Path | None
) -> WriteStats:
    written = kept = 0
    made: set[Path] = set()
    for page in pages:
        target = staging / page.output_path
        if target.parent not in made:
            target.parent.mkdir(parents=True, exist_ok=True)
            made.add(target.parent)
        data = render(page)
        written += len(data)
        if previous is not None and _link_if_same(previous / page.output_path, target, data):
            kept += 1
        else:
            target.write_bytes(data)  # bytes: no platform newline translation, always UTF-8
    return WriteStats(written, kept)


def _link_if_same(old: Path, target: Path, data: bytes) -> bool:
    """Hard-link ``old`` to ``target`` when it holds exactly ``data``; False when it does not."""
    try:
        if old.stat().st_size != len(data) or old.read_bytes() != data:
            return False
        os.link(old, target)
    except OSError:  # no previous file, or a file system without hard links: write it
        return False
    return True
