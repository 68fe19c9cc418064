"""Loading content: the entry points the build, the CLI and the importer call.

``load_site`` reads ``site.yaml`` and every ``content/*.yaml`` into one immutable Site; every
file is read and checked even after a bad one, and every problem of every file is raised
together in one ContentErrors, sorted by path and position. ``load_config`` (``site.yaml``
only) and ``load_article`` (one article text) are re-exported from their modules.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from kiku.content.cache.articles import ArticleCache, ByConstructors
from kiku.content.cache.slim import Reread, open_packs, read_whole_from, slim_article
from kiku.content.checking.article import load_article, parse_article
from kiku.content.checking.config import load_config, read_config
from kiku.content.checking.limits import content_file_limit
from kiku.content.loading.listing import (
    ARTICLE_SUFFIX,
    CONTENT_DIR,
    content_file_names,
    scan_content,
    warn_skipped,
    why_skipped,
)
from kiku.content.model import DEFAULT_LIMITS, Article, Limits, Site, SiteConfig, Tag
from kiku.content.reading.document import Problems, decode_text, read_file
from kiku.content.reading.files import RealPaths, UnreadableFile, outside_link, read_regular_file
from kiku.content.reading.open_warnings import OpenWarning, open_warnings
from kiku.errors import ContentError, ContentErrors
from kiku.runtime.forks import interleave, map_shares, process_count

__all__ = [
    "ContentFile",
    "assemble_site",
    "content_file_names",
    "load_article",
    "load_config",
    "load_content_file",
    "load_site",
    "load_site_and_warnings",
    "newest_first_key",
    "scan_content",
    "why_skipped",
]

# The slug is the file name without ``.yaml`` and becomes the article's URL: unreserved URL
# characters only, so that it needs no escaping anywhere.
_SLUG = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.~-]*")


def load_site(
    site_root: Path, *, cache: bool = False, earlier: Mapping[str, tuple[bytes, Article]] | None = None,
    slim: bool = False,
) -> Site:
    """Load ``site.yaml`` and every ``content/*.yaml`` under ``site_root``.

    Articles are sorted newest first (date descending, then slug ascending). Raises one
    ContentErrors with every problem of every file, sorted by path, line and column. When
    ``site.yaml`` itself is broken, articles are still checked (except their tags against the
    vocabulary) so that one run reports everything. ``cache``: reuse and keep the validated
    articles of earlier builds (``kiku.content.cache.articles``); files are read on every core either way.
    ``earlier`` (with ``cache``): articles already taken from the cache, by file name with their key
    (the last build's planner, ``kiku.render.planning.store.plan_store``); a file whose key is still that
    one gives that very object. ``slim`` (with ``cache``): digest articles are held without their
    text, which ``kiku.content.cache.slim.full_article`` reads back from the cache (a build).
    """
    return load_site_and_warnings(site_root, cache=cache, earlier=earlier, slim=slim)[0]


def load_site_and_warnings(
    site_root: Path, *, cache: bool = False, earlier: Mapping[str, tuple[bytes, Article]] | None = None,
    slim: bool = False,
) -> tuple[Site, tuple[OpenWarning, ...]]:
    """``load_site``, plus every content file's open importer warnings, by file and line (only of
    the files read: an article taken from the cache brings none, so ``kiku check`` reads them all)."""
    config, errors = read_config(site_root)
    vocabulary = config.tags if config is not None else None
    limits = config.limits if config is not None else Limits()
    listing = scan_content(site_root / CONTENT_DIR)
    warn_skipped(listing)
    # The key of a cached article covers what validation depends on: the vocabulary and the limits.
    article_cache = ArticleCache(site_root, (vocabulary, limits)) if cache and config is not None else None
    if article_cache is not None and slim:
        read_whole_from(article_cache.folder, _reread(site_root, vocabulary, limits, article_cache))
        article_cache.send_pickled = False  # the loaders send their articles slim
    files = _load_files(site_root, listing.names, vocabulary, limits, article_cache, earlier or {},
                        slim=slim and article_cache is not None)
    if article_cache is not None:
        article_cache.prune((file.file_name, file.key) for file in files if file.key is not None)
        if slim:
            open_packs()  # here, before the build forks: its processes share the packs' index
    site = assemble_site(config, errors, files)
    return site, tuple(warning for loaded in files for warning in loaded.warnings)


_FILES_PER_PROCESS = 200  # below this, forking costs more than it saves


def _load_files(
    site_root: Path,
    file_names: Sequence[str],
    vocabulary: Mapping[str, Tag] | None,
    limits: Limits,
    cache: ArticleCache | None,
    earlier: Mapping[str, tuple[bytes, Article]],
    *,
    slim: bool = False,
) -> list[ContentFile]:
    """Every file, in order: from the cache where it holds the file, the others read on every core;
    ``slim``: digest articles held slim (``kiku.content.cache.slim``)."""
    loaded: dict[str, ContentFile] = {}
    keys: dict[str, bytes] = {}
    statuses: dict[str, os.stat_result] = {}  # each taken before the file is read
    real_paths = RealPaths(site_root)  # the site's and content/'s real paths, worked out once
    stored: frozenset[str] = frozenset()
    if cache is not None:
        stored = cache.stored_names()
        content_dir = site_root / CONTENT_DIR
        # A file that is no link is inside the site when its folder is: worked out once, here.
        in_site = outside_link(content_dir, real_paths) is None
        folder = os.fspath(content_dir)
        for file_name in file_names:
            status = _status(os.path.join(folder, file_name))
            if status is not None:
                statuses[file_name] = status
            if file_name not in stored:
                continue  # nothing to reuse: read once, below, on every core (a cold build reads no file here)
            key = cache.known_files.key(file_name, status) if status is not None and in_site else None
            read_here = key is None or status is None or status.st_size > content_file_limit(limits).max_bytes
            if read_here:
                try:
                    data = read_regular_file(content_dir / file_name, content_file_limit(limits), real_paths)
                except UnreadableFile:
                    continue  # reported when the file is read below
                key = cache.key(file_name, data)
            assert key is not None
            taken = earlier.get(file_name)
            article = taken[1] if taken is not None and taken[0] == key else None  # as the planner holds it
            if article is None:
                article = cache.get(file_name, key)
                if article is not None and slim:
                    article = slim_article(article, key)
            if article is None:
                if read_here:  # a key from the index is not the key of what is read below
                    keys[file_name] = key
            else:
                loaded[file_name] = ContentFile(file_name, article, (), key=key)
    missing = [file_name for file_name in file_names if file_name not in loaded]

    def read(share: Sequence[str]) -> ByConstructors[list[ContentFile]]:
        if cache is None:
            return ByConstructors([load_content_file(site_root, file_name, vocabulary, limits) for file_name in share])
        files = []
        for file_name in share:
            file = _load_and_keep(real_paths, file_name, vocabulary, limits, cache, keys.get(file_name))
            files.append(_slimmed(file) if slim else file)
        cache.flush()  # this process's pack
        return ByConstructors(files, cache.pickled())  # its articles sent as pickled for the pack

    shares = map_shares(read, missing, process_count(len(missing), _FILES_PER_PROCESS))
    loaded.update((file.file_name, file) for file in interleave([share.value for share in shares]))
    files = [loaded[file_name] for file_name in file_names]
    if cache is not None:
        cache.known_files.save({
            file.file_name: (statuses[file.file_name], file.key)
            for file in files if file.key is not None and file.file_name in statuses
        })
    return files


def _slimmed(file: ContentFile) -> ContentFile:
    """``file`` with its article slim, when it has a key (``kiku.content.cache.slim``), as soon as it
    is read: a loader holding its whole share read held most of a site at once."""
    if file.article is None or file.key is None:
        return file
    article = slim_article(file.article, file.key)
    return file if article is file.article else replace(file, article=article)


def _reread(site_root: Path, vocabulary: Mapping[str, Tag] | None, limits: Limits, cache: ArticleCache) -> Reread:
    """How a slim article is read whole when its cache entry cannot be: its file read and checked
    again, if it still holds what was loaded (the same key)."""
    real_paths = RealPaths(site_root)

    def reread(file_name: str, key: bytes) -> Article | None:
        try:
            data = read_regular_file(site_root / CONTENT_DIR / file_name, content_file_limit(limits), real_paths)
        except UnreadableFile:
            return None
        if cache.key(file_name, data) != key:
            return None
        return load_content_file(site_root, file_name, vocabulary, limits, data=data).article

    return reread


def _status(path: str) -> os.stat_result | None:
    """The status of ``path`` itself (a link's own), None when it cannot be had."""
    try:
        return os.lstat(path)
    except OSError:
        return None


def _load_and_keep(
    real_paths: RealPaths, file_name: str, vocabulary: Mapping[str, Tag] | None, limits: Limits,
    cache: ArticleCache, key: bytes | None,
) -> ContentFile:
    """``load_content_file``, storing a valid article in ``cache`` under ``key`` (computed from the
    bytes read when not given). ``real_paths``: the
    site root's (a cold build reads every file here: two ``os.path.realpath`` a file, each an lstat of
    every folder on the way, cost more than the read)."""
    site_root = real_paths.site_root
    data = None
    if key is None:
        try:
            data = read_regular_file(site_root / CONTENT_DIR / file_name, content_file_limit(limits), real_paths)
        except UnreadableFile:
            pass  # load_content_file reports it
        else:
            key = cache.key(file_name, data)
    file = load_content_file(site_root, file_name, vocabulary, limits, data=data)
    if file.article is not None and key is not None:
        cache.put(file_name, key, file.article)
        return replace(file, key=key)
    return file


@dataclass(frozen=True, slots=True)
class ContentFile:
    """One loaded ``content/`` file: its article when it is valid, else its problems."""

    file_name: str
    article: Article | None
    errors: tuple[ContentError, ...]
    warnings: tuple[OpenWarning, ...] = ()  # the importer's, still open (kiku.content.reading.open_warnings)
    key: bytes | None = None  # its article's key in the article cache (see ``Site.content_keys``)


def load_content_file(
    site_root: Path, file_name: str, vocabulary: Mapping[str, Tag] | None, limits: Limits = DEFAULT_LIMITS,
    *, data: bytes | None = None,
) -> ContentFile:
    """Read and validate ``content/<file_name>`` on its own (the slug case-collision check is
    ``assemble_site``'s, as it needs every file name); ``data``: its bytes, when already read."""
    problems = Problems(f"{CONTENT_DIR}/{file_name}")
    if not file_name.endswith(ARTICLE_SUFFIX):
        problems.add(None, None, f"content files must end in '{ARTICLE_SUFFIX}': rename it")
        return ContentFile(file_name, None, tuple(problems.errors))
    slug = file_name.removesuffix(ARTICLE_SUFFIX)
    _check_slug_syntax(slug, problems)
    article = None
    warnings: tuple[OpenWarning, ...] = ()
    if data is None:
        text = read_file(site_root / CONTENT_DIR / file_name, problems, limit=content_file_limit(limits),
                         site_root=site_root)
    else:
        text = decode_text(data, problems)
    if text is not None:
        article = parse_article(text, slug=slug, vocabulary=vocabulary, problems=problems, limits=limits)
        warnings = open_warnings(text, f"{CONTENT_DIR}/{file_name}")
    errors = tuple(problems.in_document_order())
    return ContentFile(file_name, None if errors else article, errors, warnings)


def assemble_site(
    config: SiteConfig | None, config_errors: Sequence[ContentError], files: Iterable[ContentFile]
) -> Site:
    """The Site made of ``config`` and ``files``, or one ContentErrors with every problem, sorted."""
    errors = list(config_errors)
    articles: list[Article] = []
    keys: dict[str, bytes] = {}
    slug_paths: dict[str, str] = {}
    for loaded in files:
        errors.extend(loaded.errors)
        if loaded.file_name.endswith(ARTICLE_SUFFIX):
            errors.extend(_check_slug_case(loaded.file_name.removesuffix(ARTICLE_SUFFIX), slug_paths))
        if loaded.article is not None:
            articles.append(loaded.article)
            if loaded.key is not None:
                keys[loaded.article.slug] = loaded.key
    if errors:
        raise ContentErrors(sorted(errors, key=_error_order))
    assert config is not None  # no errors means site.yaml loaded
    return Site(config=config, articles=newest_first(articles), content_keys=keys)


def newest_first_key(article: Article) -> tuple[int, str]:
    """The place of ``article`` in ``newest_first``'s order, as a key to sort or bisect by."""
    return -article.date.toordinal(), article.slug


def newest_first(articles: list[Article]) -> tuple[Article, ...]:
    """Date descending, then slug ascending (two stable sorts)."""
    by_slug = sorted(articles, key=lambda article: article.slug)
    return tuple(sorted(by_slug, key=lambda article: article.date, reverse=True))


def _check_slug_syntax(slug: str, problems: Problems) -> None:
    if not _SLUG.fullmatch(slug):
        problems.add(
            None,
            None,
            f"the file name {slug!r} becomes the article's URL: use only ASCII letters, digits"
            " and '-', '_', '.', '~' (starting with a letter or digit)",
        )


def _check_slug_case(slug: str, slug_paths: dict[str, str]) -> list[ContentError]:
    # Two slugs that differ only by case collide on case-insensitive file systems and hosts.
    path = f"{CONTENT_DIR}/{slug}{ARTICLE_SUFFIX}"
    folded = slug.casefold()
    if folded in slug_paths:
        return [
            ContentError(path, f"slug {slug!r} is the same as {slug_paths[folded]} (file names differ only by case)")
        ]
    slug_paths[folded] = path
    return []


def _error_order(error: ContentError) -> tuple[str, int, int]:
    return error.path, error.line or 0, error.column or 0
