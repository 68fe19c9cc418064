"""Record packs: the records of ``PACK`` consecutive articles in one file, deflated ``UNIT`` at a time.

Article n's record (kiku.search.encoding.codebook) is in unit ``n // UNIT``, the records of
articles ``UNIT`` × (n // UNIT) onwards coded, joined by a newline and deflated together; the
unit is in pack ``n // PACK``, ``search/records/<pack>.bin``, right after the units before it in
that pack. ``search/records/lengths.bin.gz`` lists every unit's length in bytes, in order, each as
LEB128 (seven bits a byte, low first, the high bit set on every byte but a number's last),
gzipped. The script reads the lengths once and fetches a unit by an HTTP Range request of its
bytes, or, from a server that ignores ranges (``kiku serve``, a ``file://`` folder), the whole
pack, whose other units it keeps.

One file a record was 10,000 files at 10,000 articles: creating them cost about a sixth of a
cold build's index (most of its system time, which other jobs' disk use swells). Packs of 16 make
625 files; a reader whose server ignores ranges fetches 16 records for the first of a pack it
needs, and none for the others.
"""

from __future__ import annotations

import gzip
from collections.abc import Iterator, Mapping, Sequence

from kiku.search.encoding.codebook import decompress_unit, deflate_unit
from kiku.search.encoding.shards import gzip_bytes

PACK = 16  # records a pack: whole packs (no ranges) stay small, and 10,000 records make 625 files
# Records deflated together (a *unit*): 4 share one deflate block's Huffman tables (~110 B a record
# deflated alone) and each other's strings: on bench/prose.py's text 11 % fewer bytes than one
# record a unit (2: 6 %), for a download of the unit, not the record, for each result shown.
UNIT = 4
LENGTHS_PATH = "search/records/lengths.bin.gz"


def pack_path(number: int) -> str:
    return f"search/records/{number}.bin"


def pack_count(records: int) -> int:
    return -(-records // PACK)


def unit_count(records: int) -> int:
    return -(-records // UNIT)


def deflated_units(records: Sequence[bytes], units: Sequence[int] | None = None) -> list[bytes]:
    """Units ``units`` (all when None) of ``records`` (coded, not deflated: kiku.search.encoding.codebook),
    each deflated."""
    numbers = range(unit_count(len(records))) if units is None else units
    return [deflate_unit(records[number * UNIT : (number + 1) * UNIT]) for number in numbers]


def pack_files(units: Sequence[bytes], packs: Sequence[int] | None = None) -> Iterator[tuple[str, bytes]]:
    """The files of ``packs`` (all when None) of the deflated ``units`` (in article order)."""
    per_pack = PACK // UNIT
    for number in range(-(-len(units) // per_pack)) if packs is None else packs:
        yield pack_path(number), b"".join(units[number * per_pack : (number + 1) * per_pack])


def lengths_file(units: Sequence[bytes]) -> bytes:
    """``search/records/lengths.bin.gz``: each unit's length, LEB128, gzipped reproducibly."""
    out = bytearray()
    for unit in units:
        length = len(unit)
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


def unit_bytes(files: Mapping[str, bytes], unit: int) -> bytes:
    """Unit ``unit``'s bytes, read from an index's ``files`` as the script reads them."""
    lengths = read_lengths(files[LENGTHS_PATH])
    per_pack = PACK // UNIT
    first = unit - unit % per_pack
    start = sum(lengths[first:unit])
    return files[pack_path(unit // per_pack)][start : start + lengths[unit]]


def read_record(files: Mapping[str, bytes], number: int) -> object:
    """Article ``number``'s record (its value), read from an index's ``files`` as the script reads it."""
    return decompress_unit(unit_bytes(files, number // UNIT))[number % UNIT]


def record_paths(records: int) -> set[str]:
    """Every file of ``records`` records: their packs and the lengths."""
    return {LENGTHS_PATH, *(pack_path(number) for number in range(pack_count(records)))}
