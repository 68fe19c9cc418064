"""The content files' keys by their status, so that a build need not read an unchanged file.

An article's key in the article cache (``kiku.content.cache.articles``) is a hash of the file's bytes:
finding it means reading and hashing every content file, which is most of what loading a site of
cached articles costs. This index, ``<site>/.kiku-cache/content-files.marshal``, keeps for every
file the status it had when it was last read (device, inode, size, modification and change times)
and its key. A file whose status is the same has the same bytes: any write moves the change
time, which (unlike the modification time) cannot be set back by hand, and a file replaced by
another (an editor saving by rename) has another inode.

Two writes within one tick of the file system's clock could leave a file with the same times
(git's "racily clean" files): a file changed less than ``RACY_NS`` before its status was taken is
not kept in the index, and is read on every load until it is older. Only regular files (not
symbolic links) are kept. The index is salted like the article cache (kiku's version, the loader's
code, the vocabulary and limits) and stored with ``marshal`` (plain data; loading it runs no
code); an index that does not load, or has another salt, is ignored: every file is read.
"""

from __future__ import annotations

import contextlib
import marshal
import os
import stat
import time
from pathlib import Path

INDEX_FILE = "content-files.marshal"
RACY_NS = 2_000_000_000  # two seconds: coarser than any file system's clock kiku may run on
_FORMAT = 1

Signature = tuple[int, int, int, int, int]


def signature(status: os.stat_result) -> Signature | None:
    """What stands for a file's bytes (see the module docstring); None for anything but a regular file."""
    if not stat.S_ISREG(status.st_mode):
        return None
    return status.st_dev, status.st_ino, status.st_size, status.st_mtime_ns, status.st_ctime_ns


class KnownFiles:
    """The index of one site's content files for one article-cache salt."""

    def __init__(self, cache_dir: Path, salt: bytes, file_name: str = INDEX_FILE) -> None:
        """``file_name``: the index's file in ``cache_dir`` (another for another kind of key)."""
        self._path = cache_dir / file_name
        self._salt = salt
        self._known: dict[str, tuple[Signature, bytes]] = self._read()
        self._now_ns = time.time_ns()  # the statuses taken from now on are of this load

    def _read(self) -> dict[str, tuple[Signature, bytes]]:
        try:
            stored = marshal.loads(self._path.read_bytes())
        except (OSError, EOFError, ValueError, TypeError):  # missing, truncated or foreign: read every file
            return {}
        if not isinstance(stored, tuple) or len(stored) != 3 or stored[:2] != (_FORMAT, self._salt):
            return {}
        entries = stored[2]
        return entries if isinstance(entries, dict) else {}

    def key(self, file_name: str, status: os.stat_result) -> bytes | None:
        """The key recorded for ``file_name`` when its status was ``status``; None when unknown."""
        recorded = self._known.get(file_name)
        if recorded is None or recorded[0] != signature(status):
            return None
        key = recorded[1]
        return key if isinstance(key, bytes) else None

    def save(self, keys: dict[str, tuple[os.stat_result, bytes]]) -> None:
        """Store the ``keys`` of this load (file name → its status, taken before it was read, and
        its key), leaving out the files changed too recently to be told apart from a next change;
        written only when it differs from the stored index. A cache that cannot be written is skipped."""
        entries: dict[str, tuple[Signature, bytes]] = {}
        recent = self._now_ns - RACY_NS
        for file_name, (status, key) in keys.items():
            found = signature(status)
            if found is not None and status.st_ctime_ns < recent and status.st_mtime_ns < recent:
                entries[file_name] = (found, key)
        if entries == self._known:
            return
        temporary = self._path.with_name(f".{self._path.name}.{os.getpid()}.tmp")
        try:
            temporary.write_bytes(marshal.dumps((_FORMAT, self._salt, entries)))
            os.replace(temporary, self._path)
        except OSError:
            with contextlib.suppress(OSError):
                temporary.unlink()
        self._known = entries
