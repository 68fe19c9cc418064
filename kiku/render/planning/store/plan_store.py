"""The last build's planner, kept in ``<site>/.kiku-cache/``: an edit build plans only what the
edit reaches.

``kiku serve`` keeps its ``SitePlanner`` in memory from one save to the next, and each save plans
only the pages a change reaches (:mod:`kiku.render.planning.planner`). A build is a new process:
without this store it planned and fingerprinted every page again (at 10,000 articles, most of an
edit build). The planner is what each page depends on — every article's facets (its summary, link,
feed entry, tags, citations), the lists and the articles each page shows — so keeping it *is* the
per-page dependency record: given the new site, it re-plans exactly the pages whose inputs changed,
and every other page of its plan is the very page the last build wrote.

Two files. ``plan.pickle`` holds a planner as one build left it (the *base*), its articles as
references to the article cache's entries (whole, they were 64 of its 84 MB at 10,000 articles,
copies of what the cache holds), written by a forked process as a stream of small pickles, so that
no memo of every object it wrote grows with the site
(:mod:`kiku.render.planning.store.plan_pickle`). ``plan-log.pickle`` holds the sites planned since,
each as its configuration and its articles' references (content file name and key,
``Site.content_keys``), so that a build stores only its own site (milliseconds) and the next one
plans the logged sites again after the base, which costs what those edits reached. After
``_LOG_LIMIT`` builds the planner is stored whole again. An article of the base or of a logged site
is the article cache's under its key (:mod:`kiku.content.cache.articles`, read before the loader
stores the article of a changed file), or, for a version the last site no longer holds (one a later
build replaced), kept whole in the log. The loader then hands the planner these very objects for
every file that did not change (``TakenPlan.articles``), so the planner finds what changed by
identity, as in the preview.

The store is never trusted. Each file's header names the format, kiku's version and the source of
``kiku.render`` and ``kiku.content`` (the classes pickled, the code that planned them); each payload
is checked against its blake2b digest before it is unpickled; the log names the digest of its base,
and the digest of the page memo the same build wrote (:mod:`kiku.render.writing.memo.pagememo`): the pages
the restored planner does not plan again are kept on that memo's word, so the two must be one build's.
A store that is missing, foreign, cut short or stale, or that names an article no longer to be had
under its key, is ignored (every page is planned, as in a first build); so is one kept for a site
with share cards when this one has none, or the other way round (``kiku.render.site``). The log is
removed when it is taken, so that a build which fails leaves no store behind, and written again only
after a build succeeded.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import cast

import kiku
from kiku.content.model import Article, Site, SiteConfig
from kiku.render.planning.planner import SitePlanner
from kiku.render.planning.store import plan_pickle
from kiku.render.planning.store.article_objects import stored_objects
from kiku.runtime.forks import Started, WorkerError

BASE_FILE = "plan.pickle"
LOG_FILE = "plan-log.pickle"
_FORMAT = b"kiku plan store 4"
_DIGEST_SIZE = 32
_ARTICLE_SUFFIX = ".yaml"
_LOG_LIMIT = 8  # builds logged after the base at most: then the planner is stored whole again
_KEPT_VERSIONS_LIMIT = 200  # article versions the log holds whole at most (same)

Reference = tuple[str, bytes]  # an article by its content file name and key

# The article the cache holds for a file name under a key; None when it holds none.
ArticleLookup = Callable[[str, bytes], Article | None]


@dataclass(frozen=True, slots=True)
class PlannedSite:
    """One site a build planned after the base: its configuration, its articles (references, in
    the site's order) and the earlier versions its articles replaced, kept whole."""

    config: SiteConfig
    articles: tuple[Reference, ...]
    replaced: Mapping[Reference, Article]


class StaleStore(Exception):
    """The store names an article that can no longer be had under its key."""


@dataclass(frozen=True, slots=True)
class TakenPlan:
    """A planner restored from the store, with what the next ``put_plan`` logs after."""

    planner: SitePlanner
    articles: Mapping[str, tuple[bytes, Article]]  # the last site's, by file name, with their keys
    base_digest: bytes
    log: tuple[PlannedSite, ...]


def take_plan(cache_dir: Path, *, code: str, memo_digest: bytes | None, lookup: ArticleLookup) -> TakenPlan | None:
    """The planner stored in ``cache_dir`` by the same ``code`` (``plan_code``) beside the page memo
    whose bytes hash to ``memo_digest``, having planned the last build's site; None otherwise (see
    the module docstring). ``lookup``: the article cache's article under a file name and key."""
    log_path = cache_dir / LOG_FILE
    try:
        log_blob = log_path.read_bytes()
        os.unlink(log_path)  # a store that cannot be removed could outlive a failed build: not used
    except OSError:
        return None
    checked_log = _checked(log_blob, _header(code, memo_digest)) if memo_digest is not None else None
    if checked_log is None:
        return None
    try:
        base_digest, log = cast(tuple[bytes, object], plan_pickle.loads(checked_log[1]))
        checked_base = _checked((cache_dir / BASE_FILE).read_bytes(), _header(code, None))
    except Exception:  # not a log this code can read
        return None
    if checked_base is None or checked_base[0] != base_digest or not isinstance(log, tuple):
        return None
    return _restored(checked_base[1], base_digest, cast(tuple[PlannedSite, ...], log), lookup)


def _restored(base: bytes, base_digest: bytes, log: tuple[PlannedSite, ...], lookup: ArticleLookup) -> TakenPlan | None:
    """The base's planner, having planned each logged site again."""
    kept = {reference: article for planned in log for reference, article in planned.replaced.items()}
    resolved: dict[Reference, Article] = {}

    def resolve(file_name: str, key: bytes) -> Article:
        reference = (file_name, key)
        article = resolved.get(reference) or kept.get(reference) or lookup(file_name, key)
        if article is None:
            raise StaleStore(f"{file_name}: no longer in the article cache under its key")
        resolved[reference] = article
        return article

    try:
        loaded = plan_pickle.loads(base, resolve)
        if not isinstance(loaded, tuple) or len(loaded) != 2:
            return None
        base_articles, planner = cast(tuple[tuple[Reference, ...], object], loaded)
        if not isinstance(planner, SitePlanner) or not all(isinstance(planned, PlannedSite) for planned in log):
            return None
        for planned in log:
            articles = tuple(resolve(*reference) for reference in planned.articles)
            planner.plan(Site(planned.config, articles, _content_keys(planned.articles)))
        last: tuple[Reference, ...] = log[-1].articles if log else base_articles
        articles_by_file = {file_name: (key, resolve(file_name, key)) for file_name, key in last}
    except Exception:  # stale (an article to be had no more) or not a store this code can read
        return None
    return TakenPlan(planner, articles_by_file, base_digest, log)


def store_plan(cache_dir: Path, planner: SitePlanner, site: Site, taken: TakenPlan | None, *,
               code: str) -> PendingStore | None:
    """Begin storing ``planner``, which planned ``site`` (after ``taken``'s site, when it is
    ``taken``'s planner): logged after the base, or a new base pickled by a forked process while
    the build goes on. Nothing is in place before ``PendingStore.commit``. None when the site
    cannot be stored (an article without a key: not a build with the article cache)."""
    references = tuple(
        (f"{article.slug}{_ARTICLE_SUFFIX}", site.content_keys[article.slug])
        for article in site.articles if article.slug in site.content_keys
    )
    if len(references) != len(site.articles):
        return None
    if taken is not None and planner is taken.planner and len(taken.log) < _LOG_LIMIT:
        current = set(references)
        replaced = {(name, key): article for name, (key, article) in taken.articles.items()
                    if (name, key) not in current}
        if len(replaced) + sum(len(planned.replaced) for planned in taken.log) <= _KEPT_VERSIONS_LIMIT:
            log = (*taken.log, PlannedSite(site.config, references, replaced))
            return PendingStore(cache_dir, code, taken.base_digest, log, None)
    for leftover in cache_dir.glob(f".{BASE_FILE}.*.tmp"):  # of a build that failed before it could drop it
        leftover.unlink(missing_ok=True)
    temporary = cache_dir / f".{BASE_FILE}.{os.getpid()}.tmp"
    header = _header(code, None)
    articles = tuple(zip(site.articles, references, strict=True))
    base = Started(lambda: _write_base(temporary, header, (references, planner), articles, planner.parts()))
    return PendingStore(cache_dir, code, None, (), (base, temporary))


class PendingStore:
    """A store begun by ``store_plan``: put in place by ``commit`` once the build has succeeded, or
    dropped by ``cancel``."""

    def __init__(self, cache_dir: Path, code: str, base_digest: bytes | None, log: tuple[PlannedSite, ...],
                 base: tuple[Started[bytes | None], Path] | None) -> None:
        self._cache_dir, self._code = cache_dir, code
        self._base_digest, self._log, self._base = base_digest, log, base

    def needs_planner(self) -> bool:
        """Whether the planner is still to be stored from this process (no process could be forked
        for it): else it may be let go here (``SitePlanner.forget``)."""
        return self._base is not None and not self._base[0].forked

    def commit(self, memo_digest: bytes) -> None:
        """Put the store in place beside the page memo hashing to ``memo_digest`` (what the build
        wrote); a store that cannot be written only makes the next build slower."""
        base_digest = self._base_digest
        if self._base is not None:
            started, temporary = self._base
            try:
                base_digest = started.result()
            except WorkerError:  # its process was killed (out of memory, a signal): no store
                base_digest = None
            try:
                if base_digest is None:
                    return
                os.replace(temporary, self._cache_dir / BASE_FILE)
            except OSError:
                return
            finally:
                temporary.unlink(missing_ok=True)
        if base_digest is not None:
            log = plan_pickle.dumps((base_digest, self._log))
            _write(self._cache_dir / LOG_FILE, _header(self._code, memo_digest), log)

    def cancel(self) -> None:
        """Drop the store (the build failed): nothing is left behind."""
        if self._base is not None:
            started, temporary = self._base
            started.cancel()
            temporary.unlink(missing_ok=True)


def _write_base(temporary: Path, header: bytes, base: object,
                articles: tuple[tuple[Article, Reference], ...], parts: Iterable[object]) -> bytes | None:
    """Pickle ``base`` into ``temporary`` after ``header`` and its digest (in a forked process), the
    ``articles`` and what is inside them as their references; the digest, None when it could not be
    pickled or written. The pickle goes straight to the file, hashed on the way, and its digest into
    the room left for it: held in memory and joined to its header, it was three copies of the store
    in the process at its largest."""
    digest = hashlib.blake2b(digest_size=_DIGEST_SIZE)
    try:
        with temporary.open("wb") as file:
            file.write(header + bytes(_DIGEST_SIZE))

            def write(data: bytes) -> None:
                digest.update(data)
                file.write(data)

            plan_pickle.dump(base, write, stored_objects(articles), parts)
            file.seek(len(header))
            file.write(digest.digest())
    except (OSError, TypeError, AttributeError, ValueError, RecursionError, pickle.PicklingError):
        temporary.unlink(missing_ok=True)
        return None
    return digest.digest()


def plan_code() -> str:
    """What a stored planner is only good for: the code that loads articles and plans pages."""
    from kiku.content.cache.articles import loader_fingerprint
    from kiku.render.writing.memo.pagememo import renderer_fingerprint

    return f"{loader_fingerprint()}\0{renderer_fingerprint()}"


def _header(code: str, memo_digest: bytes | None) -> bytes:
    facts = f"{kiku.__version__}\0{code}\0".encode() + (memo_digest or b"")
    return _FORMAT + b"\n" + hashlib.blake2b(facts, digest_size=_DIGEST_SIZE).digest()


def _checked(blob: bytes, header: bytes) -> tuple[bytes, bytes] | None:
    """The digest and payload of a stored file that starts with ``header`` and whose payload has
    that digest; None otherwise."""
    if not blob.startswith(header):
        return None
    digest, payload = blob[len(header) : len(header) + _DIGEST_SIZE], blob[len(header) + _DIGEST_SIZE :]
    return (digest, payload) if _digest(payload) == digest else None


def _digest(payload: bytes) -> bytes:
    return hashlib.blake2b(payload, digest_size=_DIGEST_SIZE).digest()


def _write(target: Path, header: bytes, payload: bytes) -> bytes | None:
    """Write ``header``, the payload's digest and ``payload`` to ``target`` whole or not at all;
    the digest, or None when it could not be written."""
    digest = _digest(payload)
    temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        temporary.write_bytes(b"".join((header, digest, payload)))
        os.replace(temporary, target)
    except OSError:
        temporary.unlink(missing_ok=True)
        return None
    return digest


def _content_keys(references: tuple[Reference, ...]) -> dict[str, bytes]:
    return {file_name.removesuffix(_ARTICLE_SUFFIX): key for file_name, key in references}

