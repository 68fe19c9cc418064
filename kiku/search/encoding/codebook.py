"""How a record is written: a code of one or two bytes a character, deflated with a preset dictionary.

A record is JSON; its text is dominated by kana and kanji, three bytes each in UTF-8, which deflate
codes poorly in files of a few kilobytes. Here every character of the table
(``codebook_data.CHARACTERS``: JSON's punctuation and the digits, then the characters of the
repository's real articles, most frequent first) is coded by its place ``i`` in it: the first
``SINGLE`` in one byte, ``i``, the next ``15 × 256`` in two, ``0xF0 + (j >> 8)`` then ``j & 255``
(``j = i - SINGLE``); any other character is four bytes, ``0xFF`` and its code point in three
(big-endian). The records of a *unit* (kiku.search.encoding.records: four consecutive articles')
are joined by the code of a newline, which compact JSON never holds, and their bytes deflated
together (raw deflate, RFC 1951) with a preset dictionary: the
last 32 KiB of the *codebook*, the table in UTF-8, a NUL byte, and ``DICTIONARY`` (frequent
strings of those articles) in this code, which every record may refer back into.

The index publishes the codebook as ``search/codebook.bin``, a raw deflate stream of those bytes
whose blocks are not final and which ends on a byte boundary: the script reads a unit by
inflating that stream followed by the unit's bytes (its back references then find the
dictionary where the compressor saw it), skipping the codebook's bytes and cutting the text at
its newlines. On the repository's
real texts and on bench/prose.py's, a record is about a third smaller than gzipped UTF-8 JSON.
"""

from __future__ import annotations

import codecs
import functools
import itertools
import json
import sys
from collections.abc import Sequence

import numpy as np
import numpy.typing as npt
from zlib_ng import zlib_ng

from kiku.search.encoding.codebook_data import CHARACTERS, DICTIONARY

SINGLE = 0xF0  # characters coded in one byte
PAIR_LEAD = SINGLE
ESCAPE = 0xFF
CODES = SINGLE + (ESCAPE - PAIR_LEAD) * 256  # the table's greatest length
WINDOW = 32 * 1024  # how far back deflate refers
DICTIONARY_BYTES = WINDOW - 1024  # room for the end of the table before it
# 3 % smaller records than 6 (real prose; generated 2 %), for ~40-60 µs more a record (zlib-ng,
# 2026-11-29, 2,000 articles): at 6 the real-prose index would pass 25 MB per 10,000 articles.
# Not 9: at 10,000 real-prose articles 0.76 s, not 1.16-1.29, for 2.1 % larger records (16.06 MB,
# not 15.72; the index 24.65 MB in all) (2026-12-01, index version 9).
_LEVEL = 8
_ERRORS = "kiku-codebook-escape"
# One encoder for every record (``json.dumps`` with options makes one a call).
_compact_json = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode
_UTF32 = "utf-32-le" if sys.byteorder == "little" else "utf-32-be"


def _escape(character: str) -> str:
    """``character``'s escape as latin-1 characters (one per byte)."""
    return chr(ESCAPE) + ord(character).to_bytes(3, "big").decode("latin-1")


def _escape_unencodable(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeEncodeError):
        raise error
    return "".join(map(_escape, error.object[error.start : error.end])), error.end


codecs.register_error(_ERRORS, _escape_unencodable)


@functools.cache
def _translation(table: str) -> list[int | str]:
    """Code point → its code (an int: one byte; a str of latin-1 characters: several), for every
    code point up to the table's greatest: the table's characters and every other one below U+0100
    (which ``encode("latin-1")`` would otherwise pass through as itself) coded, the rest themselves,
    for the error handler to escape, as it does those past the list's end. A list, not a dict:
    ``str.translate`` looks it up faster."""
    coded = table[:CODES]
    codes: list[int | str] = [*range(max([0x100, *map(ord, coded)]) + 1)]
    for code in range(0x100):
        codes[code] = _escape(chr(code))
    for place, character in enumerate(coded):
        if place < SINGLE:
            codes[ord(character)] = place
        else:
            pair = place - SINGLE
            codes[ord(character)] = chr(PAIR_LEAD + (pair >> 8)) + chr(pair & 255)
    return codes


