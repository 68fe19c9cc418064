"""Temporary folders that are kiku's own, and removing those a killed kiku left behind.

A folder kiku creates for a while (a build's staging folder beside ``_site/``, the preview's and
a deploy's folders in the system's temp folder) holds a marker file naming the process that
owns it (its id and start time, so a recycled process id is not mistaken for the owner). When a
new run starts, it removes the folders of the same kind whose owner is gone. A folder without
the marker is not kiku's and is never touched, unless it is empty (kiku was killed between
creating the folder and writing the marker: nothing is lost by removing it).
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import stat
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

log = logging.getLogger(__name__)

MARKER = ".kiku-owner"
_MARKER_BYTES = 200


def make_owned_dir(parent: Path, prefix: str) -> Path:
    """A new folder ``parent/<prefix><random>`` marked as this process's."""
    folder = Path(tempfile.mkdtemp(prefix=prefix, dir=parent))
    (folder / MARKER).write_text(process_identity(os.getpid()) or str(os.getpid()), encoding="ascii")
    return folder


def remove_stale(parent: Path, prefix: str, *, what: str,
                 rescue: Callable[[Path], None] | None = None) -> list[Path]:
    """Remove the folders ``parent/<prefix>*`` whose owning kiku process is gone; say so for each.

    ``rescue`` is called with such a folder before it is removed (a build puts back the previous
    site it was moving). Returns the folders removed.
    """
    try:
        entries = [entry for entry in os.scandir(parent) if entry.name.startswith(prefix)]
    except OSError:
        return []
    removed: list[Path] = []
    for entry in entries:
        folder = Path(entry.path)
        if not entry.is_dir(follow_symlinks=False) or not _is_abandoned(folder):
            continue
        if rescue is not None:
            rescue(folder)
        remove_owned_dir(folder)
        if not folder.exists():
            log.warning("kiku: removed %s, left behind by %s that was stopped", folder, what)
            removed.append(folder)
    return removed


def remove_owned_dir(folder: Path) -> None:
    """Delete the kiku-owned ``folder``, its marker last: a kill while deleting leaves a folder
    still marked as kiku's, which the next run removes, never an unmarked one it must not touch."""
    try:
        entries = [entry for entry in os.scandir(folder) if entry.name != MARKER]
    except OSError:
        return
    for entry in entries:
        if entry.is_dir(follow_symlinks=False):
            shutil.rmtree(entry.path, ignore_errors=True)
        else:
            with contextlib.suppress(OSError):
                os.unlink(entry.path)
    shutil.rmtree(folder, ignore_errors=True)


def _is_abandoned(folder: Path) -> bool:
    try:
        # O_NONBLOCK and the regular-file check: a FIFO put there must not hang the next run.
        descriptor = os.open(folder / MARKER, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
        try:
            if not stat.S_ISREG(os.fstat(descriptor).st_mode):
                return False
            owner = os.read(descriptor, _MARKER_BYTES).decode("ascii", errors="replace").strip()
        finally:
            os.close(descriptor)
    except FileNotFoundError:
        try:
            return not any(folder.iterdir())  # see the module docstring
        except OSError:
            return False
    except OSError:
        return False
    return not _is_running(owner)


def process_identity(pid: int) -> str | None:
    """``"<pid> <start time>"`` from /proc, or None where there is no /proc (or no such process)."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as status:
            fields = status.read().rsplit(b")", 1)[1].split()
    except (OSError, IndexError):
        return None
    # After the command name: state is field 3 of proc(5), starttime field 22.
    return f"{pid} {fields[19].decode('ascii')}" if len(fields) > 19 else None


def _is_running(owner: str) -> bool:
    pid_text = owner.split(" ", 1)[0]
    if not pid_text.isdigit():
        return False
    pid = int(pid_text)
    if " " in owner and os.path.isdir("/proc/self"):
        return process_identity(pid) == owner
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # alive, owned by someone else
    return True


@contextmanager
def owned_temp_dir(prefix: str, *, what: str) -> Iterator[Path]:
    """A kiku-owned folder in the system's temp folder for the block, removed after it (also when
    the block is stopped by SIGINT/SIGTERM, see ``kiku.runtime.interrupt``); the folders that killed runs
    of the same kind left there are removed first."""
    scratch = Path(tempfile.gettempdir())
    remove_stale(scratch, prefix, what=what)
    folder = make_owned_dir(scratch, prefix)
    try:
        yield folder
    finally:
        remove_owned_dir(folder)
