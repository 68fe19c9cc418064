"""Apply a small rebuild to the output folder in place, under a journal.

When a rebuild changed a few pages, moving those files into the output folder is far cheaper than
building a whole new folder (a directory per article) and deleting the old one. The changed files
are first rendered into a staging folder; only when every page rendered are they moved. Each move
is an atomic ``os.replace``, so every file is always either the old page or the new one. Before
the first move a journal (``<cache>/journal.json``) lists the moves and deletions; it is removed
after the last. A journal still there at the next build means an update was interrupted: that
build does not trust the output and replaces it whole (kiku/build.py).
"""

from __future__ import annotations

import json
import os
from collections.abc import Collection, Iterable
from pathlib import Path

JOURNAL_FILE = "journal.json"


def journal_pending(cache_dir: Path) -> bool:
    """Whether an update of the output was interrupted (its journal is still there)."""
    return (cache_dir / JOURNAL_FILE).exists()


def clear_journal(cache_dir: Path) -> None:
    """The output was replaced whole: an interrupted update no longer matters."""
    (cache_dir / JOURNAL_FILE).unlink(missing_ok=True)


def update_in_place(
    staging: Path,
    out_dir: Path,
    staged_pages: Iterable[str],
    gone: Iterable[str],
    extras: Iterable[str],
    cache_dir: Path,
    epoch: int | None,
) -> tuple[str, ...]:
    """Move ``staged_pages`` and the changed ``extras`` (files that are not pages: static, search
    index, hosting; all in ``staging``) into ``out_dir`` and delete ``gone`` (files the last build
    wrote that this one does not); returns what was moved."""
    moves = [*staged_pages, *_changed(staging, out_dir, extras)]
    removes = sorted(gone)
    journal = cache_dir / JOURNAL_FILE
    temporary = journal.with_name(f".{JOURNAL_FILE}.tmp")
    cache_dir.mkdir(parents=True, exist_ok=True)
    temporary.write_text(json.dumps({"out_dir": str(out_dir), "moves": moves, "removes": removes}), "utf-8")
    os.replace(temporary, journal)
    touched: set[Path] = set()
    for relative in moves:
        target = out_dir / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(staging / relative, target)
        touched.add(target)
    for relative in removes:
        target = out_dir / relative
        target.unlink(missing_ok=True)
        _remove_empty_folders(target.parent, out_dir)
        touched.add(target.parent)
    if epoch is not None:
        _clamp(touched, out_dir, epoch)
    journal.unlink()
    return tuple(moves)


def _changed(staging: Path, out_dir: Path, relatives: Iterable[str]) -> list[str]:
    changed = []
    for relative in relatives:
        old = out_dir / relative
        new = staging / relative
        if not old.is_file() or old.stat().st_size != new.stat().st_size or old.read_bytes() != new.read_bytes():
            changed.append(relative)
    return changed


def _remove_empty_folders(folder: Path, out_dir: Path) -> None:
    while folder != out_dir and out_dir in folder.parents:
        try:
            folder.rmdir()
        except OSError:  # not empty (or already gone): stop here
            return
        folder = folder.parent


def _clamp(touched: Collection[Path], out_dir: Path, epoch: int) -> None:
    """``SOURCE_DATE_EPOCH``: moved files and every folder above them get that time, as in a full build."""
    folders: set[Path] = {out_dir}
    for path in touched:
        if path.exists() and path.is_file():
            os.utime(path, (epoch, epoch), follow_symlinks=False)
        folders.update(parent for parent in path.parents if parent == out_dir or out_dir in parent.parents)
        if path.is_dir():
            folders.add(path)
    for folder in folders:
        if folder.is_dir():
            os.utime(folder, (epoch, epoch))
