"""Write rendered pages into the staging folder: on every core, and re-using unchanged files.

**Cores.** Pages are rendered by ``kiku.runtime.forks.map_shares``: each process renders its share of the
plan it inherited (kiku/render/writing/parallel/shares.py: the pages showing the same articles together),
taken run by run, and then runs of the others' shares while they last (kiku/render/writing/parallel/claims.py),
and sends back what it wrote.

**Unchanged files.** A page whose inputs did not change (kiku/render/writing/memo/pagememo.py) is not rendered,
and a rendered page whose bytes equal the previous build's file is not written: that file is
hard-linked into the staging folder (copied with its time where the file system refuses links), so
once the staging folder is swapped in as the whole new output (kiku/output/staging.py) the page is
the very same file, with its modification time (rsync, ``gh-pages`` diffs and CDN syncs see nothing
changed). A hard link only adds a name: the previous output is never written to, so a build killed
at any moment leaves it whole. When the staging folder starts as an earlier site
(kiku/output/reuse.py), a page whose file there is already the one kept costs nothing at all.
"""

from __future__ import annotations

import functools
import os
import shutil
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from kiku.output.newfile import create
from kiku.output.reuse import StagedSite
from kiku.render.planning.plan import Page
from kiku.render.writing.memo.fingerprints import Fingerprints
from kiku.render.writing.memo.pagememo import PageMemo, WrittenPage, written_page
from kiku.render.writing.parallel.claims import Claims
from kiku.render.writing.parallel.shares import page_shares
from kiku.runtime.forks import map_shares, process_count

_PAGES_PER_PROCESS = 300  # below this, forking costs more than it saves


@dataclass(frozen=True, slots=True)
class WriteStats:
    """What writing a set of pages did."""

    bytes_written: int  # the size of every page, whether written or kept
    pages_kept: int  # pages whose previous file is kept, rendered or not
    pages_rendered: int
    written: dict[str, WrittenPage]  # output path → what the page memo remembers of it
    after: tuple[object, ...] = ()  # what each call of ``after_pages`` returned, this process's first


def write_pages(
    render: Callable[[Page], bytes],
    pages: Sequence[Page],
    staging: StagedSite,
    previous: Path | None,
    memo: PageMemo | None = None,
    epoch: int | None = None,
    fingerprints: Fingerprints | None = None,
    replanned: Sequence[Page] | None = None,
    after_pages: Callable[[Sequence[Page]], object] | None = None,
) -> WriteStats:
    """Render ``pages`` into ``staging``, keeping what ``previous`` (the last output) already holds.

    With a ``memo`` of the build that wrote ``previous``, a page whose fingerprint is unchanged is
    not even rendered. A kept page is hard-linked into ``staging`` (or copied, see the module
    docstring). ``epoch``: ``SOURCE_DATE_EPOCH``, the modification time files will get.
    ``fingerprints``: how pages are fingerprinted (by default with the memo's salt alone).
    ``replanned``: the pages planned anew, when the others are the very pages of the plan that wrote
    ``previous`` and ``memo`` (kiku.render.planning.store.plan_store): such a page's file, as the memo
    recorded it, is kept without fingerprinting the page (None: every page is fingerprinted).
    ``after_pages(pages)``: more work for the pages (the build's share cards), done for runs of
    them (every page in one run) by each process once its pages are written, so that no core waits
    for another between the two; what each call returns (small: it is pickled back) is in
    ``WriteStats.after``, this process's first.
    """
    if memo is not None and fingerprints is None:
        fingerprints = Fingerprints(memo.salt)
    settled = None if replanned is None else _Settled(frozenset(map(id, replanned)))
    task = functools.partial(
        _write_share, render, staging=staging, previous=previous, memo=memo, epoch=epoch, fingerprints=fingerprints,
        settled=settled,
    )
    processes = worker_count(len(pages))
    assigned = _assigned(pages, processes, settled)
    # Taken run by run (kiku/render/writing/parallel/claims.py): the pages, then, once a process has written
    # its pages, the work after them, so that neither phase ends with one process working alone.
    claims = (Claims(assigned), Claims(assigned)) if processes > 1 else None

    def share(numbers: Sequence[int]) -> tuple[WriteStats, list[object]]:
        (number,) = numbers  # one share per process
        if claims is None:
            stats = task(pages)
            return stats, [after_pages(pages)] if after_pages is not None else []
        stats = task(pages[index] for run in claims[0].taken_by(number) for index in run)
        if after_pages is None:
            return stats, []
        return stats, [after_pages([pages[index] for index in run]) for run in claims[1].taken_by(number)]

    shares = map_shares(share, range(processes), processes)
    written: dict[str, WrittenPage] = {}
    for stats, _ in shares:
        written.update(stats.written)
    return WriteStats(
        bytes_written=sum(stats.bytes_written for stats, _ in shares),
        pages_kept=sum(stats.pages_kept for stats, _ in shares),
        pages_rendered=sum(stats.pages_rendered for stats, _ in shares),
        written=written,
        after=tuple(result for _, results in shares for result in results),
    )


