"""The last build's shards, kept beside the entry cache, so that an edit re-encodes only the shards it reaches.

One file, ``shards.pack`` in the entry cache's folder: a first line naming the format (with the
tokenizer's and the entry cache's versions and a hash of the code that builds the index), a line
``<sha256> <entries> <shards>`` (the checksum of everything after that line), then the entry keys
(kiku.search.incremental.cache) the index was built from, one a line, in article order, then the shard files'
lengths on one line and their bytes, then the record units' (kiku.search.encoding.records) the same way:
a build re-deflates only the units of the articles that changed. A state whose checksum, framing
or versions do not hold up is no state: the build encodes every shard, as on a first build, and writes a new one.
"""

from __future__ import annotations

import functools
import hashlib
import os
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from kiku.search.incremental.cache import CACHE_FORMAT
from kiku.search.text.normalise import TOKENIZER_VERSION

STATE_NAME = "shards.pack"
STATE_FORMAT = 2


@dataclass(frozen=True, slots=True)
class IndexState:
    """An index's shards (``shards``, each file's bytes, by number), its records' deflated units
    (``units``) and the keys of the entries it was built from, in article order (``entry_keys``)."""

    entry_keys: tuple[str, ...]
    shards: tuple[bytes, ...]
    units: tuple[bytes, ...] = ()


@functools.cache
def _magic() -> bytes:
    """The first line: this format, the versions, and a hash of kiku.search's source (every subpackage)."""
    digest = hashlib.sha256()
    package = Path(__file__).resolve().parent.parent
    for source in sorted(package.rglob("*.py")):
        digest.update(source.relative_to(package).as_posix().encode() + b"\0" + source.read_bytes())
    return f"kiku-search-shards {STATE_FORMAT} {TOKENIZER_VERSION} {CACHE_FORMAT} {digest.hexdigest()}\n".encode()


def read_state(folder: Path) -> IndexState | None:
    """The state kept in ``folder``; None when there is none or it does not hold up."""
    try:
        data = (folder / STATE_NAME).read_bytes()
    except OSError:
        return None
    magic = _magic()
    if not data.startswith(magic):
        return None
    header_end = data.find(b"\n", len(magic))
    fields = data[len(magic) : header_end].split(b" ")
    if header_end < 0 or len(fields) != 3 or not all(field.isdigit() for field in fields[1:]):
        return None
    body = memoryview(data)[header_end + 1 :]
    if hashlib.sha256(body).hexdigest().encode() != fields[0]:
        return None
    entries, shards = int(fields[1]), int(fields[2])
    lines = bytes(body).split(b"\n", entries + 2)
    if len(lines) != entries + 3:
        return None
    shard_lengths, unit_lengths = lines[entries].split(), lines[entries + 1].split()
    if len(shard_lengths) != shards or not all(length.isdigit() for length in [*shard_lengths, *unit_lengths]):
        return None
    files, position, rest = [], 0, lines[entries + 2]
    for length in map(int, [*shard_lengths, *unit_lengths]):
        files.append(rest[position : position + length])
        position += length
    if position != len(rest):
        return None
    keys = tuple(line.decode("ascii") for line in lines[:entries])
    return IndexState(keys, tuple(files[:shards]), tuple(files[shards:]))


def write_state(folder: Path, entry_keys: Sequence[str], shards: Sequence[bytes], units: Sequence[bytes] = ()) -> None:
    """Keep ``shards`` and ``units`` as the index built from the entries of ``entry_keys`` (the file
    replaced whole)."""
    body = b"".join([
        *(key.encode("ascii") + b"\n" for key in entry_keys),
        b" ".join(str(len(shard)).encode() for shard in shards) + b"\n",
        b" ".join(str(len(unit)).encode() for unit in units) + b"\n",
        *shards,
        *units,
    ])
    header = f"{hashlib.sha256(body).hexdigest()} {len(entry_keys)} {len(shards)}\n".encode()
    folder.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{STATE_NAME}.", dir=folder)
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(_magic() + header + body)
        os.replace(temporary, folder / STATE_NAME)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
