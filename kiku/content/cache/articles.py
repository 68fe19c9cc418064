"""Validated articles kept between builds, in packs under ``<site>/.kiku-cache/articles/``.

Reading, composing and validating an article costs about ten times what unpickling the result
does. An entry is an article's pickle, stored by its content file's name behind its key: a hash of
the file's bytes, the tag vocabulary the article was checked against, the kiku version and the
source of the ``kiku.content`` package (the code that reads and checks articles). An entry whose
key does not match — the file, the vocabulary or the loader changed — is not used; one that is
damaged (``kiku.content.cache.packs``: every entry has a crc32) or does not unpickle into an article
of that slug is not used either: the file is read again and stored again. Only valid articles are
stored, so every error is still found and reported by reading the file.

Entries are packed (``kiku.content.cache.packs``): each loader process writes the articles it read
into one new pack, and a load ends by merging the packs that are mostly entries no longer wanted
(files edited or deleted since), so that a cold build creates two files, not one per article.

The folder is the site's own (git-ignored; delete it at will). A pickle runs code when loaded, so
the cache is only ever read from the site folder whose content files the build reads anyway.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import io
import operator
import os
import pickle
import time
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any, Generic, TypeVar

import kiku
from kiku.content.cache.known_files import KnownFiles
from kiku.content.cache.packs import PackReader, PackWriter, Reference, compact
from kiku.content.model import Article, DigestArticle, EncyclopediaArticle

T = TypeVar("T")

CACHE_DIR = ".kiku-cache"
ARTICLES_DIR = "articles"  # in CACHE_DIR: the packs of articles


class StoredArticles:
    """The articles stored in a cache folder (``<site>/.kiku-cache/articles``), by content file name
    and key, read when asked for. A key already names the cache's salt: none is needed to look one up."""

    def __init__(self, folder: Path) -> None:
        self.packs = PackReader(os.fspath(folder))

    def get(self, file_name: str, key: bytes) -> Article | None:
        """The article stored for ``file_name`` under ``key``, or None (missing, stale or damaged)."""
        payload = self.packs.payload(file_name, key)
        return None if payload is None else _article(payload, file_name)

    def names(self) -> frozenset[str]:
        """The names of the content files that have an entry (stale or not)."""
        return self.packs.names()

    def close(self) -> None:
        self.packs.close()


def _article(payload: bytes, file_name: str) -> Article | None:
    try:
        article = pickle.loads(payload)
    except Exception:  # a foreign entry: read the file instead
        return None
    slug = file_name.removesuffix(".yaml")
    if not isinstance(article, DigestArticle | EncyclopediaArticle) or article.slug != slug:
        return None
    return article


class ArticleCache:
    """The cached articles of one site, for one validation context (tag vocabulary, limits)."""

    def __init__(self, site_root: Path, validation: object) -> None:
        """``validation``: everything validation depends on besides the file, by its ``repr``."""
        self.folder = site_root / CACHE_DIR / ARTICLES_DIR
        self._salt = hashlib.blake2b(f"{loader_fingerprint()}\n{validation!r}".encode(), digest_size=16).digest()
        # The files' keys by their status (kiku.content.cache.known_files): an unchanged file is not read.
        self.known_files = KnownFiles(site_root / CACHE_DIR, self._salt)
        self._stored: StoredArticles | None = None  # opened when first asked
        self._writer: PackWriter | None = None  # this process's pack, made by its first put
        self._writer_pid = 0
        self._unwritable = False
        # What put pickled in a forked loader, by the article's id (kept alive with it), to be sent
        # back as those bytes; not in this process, which sends nothing.
        self._pickled: dict[int, tuple[Article, bytes]] = {}
        self._pid = os.getpid()
        self.send_pickled = True  # False: the loaders send something else (slim articles) back

    def key(self, file_name: str, data: bytes) -> bytes:
        """The key of ``content/<file_name>`` holding ``data``."""
        digest = hashlib.blake2b(self._salt, digest_size=16)
        digest.update(file_name.encode())
        digest.update(b"\0")
        digest.update(data)
        return digest.hexdigest().encode("ascii")

    @property
    def stored(self) -> StoredArticles:
        if self._stored is None:
            self._stored = StoredArticles(self.folder)
        return self._stored

    def get(self, file_name: str, key: bytes) -> Article | None:
        """The article stored for ``file_name`` under ``key``, or None (missing, stale or damaged)."""
        return self.stored.get(file_name, key)

    def put(self, file_name: str, key: bytes, article: Article) -> None:
        """Store ``article`` for ``file_name`` under ``key`` in this process's pack (put in place by
        ``flush``); a cache that cannot be written is skipped."""
        writer = self._pack()
        if writer is None:
            return
        payload = _pickled(article)
        if self.send_pickled and os.getpid() != self._pid:
            self._pickled[id(article)] = (article, payload)
        try:
            writer.add(file_name, key, payload)
        except OSError:
            writer.drop()
            self._writer, self._unwritable = None, True

    def _pack(self) -> PackWriter | None:
        if self._writer is not None and self._writer_pid != os.getpid():
            self._writer = None  # the parent's, inherited by a fork: the parent closes it
        if self._writer is None and not self._unwritable:
            try:
                os.makedirs(self.folder, exist_ok=True)
                self._writer = PackWriter(os.fspath(self.folder), _pack_name())
            except OSError:
                self._unwritable = True
                return None
            self._writer_pid = os.getpid()
        return self._writer

    def pickled(self) -> dict[int, bytes]:
        """The articles ``put`` stored in this forked process, by id, as pickled for the cache."""
        return {identity: payload for identity, (_, payload) in self._pickled.items()}

    def flush(self) -> None:
        """Put this process's pack in place (each loader process calls it when its share is read)."""
        if self._writer is not None and self._writer_pid == os.getpid():
            self._writer.close()
        self._writer = None

    def stored_names(self) -> frozenset[str]:
        """The names of the content files that have an entry (stale or not)."""
        return self.stored.names()

    def prune(self, keep: Iterable[Reference]) -> None:
        """Let go of every entry but those of ``keep`` (file name, key): the packs that are mostly
        entries of files edited or deleted since are merged (``kiku.content.cache.packs.compact``)."""
        self.flush()
        compact(StoredArticles(self.folder).packs, set(keep), _pack_name())
        self.close()

    def close(self) -> None:
        if self._stored is not None:
            self._stored.close()


