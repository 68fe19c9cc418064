"""The preview folder: every file replaced atomically, so a reader never sees half a file."""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterable
from pathlib import Path

from kiku.content.reading.files import UnreadableFile, read_regular_file
from kiku.content.reading.tree import STATIC_DIR, STATIC_FILE_LIMIT, static_files
from kiku.errors import ContentError, ContentErrors


def write_atomically(target: Path, data: bytes) -> None:
    """Replace ``target`` with ``data`` in one step (a temporary sibling, then ``os.replace``)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(f".{target.name}.{secrets.token_hex(4)}.tmp")
    try:
        temporary.write_bytes(data)
        os.replace(temporary, target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def remove_outputs(out_dir: Path, relative_paths: Iterable[str]) -> None:
    """Delete these files of ``out_dir`` and the folders they leave empty (never ``out_dir``)."""
    for relative in relative_paths:
        target = out_dir / relative
        target.unlink(missing_ok=True)
        folder = target.parent
        while folder != out_dir and folder.is_dir() and not any(folder.iterdir()):
            folder.rmdir()
            folder = folder.parent


def sync_static(site_root: Path, target_dir: Path) -> tuple[str, ...]:
    """Make ``target_dir`` a copy of the site's ``static/`` as the build publishes it
    (``kiku.content.reading.tree.static_files``: ContentErrors for a refused entry); returns the paths
    (relative to ``target_dir``, POSIX) that were written or removed, sorted."""
    wanted = {file.relative: file.path for file in static_files(site_root)}
    present = _files_under(target_dir)
    changed: list[str] = []
    for relative, source in wanted.items():
        try:
            data = read_regular_file(source, STATIC_FILE_LIMIT, site_root)
        except UnreadableFile as refused:  # replaced since it was listed
            raise ContentErrors([ContentError(f"{STATIC_DIR}/{relative}", str(refused))]) from None
        target = target_dir / relative
        if relative in present and target.read_bytes() == data:
            continue
        write_atomically(target, data)
        changed.append(relative)
    stale = sorted(set(present) - set(wanted))
    remove_outputs(target_dir, stale)
    return tuple(sorted([*changed, *stale]))


def _files_under(folder: Path) -> list[str]:
    """The files kiku wrote under ``folder`` (its own atomic-write leftovers excluded)."""
    if not folder.is_dir():
        return []
    return sorted(
        path.relative_to(folder).as_posix()
        for path in folder.rglob("*")
        if path.is_file() and not (path.name.startswith(".") and path.name.endswith(".tmp"))
    )
