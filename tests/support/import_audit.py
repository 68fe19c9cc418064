"""The importer measured against hand-written ground truth.

Beside a case's page, ``<stem>.debris`` lists the page's debris lines exactly as printed, one
per line (written by hand before the importer ran on the page), and ``<stem>.offtopic`` lists
the titles or URLs of its ad cards (empty when there are none). ``audit_case`` compares what
the importer did with them; ``tests/importer/corpus/test_audit.py`` asserts on it and
``bench/import_audit.py`` sums it over the corpus.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from kiku.content.checking.text_fields import iter_text_fields
from kiku.content.loading.loader import load_config
from kiku.content.model import Article, DigestArticle, EncyclopediaArticle, SourceCard
from kiku.importer.finishing.escape import unescape_markdown
from kiku.importer.page import ImportFailed, Line, read_text_page
from kiku.importer.pipeline import ImportResult, import_page
from tests.support.import_cases import IMPORT_DAY, ImportCase, import_cases
from tests.support.import_truth import TruthScore, load_truth, score_truth, section_cards, without_marker
from tests.support.paths import REPO

# A debris line this long is specific enough to be searched for inside the article's texts;
# a shorter one ('PR', '広告') only leaks when it stands as a line of its own.
SEARCHABLE_LENGTH = 8
# Fields the importer writes itself, not text of the page: a slug opens with the article's date
# ('2025-08-26-diplomacy-…'), which a page may also print as a debris line in its byline.
NOT_FROM_THE_PAGE = frozenset({"slug", "scraped_from"})


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
    # Scored against ``<stem>.truth.yaml`` when the case has one.
    truth: TruthScore | None = None
    # The importer's one-line reason when it refused the page (then it has no article).
    refused: str | None = None


def ground_truth(case: ImportCase, suffix: str) -> Path:
    return case.expected_yaml.with_name(f"{case.name}.{suffix}")


def audited_cases() -> list[ImportCase]:
    return [case for case in import_cases() if ground_truth(case, "debris").exists()]


def _listed(path: Path) -> list[str]:
    if not path.exists():
        return []
    return [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@dataclass(frozen=True)
class PageGround:
    """What a page is measured against: its debris lines, its ad cards' titles or URLs, and its
    truth (None without a ``.truth.yaml``). A page variant (``tests/support/page_variants``)
    is measured against its own page's ground with the debris lines it rewrote or added."""

    debris: tuple[str, ...]
    ads: tuple[str, ...]
    truth: dict[str, Any] | None


def ground_of(case: ImportCase) -> PageGround:
    truth_path = ground_truth(case, "truth.yaml")
    return PageGround(debris=tuple(_listed(ground_truth(case, "debris"))),
                      ads=tuple(_listed(ground_truth(case, "offtopic"))),
                      truth=load_truth(truth_path) if truth_path.exists() else None)


def scraped_from(case: ImportCase) -> str:
    """The page's path in the repository (a crafted page's name when it lies elsewhere)."""
    return case.page.relative_to(REPO).as_posix() if case.page.is_relative_to(REPO) else case.page.name


def _import(page: Path, source: str) -> ImportResult:
    return import_page(page, load_config(REPO), scraped_from=source, import_day=IMPORT_DAY)


def audit_case(case: ImportCase) -> CaseAudit:
    """The case measured; an ImportFailed is raised on (use ``audit_or_refusal`` to score it)."""
    return audit_page(case.name, case.page, ground_of(case), scraped_from(case))


