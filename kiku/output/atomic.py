"""Writing one file so that it is either complete or absent: never empty, never cut short.

The data goes into a temporary file beside the target (same folder, so same file system), is
flushed to disk, and only then takes the target's name: ``os.link`` when the target must not
exist yet (an exclusive create with no check-then-write race: if another process created the
target meanwhile, the link fails and nothing is overwritten), ``os.replace`` when it may be
replaced. Whatever fails, the temporary file is removed and one ``WriteFailed`` line says why.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
from pathlib import Path

from kiku.errors import KikuError

_FILE_MODE = 0o644
# File systems without hard links (some network and FAT mounts) answer os.link with one of these.
_NO_HARD_LINKS = frozenset({errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV, errno.EMLINK})


class WriteFailed(KikuError):
    """A file could not be written; nothing was left at its name (or the old file is untouched)."""


class TargetExists(WriteFailed):
    """The target of an exclusive create already exists."""


def write_new_file(target: Path, data: bytes, *, shown: str) -> None:
    """Create ``target`` holding ``data``; ``TargetExists`` when it exists (never overwritten)."""
    _write(target, data, shown=shown, replace=False)


def replace_file(target: Path, data: bytes, *, shown: str) -> None:
    """Put ``data`` at ``target`` in one step, replacing what was there."""
    _write(target, data, shown=shown, replace=True)


def _write(target: Path, data: bytes, *, shown: str, replace: bool) -> None:
    temporary = target.with_name(f".{target.name}.kiku-{secrets.token_hex(4)}.tmp")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        problem = "is a file, not a folder" if target.parent.is_file() else (error.strerror or str(error))
        raise WriteFailed(f"{shown}: cannot write: {target.parent.name}/ {problem}; nothing was written") from None
    try:
        _write_temporary(temporary, data)
        if replace:
            os.replace(temporary, target)
        else:
            _link_exclusively(temporary, target)
    except FileExistsError:
        raise TargetExists(f"{shown} already exists") from None
    except OSError as error:
        raise WriteFailed(f"{shown}: cannot write: {error.strerror or error}; nothing was written "
                          "(check the folder's permissions and free space, then try again)") from None
    finally:
        _remove_quietly(temporary)


def _write_temporary(temporary: Path, data: bytes) -> None:
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, _FILE_MODE)
    try:
        view = memoryview(data)
        while view:
            written = os.write(descriptor, view)
            view = view[written:]
        os.fsync(descriptor)  # the name must never point at data still only in memory
    finally:
        os.close(descriptor)


def _link_exclusively(temporary: Path, target: Path) -> None:
    try:
        os.link(temporary, target)
    except FileExistsError:
        raise
    except OSError as error:
        if error.errno not in _NO_HARD_LINKS:
            raise
        # No hard links here: check, then rename. A file created in between would be replaced,
        # which only a concurrent writer of the same name can cause.
        if os.path.lexists(target):
            raise FileExistsError(errno.EEXIST, "File exists", str(target)) from None
        os.rename(temporary, target)


def _remove_quietly(path: Path) -> None:
    # Gone already once linked or replaced; if it cannot be removed, the write's own outcome is
    # what the editor needs to hear, and the leftover's name says it is kiku's.
    with contextlib.suppress(OSError):
        os.unlink(path)
