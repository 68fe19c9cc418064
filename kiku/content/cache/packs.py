"""Pack files: many entries in one file, each found by its name and key through the file's index.

A cold build stored one file per article: at 10,000 articles, 10,000 files created, a third to half a
millisecond of system time each on a loaded machine, more than pickling them. A pack holds the
entries one process stored in one build, written as they come and closed by an index:

    MAGIC, entry payloads one after the other, the index (``marshal``: a list of
    (name, key, offset, length, crc32)), then the footer: index offset, index length, index crc32, MAGIC.

A pack is written under a hidden temporary name and renamed into place once whole, so a ``*.pack``
file is always complete unless damaged afterwards. Damage is found, never trusted: a pack whose footer
or index does not check is skipped whole, an entry whose bytes do not match its crc32 is not used
(the caller reads the content file again). crc32 finds accidental damage (a cut, a flipped bit),
which is what the cache has to fear: it is the site folder's own, like the content files read anyway.
"""

from __future__ import annotations

import contextlib
import marshal
import os
import struct
import time
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import BinaryIO

PACK_SUFFIX = ".pack"
MAGIC = b"kikupak1"
_FOOTER = struct.Struct("<QQI8s")  # index offset, index length, index crc32, MAGIC
_BUFFER_BYTES = 1 << 20

Reference = tuple[str, bytes]  # an entry's name and key


@dataclass(frozen=True, slots=True)
class Location:
    """Where an entry's payload is: in which pack, at which offset, how long, and its crc32."""

    pack: str
    offset: int
    length: int
    crc: int


