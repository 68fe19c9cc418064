"""Loading content: the entry points the build, the CLI and the importer call.

``load_site`` reads ``site.yaml`` and every ``content/*.yaml`` into one immutable Site; every
file is read and checked even after a bad one, and every problem of every file is raised
together in one ContentErrors, sorted by path and position. ``load_config`` (``site.yaml``
only) and ``load_article`` (one article text) are re-exported from their modules.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from kiku.content.article import load_article, parse_article
from kiku.content.config import load_config, read_config
from kiku.content.document import Problems, read_file
from kiku.content.model import Article, Site
from kiku.errors import ContentError, ContentErrors

__all__ = ["load_article", "load_config", "load_site"]

CONTENT_DIR = "content"
ARTICLE_SUFFIX = ".yaml"

# The slug is the file name without ``.yaml`` and becomes the article's URL: unreserved URL
# characters only, so that it needs no escaping anywhere.
_SLUG = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.~-]*")


def load_site(site_root: Path) -> Site:
    """Load ``site.yaml`` and every ``content/*.yaml`` under ``site_root``.

    Articles are sorted newest first (date descending, then slug ascending). Raises one
    ContentErrors with every problem of every file, sorted by path, line and column. When
    ``site.yaml`` itself is broken, articles are still checked (except their tags against the
    vocabulary) so that one run reports everything.
    """
    config, errors = read_config(site_root)
    vocabulary = config.tags if config is not None else None
    articles: list[Article] = []
    slug_paths: dict[str, str] = {}
    for file_name in _content_file_names(site_root / CONTENT_DIR):
        label = f"{CONTENT_DIR}/{file_name}"
        problems = Problems(label)
        if not file_name.endswith(ARTICLE_SUFFIX):
            problems.add(None, None, f"content files must end in '{ARTICLE_SUFFIX}': rename it")
            errors.extend(problems.errors)
            continue
        slug = file_name.removesuffix(ARTICLE_SUFFIX)
        _check_slug(slug, problems, slug_paths)
        text = read_file(site_root / CONTENT_DIR / file_name, problems)
        if text is not None:
            article = parse_article(text, slug=slug, vocabulary=vocabulary, problems=problems)
            if article is not None and not problems.errors:
                articles.append(article)
        errors.extend(problems.in_document_order())
    if errors:
        raise ContentErrors(sorted(errors, key=_error_order))
    assert config is not None  # no errors means site.yaml loaded
    return Site(config=config, articles=newest_first(articles))


def newest_first(articles: list[Article]) -> tuple[Article, ...]:
    """Date descending, then slug ascending (two stable sorts)."""
    by_slug = sorted(articles, key=lambda article: article.slug)
    return tuple(sorted(by_slug, key=lambda article: article.date, reverse=True))


def _content_file_names(content_dir: Path) -> list[str]:
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


def _check_slug(slug: str, problems: Problems, slug_paths: dict[str, str]) -> None:
    if not _SLUG.fullmatch(slug):
        problems.add(
            None,
            None,
            f"the file name {slug!r} becomes the article's URL: use only ASCII letters, digits"
            " and '-', '_', '.', '~' (starting with a letter or digit)",
        )
    # Two slugs that differ only by case collide on case-insensitive file systems and hosts.
    folded = slug.casefold()
    if folded in slug_paths:
        problems.add(
            None, None, f"slug {slug!r} is the same as {slug_paths[folded]} (file names differ only by case)"
        )
    else:
        slug_paths[folded] = problems.path


def _error_order(error: ContentError) -> tuple[str, int, int]:
    return error.path, error.line or 0, error.column or 0
