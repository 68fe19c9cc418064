"""The last build's planner, kept in ``<site>/.kiku-cache/plan.pickle``: an edit build plans only
what the edit reaches.

``kiku serve`` keeps its ``SitePlanner`` in memory from one save to the next, and each save plans
only the pages a change reaches (:mod:`kiku.render.planning.planner`). A build is a new process:
without this store it planned and fingerprinted every page again (at 10,000 articles, most of an
edit build). The planner is what each page depends on — every article's facets (its summary, link,
feed entry, tags, citations), the lists and the articles each page shows — so keeping it *is* the
per-page dependency record: given the new site, it re-plans exactly the pages whose inputs changed,
and every other page of its plan is the very page the last build wrote.

The articles are not in the pickle: each is written as its content file's name and key
(``Site.content_keys``) and taken back from the article cache (:mod:`kiku.content.cache.articles`)
under that key, before the loader replaces the entry of a changed file; the loader then hands the
planner these very objects for every file that did not change (``taken.articles``), so the planner
finds what changed by identity, as in the preview.

The store is never trusted. Its header names the format, kiku's version, the source of
``kiku.render`` and ``kiku.content`` (the classes pickled and the code that planned them) and the
digest of the page memo the same build wrote (:mod:`kiku.render.writing.pagememo`): the pages the
restored planner does not plan again are kept on that memo's word, so the two must be one build's.
A blake2b digest of the payload is checked before anything is unpickled; a store that is missing,
foreign, cut short or stale, or whose article is no longer in the cache under its key, is ignored
(every page is planned, as in a first build); so is one kept for a site with share cards when this
one has none, or the other way round. It is removed when it is taken, so that a build which fails
leaves none behind, and written again only after a build succeeded.
"""

from __future__ import annotations

import copyreg
import hashlib
import io
import os
import pickle
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any

import kiku
from kiku.content.model import Article, DigestArticle, EncyclopediaArticle, Site
from kiku.render.planning.planner import SitePlanner

STATE_FILE = "plan.pickle"
_FORMAT = b"kiku plan state 1"
_DIGEST_SIZE = 32
_ARTICLE_SUFFIX = ".yaml"

# An article stored under a file name and a key; None when the cache no longer holds it.
ArticleLookup = Callable[[str, bytes], Article | None]


@dataclass(frozen=True, slots=True)
class TakenPlan:
    """A planner restored from the store, and the articles it was made of by content file name,
    each with its key: the loader keeps these objects for the files that did not change."""

    planner: SitePlanner
    articles: Mapping[str, tuple[bytes, Article]]


class _StaleStore(Exception):
    """The store names an article the cache no longer holds."""


def take_plan(cache_dir: Path, *, code: str, memo_digest: bytes | None, lookup: ArticleLookup) -> TakenPlan | None:
    """The planner stored in ``cache_dir`` (removed from it), when it was stored by the same
    ``code`` (``plan_code``) beside the page memo whose bytes hash to ``memo_digest``; None otherwise
    (see the module docstring). ``lookup``: the article cache's article under a file name and key."""
    path = cache_dir / STATE_FILE
    try:
        blob = path.read_bytes()
    except OSError:
        return None
    try:
        os.unlink(path)
    except OSError:
        return None  # a store that cannot be removed could outlive a failed build: not used
    header = _header(code, memo_digest)
    if memo_digest is None or not blob.startswith(header):
        return None
    digest, payload = blob[len(header) : len(header) + _DIGEST_SIZE], blob[len(header) + _DIGEST_SIZE :]
    if hashlib.blake2b(payload, digest_size=_DIGEST_SIZE).digest() != digest:
        return None
    articles: dict[str, tuple[bytes, Article]] = {}
    try:
        planner = _PlanUnpickler(io.BytesIO(payload), lookup, articles).load()
    except Exception:  # stale (an article gone from the cache) or not a store this code can read
        return None
    if not isinstance(planner, SitePlanner):
        return None
    return TakenPlan(planner, articles)


def put_plan(cache_dir: Path, planner: SitePlanner, site: Site, *, code: str, memo_digest: bytes) -> None:
    """Store ``planner``, which planned ``site``, beside the page memo hashing to ``memo_digest``;
    a store that cannot be written (or pickled) only makes the next build slower."""
    references = {
        id(article): (f"{article.slug}{_ARTICLE_SUFFIX}", site.content_keys[article.slug])
        for article in site.articles if article.slug in site.content_keys
    }
    buffer = io.BytesIO()
    try:
        _PlanPickler(buffer, references).dump(planner)
    except (TypeError, AttributeError, ValueError, pickle.PicklingError, RecursionError):
        return
    payload = buffer.getbuffer()
    blob = b"".join((_header(code, memo_digest),
                     hashlib.blake2b(payload, digest_size=_DIGEST_SIZE).digest(), payload))
    target = cache_dir / STATE_FILE
    temporary = target.with_name(f".{STATE_FILE}.{os.getpid()}.tmp")
    try:
        temporary.write_bytes(blob)
        os.replace(temporary, target)
    except OSError:
        temporary.unlink(missing_ok=True)


def plan_code() -> str:
    """What the store's planner is only good for: the code that loads articles and plans pages."""
    from kiku.content.cache.articles import loader_fingerprint
    from kiku.render.writing.pagememo import renderer_fingerprint

    return f"{loader_fingerprint()}\0{renderer_fingerprint()}"


def _header(code: str, memo_digest: bytes | None) -> bytes:
    facts = f"{kiku.__version__}\0{code}\0".encode() + (memo_digest or b"")
    return _FORMAT + b"\n" + hashlib.blake2b(facts, digest_size=_DIGEST_SIZE).digest()


def article_reference(file_name: str, key: bytes) -> Article:
    """What an article is pickled as (its content file and key); only ``take_plan`` resolves it."""
    raise _StaleStore(f"{file_name}: an article reference outside a plan store")


def _mapping_proxy(items: dict[str, object]) -> MappingProxyType[str, object]:
    return MappingProxyType(items)


class _PlanPickler(pickle.Pickler):
    """Articles as references (see the module docstring), read-only mappings as their items."""

    def __init__(self, buffer: io.BytesIO, references: Mapping[int, tuple[str, bytes]]) -> None:
        super().__init__(buffer, protocol=pickle.HIGHEST_PROTOCOL)

        def article(value: Article) -> tuple[Any, ...]:
            reference = references.get(id(value))
            if reference is None:  # an earlier version a kept feed entry still holds: stored whole
                return value.__reduce_ex__(pickle.HIGHEST_PROTOCOL)  # type: ignore[return-value]
            return article_reference, reference

        self.dispatch_table = {  # an instance's own table, as pickle documents
            **copyreg.dispatch_table,
            MappingProxyType: lambda proxy: (_mapping_proxy, (dict(proxy),)),
            DigestArticle: article,
            EncyclopediaArticle: article,
        }


class _PlanUnpickler(pickle.Unpickler):
    def __init__(self, stream: io.BytesIO, lookup: ArticleLookup, found: dict[str, tuple[bytes, Article]]) -> None:
        super().__init__(stream)
        self._lookup = lookup
        self._found = found

    def find_class(self, module: str, name: str) -> Any:
        if (module, name) == (__name__, article_reference.__name__):
            return self._article
        return super().find_class(module, name)

    def _article(self, file_name: str, key: bytes) -> Article:
        found = self._found.get(file_name)
        if found is not None and found[0] == key:
            return found[1]
        article = self._lookup(file_name, key)
        if article is None:
            raise _StaleStore(f"{file_name}: no longer in the article cache under its key")
        self._found[file_name] = (key, article)
        return article
