"""Record packs: the records of ``PACK`` consecutive articles in one file, and where each one lies.

Article n's record (kiku.search.encoding.codebook) is in pack ``n // PACK``,
``search/records/<pack>.bin``, right after the records of the articles before it in that pack.
``search/records/lengths.bin.gz`` lists every record's length in bytes, in article order, each as
LEB128 (seven bits a byte, low first, the high bit set on every byte but a number's last),
gzipped. The script reads the lengths once and fetches a record by an HTTP Range request of its
bytes, or, from a server that ignores ranges (``kiku serve``, a ``file://`` folder), the whole
pack, whose other records it keeps.

One file a record was 10,000 files at 10,000 articles: creating them cost about a sixth of a
cold build's index (most of its system time, which other jobs' disk use swells). Packs of 16 make
625 files; a reader whose server ignores ranges fetches 16 records (~18-27 KB) for the first of a
pack it needs, and none for the others.
"""

from __future__ import annotations

import gzip
from collections.abc import Iterator, Mapping, Sequence

from kiku.search.encoding.shards import gzip_bytes

PACK = 16  # records a pack: whole packs (no ranges) stay small, and 10,000 records make 625 files
LENGTHS_PATH = "search/records/lengths.bin.gz"


def pack_path(number: int) -> str:
    return f"search/records/{number}.bin"


def pack_count(records: int) -> int:
    return -(-records // PACK)


def pack_files(records: Sequence[bytes], packs: Sequence[int] | None = None) -> Iterator[tuple[str, bytes]]:
    """The files of ``packs`` (all when None) of ``records`` (in article order)."""
    for number in range(pack_count(len(records))) if packs is None else packs:
        yield pack_path(number), b"".join(records[number * PACK : (number + 1) * PACK])


def lengths_file(records: Sequence[bytes]) -> bytes:
    """``search/records/lengths.bin.gz``: each record's length, LEB128, gzipped reproducibly."""
    out = bytearray()
    for record in records:
        length = len(record)
        while length >= 0x80:
            out.append(length & 0x7F | 0x80)
            length >>= 7
        out.append(length)
    return gzip_bytes(bytes(out))


def read_lengths(data: bytes) -> list[int]:
    """The lengths ``lengths_file`` wrote (the script's reading, in Python)."""
    lengths: list[int] = []
    value = shift = 0
    for byte in gzip.decompress(data):
        value |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            lengths.append(value)
            value = shift = 0
    return lengths


def record_bytes(files: Mapping[str, bytes], number: int) -> bytes:
    """Article ``number``'s record, read from an index's ``files`` as the script reads it."""
    lengths = read_lengths(files[LENGTHS_PATH])
    first = number - number % PACK
    start = sum(lengths[first:number])
    return files[pack_path(number // PACK)][start : start + lengths[number]]


def record_paths(records: int) -> set[str]:
    """Every file of ``records`` records: their packs and the lengths."""
    return {LENGTHS_PATH, *(pack_path(number) for number in range(pack_count(records)))}
