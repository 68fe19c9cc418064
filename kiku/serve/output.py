"""The preview folder: every file replaced atomically, so a reader never sees half a file."""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterable
from pathlib import Path


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


def sync_static(static_dir: Path, target_dir: Path) -> tuple[str, ...]:
    """Make ``target_dir`` a copy of ``static_dir``; returns the paths (relative to
    ``target_dir``, POSIX) that were written or removed, sorted."""
    wanted = _files_under(static_dir)
    present = _files_under(target_dir)
    changed: list[str] = []
    for relative in wanted:
        data = (static_dir / relative).read_bytes()
        target = target_dir / relative
        if relative in present and target.read_bytes() == data:
            continue
        write_atomically(target, data)
        changed.append(relative)
    stale = sorted(set(present) - set(wanted))
    remove_outputs(target_dir, stale)
    return tuple(sorted([*changed, *stale]))


def _files_under(folder: Path) -> list[str]:
    if not folder.is_dir():
        return []
    return sorted(
        path.relative_to(folder).as_posix()
        for path in folder.rglob("*")
        if path.is_file() and not path.name.startswith(".")
    )