def audit_page(name: str, page: Path, ground: PageGround, source: str) -> CaseAudit:
    """``page`` imported (as scraped from ``source``) and measured against ``ground``; an
    ImportFailed is raised on.

    Rules settle what the writers' files say twice (``tests/fixtures/import/README.md`` states them):
    - an ad card is named by ``.offtopic`` or by a truth card marked ``off_topic``; its title and its
      URL both listed in ``.offtopic`` name one ad;
    - the lines of an ad card the importer flagged are not leaked debris, even where a writer also
      listed them in ``.debris``: the truth asks for the card, flagged, and the site never shows
      its summary;
    - on a text page, a debris line the importer consumed as structure (a date line, a label) and
      whose text is not in the article has not leaked.
    An encyclopedia has no cards: its ad is found when none of its text reached the article."""
    result = _import(page, source)
    debris = set(ground.debris)
    ads = _distinct_ads(ground.ads, ground.truth)
    ad_names = set(ground.ads) | _truth_ad_names(ground.truth)
    ad_cards = _flagged_ad_cards(result.article, ad_names)
    shown = _without_cards(result.article, ad_cards)
    texts = [unescape_markdown(text) for field, text in iter_text_fields(shown) if field not in NOT_FROM_THE_PAGE]
    article_lines = {line.strip() for text in texts for line in text.splitlines()}
    joined = _without_content("\n".join(texts), ground.truth, result.article)
    leaked = tuple(sorted(line for line in debris if line in article_lines
                          or (len(line) >= SEARCHABLE_LENGTH and line in joined)))

    is_text_page = page.suffix == ".txt"
    page_lines = read_text_page(page) if is_text_page else []
    dropped_as_debris = {item.line.number for item in result.report.dropped if item.debris}
    consumed = {item.line.number for item in result.report.dropped if not item.debris}
    ad_fields = _card_fields(ad_cards)
    debris_not_dropped = tuple(
        line for line in page_lines
        if line.text in debris and line.number not in dropped_as_debris
        and not (line.number in consumed and line.text.strip() not in article_lines)
        and not _is_card_line(line.text, ad_fields))
    truth_lines = truth_lines_from(ground.truth)
    content_lines = [line for line in page_lines
                     if line.text not in debris and is_content_line(line, truth_lines)]
    content_dropped = tuple(line for line in content_lines if line.number in dropped_as_debris)

    flagged_ads: list[str] = []
    flagged_real: list[str] = []
    missed: list[str] = []
    if isinstance(result.article, DigestArticle):
        for card in (card for section in result.article.sections for card in section_cards(section)):
            name_shown = card.title or card.url
            is_ad = card.url in ad_names or (card.title is not None and card.title in ad_names)
            if card.off_topic:
                (flagged_ads if is_ad else flagged_real).append(name_shown)
            elif is_ad:
                missed.append(name_shown)
    else:
        all_text = "\n".join(texts)
        for ad in ads:
            (missed if ad in all_text else flagged_ads).append(ad)
    return CaseAudit(
        name=name, is_text_page=is_text_page,
        content_lines=len(content_lines),
        # A saved HTML page's debris is counted by its listed texts (its lines are the reader's, not the file's).
        debris_lines=sum(1 for line in page_lines if line.text in debris) if is_text_page else len(debris),
        leaked_into_article=leaked, debris_not_dropped=debris_not_dropped,
        content_dropped_as_debris=content_dropped, ad_cards=tuple(ads), flagged_ads=tuple(flagged_ads),
        flagged_real_cards=tuple(flagged_real), missed_ads=tuple(missed),
        truth=_truth_score(ground.truth, result))


def _distinct_ads(listed: tuple[str, ...], truth: dict[str, Any] | None) -> list[str]:
    """The ``.offtopic`` lines, one per ad card: a line naming the same truth card as an earlier line
    (the card's title on one line, its URL on the next) is the same ad, not a second one."""
    card_of = {str(card[key]): index for index, card in enumerate(_truth_ad_cards(truth))
               for key in ("url", "title") if card.get(key)}
    seen: set[int] = set()
    distinct = []
    for name in listed:
        card = card_of.get(name)
        if card is None or card not in seen:
            distinct.append(name)
        if card is not None:
            seen.add(card)
    return distinct


def _truth_ad_cards(truth: dict[str, Any] | None) -> list[dict[str, Any]]:
    if truth is None:
        return []
    return [card for section in truth.get("sections") or [] if isinstance(section, dict)
            for card in section.get("sources") or [] if card.get("off_topic")]


