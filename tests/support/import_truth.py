"""An imported article scored against its hand-written structure (``<stem>.truth.yaml``).

The format is /work/coord/TRUTH_FORMAT.md's, copied in ``tests/fixtures/import/README.md``:
the article's title, date and sections (heading, question, answer, cited cards with their URL,
publisher, date and off-topic flag), or for an encyclopedia its section headings, references
and licence line; and ``content``, every string of the page that must survive in the article.

A content string is compared without one leading bullet glyph and the spaces after it
(``'✦ 東北を中心に…'`` is looked for as ``'東北を中心に…'``): the format writes content without
the page's bullet markers, which the importer drops, and one batch's writer kept them. A glyph
is a symbol character (Unicode category So or Sm: ✦ 🔸 ➤ ◆ ○ ● ☆ ▷ ◎ …) or one of ・•‣*-
followed by a space; a string not led that way is compared as written.

A footnote mark (``[1]``, ``[注 2]``) the truth leaves out is not asked of the article either:
``'…扱われてきた。'`` is found in ``'…扱われてきた[1]。'``. The format does not say whether
content is written with its marks; some writers kept them, others did not.

``score_truth`` counts the content strings found in the article's texts and the structure
checks passed, and names each failure so a reader can see what went wrong where.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from kiku.content.checking.text_fields import iter_text_fields
from kiku.content.model import Article, DigestArticle, EncyclopediaArticle, Section, SourceCard
from kiku.importer.finishing.escape import unescape_markdown


@dataclass(frozen=True)
class TruthScore:
    content_strings: int
    # Content strings not found in the article's texts (as shown: an ad card's summary is not).
    content_missing: tuple[str, ...]
    structure_checks: int
    # What each failed check expected and got: "sections[1].sources[0].url: expected …, got …".
    structure_failed: tuple[str, ...]

    @property
    def content_kept(self) -> int:
        return self.content_strings - len(self.content_missing)

    @property
    def structure_passed(self) -> int:
        return self.structure_checks - len(self.structure_failed)


def load_truth(path: Path) -> dict[str, Any]:
    truth = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(truth, dict):
        raise ValueError(f"{path}: expected a mapping")
    return truth


def section_cards(section: Section) -> tuple[SourceCard, ...]:
    """The cards a section cites, in reading order."""
    return section.sources


def shown_texts(article: Article) -> list[str]:
    """Every text of the article as scraped (escapes undone), but not an ad card's summary."""
    texts: list[str] = []
    for field, text in iter_text_fields(article):
        if ".summary[" in field and _is_off_topic_card_field(article, field):
            continue
        texts.append(unescape_markdown(text))
    return texts


def _is_off_topic_card_field(article: Article, field: str) -> bool:
    if not isinstance(article, DigestArticle):
        return False
    for number, section in enumerate(article.sections):
        for card_field, card in _card_fields(number, section):
            if field.startswith(card_field + ".") and card.off_topic:
                return True
    return False


def _card_fields(number: int, section: Section) -> Iterator[tuple[str, SourceCard]]:
    for index, card in enumerate(section.sources):
        yield f"sections[{number}].sources[{index}]", card


def score_truth(article: Article | None, truth: dict[str, Any]) -> TruthScore:
    """``article`` is None when the importer refused the page: every string and check fails."""
    if article is None:
        placeholder = score_truth(DigestArticle(slug="", title="", date=dt.date.min), truth)
        return TruthScore(placeholder.content_strings, tuple(str(text) for text in truth.get("content") or []),
                          placeholder.structure_checks, ("the page was refused",) * placeholder.structure_checks)
    texts = shown_texts(article)
    lines = {line.strip() for text in texts for line in text.splitlines()}
    joined = "\n".join(texts)
    unmarked = _FOOTNOTE_MARK.sub("", joined)
    content = [str(text) for text in truth.get("content") or []]
    missing = tuple(text for text in content if without_marker(text) not in lines
                    and without_marker(text) not in joined and without_marker(text) not in unmarked)
    checks = _Checks()
    if truth.get("layout") == "encyclopedia":
        _check_encyclopedia(checks, article, truth, texts)
    else:
        _check_digest(checks, article, truth)
    return TruthScore(len(content), missing, checks.count, tuple(checks.failed))


_BULLET_PUNCTUATION = frozenset("・•‣*-")
_FOOTNOTE_MARK = re.compile(r"\[(?:注\s?)?\d{1,3}\]")


