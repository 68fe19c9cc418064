"""Search entries kept between builds, so that a build re-indexes only the articles that changed.

The cache is one file, ``entries.pack`` in the folder given (``kiku build`` uses
``.kiku-cache/search/``): a first line naming the format, then one entry after another, each a
header line ``<key> <sha256> <meta bytes> <record bytes>`` followed by its meta (the tokens, head
tokens and Japanese runs, each joined by newlines, the three lists by NUL: no token holds
either) and its record (the gzipped bytes the index publishes).

An entry's key is the SHA-256 of everything ``index_article`` reads (the article's fields and
its tags, as their ``repr``), the tokenizer's version, this format's version and the Markdown
parser's version: any change to the text, the tags or the code that cuts it makes a new key, and
an entry no key asks for is dropped at the next save. Nothing read is trusted: an entry whose
checksum, header or meta does not hold up is ignored (and so re-indexed), and a file that cannot
be read at all is an empty cache. An entry from the cache is the same entry ``index_article``
would make, so the index is the same byte for byte with or without it.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
from collections.abc import Iterable
from pathlib import Path

import markdown_it

from kiku.content.model import Article
from kiku.render.views import TagView
from kiku.search.normalise import TOKENIZER_VERSION
from kiku.search.postings import ArticleEntry

CACHE_FORMAT = 1  # bump when index_article's output changes for the same article
PACK_NAME = "entries.pack"
_MAGIC = f"kiku-search-cache {CACHE_FORMAT} tokenizer {TOKENIZER_VERSION}\n".encode("ascii")
_HEADER = re.compile(rb"([0-9a-f]{64}) ([0-9a-f]{64}) ([0-9]{1,9}) ([0-9]{1,9})\n")
_GZIP = b"\x1f\x8b"


def entry_key(article: Article, tags: tuple[TagView, ...]) -> str:
    """The cache key of ``article`` shown with ``tags``."""
    what = repr((CACHE_FORMAT, TOKENIZER_VERSION, markdown_it.__version__, article, tags))
    return hashlib.sha256(what.encode("utf-8")).hexdigest()


class EntryCache:
    """The entries of ``folder``'s pack, by key; ``save`` replaces it with the entries of a build."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._stored = _read_pack(folder / PACK_NAME)
        self._asked: dict[str, tuple[Article, tuple[TagView, ...], str]] = {}  # slug → the key last asked for
        self.hits = 0

    def __len__(self) -> int:
        """The number of sound entries held."""
        return len(self._stored)

    def entry(self, article: Article, tags: tuple[TagView, ...]) -> ArticleEntry | None:
        """The cached entry of ``article`` with ``tags``, or None."""
        key = entry_key(article, tags)
        self._asked[article.slug] = (article, tags, key)
        stored = self._stored.get(key)
        if stored is None:
            return None
        self.hits += 1
        tokens, head, runs, record = stored
        return ArticleEntry(article, tags, tokens, head, runs, record)

    def save(self, entries: Iterable[ArticleEntry]) -> None:
        """Keep exactly ``entries`` (rewrites the pack only when that changes what it holds)."""
        keyed = {self._key(entry): entry for entry in entries}
        if keyed.keys() == self._stored.keys():
            return
        chunks = [_MAGIC]
        for key, entry in keyed.items():
            parts = (entry.tokens, entry.head_tokens, entry.runs)
            meta = "\x00".join("\n".join(part) for part in parts).encode("utf-8")  # set order: any will do
            digest = hashlib.sha256(meta + entry.record).hexdigest()
            chunks.append(f"{key} {digest} {len(meta)} {len(entry.record)}\n".encode("ascii"))
            chunks.extend((meta, entry.record))
        self.folder.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=f".{PACK_NAME}.", dir=self.folder)
        try:
            with os.fdopen(handle, "wb") as file:
                file.write(b"".join(chunks))
            os.replace(temporary, self.folder / PACK_NAME)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
        self._stored = {
            key: (entry.tokens, entry.head_tokens, entry.runs, entry.record) for key, entry in keyed.items()
        }


    def _key(self, entry: ArticleEntry) -> str:
        asked = self._asked.get(entry.article.slug)
        if asked is not None and asked[0] is entry.article and asked[1] == entry.tags:
            return asked[2]
        return entry_key(entry.article, entry.tags)


_Stored = tuple[frozenset[str], frozenset[str], frozenset[str], bytes]


def _read_pack(path: Path) -> dict[str, _Stored]:
    """The sound entries of the pack at ``path`` (none when it is missing or unreadable)."""
    try:
        data = path.read_bytes()
    except OSError:
        return {}
    if not data.startswith(_MAGIC):
        return {}
    stored: dict[str, _Stored] = {}
    position = len(_MAGIC)
    while position < len(data):
        header = _HEADER.match(data, position)
        if header is None:
            break  # the rest cannot be framed: ignored
        key, digest = header.group(1).decode("ascii"), header.group(2).decode("ascii")
        meta_end = header.end() + int(header.group(3))
        end = meta_end + int(header.group(4))
        meta, record = data[header.end() : meta_end], data[meta_end:end]
        position = end
        if end > len(data) or hashlib.sha256(meta + record).hexdigest() != digest:
            continue
        entry = _entry_of(meta, record)
        if entry is not None:
            stored[key] = entry
    return stored


def _entry_of(meta: bytes, record: bytes) -> _Stored | None:
    try:
        parts = meta.decode("utf-8").split("\x00")
    except UnicodeDecodeError:
        return None
    if len(parts) != 3 or not record.startswith(_GZIP):
        return None
    tokens, head, runs = (frozenset(part.split("\n")) if part else frozenset[str]() for part in parts)
    if "" in tokens or "" in runs or not head <= tokens:
        return None
    return tokens, head, runs, record
