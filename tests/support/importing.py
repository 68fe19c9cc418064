"""Importing a crafted page in a test: write it under ``tmp_path`` and run the importer on it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from kiku.content.loading.loader import load_config
from kiku.content.model import DigestArticle
from kiku.importer.pipeline import ImportResult, import_page
from tests.support.paths import REPO

# The day the crafted pages are imported on (their dates are read relative to it).
CRAFTED_IMPORT_DAY = dt.date(2026, 3, 9)


def import_text(tmp_path: Path, name: str, text: str, date: dt.date | None = None) -> ImportResult:
    """Import ``text`` saved as ``tmp_path/name`` with the repository's site.yaml (``date``: the
    article's date when the page shows none)."""
    page = tmp_path / name
    page.write_text(text, encoding="utf-8")
    return import_page(page, load_config(REPO), scraped_from=name, date=date, import_day=CRAFTED_IMPORT_DAY)


def digest_of(result: ImportResult) -> DigestArticle:
    """The imported article, which the test expects to be a digest."""
    assert isinstance(result.article, DigestArticle)
    return result.article