def _truth_ad_names(truth: dict[str, Any] | None) -> set[str]:
    """The URLs and titles of the cards the page's truth marks ``off_topic``."""
    return {str(card[key]) for card in _truth_ad_cards(truth) for key in ("url", "title") if card.get(key)}


def _flagged_ad_cards(article: Article, ad_names: set[str]) -> tuple[SourceCard, ...]:
    if not isinstance(article, DigestArticle):
        return ()
    return tuple(card for section in article.sections for card in section_cards(section)
                 if card.off_topic and (card.url in ad_names or card.title in ad_names))


def _without_cards(article: Article, cards: tuple[SourceCard, ...]) -> Article:
    if not cards or not isinstance(article, DigestArticle):
        return article
    sections = tuple(replace(section, sources=tuple(card for card in section.sources if card not in cards))
                     for section in article.sections)
    return replace(article, sections=sections)


def _card_fields(cards: tuple[SourceCard, ...]) -> tuple[str, ...]:
    fields = [field for card in cards for field in (card.url, card.title, card.publisher, *card.summary)]
    return tuple(unescape_markdown(field).strip() for field in fields if field)


def _is_card_line(text: str, fields: tuple[str, ...]) -> bool:
    """A page line that prints one of the card's fields (its title, its link line with the URL, a
    summary bullet) or a long enough part of one."""
    line = without_marker(text)
    return bool(line) and any(line == field or field in line
                              or (len(line) >= SEARCHABLE_LENGTH and line in field) for field in fields)


@dataclass(frozen=True)
class TruthLines:
    """What the page's truth says is content: the title and headings as whole lines, and the
    content strings (a page line may hold one glued to a link line)."""

    names: frozenset[str]
    strings: tuple[str, ...]


def truth_lines_of(case: ImportCase) -> TruthLines | None:
    return truth_lines_from(ground_of(case).truth)


def truth_lines_from(truth: dict[str, Any] | None) -> TruthLines | None:
    if truth is None:
        return None
    headings = [section if isinstance(section, str) else section.get("heading")
                for section in truth.get("sections") or []]
    return TruthLines(frozenset(str(name).strip() for name in [truth.get("title"), *headings] if name),
                       tuple(without_marker(str(text)) for text in truth.get("content") or [] if text))


# A line this long that is part of a content string (a paragraph wrapped in the page) is content.
WRAPPED_PART_LENGTH = 8


def is_content_line(line: Line, truth: TruthLines | None) -> bool:
    """A line that is not debris is content, unless the page's truth lists its content and the
    line holds none of it: a line in neither list (a label, a licence block's heading
    'ウィキペディア') is structure, and dropping it loses nothing the article must hold."""
    if truth is None:
        return True
    text = without_marker(line.text)
    return bool(text) and (text in truth.names or any(
        string in text or (len(text) >= WRAPPED_PART_LENGTH and text in string) for string in truth.strings))


def _without_content(joined: str, truth: dict[str, Any] | None, article: Article) -> str:
    """The article's joined texts without the page's own content strings (``<stem>.truth.yaml``):
    a debris line ('H-IIAロケット', a sidebar link) that a content sentence also says
    ('…H-IIAロケット26号機で打ち上げられた') has not leaked when it is found only inside that sentence.
    The same holds for a reference whose URL the truth lists: its text is the page's own
    ('“小惑星探査機「はやぶさ2」”. 宇宙航空研究開発機構. …' names the publisher that a
    related-words box also lists)."""
    if truth is None:
        return joined
    vouched_urls = {str(url) for url in truth.get("reference_urls") or []}
    references = [unescape_markdown(reference.text) for reference in article.references
                  if reference.url in vouched_urls] if isinstance(article, EncyclopediaArticle) else []
    for text in sorted([*(str(text).strip() for text in truth.get("content") or []), *references],
                       key=len, reverse=True):
        joined = joined.replace(text, "\n")
    return joined


def _truth_score(truth: dict[str, Any] | None, result: ImportResult | None) -> TruthScore | None:
    return None if truth is None else score_truth(result.article if result else None, truth)