@dataclass(frozen=True, slots=True)
class _Settled:
    """The pages planned anew, by identity: every other page is the last plan's own."""

    replanned: frozenset[int]


def _assigned(pages: Sequence[Page], processes: int, settled: _Settled | None) -> list[list[int]]:
    """The indices of ``pages`` each process takes. Only pages to render are shared by the articles
    they show (``page_shares``); a page of the last plan, whose file is kept, is dealt out in turn
    (an edit build at 10,000 articles looked into all 17,637 pages' entries for the few it renders)."""
    if settled is None:
        return page_shares(pages, processes)
    anew = [index for index, page in enumerate(pages) if id(page) in settled.replanned]
    shares = [[anew[index] for index in share] for share in page_shares([pages[index] for index in anew], processes)]
    kept = (index for index, page in enumerate(pages) if id(page) not in settled.replanned)
    for turn, index in enumerate(kept):
        shares[turn % processes].append(index)
    for share in shares:
        share.sort()  # in plan order, as page_shares gives them
    return shares


def worker_count(pages: int) -> int:
    """How many processes render ``pages`` pages."""
    return process_count(pages, _PAGES_PER_PROCESS)


def _write_share(
    render: Callable[[Page], bytes],
    pages: Iterable[Page],
    *,
    staging: StagedSite,
    previous: Path | None,
    memo: PageMemo | None,
    epoch: int | None,
    fingerprints: Fingerprints | None,
    settled: _Settled | None = None,
) -> WriteStats:
    # Paths as strings joined by hand, not pathlib: a site of thousands of pages spent more time
    # making Path objects here than linking files.
    size = kept = rendered = 0
    written: dict[str, WrittenPage] = {}
    previous_top = os.fspath(previous) if previous is not None else None
    for page in pages:
        output_path = page.output_path
        unchanged = None
        if settled is not None and memo is not None and previous_top and id(page) not in settled.replanned:
            unchanged = memo.kept_file(output_path, previous_top)
        digest = None
        if unchanged is None:
            digest = fingerprints.of(page) if fingerprints is not None else None
            unchanged = (
                memo.unchanged_file(output_path, digest, previous_top) if memo is not None and previous_top else None
            )
        if unchanged is not None and memo is not None:
            # The very file the memo describes (unchanged_file checked it): its record stands.
            record = memo.pages[output_path]
            kept += 1
            if staging.link(unchanged, output_path, record.inode):
                size += record.size
                written[output_path] = record
                continue
            target = f"{staging.root}/{output_path}"
        else:
            data = render(page)
            rendered += 1
            old = f"{previous_top}/{output_path}" if previous_top is not None else None
            same = _same_file(old, data) if old is not None else None
            if same is not None and old is not None:
                kept += 1
                staging.link(old, output_path, same.st_ino)
                target = f"{staging.root}/{output_path}"
            else:
                # bytes: always UTF-8, \n; the new file's status, with no second look-up of its path
                status = create(staging.target(output_path), data)
                size += status.st_size
                written[output_path] = written_page(digest, status, epoch)
                continue
        status = os.stat(target)
        size += status.st_size
        written[output_path] = written_page(digest, status, epoch)
    return WriteStats(size, kept, rendered, written)


def keep_file(old: str | Path, target: str | Path) -> bool:
    """Make ``target`` the file ``old``: a hard link (True), or a copy with its time where links
    are refused (False)."""
    try:
        os.link(old, target)
    except OSError:  # a file system without hard links (or another device): the same bytes and time
        shutil.copy2(old, target)
        return False
    return True


def holds(old: str | Path, data: bytes) -> bool:
    """Whether the file ``old`` holds exactly ``data``."""
    return _same_file(old, data) is not None


def _same_file(old: str | Path, data: bytes) -> os.stat_result | None:
    """The status of the file ``old`` when it holds exactly ``data``, else None."""
    try:
        status = os.stat(old)
        if status.st_size != len(data):
            return None
        with open(old, "rb") as file:
            return status if file.read() == data else None
    except OSError:  # no previous file
        return None


def relink_unchanged(previous: Path, staging: Path, relatives: Iterable[str]) -> None:
    """Replace each written file in ``staging`` that ``previous`` holds with the same bytes by a
    hard link to that file, so that an unchanged file keeps its identity as unchanged pages do."""
    previous_top, staging_top = os.fspath(previous), os.fspath(staging)  # strings: no Path per file
    for relative in relatives:
        target, old = f"{staging_top}/{relative}", f"{previous_top}/{relative}"
        try:
            old_status, new_status = os.stat(old), os.stat(target)
            if (old_status.st_ino, old_status.st_dev) == (new_status.st_ino, new_status.st_dev):
                continue  # already the same file (a page kept, a card linked from the card cache)
            if old_status.st_size != new_status.st_size or _read(old) != _read(target):
                continue
            folder, _, name = target.rpartition("/")
            temporary = f"{folder}/.{name}.link"
            keep_file(old, temporary)
        except OSError:  # no previous file: keep the written copy
            continue
        os.replace(temporary, target)


def _read(path: str) -> bytes:
    with open(path, "rb") as file:
        return file.read()