def encode_text(text: str, table: str = CHARACTERS) -> bytes:
    """``text`` in the code above (``table``: the characters in code order)."""
    return encode_texts([text], table)[0]


def encode_texts(texts: Sequence[str], table: str = CHARACTERS) -> list[bytes]:
    """``encode_text`` of each of ``texts``, computed together.

    Over arrays (numpy): each character's code is four bytes of a table, of which it uses the first
    1, 2 or 4; the texts' codes and lengths are taken at once and each code's bytes placed where the
    codes before it end (its first byte, then the second of the longer ones and the last two of the
    escapes: picking the bytes out through a mask of all four took twice as long), the result cut
    where each text's characters end. ``translated_text`` (a character at a time) is slower on a
    record and states the code plainly."""
    points = np.frombuffer("".join(texts).encode(_UTF32, "surrogatepass"), dtype=np.uint32)
    codes = _code_rows(table)[0]
    last = len(codes) - 1  # the table's last row is a code point past it: escaped, its bytes filled in
    at = np.minimum(points, last)
    text_codes = codes.take(at).view(np.uint8).reshape(-1, 4)
    past = np.flatnonzero(points >= last)
    if len(past):
        text_codes[past, 1:] = (points[past, None] >> np.array([16, 8, 0], dtype=np.uint32)) & 255
    lengths = _code_lengths(table).take(at)
    bytes_before = np.zeros(len(points) + 1, dtype=np.int64)
    np.cumsum(lengths, dtype=np.int64, out=bytes_before[1:])
    starts = bytes_before[:-1]
    coded = np.empty(int(bytes_before[-1]), dtype=np.uint8)
    coded[starts] = text_codes[:, 0]
    longer = np.flatnonzero(lengths > 1)
    coded[starts[longer] + 1] = text_codes[longer, 1]
    escaped = longer[lengths[longer] == 4]
    for byte in (2, 3):
        coded[starts[escaped] + byte] = text_codes[escaped, byte]
    if len(texts) == 1:
        return [coded.tobytes()]
    ends = bytes_before.take(np.cumsum([len(text) for text in texts], dtype=np.int64)).tolist()
    data = coded.tobytes()
    return [data[start:end] for start, end in itertools.pairwise([0, *ends])]


@functools.cache
def _code_lengths(table: str) -> npt.NDArray[np.uint8]:
    """The bytes of each code point's code (``_code_rows``): 1, 2 or 4."""
    lengths: npt.NDArray[np.uint8] = _code_rows(table)[1].view(np.uint8).reshape(-1, 4).sum(axis=1, dtype=np.uint8)
    return lengths


@functools.cache
def _code_rows(table: str) -> tuple[npt.NDArray[np.uint32], npt.NDArray[np.uint32]]:
    """Each code point's code as four bytes in one 32-bit number (in memory order), and the mask of
    the bytes it uses (1 or 0 each), up to the table's greatest code point, and one more for every
    code point past it (its code point left to fill in): a table character's one or two bytes,
    any other character's escape."""
    place_of = {ord(character): place for place, character in enumerate(table[:CODES])}  # a repeat: its last
    points = np.arange(max([0xFF, *place_of]) + 2, dtype=np.uint32)
    rows = np.empty((len(points), 4), dtype=np.uint8)
    rows[:, 0] = ESCAPE
    rows[:, 1:] = (points[:, None] >> np.array([16, 8, 0], dtype=np.uint32)) & 255
    lengths = np.full(len(points), 4, dtype=np.uint8)
    coded = np.array(list(place_of), dtype=np.int64)
    places = np.array(list(place_of.values()), dtype=np.int64)
    pairs = places - SINGLE
    rows[coded, 0] = np.where(places < SINGLE, places, PAIR_LEAD + (pairs >> 8))
    rows[coded, 1] = pairs & 255
    lengths[coded] = np.where(places < SINGLE, 1, 2)
    masks = (np.arange(4) < lengths[:, None]).astype(np.uint8)
    return rows.view(np.uint32).reshape(-1), masks.view(np.uint32).reshape(-1)