# A question or answer label before its line ('Q. ', 'Ａ：'): some truths keep it, most leave it out.
_QA_LABEL = re.compile(r"^[QAＱＡ]\s?[.:．：]\s*")
# A chapter number before a heading ('第1章　', 'CHAPTER 01', 'Step 2:'): some truths keep it, some leave it out.
_CHAPTER_NUMBER = re.compile(r"^(?:第\s?[0-9０-９一二三四五六七八九十]{1,3}\s?[章節部回]|(?:chapter|step|part|section)"
                             r"\s?[0-9０-９]{1,3})\s*[.:．：\-–—]?\s*", re.IGNORECASE)


def without_marker(text: str) -> str:
    """The content string stripped, less one leading bullet glyph and the spaces after it, or
    less a Q/A label ('Q. ', 'A：')."""
    stripped = _CHAPTER_NUMBER.sub("", _QA_LABEL.sub("", text.strip()))
    glyph, rest = stripped[:1], stripped[1:]
    is_glyph = glyph in _BULLET_PUNCTUATION or unicodedata.category(glyph or " ") in ("So", "Sm")
    if is_glyph and rest[:1].isspace():
        return rest.strip()
    return stripped


class _Checks:
    def __init__(self) -> None:
        self.count = 0
        self.failed: list[str] = []

    def equal(self, name: str, expected: object, got: object) -> None:
        self.count += 1
        if _comparable(expected) != _comparable(got):
            self.failed.append(f"{name}: expected {expected!r}, got {got!r}")

    def fail_all(self, names: Sequence[str], reason: str) -> None:
        self.count += len(names)
        self.failed.extend(f"{name}: {reason}" for name in names)


