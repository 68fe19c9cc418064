"""The importer measured against hand-written ground truth.

Beside a case's page, ``<stem>.debris`` lists the page's debris lines exactly as printed, one
per line (written by hand before the importer ran on the page), and ``<stem>.offtopic`` lists
the titles or URLs of its ad cards (empty when there are none). ``audit_case`` compares what
the importer did with them; ``tests/test_import_audit.py`` asserts on it and
``bench/import_audit.py`` sums it over the corpus.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kiku.content.loader import load_config
from kiku.content.model import DigestArticle
from kiku.content.text_fields import iter_text_fields
from kiku.importer.escape import unescape_markdown
from kiku.importer.page import Line, read_text_page
from kiku.importer.pipeline import ImportResult, import_page
from tests.import_cases import ImportCase, import_cases
from tests.paths import REPO

# A debris line this long is specific enough to be searched for inside the article's texts;
# a shorter one ('PR', '広告') only leaks when it stands as a line of its own.
SEARCHABLE_LENGTH = 8


@dataclass(frozen=True)
class CaseAudit:
    name: str
    is_text_page: bool
    content_lines: int
    debris_lines: int
    # Debris lines found in the article's texts.
    leaked_into_article: tuple[str, ...]
    # Text pages only: debris lines the report does not drop as debris.
    debris_not_dropped: tuple[Line, ...]
    # Text pages only: content lines the report drops as debris (structure is not debris).
    content_dropped_as_debris: tuple[Line, ...]
    ad_cards: tuple[str, ...]
    flagged_ads: tuple[str, ...]
    flagged_real_cards: tuple[str, ...]
    missed_ads: tuple[str, ...]


def ground_truth(case: ImportCase, suffix: str) -> Path:
    return case.expected_yaml.with_name(f"{case.name}.{suffix}")


def audited_cases() -> list[ImportCase]:
    return [case for case in import_cases() if ground_truth(case, "debris").exists()]


def _listed(path: Path) -> list[str]:
    if not path.exists():
        return []
    return [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _import(case: ImportCase) -> ImportResult:
    return import_page(case.page, load_config(REPO), scraped_from=case.page.relative_to(REPO).as_posix())


def audit_case(case: ImportCase) -> CaseAudit:
    result = _import(case)
    debris = set(_listed(ground_truth(case, "debris")))
    texts = [unescape_markdown(text) for _, text in iter_text_fields(result.article)]
    article_lines = {line.strip() for text in texts for line in text.splitlines()}
    joined = "\n".join(texts)
    leaked = tuple(sorted(line for line in debris if line in article_lines
                          or (len(line) >= SEARCHABLE_LENGTH and line in joined)))

    is_text_page = case.page.suffix == ".txt"
    page_lines = read_text_page(case.page) if is_text_page else []
    dropped_as_debris = {item.line.number for item in result.report.dropped if item.debris}
    debris_not_dropped = tuple(line for line in page_lines
                               if line.text in debris and line.number not in dropped_as_debris)
    content_dropped = tuple(line for line in page_lines
                            if line.text not in debris and line.number in dropped_as_debris)

    ads = _listed(ground_truth(case, "offtopic"))
    flagged_ads: list[str] = []
    flagged_real: list[str] = []
    missed: list[str] = []
    if isinstance(result.article, DigestArticle):
        for section in result.article.sections:
            card = section.source
            if card is None:
                continue
            name = card.title or card.url
            is_ad = card.url in ads or (card.title is not None and card.title in ads)
            if card.off_topic:
                (flagged_ads if is_ad else flagged_real).append(name)
            elif is_ad:
                missed.append(name)
    return CaseAudit(
        name=case.name, is_text_page=is_text_page,
        content_lines=sum(1 for line in page_lines if line.text not in debris),
        # A saved HTML page's debris is counted by its listed texts (its lines are the reader's, not the file's).
        debris_lines=sum(1 for line in page_lines if line.text in debris) if is_text_page else len(debris),
        leaked_into_article=leaked, debris_not_dropped=debris_not_dropped,
        content_dropped_as_debris=content_dropped, ad_cards=tuple(ads), flagged_ads=tuple(flagged_ads),
        flagged_real_cards=tuple(flagged_real), missed_ads=tuple(missed))
