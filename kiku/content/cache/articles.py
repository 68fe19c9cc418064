"""Validated articles kept between builds, under ``<site>/.kiku-cache/articles/``.

Reading, composing and validating an article costs about ten times what unpickling the result
does. An entry is one pickle per content file, stored behind its key: a hash of the file's bytes,
the tag vocabulary the article was checked against, the kiku version and the source of the
``kiku.content`` package (the code that reads and checks articles). An entry whose key does not
match — the file, the vocabulary or the loader changed — is not used; one that does not unpickle
into an article of that slug is not used either: the file is read again and the entry replaced.
Only valid articles are stored, so every error is still found and reported by reading the file.

The folder is the site's own (git-ignored; delete it at will). A pickle runs code when loaded, so
the cache is only ever read from the site folder whose content files the build reads anyway.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import hashlib
import io
import operator
import os
import pickle
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, Generic, TypeVar

import kiku
from kiku.content.cache.known_files import KnownFiles
from kiku.content.model import Article, DigestArticle, EncyclopediaArticle

T = TypeVar("T")

CACHE_DIR = ".kiku-cache"
ARTICLES_DIR = "articles"  # in CACHE_DIR: one pickle per content file


class ArticleCache:
    """The cached articles of one site, for one validation context (tag vocabulary, limits)."""

    def __init__(self, site_root: Path, validation: object) -> None:
        """``validation``: everything validation depends on besides the file, by its ``repr``."""
        self.folder = site_root / CACHE_DIR / ARTICLES_DIR
        self._salt = hashlib.blake2b(f"{loader_fingerprint()}\n{validation!r}".encode(), digest_size=16).digest()
        # The files' keys by their status (kiku.content.cache.known_files): an unchanged file is not read.
        self.known_files = KnownFiles(site_root / CACHE_DIR, self._salt)
        self._folder_made = False  # made by the first put (in a forked loader, each process's own)

    def key(self, file_name: str, data: bytes) -> bytes:
        """The key of ``content/<file_name>`` holding ``data``."""
        digest = hashlib.blake2b(self._salt, digest_size=16)
        digest.update(file_name.encode())
        digest.update(b"\0")
        digest.update(data)
        return digest.hexdigest().encode("ascii")

    def get(self, file_name: str, key: bytes) -> Article | None:
        """The article stored for ``file_name`` under ``key``, or None (missing, stale or corrupt)."""
        return stored_article(self.folder, file_name, key)

    def put(self, file_name: str, key: bytes, article: Article, *, new: bool = False) -> None:
        """Store ``article`` for ``file_name`` under ``key``; a cache that cannot be written is skipped.
        ``new``: the folder held no entry for ``file_name`` when the build listed it (``stored_names``)."""
        # Strings and os calls, not pathlib: a cold build stores every article (10,000 puts).
        folder = os.fspath(self.folder)
        target = f"{folder}/{file_name}.pickle"
        entry = key + b"\n" + _pickled(article)
        if not self._folder_made:
            try:
                os.makedirs(folder, exist_ok=True)
            except OSError:
                return
            self._folder_made = True
        # A new entry is written in place: a reader seeing it half written finds it corrupt and reads
        # the file, as it would without the entry; a temporary file and a rename (one more file
        # created and one more name changed per article) are only needed to replace an entry.
        if new and _write_new(target, entry):
            return
        temporary = f"{folder}/.{file_name}.pickle.{os.getpid()}.tmp"
        try:
            with open(temporary, "wb") as file:
                file.write(entry)
            os.replace(temporary, target)  # a reader sees the old entry or the new one, never half
        except OSError:
            with contextlib.suppress(OSError):
                os.unlink(temporary)

    def stored_names(self) -> frozenset[str]:
        """The names of the content files that have an entry (stale or not): one listing of the folder."""
        try:
            return frozenset(entry.name.removesuffix(".pickle") for entry in os.scandir(self.folder)
                             if entry.name.endswith(".pickle"))
        except OSError:
            return frozenset()

    def prune(self, file_names: Sequence[str]) -> None:
        """Delete the entries of files that are gone (a deleted or renamed article)."""
        keep = {f"{name}.pickle" for name in file_names}
        try:
            entries = list(os.scandir(self.folder))
        except OSError:
            return
        for entry in entries:
            if entry.name not in keep:
                with contextlib.suppress(OSError):
                    os.unlink(entry.path)


def _write_new(target: str, entry: bytes) -> bool:
    """Write ``entry`` into the new file ``target``; False when it exists (another build made it
    meanwhile) or could not be written whole (nothing of it is left)."""
    try:
        with open(target, "xb") as file:
            file.write(entry)
    except FileExistsError:
        return False
    except OSError:  # not made, or made and not written whole
        with contextlib.suppress(OSError):
            os.unlink(target)
        return False
    return True


def stored_article(folder: Path, file_name: str, key: bytes) -> Article | None:
    """The article stored in the cache ``folder`` (``<site>/.kiku-cache/articles``) for ``file_name``
    under ``key``, or None (missing, stored under another key, or corrupt). A key already names the
    cache's salt, so no salt is needed to look one up."""
    try:
        blob = (folder / f"{file_name}.pickle").read_bytes()
    except OSError:
        return None
    if blob[: len(key) + 1] != key + b"\n":
        return None
    try:
        article = pickle.loads(blob[len(key) + 1 :])
    except Exception:  # a truncated or foreign entry: read the file instead
        return None
    slug = file_name.removesuffix(".yaml")
    if not isinstance(article, DigestArticle | EncyclopediaArticle) or article.slug != slug:
        return None
    return article


def _pickled(article: object) -> bytes:
    """``article`` pickled so that each of its objects is made again by its class's constructor: a
    frozen dataclass's own unpickling sets its fields one by one through ``dataclasses.fields``,
    ~30 % slower to load (and a build loads every cached article)."""
    buffer = io.BytesIO()
    _ConstructorPickler(buffer, protocol=pickle.HIGHEST_PROTOCOL).dump(article)
    return buffer.getvalue()


class ByConstructors(Generic[T]):
    """A value that crosses a process boundary (``kiku.forks``) pickled as an entry is: each
    dataclass made again by its constructor. A forked loader's articles came back through the
    default pickling, which reads and sets every field through ``dataclasses.fields``: at 10,000
    articles, half a CPU-second spent on the 5,000 the second process read."""

    __slots__ = ("value",)

    def __init__(self, value: T) -> None:
        self.value = value

    def __reduce__(self) -> tuple[Callable[[bytes], ByConstructors[T]], tuple[bytes]]:
        return _by_constructors, (_pickled(self.value),)


def _by_constructors(data: bytes) -> ByConstructors[Any]:
    return ByConstructors(pickle.loads(data))


class _ConstructorPickler(pickle.Pickler):
    def reducer_override(self, obj: object) -> Any:
        cls: type = type(obj)
        fields = constructor_fields(cls)
        if fields is None:
            return NotImplemented  # pickled the ordinary way
        return cls, fields(obj)


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
