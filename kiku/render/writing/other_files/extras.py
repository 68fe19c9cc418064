"""The files of the output that are not pages (static, search index, hosting, identity, share cards):
writing them so that an unchanged file keeps its identity, and the page memo's record of each.

The memo records each such file with the digest of its bytes (``content_digest``), so that the next
build can keep a file still as recorded without reading it (``file_writer``). A record is made by
the process that wrote the file, from the bytes it had in hand or read back at once (``records``,
``staged_records``): the search index's process and the pages' processes, on every core while the
pages are written. After the swap, ``kept_extras`` only checks that each file is still the one a
record describes (same inode, size and time: nothing in the build writes into a file once placed),
and reads only the others. It read every file there, one core's work at the end of the build (at
10,000 articles, 0.6 CPU-s reading and hashing 12,700 files, most of them share cards).
"""

from __future__ import annotations

import hashlib
import os
import shutil
from collections.abc import Callable, Iterable, Mapping, MutableMapping
from pathlib import Path

from kiku.render.writing.memo.pagememo import WrittenPage, written_page
from kiku.render.writing.parallel.output import holds


def file_writer(
    staging: Path, previous: Path | None = None, known: Mapping[str, WrittenPage] | None = None, *,
    records: MutableMapping[str, WrittenPage] | None = None, epoch: int | None = None,
) -> Callable[[str, bytes], None]:
    """A function writing a file (path relative to ``staging``, bytes), also in a forked worker; a
    file ``previous`` (the last output) holds with the same bytes is hard-linked instead (copied with
    its time where links are refused), so that it keeps its identity and time. ``known``:
    the page memo's record of the files the last build left in ``previous`` (``kept_extras``): a
    file still as recorded there, with the digest of these bytes, is linked without being read.
    ``records``: each file placed gets its record there (``epoch``: see ``written_page``); only
    in the process that writes, so not for files written by workers it forks."""
    folders: set[str] = set()
    # Strings joined by hand, not pathlib: thousands of index files each made several Path objects.
    staging_top = os.fspath(staging)
    previous_top = os.fspath(previous) if previous is not None else None

    def place(path: str, target: str, data: bytes) -> bytes | None:
        """Put ``data`` at ``target``; its digest when it was computed on the way."""
        if previous_top is None:
            Path(target).write_bytes(data)
            return None
        old = f"{previous_top}/{path}"
        record = known.get(path) if known else None
        digest = content_digest(data) if record is not None else None
        if record is not None and record.fingerprint == digest and _as_recorded(old, record):
            _keep(old, target, data)  # the very bytes: kept unread
        elif holds(old, data):
            _keep(old, target, data)
        else:
            Path(target).write_bytes(data)  # (a Path only for the files written, few in an edit build)
        return digest

    def write(path: str, data: bytes) -> None:
        target = f"{staging_top}/{path}"
        folder = target.rpartition("/")[0]
        if folder not in folders:
            os.makedirs(folder, exist_ok=True)
            folders.add(folder)
        digest = place(path, target, data)
        if records is not None:
            records[path] = written_page(digest or content_digest(data), os.stat(target), epoch)

    return write


def _keep(old: str, target: str, data: bytes) -> None:
    """Make ``target`` the file ``old``, which holds ``data``: a hard link, else (no hard links here)
    ``data`` written with ``old``'s time."""
    try:
        os.link(old, target)
    except OSError:
        Path(target).write_bytes(data)
        shutil.copystat(old, target)


def content_digest(data: bytes) -> bytes:
    """What the page memo keeps of a file that is not a page (its ``fingerprint``): a hash of its bytes."""
    return hashlib.blake2b(data, digest_size=16).digest()


def _as_recorded(path: str, record: WrittenPage) -> bool:
    try:
        status = os.stat(path)
    except OSError:
        return False
    return _describes(record, status)


def _describes(record: WrittenPage | None, status: os.stat_result) -> bool:
    """Whether ``record`` (with a digest) is of the file whose status is ``status``."""
    return record is not None and bool(record.fingerprint) and (
        status.st_ino, status.st_size, status.st_mtime_ns
    ) == (record.inode, record.size, record.mtime_ns)


def staged_records(
    staging: Path, relatives: Iterable[str], last: Mapping[str, WrittenPage], epoch: int | None
) -> dict[str, WrittenPage]:
    """The records of the files at ``relatives`` in the staging site ``staging``, made by the
    process that just placed them: carried over from ``last`` for the very file it describes, else
    read. ``epoch``: the time the build will give every file (``written_page``)."""
    return kept_extras(staging, relatives, last, epoch=epoch)


def kept_extras(
    out_dir: Path, extras: Iterable[str], last: Mapping[str, WrittenPage],
    fresh: Mapping[str, WrittenPage] | None = None, *, epoch: int | None = None,
) -> dict[str, WrittenPage]:
    """The page memo's record of the files of ``out_dir`` that are not pages, each with the digest of
    its bytes (``content_digest``): the record made by the process that wrote the file (``fresh``:
    ``records``, ``staged_records``) or ``last``'s (the last build's record), for the very file it
    describes (same inode, size and time: a build never writes into a file it keeps), else read.
    An edit build reads the few files it wrote anew, a first build none that ``fresh`` holds."""
    kept: dict[str, WrittenPage] = {}
    top = os.fspath(out_dir)
    for relative in extras:
        path = f"{top}/{relative}"
        status = os.stat(path)
        for record in (fresh.get(relative) if fresh else None, last.get(relative)):
            if record is not None and _describes(record, status):
                kept[relative] = record
                break
        else:
            with open(path, "rb") as file:
                digest = content_digest(file.read())
            kept[relative] = written_page(digest, status, epoch)
    return kept