def audit_or_refusal(case: ImportCase) -> CaseAudit:
    """The case measured, or, when the importer refuses the page, everything counted as lost."""
    return page_audit_or_refusal(case.name, case.page, ground_of(case), scraped_from(case))


def page_audit_or_refusal(name: str, page: Path, ground: PageGround, source: str) -> CaseAudit:
    try:
        return audit_page(name, page, ground, source)
    except ImportFailed as error:
        return CaseAudit(
            name=name, is_text_page=False, content_lines=0, debris_lines=len(ground.debris),
            leaked_into_article=(), debris_not_dropped=(), content_dropped_as_debris=(), ad_cards=ground.ads,
            flagged_ads=(), flagged_real_cards=(), missed_ads=ground.ads, truth=_truth_score(ground.truth, None),
            refused=str(error))


# Pages written by someone who had not read the importer, frozen before it was changed for them: their
# stems start with the batch's name, ``heldout<N>_``; a new batch needs no change here.
HELD_OUT_BATCH = re.compile(r"^(heldout\d+)_")


def held_out_batch(name: str) -> str | None:
    """The held-out batch a fixture stem belongs to (``'heldout41'``), or None for the team's own pages."""
    match = HELD_OUT_BATCH.match(name)
    return match.group(1) if match else None


def is_held_out(case: ImportCase) -> bool:
    return held_out_batch(case.name) is not None


def leaked_count(audit: CaseAudit) -> int:
    """Debris lines of the page left in place (a text page), or found in the article (other pages)."""
    return len(audit.debris_not_dropped) if audit.is_text_page else len(audit.leaked_into_article)


@dataclass(frozen=True)
class RecordedScore:
    """A held-out page's score as last accepted (``<stem>.score``, written by ``make golden``):
    the importer may do better on it, never worse."""

    content_kept: int
    structure_passed: int
    leaked: int
    ads_found: int
    false_flags: int
    refused: bool

    @staticmethod
    def of(audit: CaseAudit) -> RecordedScore:
        truth = audit.truth
        return RecordedScore(
            content_kept=truth.content_kept if truth else 0,
            structure_passed=truth.structure_passed if truth else 0,
            leaked=leaked_count(audit), ads_found=len(audit.flagged_ads),
            false_flags=len(audit.flagged_real_cards), refused=audit.refused is not None)

    def text(self) -> str:
        return "".join(f"{name}: {str(value).lower()}\n" for name, value in vars_of(self).items())

    @staticmethod
    def parse(text: str) -> RecordedScore:
        values = dict(line.split(": ", 1) for line in text.splitlines() if line.strip())
        return RecordedScore(
            content_kept=int(values["content_kept"]), structure_passed=int(values["structure_passed"]),
            leaked=int(values["leaked"]), ads_found=int(values["ads_found"]),
            false_flags=int(values["false_flags"]), refused=values["refused"] == "true")

    def worse_than(self, recorded: RecordedScore) -> list[str]:
        """What got worse than ``recorded``."""
        worse = [f"{name}: {mine} < {theirs}" for name, mine, theirs in (
            ("content_kept", self.content_kept, recorded.content_kept),
            ("structure_passed", self.structure_passed, recorded.structure_passed),
            ("ads_found", self.ads_found, recorded.ads_found)) if mine < theirs]
        worse += [f"{name}: {mine} > {theirs}" for name, mine, theirs in (
            ("leaked", self.leaked, recorded.leaked), ("false_flags", self.false_flags, recorded.false_flags))
            if mine > theirs]
        if self.refused and not recorded.refused:
            worse.append("refused")
        return worse


def vars_of(score: RecordedScore) -> dict[str, object]:
    return {name: getattr(score, name) for name in RecordedScore.__dataclass_fields__}


def write_held_out_scores() -> list[Path]:
    written = []
    for case in audited_cases():
        if is_held_out(case):
            path = ground_truth(case, "score")
            path.write_text(RecordedScore.of(audit_or_refusal(case)).text(), encoding="utf-8")
            written.append(path)
    return written
