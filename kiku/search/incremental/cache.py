"""Search entries kept between builds, so that a build re-indexes only the articles that changed.

The cache is one file, ``entries.pack`` in the folder given (``kiku build`` uses
``.kiku-cache/search/``): a first line naming the format, then one entry after another, each a
header line ``<key> <crc32> <length> …`` (six lengths) followed by the six fields of its
``EntryData`` (kiku.search.entries.article): the two key arrays as their bytes, the words and runs in
UTF-8, the record (the compressed bytes the index publishes, kiku.search.encoding.codebook).

An entry's key is the SHA-256 of everything ``index_article`` reads (the article's fields and its
tags, as their ``repr``; or, for an article with a content key, that key and the tag vocabulary's views:
``content_entry_key``), the tokenizer's version, this format's version, a hash of the records'
codebook (kiku.search.encoding.codebook), the Markdown parser's version and the machine's byte order (the
key arrays are in it): any change to the text, the tags or the code that cuts it makes a new key. A
save appends the entries the pack lacks (an edit build writes one entry, not the whole pack);
entries no key asks for any more are dropped when the pack is rewritten, which a save does when
more than one entry in ``MAX_STALE_SHARE`` would be stale, or the pack does not frame to its end.
Nothing read is trusted: an entry whose checksum or fields do not hold up is ignored (and so re-
indexed), and a file that cannot be read at all is an empty cache. An entry from the cache is the
same entry ``index_article`` would make, so the index is the same byte for byte with or without it.
The pack is read into one bytes object and an entry checked and cut out only when a build asks for
it; a rewrite streams the entries to a new file.
"""

from __future__ import annotations

import hashlib
import os
import re
import sys
import tempfile
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import BinaryIO

import markdown_it
from zlib_ng import zlib_ng

from kiku.content.model import Article
from kiku.search.encoding.codebook import codebook_bytes
from kiku.search.entries.article import ArticleEntry, EntryData, NumberedTag
from kiku.search.text.normalise import TOKENIZER_VERSION

CACHE_FORMAT = 7  # bump when index_article's output changes for the same article, or the pack's form
PACK_NAME = "entries.pack"
MAX_STALE_SHARE = 4  # the pack is rewritten when more than 1 entry in 4 is stale
# The records' code is in every entry's record: a pack written with another codebook is foreign.
_CODEBOOK = hashlib.sha256(codebook_bytes()).hexdigest()[:16]
_MAGIC = f"kiku-search-cache {CACHE_FORMAT} tokenizer {TOKENIZER_VERSION} {_CODEBOOK} {sys.byteorder}\n".encode("ascii")
_HEADER = re.compile(rb"([0-9a-f]{64}) ([0-9a-f]{8})((?: [0-9]{1,9}){6})\n")
_KEY_BYTES = 8


def entry_key(article: Article, tags: tuple[NumberedTag, ...]) -> str:
    """The cache key of ``article`` shown with ``tags``."""
    what = repr((CACHE_FORMAT, TOKENIZER_VERSION, _CODEBOOK, sys.byteorder, markdown_it.__version__, article, tags))
    return hashlib.sha256(what.encode("utf-8")).hexdigest()


def vocabulary_key(tag_views: Mapping[str, NumberedTag]) -> bytes:
    """What stands for the tags (numbered views) every article is shown with, in ``content_entry_key``."""
    what = repr((CACHE_FORMAT, TOKENIZER_VERSION, _CODEBOOK, sys.byteorder, markdown_it.__version__,
                 tuple(tag_views.items())))
    return hashlib.sha256(what.encode("utf-8")).digest()


def content_entry_key(content_key: bytes, vocabulary: bytes) -> str:
    """The cache key of the article loaded under ``content_key`` (``Site.content_keys``: a hash of its
    file's bytes and of what it was loaded with), shown with its tags' views from the vocabulary that
    ``vocabulary_key`` hashed. Equal content keys are equal articles with equal tags, so this key
    stands for ``entry_key``'s repr of the whole article, without writing that repr (at 10,000 articles,
    most of an edit build's index)."""
    return hashlib.sha256(b"content\0" + vocabulary + b"\0" + content_key).hexdigest()


