"""Reading a file of the site safely: a regular file, inside the site, and not larger than a limit.

Every file kiku reads from a site (``site.yaml``, ``content/``, ``templates/``, ``static/``) or
imports goes through :func:`read_regular_file`. It refuses, before reading a byte:

- a symbolic link that leads outside the site root (``static/key → ~/.ssh/id_rsa`` would
  otherwise be published); a link that stays inside the site is followed;
- anything that is not a regular file: a FIFO (reading it waits forever), a device
  (``/dev/zero`` never ends), a socket, a folder;
- a file larger than its limit (``SizeLimit``), so a huge file is never parsed.

The file is opened with ``O_NONBLOCK`` and checked again on the open descriptor, so a FIFO put
in place between the check and the open cannot hang the reader, and at most ``limit + 1`` bytes
are read, so a file that grows while it is read cannot exhaust memory either.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path

from kiku.errors import KikuError

_CHUNK = 1 << 20
MEGABYTE = 1_000_000


class UnreadableFile(KikuError):
    """A file kiku refuses or fails to read; the message says why, without the file's name."""


@dataclass(frozen=True, slots=True)
class SizeLimit:
    """At most ``max_bytes`` bytes; ``setting`` names where the limit is changed (for the message)."""

    max_bytes: int
    setting: str

    def describe(self, size: int) -> str:
        """Why a file of ``size`` bytes is refused."""
        return (f"{_megabytes(size)} is above the limit of {_megabytes(self.max_bytes)} ({self.setting}): "
                "not read")


def _megabytes(size: int) -> str:
    return f"{size / MEGABYTE:.1f} MB" if size >= MEGABYTE // 10 else f"{size:,} bytes"


def special_kind(mode: int) -> str | None:
    """What a non-regular file is, in words (``a FIFO``), or None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device file"
    return "not a regular file"


class RealPaths:
    """Real paths for a batch of reads from a few folders (one load of ``content/``): the site
    root's and each folder's are worked out once, a file that is no link is its folder's real
    path and its name. A link (the file itself) is resolved in full, every time."""

    def __init__(self, site_root: Path) -> None:
        self.site_root = site_root
        self.root = os.path.realpath(site_root)
        self._folders: dict[Path, str] = {}

    def of(self, path: Path) -> str:
        """``os.path.realpath(path)`` (``path``: a folder's entry, not ``.`` or ``..``)."""
        if os.path.islink(path):
            return os.path.realpath(path)
        folder = self._folders.get(path.parent)
        if folder is None:
            folder = self._folders[path.parent] = os.path.realpath(path.parent)
        return os.path.join(folder, path.name)


def outside_link(path: Path, site_root: Path | RealPaths) -> str | None:
    """Why ``path`` (under ``site_root``) is refused as a link leading outside the site, or None.

    Every link on the way counts: ``static/`` itself linked to ``/etc`` is refused as well.
    """
    if isinstance(site_root, RealPaths):
        real, root = site_root.of(path), site_root.root
    else:
        real, root = os.path.realpath(path), os.path.realpath(site_root)
    if real == root or real.startswith(root.rstrip(os.sep) + os.sep):
        return None
    target = os.readlink(path) if os.path.islink(path) else real
    return (f"a symbolic link to {target}, outside the site: refused "
            "(only files inside the site are published; copy the file into the site instead)")


def check_regular_file(path: Path, site_root: Path | RealPaths | None) -> os.stat_result:
    """The status of ``path`` when it is a regular file kiku may read; ``UnreadableFile`` otherwise."""
    if site_root is not None:
        problem = outside_link(path, site_root)
        if problem:
            raise UnreadableFile(problem)
    try:
        status = os.stat(path)
    except OSError as error:
        raise UnreadableFile(f"cannot read the file: {error.strerror or error}") from None
    kind = special_kind(status.st_mode)
    if kind is not None:
        raise UnreadableFile(f"{kind}, not a regular file: not read")
    return status


def read_regular_file(path: Path, limit: SizeLimit, site_root: Path | RealPaths | None) -> bytes:
    """The bytes of ``path``; ``UnreadableFile`` (one line, see the module docstring) when refused.

    ``site_root`` None: the file may be anywhere (a page given to ``kiku import``); ``RealPaths``
    of the site root: the same check, for many files of one folder.
    """
    status = check_regular_file(path, site_root)
    if status.st_size > limit.max_bytes:
        raise UnreadableFile(limit.describe(status.st_size))
    try:
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError as error:
        raise UnreadableFile(f"cannot read the file: {error.strerror or error}") from None
    try:
        kind = special_kind(os.fstat(descriptor).st_mode)  # replaced between the check and the open
        if kind is not None:
            raise UnreadableFile(f"{kind}, not a regular file: not read")
        return _read_at_most(descriptor, limit)
    except OSError as error:
        raise UnreadableFile(f"cannot read the file: {error.strerror or error}") from None
    finally:
        os.close(descriptor)


def _read_at_most(descriptor: int, limit: SizeLimit) -> bytes:
    chunks: list[bytes] = []
    size = 0
    while True:
        chunk = os.read(descriptor, min(_CHUNK, limit.max_bytes + 1 - size))
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        size += len(chunk)
        if size > limit.max_bytes:  # it grew while being read
            raise UnreadableFile(limit.describe(size))


def copy_regular_file(source: Path, target: Path, limit: SizeLimit, site_root: Path) -> int:
    """Copy ``source`` (checked as :func:`read_regular_file` checks) to the new file ``target``;
    returns the bytes copied. Only the size the file had when opened is copied."""
    status = check_regular_file(source, site_root)
    if status.st_size > limit.max_bytes:
        raise UnreadableFile(limit.describe(status.st_size))
    try:
        descriptor = os.open(source, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError as error:
        raise UnreadableFile(f"cannot read the file: {error.strerror or error}") from None
    try:
        opened = os.fstat(descriptor)
        kind = special_kind(opened.st_mode)
        if kind is not None:
            raise UnreadableFile(f"{kind}, not a regular file: not read")
        if opened.st_size > limit.max_bytes:
            raise UnreadableFile(limit.describe(opened.st_size))
        with open(target, "xb") as copy:
            remaining = opened.st_size
            while remaining > 0:
                chunk = os.read(descriptor, min(_CHUNK, remaining))
                if not chunk:
                    break
                copy.write(chunk)
                remaining -= len(chunk)
        return opened.st_size - remaining
    finally:
        os.close(descriptor)
