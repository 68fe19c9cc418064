"""Write rendered pages into the staging folder: on every core, and re-using unchanged files.

**Cores.** Pages are rendered by ``kiku.forks.map_shares``: each process renders every n-th page of
the plan it inherited, and sends back two numbers (bytes written, files kept).

**Unchanged files.** A page whose inputs did not change (kiku/render/pagememo.py) is not rendered,
and a rendered page whose bytes equal the previous build's file is not written: the previous
output keeps that very file, with its modification time (rsync, ``gh-pages`` diffs and CDN syncs
see nothing changed). Only changed pages go to the staging folder. Then (kiku/build.py) either the
few changed files are moved into the output folder (``link_unchanged=False``: kiku/render/inplace.py),
or the unchanged files are hard-linked into the staging folder, which replaces the output folder
whole. A hard link only adds a name: until then the previous output is untouched either way.
"""

from __future__ import annotations

import functools
import os
import shutil
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from kiku.forks import map_shares, process_count
from kiku.render.pagememo import PageMemo, WrittenPage, fingerprint, written_page
from kiku.render.plan import Page

_PAGES_PER_PROCESS = 300  # below this, forking costs more than it saves


@dataclass(frozen=True, slots=True)
class WriteStats:
    """What writing a set of pages did."""

    bytes_written: int  # the size of every page, whether written or kept
    pages_kept: int  # pages whose previous file is kept, rendered or not
    pages_rendered: int
    written: dict[str, WrittenPage]  # output path → what the page memo remembers of it
    staged: tuple[str, ...]  # output paths of the pages written into the staging folder


def write_pages(
    render: Callable[[Page], bytes],
    pages: Sequence[Page],
    staging: Path,
    previous: Path | None,
    memo: PageMemo | None = None,
    epoch: int | None = None,
    link_unchanged: bool = True,
) -> WriteStats:
    """Render ``pages`` into ``staging``, keeping what ``previous`` (the last output) already holds.

    With a ``memo`` of the build that wrote ``previous``, a page whose fingerprint is unchanged is
    not even rendered. A kept page is hard-linked into ``staging`` when ``link_unchanged``, else
    left out of it. ``epoch``: ``SOURCE_DATE_EPOCH``, the modification time files will get.
    """
    task = functools.partial(
        _write_share, render, staging=staging, previous=previous, memo=memo, epoch=epoch, link=link_unchanged
    )
    shares = map_shares(task, pages, worker_count(len(pages)))
    written: dict[str, WrittenPage] = {}
    for share in shares:
        written.update(share.written)
    return WriteStats(
        bytes_written=sum(share.bytes_written for share in shares),
        pages_kept=sum(share.pages_kept for share in shares),
        pages_rendered=sum(share.pages_rendered for share in shares),
        written=written,
        staged=tuple(path for share in shares for path in share.staged),
    )


def link_into(previous: Path, staging: Path, output_paths: Sequence[str]) -> None:
    """Hard-link (or, failing that, copy) each of ``output_paths`` from ``previous`` into ``staging``."""
    made: set[Path] = set()
    for output_path in output_paths:
        target = staging / output_path
        if target.parent not in made:
            target.parent.mkdir(parents=True, exist_ok=True)
            made.add(target.parent)
        if not _link(previous / output_path, target):
            shutil.copy2(previous / output_path, target)


def worker_count(pages: int) -> int:
    """How many processes render ``pages`` pages."""
    return process_count(pages, _PAGES_PER_PROCESS)


def _write_share(
    render: Callable[[Page], bytes],
    pages: Sequence[Page],
    *,
    staging: Path,
    previous: Path | None,
    memo: PageMemo | None,
    epoch: int | None,
    link: bool,
) -> WriteStats:
    size = kept = rendered = 0
    written: dict[str, WrittenPage] = {}
    staged: list[str] = []
    made: set[Path] = set()
    for page in pages:
        target = staging / page.output_path
        digest = fingerprint(memo.salt, page) if memo is not None else None
        kept_file = memo.unchanged_file(page, digest, previous) if memo is not None and previous else None
        if kept_file is None:
            data = render(page)
            rendered += 1
            if previous is not None and _holds(previous / page.output_path, data):
                kept_file = previous / page.output_path
        if (kept_file is None or link) and target.parent not in made:
            target.parent.mkdir(parents=True, exist_ok=True)
            made.add(target.parent)
        if kept_file is not None and (not link or _link(kept_file, target)):
            kept += 1
            final = kept_file
        else:
            target.write_bytes(data if kept_file is None else kept_file.read_bytes())  # bytes: always UTF-8, \n
            staged.append(page.output_path)
            final = target
        status = final.stat()
        size += status.st_size
        written[page.output_path] = written_page(digest, status, epoch)
    return WriteStats(size, kept, rendered, written, tuple(staged))


def _link(old: Path, target: Path) -> bool:
    try:
        os.link(old, target)
    except OSError:  # a file system without hard links: write a copy
        return False
    return True


def _holds(old: Path, data: bytes) -> bool:
    """Whether the file ``old`` holds exactly ``data``."""
    try:
        return old.stat().st_size == len(data) and old.read_bytes() == data
    except OSError:  # no previous file
        return False


def link_if_same(old: Path, target: Path, data: bytes) -> bool:
    """Hard-link ``old`` to ``target`` when it holds exactly ``data``; False when it does not."""
    return _holds(old, data) and _link(old, target)


def relink_unchanged(previous: Path, staging: Path, relatives: Iterable[str]) -> None:
    """Replace each written file in ``staging`` that ``previous`` holds with the same bytes by a
    hard link to that file, so that an unchanged file keeps its identity as unchanged pages do."""
    for relative in relatives:
        target = staging / relative
        old = previous / relative
        try:
            old_status, new_status = old.stat(), target.stat()
            if (old_status.st_ino, old_status.st_dev) == (new_status.st_ino, new_status.st_dev):
                continue  # already the same file (a page kept, a card linked from the card cache)
            if old_status.st_size != new_status.st_size or old.read_bytes() != target.read_bytes():
                continue
            temporary = target.with_name(f".{target.name}.link")
            os.link(old, temporary)
        except OSError:  # no previous file, or no hard links here: keep the written copy
            continue
        os.replace(temporary, target)
