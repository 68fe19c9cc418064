"""Import one scraped page: read → drop debris → recognise the layout → parse → tag → slug."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from kiku.content.checking.limits import import_page_limit
from kiku.content.checking.text_fields import iter_text_fields
from kiku.content.loading.schedule import today_in_japan
from kiku.content.model import Article, DigestArticle, EncyclopediaArticle, SiteConfig
from kiku.importer.cleaning.debris import strip_debris
from kiku.importer.finishing.accounting import unaccounted_lines
from kiku.importer.finishing.checks import dropped_digit_warnings
from kiku.importer.finishing.chrome_date import chrome_date
from kiku.importer.finishing.escape import unescape_markdown
from kiku.importer.finishing.prose import FULLER_READING, prose_weight
from kiku.importer.finishing.slug import make_slug
from kiku.importer.finishing.tagging import suggest_tags
from kiku.importer.grammar.lines.dates import find_date
from kiku.importer.layouts.digest.found_cards import with_found_cards
from kiku.importer.layouts.digest.reading import looks_like_digest, parse_digest
from kiku.importer.layouts.encyclopedia.article import parse_encyclopedia
from kiku.importer.layouts.encyclopedia.head import is_encyclopedia, reads_as_encyclopedia
from kiku.importer.page import ImportFailed, Line
from kiku.importer.reading.cards.text.field_lines import read_field_lines
from kiku.importer.reading.page_file import HTML_SUFFIXES, read_page
from kiku.importer.report import ImportReport

# Text fields that name things rather than say them; a tag term there counts like anywhere else,
# but URLs and file paths must not suggest tags.
_NOT_FOR_TAGS = ("url", "scraped_from", "attribution")
_PROMINENT_LISTS = ("key_points", "conclusion")
_PROMINENT_FIELDS = ("heading", "question", "answer")


@dataclass(frozen=True, slots=True)
class ImportResult:
    article: Article
    report: ImportReport


def import_page(path: Path, config: SiteConfig, *, scraped_from: str,
                date: dt.date | None = None, import_day: dt.date | None = None) -> ImportResult:
    """Import the page at ``path``; ``scraped_from`` is how the article will name it.

    ``date`` overrides the date read from the page. A page that gives no date is dated ``date``,
    else ``import_day`` (None: today in Japan), with a warning saying so. Raises ``ImportFailed``
    with a one-line reason when the page cannot become an article.
    """
    lines, cleaned, report = _read(path, scraped_from, config)
    dating = _Dating(date, import_day or today_in_japan(None))
    parsed = _article(cleaned, report, scraped_from, dating,
                      text_dump=path.suffix.lower() not in HTML_SUFFIXES)
    # Every text as scraped (Markdown escapes undone), walked once for tags, checks and accounting.
    texts = [(field, unescape_markdown(text)) for field, text in iter_text_fields(parsed)]
    article = _finish(parsed, texts, report, config)
    for line in unaccounted_lines(lines, (text for _, text in texts), report):
        report.warn(f"line {line.number} is neither in the article nor dropped by a rule: {line.text}")
    return ImportResult(article, report)


def _read(path: Path, scraped_from: str, config: SiteConfig) -> tuple[list[Line], list[Line], ImportReport]:
    """The page's lines, those left once debris is dropped, and the report so far. A saved page that
    leaves nothing of the family's layout is read again class-blind (``_read_class_blind``)."""
    html = path.suffix.lower() in HTML_SUFFIXES
    try:
        first = _reading(path, scraped_from, config, class_blind=False)
    except ImportFailed:
        if not html or (blind := _read_class_blind(path, scraped_from, config)) is None:
            raise
        return blind
    if html and not _has_layout(first[1]):
        return _read_class_blind(path, scraped_from, config) or first
    if html and _lost_most_prose(first):
        blind = _read_class_blind(path, scraped_from, config)
        if blind is not None and prose_weight(blind[1]) >= FULLER_READING * prose_weight(first[1]):
            return blind
    return first


def _lost_most_prose(reading: tuple[list[Line], list[Line], ImportReport]) -> bool:
    """Whether the article kept less than half the prose the page prints (its sentences, in what the reader
    kept and in what it dropped as chrome): one box taken for chrome may hold the whole article."""
    lines, cleaned, report = reading
    printed = prose_weight(lines) + prose_weight([dropped.line for dropped in report.dropped if dropped.debris])
    return prose_weight(cleaned) * 2 < printed


def _reading(path: Path, scraped_from: str, config: SiteConfig,
             *, class_blind: bool) -> tuple[list[Line], list[Line], ImportReport]:
    report = ImportReport(scraped_from)
    lines = read_page(path, report, import_page_limit(config.limits), class_blind=class_blind)
    if not lines:
        raise ImportFailed(f"{scraped_from}: empty page")
    return lines, strip_debris(read_field_lines(lines, report), report), report


