"""``kiku import``: pages in, content files out, never overwriting an editor's file by accident."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from kiku.content.loading.loader import load_article, load_config
from kiku.content.model import SiteConfig
from kiku.content.writing.writer import dump_article
from kiku.errors import ContentErrors, KikuError
from kiku.importer.pipeline import ImportResult, import_page
from kiku.importer.reading.page_file import PAGE_SUFFIXES
from kiku.output.atomic import TargetExists, replace_file, write_new_file


@dataclass(frozen=True, slots=True)
class ImportOptions:
    force: bool = False
    dry_run: bool = False
    date: dt.date | None = None
    # The date of a page that gives none when ``date`` is not given: today in Japan (None: now).
    import_day: dt.date | None = None


def expand_pages(paths: Iterable[Path]) -> list[Path]:
    """Files as given, and the pages inside each folder (sorted by name)."""
    pages: list[Path] = []
    for path in paths:
        if path.is_dir():
            pages.extend(sorted(child for child in path.iterdir() if child.suffix.lower() in PAGE_SUFFIXES))
        else:
            pages.append(path)
    return pages


def import_pages(paths: Sequence[Path], site_root: Path, options: ImportOptions, *, out: TextIO,
                 report_stream: TextIO, messages: TextIO) -> int:
    """Import every page; returns how many failed. Each failure is one line on ``messages``."""
    config = load_config(site_root)
    failures = 0
    for page in expand_pages(paths):
        try:
            result = import_page(page, config, scraped_from=_display_path(page, site_root), date=options.date,
                                 import_day=options.import_day)
            text = article_yaml(result, config)
            report = result.report.format()
            if report:
                print(report, file=report_stream)
            if options.dry_run:
                out.write(text)
                continue
            target = site_root / "content" / f"{result.article.slug}.yaml"
            shown = _display_path(target, site_root)
            _write_article(target, text.encode("utf-8"), shown, force=options.force)
            print(f"wrote {shown}", file=out)
        except KikuError as error:
            failures += 1
            print(f"kiku: {error}", file=messages)
    return failures


def _write_article(target: Path, data: bytes, shown: str, *, force: bool) -> None:
    """Write the content file whole or not at all (``kiku.output.atomic``); never over an existing
    one without ``force``, and without a window in which another writer's file is replaced."""
    if force:
        replace_file(target, data, shown=shown)
        return
    try:
        write_new_file(target, data, shown=shown)
    except TargetExists:
        raise KikuError(f"{shown} already exists and may hold an editor's changes; "
                        f"not overwritten (use --force to replace it)") from None


def article_yaml(result: ImportResult, config: SiteConfig) -> str:
    """The article as a content file, checked by the same loader the build uses."""
    article = result.article
    comments = [f"Imported by kiku from {article.scraped_from}. Edit freely: "
                "re-importing will not overwrite this file without --force."]
    comments.extend(f"warning: {warning}" for warning in result.report.warnings)
    text = dump_article(article, comments=comments)
    path = f"content/{article.slug}.yaml"
    try:
        load_article(text, path=path, slug=article.slug, config=config)
    except ContentErrors as errors:
        too_long = [error for error in errors.errors if "limits.text_field_chars" in error.message]
        if too_long:  # the page, not kiku: one paragraph of it is longer than the site accepts
            first = too_long[0]
            raise KikuError(f"{article.scraped_from}: not imported: {first.field}: {first.message}") from None
        raise KikuError(f"{article.scraped_from}: the imported article does not validate "
                        f"(a bug in kiku, please report it): {errors}") from errors
    return text


def _display_path(path: Path, site_root: Path) -> str:
    try:
        return Path(os.path.realpath(path)).relative_to(os.path.realpath(site_root)).as_posix()
    except ValueError:
        return path.as_posix()



def check_report_path(report: Path, site_root: Path, pages: Sequence[Path]) -> None:
    """Refuse a ``--report`` file that would replace an article or a page being imported.

    Inside ``content/`` the report would replace an edited article or be read as one; the same
    file under another name (a link) is refused as well.
    """
    content_dir = Path(os.path.realpath(site_root / "content"))
    resolved = Path(os.path.realpath(report))
    if resolved == content_dir or content_dir in resolved.parents:
        raise KikuError(f"--report {report}: inside content/, where it would replace or pass for an "
                        "article: write the report somewhere else")
    if not report.exists():
        return
    protected = [*content_dir.glob("*"), *pages] if content_dir.is_dir() else list(pages)
    for existing in protected:
        try:
            same = os.path.samefile(report, existing)
        except OSError:
            continue
        if same:
            raise KikuError(f"--report {report}: it is {existing}, which the report would replace: "
                            "write the report somewhere else")