def translated_text(text: str, table: str = CHARACTERS) -> bytes:
    """``encode_text(text, table)``, one character at a time (``str.translate``): the code stated plainly."""
    return text.translate(_translation(table)).encode("latin-1", _ERRORS)


def decode_text(data: bytes, table: str = CHARACTERS) -> str:
    """The text ``encode_text`` wrote (the script's reading, in Python, for tests)."""
    characters: list[str] = []
    at = 0
    while at < len(data):
        byte = data[at]
        if byte == ESCAPE:
            characters.append(chr(int.from_bytes(data[at + 1 : at + 4], "big")))
            at += 4
        elif byte >= PAIR_LEAD:
            characters.append(table[SINGLE + ((byte - PAIR_LEAD) << 8) + data[at + 1]])
            at += 2
        else:
            characters.append(table[byte])
            at += 1
    return "".join(characters)


@functools.cache
def codebook_bytes() -> bytes:
    """What the codebook stream inflates to: the table in UTF-8, NUL, the dictionary in the code."""
    return CHARACTERS.encode("utf-8") + b"\x00" + encode_text(DICTIONARY)


@functools.cache
def codebook_file() -> bytes:
    """``search/codebook.bin``: ``codebook_bytes`` deflated, no block final, ending on a byte
    boundary (a sync flush), so that a record's bytes can follow it."""
    deflate = zlib_ng.compressobj(9, zlib_ng.DEFLATED, -zlib_ng.MAX_WBITS)
    return deflate.compress(codebook_bytes()) + deflate.flush(zlib_ng.Z_SYNC_FLUSH)


@functools.cache
def _primed() -> zlib_ng._Compress:
    """A compressor that has the dictionary (copied for each record: setting it anew costs more).
    Memory level 8, not 9: the same bytes (zlib-ng), and its state copied in 13.5 µs, not 17."""
    return zlib_ng.compressobj(
        _LEVEL, zlib_ng.DEFLATED, -zlib_ng.MAX_WBITS, 8, zlib_ng.Z_DEFAULT_STRATEGY, codebook_bytes()[-WINDOW:]
    )


def code_records(values: Sequence[object]) -> list[bytes]:
    """Each of ``values`` as compact JSON in the code, not deflated (an entry's record: the records of
    a unit are deflated together, kiku.search.encoding.records)."""
    return encode_texts(list(map(_compact_json, values)))


# Between the records of a unit: a newline, which compact JSON never holds.
SEPARATOR = encode_text("\n")


def deflate_unit(coded: Sequence[bytes]) -> bytes:
    """The coded records ``coded`` joined by ``SEPARATOR``, deflated against the dictionary."""
    deflate: zlib_ng._Compress = _primed().copy()  # type: ignore[attr-defined]  # zlib_ng's stubs lack copy()
    return deflate.compress(SEPARATOR.join(coded)) + deflate.flush()


def compress_record(value: object) -> bytes:
    """``value`` as compact JSON in the code, deflated against the dictionary (a unit of one record)."""
    return deflate_unit(code_records([value]))


def decompress_unit(data: bytes) -> list[object]:
    """The values of the unit ``deflate_unit`` wrote (the script's reading, in Python, for tests)."""
    inflate = zlib_ng.decompressobj(-zlib_ng.MAX_WBITS)
    written = inflate.decompress(codebook_file() + data) + inflate.flush()
    return [json.loads(text) for text in decode_text(written[len(codebook_bytes()) :]).split("\n")]


def decompress_record(data: bytes) -> object:
    """The value ``compress_record`` wrote (the script's reading, in Python, for tests)."""
    (value,) = decompress_unit(data)
    return value