def _has_layout(lines: list[Line]) -> bool:
    return bool(lines) and (is_encyclopedia(lines) or looks_like_digest(lines) or reads_as_encyclopedia(lines))


def _read_class_blind(path: Path, scraped_from: str,
                      config: SiteConfig) -> tuple[list[Line], list[Line], ImportReport] | None:
    """A saved page whose class names hid the text that makes it a page of the family (a page builder
    classing every block as a widget, an ad, a side column): read again with no element chrome by its
    class alone, when that reading has a layout. Refusing it would lose the whole page."""
    try:
        lines, cleaned, report = _reading(path, scraped_from, config, class_blind=True)
    except ImportFailed:
        return None
    if not _has_layout(cleaned):
        return None
    report.warn("the page's class names hid its text (read as site chrome, nothing of the article was left): "
                "read again with no class marking chrome; check for the site's lines left in the article")
    return lines, cleaned, report


@dataclass(frozen=True, slots=True)
class _Dating:
    """The date the editor gave (``--date``), and the day of the import (today in Japan)."""

    given: dt.date | None
    import_day: dt.date

    def article_date(self, found: dt.date | None, looked_for: str, report: ImportReport) -> dt.date:
        """The given date, else the one ``found`` on the page; a page that gives none is still
        imported (refusing it would lose the whole page), dated the given date or the import day,
        with an open warning naming the date used."""
        if found is not None:
            return self.given or found
        if self.given is not None:
            report.warn_first(f"the page gives no date ({looked_for}); dated {self.given.isoformat()} as given "
                        "by --date: check the date")
            return self.given
        report.warn_first(f"the page gives no date ({looked_for}); dated {self.import_day.isoformat()}, the day "
                    "of the import (today in Japan): set date: to the article's own date")
        return self.import_day


def _article(lines: list[Line], report: ImportReport, scraped_from: str, dating: _Dating,
             *, text_dump: bool) -> Article:
    credited = is_encyclopedia(lines)
    digest_like = not credited and looks_like_digest(lines)
    if not digest_like and (credited or reads_as_encyclopedia(lines)):
        encyclopedia = parse_encyclopedia(lines, report)
        page_date = dating.article_date(encyclopedia.date, "no revision 版 or 最終更新 line", report)
        article: Article = EncyclopediaArticle(
            slug="", title=encyclopedia.title, date=page_date,
            attribution=encyclopedia.attribution, lead=encyclopedia.lead, sections=encyclopedia.sections,
            references=encyclopedia.references, scraped_from=scraped_from)
    elif digest_like:
        digest = parse_digest(with_found_cards(lines, report, text_dump=text_dump), report)
        card_dates = [card.published for section in digest.sections for card in section.sources
                      if card.published]
        # The page's own date dropped with its chrome before the cards' dates, which date other articles.
        found = digest.date or chrome_date(lines, report, max(card_dates, default=None)) \
            or max(card_dates, default=None)
        if found is None and dating.given is None:
            found = _newest_mentioned(lines, report)
        article_date = dating.article_date(
            found, "no date line for the article or its cards, such as 公開日:2025/03/19, nor a date in its text",
            report)
        article = DigestArticle(
            slug="", title=digest.title, date=article_date, lead=digest.lead, key_points=digest.key_points,
            intro=digest.intro, sections=digest.sections, outro=digest.outro, conclusion=digest.conclusion,
            scraped_from=scraped_from)
    else:
        raise ImportFailed(f"{scraped_from}: no recognisable layout (neither a digest page with source cards "
                           "(a 'さらに読む … 出典: URL' link line) or question sections, nor a Wikipedia article "
                           "(a source line, a licence statement or footnotes, and a lead opening with the title))")
    return article


def _newest_mentioned(lines: list[Line], report: ImportReport) -> dt.date | None:
    """A page with no date line at all: the newest date its text mentions, with a warning."""
    dates = [found[0] for line in lines if (found := find_date(line.text)) is not None]
    if not dates:
        return None
    report.warn(f"no date line for the article or its cards; dated by the newest date the text mentions "
                f"({max(dates).isoformat()}): check the date")
    return max(dates)


def _finish(article: Article, all_texts: list[tuple[str, str]], report: ImportReport,
            config: SiteConfig) -> Article:
    """Decide tags and slug, and warn about what the scrape damaged."""
    texts = [(field, text) for field, text in all_texts
             if not field.startswith(_NOT_FOR_TAGS) and not field.endswith(_NOT_FOR_TAGS)]
    prominent = (text for field, text in texts if field in ("title", "lead") or field.startswith(_PROMINENT_LISTS)
                 or field.endswith(_PROMINENT_FIELDS))
    tags = suggest_tags((text for _, text in texts), prominent, config.tags)
    for warning in dropped_digit_warnings(texts):
        report.warn(warning)
    slug = make_slug(article.date, article.title, [config.tags[key].en for key in tags])
    return dataclasses.replace(article, slug=slug, tags=tags)
