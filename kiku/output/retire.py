"""Deleting a retired output folder after the command has finished, in a process of its own.

Once a build has swapped the new site in, the previous one is only garbage, but deleting a tree of
thousands of folders and files takes seconds (9 s wall for a 2,000-article site on a busy disk):
``kiku build`` need not wait for it. The folder is handed to a detached process (a new session,
its standard streams on ``/dev/null``, every other file descriptor closed, so that neither a
terminal's Ctrl-C nor a pipe reading the build's output waits for it), and the folder's owner
marker (``kiku.output.owned``) is rewritten to name that process before it starts deleting: a build
started meanwhile leaves the folder alone, and a deleter killed halfway leaves a folder marked with
a process that is gone, which the next run removes.
"""

from __future__ import annotations

import contextlib
import os
import signal
import threading
from pathlib import Path

from kiku.output.owned import MARKER, process_identity, remove_owned_dir


def delete_in_background(folder: Path) -> bool:
    """Have a detached process delete the kiku-owned ``folder``; False when none could be started
    (no ``os.fork``, or this process has other threads, which a fork must not copy): the caller
    deletes the folder itself then."""
    if not hasattr(os, "fork") or threading.active_count() > 1:
        return False
    pid_read, pid_write = os.pipe()  # the deleter's process id, from the middle process
    go_read, go_write = os.pipe()  # closed once the marker names the deleter: it may start
    try:
        middle = os.fork()
    except OSError:
        for descriptor in (pid_read, pid_write, go_read, go_write):
            os.close(descriptor)
        return False
    if middle == 0:  # pragma: no cover (a forked child; it never returns)
        _start_deleter(folder, pid_write, go_read)
    os.close(pid_write)
    os.close(go_read)
    try:
        with os.fdopen(pid_read, "rb") as pid_pipe:
            answer = pid_pipe.read()
        os.waitpid(middle, 0)
        if not answer.isdigit():
            return False  # the deleter could not be forked: nothing runs, the caller deletes
        deleter = int(answer)
        _mark_owner(folder, process_identity(deleter) or str(deleter))
    finally:
        os.close(go_write)
    return True


def _mark_owner(folder: Path, identity: str) -> None:
    temporary = folder / f"{MARKER}.new"
    with contextlib.suppress(OSError):  # gone already: nothing is left to own
        temporary.write_text(identity, encoding="ascii")
        os.replace(temporary, folder / MARKER)


def _start_deleter(folder: Path, pid_write: int, go_read: int) -> None:  # pragma: no cover
    """In the middle process: leave the build's session, fork the deleter, report its id, exit."""
    status = 1
    try:
        os.setsid()
        deleter = os.fork()
        if deleter == 0:
            _delete(folder, go_read)
        os.write(pid_write, str(deleter).encode("ascii"))
        status = 0
    finally:
        os._exit(status)


def _delete(folder: Path, go_read: int) -> None:  # pragma: no cover
    """In the deleter: wait for the marker to name it, delete ``folder``, exit."""
    status = 1
    try:
        for number in (signal.SIGINT, signal.SIGTERM):
            signal.signal(number, signal.SIG_DFL)
        null = os.open(os.devnull, os.O_RDWR)
        for stream in (0, 1, 2):
            os.dup2(null, stream)
        os.closerange(3, go_read)
        os.closerange(go_read + 1, os.sysconf("SC_OPEN_MAX") if hasattr(os, "sysconf") else 4096)
        os.read(go_read, 1)  # EOF once the parent has rewritten the marker (or has died)
        os.close(go_read)
        remove_owned_dir(folder)
        status = 0
    finally:
        os._exit(status)