class EntryCache:
    """The entries of ``folder``'s pack, by key; ``save`` replaces it with the entries of a build."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._read: tuple[bytes, dict[str, _Place]] | None = None  # read when first needed
        self._framed = False  # whether the pack read frames to its end (appending to it is safe)
        self._unsound: set[str] = set()
        self._asked: dict[str, tuple[Article, tuple[NumberedTag, ...], str]] = {}  # slug → the key last asked for
        self.hits = 0

    def __len__(self) -> int:
        """The number of sound entries held."""
        return sum(self._data(key) is not None for key in self._places()[1])

    def entry(self, article: Article, tags: tuple[NumberedTag, ...], key: str | None = None) -> EntryData | None:
        """The cached entry of ``article`` with ``tags`` (whose ``entry_key`` is ``key`` when given), or None."""
        key = key or entry_key(article, tags)
        self._asked[article.slug] = (article, tags, key)
        data = self._data(key)
        if data is not None:
            self.hits += 1
        return data

    def stored(self, key: str) -> EntryData | None:
        """The entry stored under ``key`` (kiku.search.incremental.state keeps an index's keys), or None."""
        return self._data(key)

    def key_of(self, entry: ArticleEntry) -> str:
        """The key ``entry`` is stored under."""
        return self._key(entry)

    def save(self, entries: Iterable[ArticleEntry]) -> None:
        """Keep ``entries``: the entries the pack lacks are appended to it, and it is rewritten with
        exactly ``entries`` when more than one entry in ``MAX_STALE_SHARE`` would be stale (no
        longer asked for, or unsound) or the pack does not frame to its end."""
        keyed = {self._key(entry): entry.data for entry in entries}
        pack, places = self._places()
        stale = len(places.keys() - keyed.keys() | self._unsound)
        lacking = {key: data for key, data in keyed.items() if key not in places or key in self._unsound}
        if not lacking and not stale:
            return
        if pack and self._framed and stale * MAX_STALE_SHARE <= len(keyed):
            if lacking:
                with (self.folder / PACK_NAME).open("ab") as file:
                    _write_entries(file, lacking)
        else:
            self._rewrite(keyed)
        self._read = None
        self._unsound.clear()

    def _rewrite(self, keyed: dict[str, EntryData]) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=f".{PACK_NAME}.", dir=self.folder)
        try:
            with os.fdopen(handle, "wb") as file:
                file.write(_MAGIC)
                _write_entries(file, keyed)
            os.replace(temporary, self.folder / PACK_NAME)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise

    def _key(self, entry: ArticleEntry) -> str:
        asked = self._asked.get(entry.article.slug)
        if asked is not None and asked[0] is entry.article and asked[1] == entry.tags:
            return asked[2]
        return entry_key(entry.article, entry.tags)

    def _places(self) -> tuple[bytes, dict[str, _Place]]:
        if self._read is None:
            pack, places, self._framed = _read_pack(self.folder / PACK_NAME)
            self._read = pack, places
        return self._read

    def _data(self, key: str) -> EntryData | None:
        pack, places = self._places()
        place = places.get(key)
        if place is None or key in self._unsound:
            return None
        digest, start, lengths = place
        end = start + sum(lengths)
        sound = _crc(memoryview(pack)[start:end]) == digest  # the fields lie end to end
        fields, position = [], start
        for length in lengths:
            fields.append(pack[position : position + length])
            position += length
        data = _entry_of(fields) if sound else None
        if data is None:
            self._unsound.add(key)
        return data


def _write_entries(file: BinaryIO, keyed: dict[str, EntryData]) -> None:
    for key, data in keyed.items():
        fields = _fields(data)
        digest = _digest(fields)
        lengths = " ".join(str(len(field)) for field in fields)
        file.write(f"{key} {digest} {lengths}\n".encode("ascii"))
        file.writelines(fields)


def _digest(fields: tuple[bytes, ...]) -> str:
    """The CRC-32 of ``fields`` end to end, as they lie in the pack: fed one by one, not joined
    first (a copy of every entry, 170 MB at 10,000 real-prose articles, 0.15 s)."""
    crc = 0
    for field in fields:
        crc = zlib_ng.crc32(field, crc)
    return f"{crc:08x}"


def _crc(data: memoryview) -> str:
    """The checksum of an entry's fields as they lie in the pack. A CRC-32 (zlib-ng), not a SHA-256:
    it guards against a damaged or cut file as well (no one who can write the pack is kept out by
    either), and takes 0.01 s over a 10,000-article pack's 170 MB, not 0.09, on every cold build's
    save and every warm build's reading."""
    return f"{zlib_ng.crc32(data):08x}"


def _fields(data: EntryData) -> tuple[bytes, ...]:
    words = (data.words_head, data.words, data.runs)
    return (data.japanese_head, data.japanese, *(text.encode("utf-8") for text in words), data.record)


_Place = tuple[str, int, tuple[int, ...]]  # an entry's checksum, start and field lengths in the pack


def _read_pack(path: Path) -> tuple[bytes, dict[str, _Place], bool]:
    """The pack at ``path``, its entries' places: key → (checksum, start, field lengths) (an entry
    appended later replaces one of the same key), and whether it frames to its end; none when it is
    missing or unreadable. An entry is checked when it is asked for."""
    try:
        data = path.read_bytes()
    except OSError:
        return b"", {}, False
    if not data.startswith(_MAGIC):
        return b"", {}, False
    framed: dict[str, _Place] = {}
    position = len(_MAGIC)
    while position < len(data):
        header = _HEADER.match(data, position)
        if header is None:
            return data, framed, False  # the rest cannot be framed: ignored
        lengths = tuple(int(length) for length in header.group(3).split())
        position = header.end() + sum(lengths)
        if position <= len(data):
            framed[header.group(1).decode("ascii")] = (header.group(2).decode("ascii"), header.end(), lengths)
    return data, framed, position == len(data)


def _entry_of(fields: list[bytes]) -> EntryData | None:
    head_keys, keys, head_words, words, runs, record = fields
    if len(head_keys) % _KEY_BYTES or len(keys) % _KEY_BYTES or not record:
        return None
    try:
        texts = [field.decode("utf-8") for field in (head_words, words, runs)]
    except UnicodeDecodeError:
        return None
    if any(field[:1] == b"\n" or field[-1:] == b"\n" for field in (head_words, words, runs)) or any(
        b"\n\n" in field for field in (head_words, words, runs)
    ):
        return None  # an empty token or run
    return EntryData(head_keys, keys, texts[0], texts[1], texts[2], record)
