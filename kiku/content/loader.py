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
from dataclasses import dataclass
from pathlib import Path

from kiku.content.article import load_article, parse_article
from kiku.content.cache import ArticleCache
from kiku.content.config import load_config, read_config
from kiku.content.document import Problems, read_file
from kiku.content.model import Article, Site, SiteConfig, Tag
from kiku.errors import ContentError, ContentErrors
from kiku.forks import interleave, map_shares, process_count

__all__ = [
    "ContentFile",
    "assemble_site",
    "content_file_names",
    "load_article",
    "load_config",
    "load_content_file",
    "load_site",
]

CONTENT_DIR = "content"
ARTICLE_SUFFIX = ".yaml"

# The slug is the file name without ``.yaml`` and becomes the article's URL: unreserved URL
# characters only, so that it needs no escaping anywhere.
_SLUG = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.~-]*")


def load_site(site_root: Path, *, cache: bool = False) -> Site:
    """Load ``site.yaml`` and every ``content/*.yaml`` under ``site_root``.

    Articles are sorted newest first (date descending, then slug ascending). Raises one
    ContentErrors with every problem of every file, sorted by path, line and column. When
    ``site.yaml`` itself is broken, articles are still checked (except their tags against the
    vocabulary) so that one run reports everything. ``cache``: reuse and keep the validated
    articles of earlier builds (``kiku.content.cache``); files are read on every core either way.
    """
    config, errors = read_config(site_root)
    vocabulary = config.tags if config is not None else None
    file_names = content_file_names(site_root / CONTENT_DIR)
    article_cache = ArticleCache(site_root, vocabulary) if cache and config is not None else None
    files = _load_files(site_root, file_names, vocabulary, article_cache)
    if article_cache is not None:
        article_cache.prune(file_names)
    return assemble_site(config, errors, files)


_FILES_PER_PROCESS = 200  # below this, forking costs more than it saves


def _load_files(
    site_root: Path, file_names: Sequence[str], vocabulary: Mapping[str, Tag] | None, cache: ArticleCache | None
) -> list[ContentFile]:
    """Every file, in order: from the cache where it holds the file, the others read on every core."""
    loaded: dict[str, ContentFile] = {}
    keys: dict[str, bytes] = {}
    if cache is not None:
        for file_name in file_names:
            try:
                key = cache.key(file_name, (site_root / CONTENT_DIR / file_name).read_bytes())
            except OSError:
                continue  # reported when the file is read below
            article = cache.get(file_name, key)
            if article is None:
                keys[file_name] = key
            else:
                loaded[file_name] = ContentFile(file_name, article, ())
    missing = [file_name for file_name in file_names if file_name not in loaded]

    def read(share: Sequence[str]) -> list[ContentFile]:
        files = [load_content_file(site_root, file_name, vocabulary) for file_name in share]
        if cache is not None:
            for file in files:
                if file.article is not None and file.file_name in keys:
                    cache.put(file.file_name, keys[file.file_name], file.article)
        return files

    shares = map_shares(read, missing, process_count(len(missing), _FILES_PER_PROCESS))
    loaded.update((file.file_name, file) for file in interleave(shares))
    return [loaded[file_name] for file_name in file_names]


@dataclass(frozen=True, slots=True)
class ContentFile:
    """One loaded ``content/`` file: its article when it is valid, else its problems."""

    file_name: str
    article: Article | None
    errors: tuple[ContentError, ...]


def load_content_file(site_root: Path, file_name: str, vocabulary: Mapping[str, Tag] | None) -> ContentFile:
    """Read and validate ``content/<file_name>`` on its own (the slug case-collision check is
    ``assemble_site``'s, as it needs every file name)."""
    problems = Problems(f"{CONTENT_DIR}/{file_name}")
    if not file_name.endswith(ARTICLE_SUFFIX):
        problems.add(None, None, f"content files must end in '{ARTICLE_SUFFIX}': rename it")
        return ContentFile(file_name, None, tuple(problems.errors))
    slug = file_name.removesuffix(ARTICLE_SUFFIX)
    _check_slug_syntax(slug, problems)
    article = None
    text = read_file(site_root / CONTENT_DIR / file_name, problems)
    if text is not None:
        article = parse_article(text, slug=slug, vocabulary=vocabulary, problems=problems)
    errors = tuple(problems.in_document_order())
    return ContentFile(file_name, None if errors else article, errors)


def assemble_site(
    config: SiteConfig | None, config_errors: Sequence[ContentError], files: Iterable[ContentFile]
) -> Site:
    """The Site made of ``config`` and ``files``, or one ContentErrors with every problem, sorted."""
    errors = list(config_errors)
    articles: list[Article] = []
    slug_paths: dict[str, str] = {}
    for loaded in files:
        errors.extend(loaded.errors)
        if loaded.file_name.endswith(ARTICLE_SUFFIX):
            errors.extend(_check_slug_case(loaded.file_name.removesuffix(ARTICLE_SUFFIX), slug_paths))
        if loaded.article is not None:
            articles.append(loaded.article)
    if errors:
        raise ContentErrors(sorted(errors, key=_error_order))
    assert config is not None  # no errors means site.yaml loaded
    return Site(config=config, articles=newest_first(articles))


def newest_first(articles: list[Article]) -> tuple[Article, ...]:
    """Date descending, then slug ascending (two stable sorts)."""
    by_slug = sorted(articles, key=lambda article: article.slug)
    return tuple(sorted(by_slug, key=lambda article: article.date, reverse=True))


def content_file_names(content_dir: Path) -> list[str]:
    """Names of the candidate article files, sorted; hidden files and editor backups are skipped.

    ``*.yml`` files are listed too, so that one is reported rather than silently ignored.
    """
    try:
        entries = list(os.scandir(content_dir))
    except FileNotFoundError:
        return []  # a site with no articles yet
    return sorted(
        entry.name
        for entry in entries
        if not entry.name.startswith(".")
        and not entry.name.endswith("~")
        and entry.name.endswith((ARTICLE_SUFFIX, ".yml"))
        and not entry.is_dir()
    )


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
