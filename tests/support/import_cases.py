"""Importer fixture cases: a page beside the article it must become.

Every page in ``scraped/`` and ``tests/fixtures/import/`` (``*.txt``, ``*.html``, ``*.htm``) is a case; its expected
content file is ``tests/fixtures/import/<stem>.expected.yaml`` and its expected report
``<stem>.report``. ``make golden`` (``python -m tests.support.regenerate``) rewrites them after an
intended change: review the diff.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from kiku.content.loading.loader import load_config
from kiku.importer.command import article_yaml
from kiku.importer.page import ImportFailed
from kiku.importer.pipeline import import_page
from kiku.importer.reading.page_file import PAGE_SUFFIXES
from tests.support.paths import IMPORT_FIXTURES, REPO, SCRAPED

# The day the cases are imported on, as far as a page that gives no date can tell: pinned, so
# the recorded outputs do not change with the calendar (``kiku import`` uses today in Japan).
IMPORT_DAY = dt.date(2026, 1, 5)


@dataclass(frozen=True)
class ImportCase:
    page: Path

    @property
    def name(self) -> str:
        return self.page.stem

    @property
    def expected_yaml(self) -> Path:
        return IMPORT_FIXTURES / f"{self.page.stem}.expected.yaml"

    @property
    def expected_report(self) -> Path:
        return IMPORT_FIXTURES / f"{self.page.stem}.report"

    def run(self) -> tuple[str, str]:
        """The content file and the report the importer produces for this page today; a page the
        importer refuses has no content file ("") and its one-line reason as its report."""
        config = load_config(REPO)
        scraped_from = self.page.relative_to(REPO).as_posix()
        try:
            result = import_page(self.page, config, scraped_from=scraped_from, import_day=IMPORT_DAY)
        except ImportFailed as error:
            return "", f"refused: {error}\n"
        return article_yaml(result, config), result.report.format() + "\n"

    def expected(self) -> tuple[str, str]:
        """The recorded content file ("" when the page was refused) and report."""
        article = self.expected_yaml.read_text(encoding="utf-8") if self.expected_yaml.exists() else ""
        return article, self.expected_report.read_text(encoding="utf-8")

    def write_expected(self) -> None:
        article, report = self.run()
        if article:
            self.expected_yaml.write_text(article, encoding="utf-8")
        else:
            self.expected_yaml.unlink(missing_ok=True)
        self.expected_report.write_text(report, encoding="utf-8")


def import_cases() -> list[ImportCase]:
    fixtures = [page for page in IMPORT_FIXTURES.iterdir() if page.suffix in PAGE_SUFFIXES]
    pages = sorted(SCRAPED.glob("*.txt")) + sorted(fixtures)
    return [ImportCase(page) for page in pages]