def _pack_name() -> str:
    """A new pack's name: made first, sorted first; unique to this process and moment."""
    return f"{time.time_ns():020d}-{os.getpid()}-{os.urandom(4).hex()}"


def _pickled(value: object, known: Mapping[int, bytes] | None = None) -> bytes:
    """``value`` pickled so that each of its objects is made again by its class's constructor: a
    frozen dataclass's own unpickling sets its fields one by one through ``dataclasses.fields``,
    ~30 % slower to load (and a build loads every cached article). ``known``: objects already
    pickled so, by id, put in as those bytes."""
    buffer = io.BytesIO()
    _ConstructorPickler(buffer, known or {}).dump(value)
    return buffer.getvalue()


class ByConstructors(Generic[T]):
    """A value that crosses a process boundary (``kiku.runtime.forks``) pickled as an entry is: each
    dataclass made again by its constructor. A forked loader's articles came back through the
    default pickling, which reads and sets every field through ``dataclasses.fields``: at 10,000
    articles, half a CPU-second spent on the 5,000 the second process read. ``known``: objects
    already pickled, by id (the articles this process stored: ``ArticleCache.pickled``), sent as
    those bytes rather than pickled again."""

    __slots__ = ("known", "value")

    def __init__(self, value: T, known: Mapping[int, bytes] | None = None) -> None:
        self.value = value
        self.known = known

    def __reduce__(self) -> tuple[Callable[[bytes], ByConstructors[T]], tuple[bytes]]:
        return _by_constructors, (_pickled(self.value, self.known),)


def _by_constructors(data: bytes) -> ByConstructors[Any]:
    return ByConstructors(pickle.loads(data))


class _ConstructorPickler(pickle.Pickler):
    def __init__(self, file: io.BytesIO, known: Mapping[int, bytes]) -> None:
        super().__init__(file, protocol=pickle.HIGHEST_PROTOCOL)
        self._known = known

    def reducer_override(self, obj: object) -> Any:
        cls: type = type(obj)
        fields = constructor_fields(cls)
        if fields is None:
            return NotImplemented  # pickled the ordinary way
        known = self._known.get(id(obj))
        return (cls, fields(obj)) if known is None else (pickle.loads, (known,))


@functools.cache
def constructor_fields(cls: type) -> Callable[[Any], tuple[object, ...]] | None:
    """A getter of the values a dataclass's constructor takes, in order; None for any other class
    (and for a dataclass with a field the constructor does not take, or a subclass of a dataclass
    that is not one itself: its own ``__init__`` may take anything)."""
    params = cls.__dict__.get("__dataclass_params__")
    if params is None or not params.init:
        return None
    fields = dataclasses.fields(cls)
    if not fields or any(not field.init for field in fields):
        return None
    names = [field.name for field in fields]
    if len(names) == 1:
        single = operator.attrgetter(names[0])
        return lambda value: (single(value),)
    return operator.attrgetter(*names)


@functools.cache
def loader_fingerprint() -> str:
    """kiku's version and a hash of the code that reads and validates articles."""
    package = Path(__file__).parent.parent  # all of kiku.content: every stage shapes a loaded article
    digest = hashlib.blake2b(digest_size=16)
    for source in sorted(package.rglob("*.py")):
        digest.update(source.relative_to(package).as_posix().encode())
        digest.update(source.read_bytes())
    return f"{kiku.__version__}:{digest.hexdigest()}"