class PackWriter:
    """One pack being written: entries are appended as they come, ``close`` puts it in place.

    Written through a file descriptor and a buffer of its own, not a buffered file object: a
    process forked while a pack is open must never flush the parent's buffered bytes into it."""

    def __init__(self, folder: str, name: str) -> None:
        self._target = os.path.join(folder, name + PACK_SUFFIX)
        self._temporary = os.path.join(folder, f".{name}{PACK_SUFFIX}.tmp")
        self._fd = os.open(self._temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        self._buffer: list[bytes] = [MAGIC]
        self._buffered = self._offset = len(MAGIC)
        self._index: list[tuple[str, bytes, int, int, int]] = []

    def add(self, name: str, key: bytes, payload: bytes, crc: int | None = None) -> None:
        """Append ``payload`` as the entry ``name`` under ``key`` (``crc``: its crc32, when known).
        Raises OSError when it cannot be written (then ``drop`` the pack)."""
        self._buffer.append(payload)
        self._buffered += len(payload)
        self._index.append((name, key, self._offset, len(payload), zlib.crc32(payload) if crc is None else crc))
        self._offset += len(payload)
        if self._buffered >= _BUFFER_BYTES:
            self._write_buffer()

    def _write_buffer(self) -> None:
        data = b"".join(self._buffer)
        self._buffer, self._buffered = [], 0
        view = memoryview(data)
        while view:
            view = view[os.write(self._fd, view):]

    def __len__(self) -> int:
        return len(self._index)

    def close(self) -> str | None:
        """Write the index and put the pack in place; its path, or None when it could not be
        written (nothing of it is left)."""
        index = marshal.dumps(self._index)
        self._buffer += [index, _FOOTER.pack(self._offset, len(index), zlib.crc32(index), MAGIC)]
        try:
            self._write_buffer()
            os.close(self._fd)
            self._fd = -1
            os.replace(self._temporary, self._target)
        except OSError:
            self.drop()
            return None
        return self._target

    def drop(self) -> None:
        """Abandon the pack: nothing of it is left."""
        if self._fd >= 0:
            with contextlib.suppress(OSError):
                os.close(self._fd)
            self._fd = -1
        with contextlib.suppress(OSError):
            os.unlink(self._temporary)


def read_index(path: str) -> list[tuple[str, bytes, int, int, int]] | None:
    """The index of the pack at ``path``: (name, key, offset, length, crc32) for each entry; None
    when the pack is missing, cut short or damaged."""
    try:
        with open(path, "rb") as file:
            size = file.seek(0, os.SEEK_END)
            if size < len(MAGIC) + _FOOTER.size:
                return None
            file.seek(size - _FOOTER.size)
            offset, length, crc, magic = _FOOTER.unpack(file.read(_FOOTER.size))
            if magic != MAGIC or offset < len(MAGIC) or offset + length != size - _FOOTER.size:
                return None
            file.seek(offset)
            index = file.read(length)
    except OSError:
        return None
    if zlib.crc32(index) != crc:
        return None
    try:
        entries = marshal.loads(index)
    except (EOFError, ValueError, TypeError):
        return None
    return entries if _well_formed(entries, offset) else None


def _well_formed(entries: object, end: int) -> bool:
    if not isinstance(entries, list):
        return False
    for entry in entries:
        if not (isinstance(entry, tuple) and len(entry) == 5 and isinstance(entry[0], str)
                and isinstance(entry[1], bytes) and all(isinstance(number, int) for number in entry[2:])):
            return False
        if entry[2] < len(MAGIC) or entry[2] + entry[3] > end:
            return False
    return True


def pack_paths(folder: str) -> list[str]:
    """The packs in ``folder``, oldest name first (names begin with the time they were made)."""
    try:
        return sorted(entry.path for entry in os.scandir(folder) if _is_pack(entry.name))
    except OSError:
        return []


def _is_pack(name: str) -> bool:
    return name.endswith(PACK_SUFFIX) and not name.startswith(".")


class PackReader:
    """The entries of every pack in a folder, by name and key; payloads read on demand."""

    def __init__(self, folder: str) -> None:
        self.folder = folder
        self.locations: dict[Reference, Location] = {}
        self.sizes: dict[str, int] = {}  # every good pack's payload bytes, by path
        self._files: dict[str, BinaryIO] = {}
        for path in pack_paths(folder):
            index = read_index(path)
            if index is None:
                continue
            self.sizes[path] = sum(entry[3] for entry in index)
            for name, key, offset, length, crc in index:
                self.locations[(name, key)] = Location(path, offset, length, crc)

    def names(self) -> frozenset[str]:
        """The names that have an entry, under any key."""
        return frozenset(name for name, _ in self.locations)

    def payload(self, name: str, key: bytes) -> bytes | None:
        """The payload stored for ``name`` under ``key``; None when there is none or it is damaged."""
        location = self.locations.get((name, key))
        if location is None:
            return None
        try:
            file = self._files.get(location.pack)
            if file is None:
                file = self._files[location.pack] = open(location.pack, "rb")  # noqa: SIM115 (closed by close)
            data = os.pread(file.fileno(), location.length, location.offset)
        except OSError:
            return None
        return data if len(data) == location.length and zlib.crc32(data) == location.crc else None

    def close(self) -> None:
        for file in self._files.values():
            with contextlib.suppress(OSError):
                file.close()
        self._files.clear()

    def live_entries(self, keep: Iterable[Reference]) -> Iterator[tuple[Reference, Location]]:
        """The locations of the entries of ``keep`` that are stored."""
        for reference in keep:
            location = self.locations.get(reference)
            if location is not None:
                yield reference, location


MAX_PACKS = 8  # more than this, and the smaller packs are merged into one
_LEFTOVER_AGE_S = 3600  # a temporary pack older than this is of a build that was killed


def compact(reader: PackReader, keep: set[Reference], name: str) -> None:
    """Merge the packs of ``reader`` that are mostly entries no longer kept, and, when there are
    more than ``MAX_PACKS``, the smaller ones, into one new pack (named ``name``) holding their
    entries of ``keep``; delete every other file of the folder (a killed build's temporary pack,
    an entry of the one-file-per-article cache this replaced). So the packs hold at most about
    twice the live entries, in a handful of files."""
    live: dict[str, int] = dict.fromkeys(reader.sizes, 0)
    for _, location in reader.live_entries(keep):
        live[location.pack] += location.length
    merged = {path for path, size in reader.sizes.items() if live[path] == 0 or 2 * live[path] < size}
    others = sorted((path for path in reader.sizes if path not in merged), key=reader.sizes.__getitem__)
    if len(others) > MAX_PACKS:
        merged.update(others[: len(others) - MAX_PACKS // 2 + 1])
    _remove_leftovers(reader.folder, set(reader.sizes))
    if not merged:
        return
    entries = [(reference, location) for reference, location in reader.live_entries(keep) if location.pack in merged]
    if entries:
        try:
            writer = PackWriter(reader.folder, name)
        except OSError:
            return
        for (entry_name, key), location in entries:
            payload = reader.payload(entry_name, key)
            if payload is not None:  # a damaged entry is left out: its file is read again
                writer.add(entry_name, key, payload, location.crc)
        if writer.close() is None:
            return
    reader.close()
    for path in merged:
        with contextlib.suppress(OSError):
            os.unlink(path)


def _remove_leftovers(folder: str, packs: set[str]) -> None:
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    old = time.time() - _LEFTOVER_AGE_S
    for entry in entries:
        if entry.path in packs:
            continue
        with contextlib.suppress(OSError):
            if entry.name.endswith(PACK_SUFFIX + ".tmp") and entry.stat().st_mtime > old:
                continue  # another build's pack, being written
            if _is_pack(entry.name) and read_index(entry.path) is not None:
                continue  # a good pack another build put in place since this one listed the folder
            os.unlink(entry.path)