_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def _comparable(value: object) -> object:
    """Texts compare as NFKC without spaces (full- and half-width alike); dates as dates, a truth
    file's quoted ISO date ('2025-12-27', a string to YAML) too."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, str) and _ISO_DATE.fullmatch(value):
        return dt.date.fromisoformat(value)
    if isinstance(value, str):
        return "".join(unicodedata.normalize("NFKC", value).split())
    return value


def _check_digest(checks: _Checks, article: Article, truth: dict[str, Any]) -> None:
    checks.equal("layout", "digest", article.kind)
    checks.equal("title", truth.get("title"), article.title)
    if truth.get("date") is not None:  # a page without its own date: the importer's choice is not judged
        checks.equal("date", truth.get("date"), article.date)
    sections, expected_sections = _closing_prose_aligned(
        article.sections if isinstance(article, DigestArticle) else (), truth.get("sections") or [],
        {without_marker(str(text)) for text in truth.get("content") or []})
    checks.equal("section count", len(expected_sections), len(sections))
    for number, expected in enumerate(expected_sections):
        name = f"sections[{number}]"
        section = _matching_section(expected, number, sections, expected_sections)
        expected_cards = expected.get("sources") or []
        card_checks = [f"{name}.sources[{index}].{key}" for index in range(len(expected_cards))
                       for key in ("url", "publisher", "published", "off_topic")]
        if section is None:
            checks.fail_all([f"{name}.heading", f"{name}.question", f"{name}.card count", *card_checks],
                            f"no section {expected.get('heading')!r} in the article")
            continue
        checks.equal(f"{name}.heading", _unnumbered(expected.get("heading")), _unnumbered(section.heading))
        checks.equal(f"{name}.question", _unlabelled(expected.get("question")), _unlabelled(section.question))
        cards = section_cards(section)
        checks.equal(f"{name}.card count", len(expected_cards), len(cards))
        for index, expected_card in enumerate(expected_cards):
            card = _matching_card(expected_card, index, cards)
            card_name = f"{name}.sources[{index}]"
            if card is None:
                checks.fail_all([f"{card_name}.{key}" for key in ("url", "publisher", "published", "off_topic")],
                                f"no card {expected_card.get('url')!r} in the section")
                continue
            checks.equal(f"{card_name}.url", expected_card.get("url"), card.url)
            checks.equal(f"{card_name}.publisher", expected_card.get("publisher"),
                         _ad_publisher(expected_card, card.publisher))
            checks.equal(f"{card_name}.published", expected_card.get("published"), card.published)
            checks.equal(f"{card_name}.off_topic", bool(expected_card.get("off_topic")), card.off_topic)


def _unnumbered(text: object) -> object:
    return _CHAPTER_NUMBER.sub("", text.strip()) if isinstance(text, str) else text


def _unlabelled(text: object) -> object:
    return _QA_LABEL.sub("", text.strip()) if isinstance(text, str) else text


def _closing_prose_aligned(sections: Sequence[Section], expected: list[dict[str, Any]], content: set[str],
                           ) -> tuple[Sequence[Section], list[dict[str, Any]]]:
    """A closing heading over prose alone (まとめ, おわりに: no question, no answer, no card) is read as
    a last section by some truths and as the conclusion by others; the scorer takes either reading.
    The article's extra last section counts as that reading only when its body is the page's content."""
    if len(expected) == len(sections) + 1 and _is_prose_only(expected[-1]):
        return sections, expected[:-1]
    if len(sections) == len(expected) + 1 and sections:
        last = sections[-1]
        if (last.question is None and last.answer is None and not last.sources and last.body
                and all(without_marker(text) in content for text in last.body)):
            return sections[:-1], expected
    return sections, expected


def _is_prose_only(section: dict[str, Any]) -> bool:
    return not (section.get("question") or section.get("answer") or section.get("sources"))


# What an ad card prints where a publisher stands; a truth writes it as the publisher or as null.
AD_LABELS = frozenset({"広告", "PR", "スポンサー", "Sponsored", "AD", "提供"})
# A sponsor label before an ad card's advertiser ('[PR] 名', 'PR:名', 'Sponsored by 名', '提供：名').
_SPONSOR_LABEL = re.compile(r"^[\[【(（]?(?:PR|AD|広告|スポンサー|Sponsored(?: by)?|提供)[\]】)）]?\s*[:：｜|/／]?\s*",
                            re.IGNORECASE)


def _ad_publisher(expected_card: dict[str, Any], got: str | None) -> object:
    """An ad card's publisher as the truth would write it: an ad label and no publisher are the same
    reading of a sponsored card (one truth writes 広告, another null), and so are the advertiser's
    name with its sponsor label and without ('PR しずくの森ウォーター', 'トラベルディール')."""
    expected = expected_card.get("publisher")
    if not expected_card.get("off_topic"):
        return got
    labels_or_none = {None, *AD_LABELS}
    if expected in labels_or_none and got in labels_or_none:
        return expected
    if isinstance(expected, str) and isinstance(got, str) \
            and _SPONSOR_LABEL.sub("", expected.strip()) == _SPONSOR_LABEL.sub("", got.strip()):
        return expected
    return got


def _matching_section(expected: dict[str, Any], number: int, sections: Sequence[Section],
                      expected_sections: Sequence[dict[str, Any]]) -> Section | None:
    """The article's section with the expected heading, else the one at the same place unless
    that one is another expected section (one merged section must not fail all that follow)."""
    heading = _comparable(_unnumbered(expected.get("heading")))
    for section in sections:
        if _comparable(_unnumbered(section.heading)) == heading:
            return section
    if number < len(sections):
        headings = {_comparable(_unnumbered(other.get("heading"))) for other in expected_sections}
        if _comparable(_unnumbered(sections[number].heading)) not in headings:
            return sections[number]
    return None


def _matching_card(expected: dict[str, Any], index: int, cards: Sequence[SourceCard]) -> SourceCard | None:
    for card in cards:
        if card.url == expected.get("url"):
            return card
    return cards[index] if index < len(cards) else None


def _check_encyclopedia(checks: _Checks, article: Article, truth: dict[str, Any], texts: list[str]) -> None:
    checks.equal("layout", "encyclopedia", article.kind)
    checks.equal("title", truth.get("title"), article.title)
    if not isinstance(article, EncyclopediaArticle):
        headings: list[str] = []
        references: list[str | None] = []
    else:
        headings = [section.heading for section in article.sections]
        references = [reference.url for reference in article.references]
    expected_headings = [str(heading) for heading in truth.get("sections") or []]
    checks.equal("section count", len(expected_headings), len(headings))
    for number, heading in enumerate(expected_headings):
        checks.equal(f"sections[{number}]", heading, headings[number] if number < len(headings) else None)
    checks.equal("reference count", truth.get("references"), len(references))
    urls = [url for url in references if url]
    for number, url in enumerate(truth.get("reference_urls") or []):
        checks.equal(f"reference_urls[{number}]", url, urls[number] if number < len(urls) else None)
    license_line = truth.get("license")
    if license_line:
        checks.count += 1
        if not any(license_line.strip() in text for text in texts):
            checks.failed.append(f"license: {license_line!r} is not in the article word for word")
