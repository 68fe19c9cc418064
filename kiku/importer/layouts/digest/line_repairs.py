"""The lines of a digest page mended before its grammar reads them.

The site's masthead above the title is dropped (a date line printed there is the article's, the title printed
there too is the title's); a 'Q.' or
'A：' label printed alone over its line is read into it; a remark glued to a card's URL
('…/15630313停戦交渉の難しさ…') is cut off onto a line of its own; a card's link printed over two
lines is joined. Each mended line is reported, and a guess where a glued URL ends is warned about.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from kiku.importer.grammar.cards.card_link import (
    CardLink,
    is_bare_url,
    is_link_label_alone,
    needs_url,
    read_card_link,
)
from kiku.importer.grammar.cards.card_titles import date_after_title, labelled_publisher_before_title
from kiku.importer.grammar.cards.quoted_citation import quoted_citation
from kiku.importer.grammar.cards.source_names import publisher_line
from kiku.importer.grammar.lines.dates import line_date
from kiku.importer.grammar.lines.qa_labels import LETTER_LINE, label_lines
from kiku.importer.grammar.page.title import list_tag, title_index
from kiku.importer.layouts.labels import fold
from kiku.importer.page import Line
from kiku.importer.report import ImportReport


def mended_lines(lines: list[Line], report: ImportReport) -> list[Line]:
    """The page's lines from its title on, label lines folded, glued and wrapped card links mended."""
    return _without_masthead(_without_label_lines(_citations_over_links(_unglued(lines, report), report), report),
                             report)


def _without_masthead(lines: list[Line], report: ImportReport) -> list[Line]:
    """The lines from the title on; the site's name and tagline above it are debris (a date line
    printed above the title is the article's)."""
    start = title_index([line.text for line in lines],
                        frozenset(index for index, line in enumerate(lines) if line.heading),
                        next((index for index, line in enumerate(lines) if line.title), None))
    kept = []
    title = fold(lines[start].text) if start < len(lines) else None
    tag = list_tag(lines[start].text) if start < len(lines) else None
    if tag is not None:
        report.trim(lines[start], "list-tag", tag, "title")
        lines = [*lines[:start], replace(lines[start], text=lines[start].text.strip()[len(tag):].strip()),
                 *lines[start + 1:]]
    for line in lines[:start]:
        if fold(line.text) == title:
            report.consume(line, "repeated-title")  # printed above it too (a contents' entry): the title's text
        elif line_date(line.text) is None:
            report.drop(line, "masthead")
        else:
            kept.append(line)
    return kept + lines[start:]


def _citations_over_links(lines: list[Line], report: ImportReport) -> list[Line]:
    """A page that prints each card's link first, naming nothing ('参照 → https://…', a bare URL), and the card's
    citation under it (its title, publisher and date: '「title」（name／date）'), read as the citation over its
    link, the order the grammar reads a card in. Only where the page never prints a citation over such a
    link: there the citation under a link is the next card's."""
    bare = [index for index, line in enumerate(lines) if _names_nothing(line.text)]
    below = [index for index in bare if index + 1 < len(lines) and _is_citation(lines[index + 1].text)]
    if not below or any(index > 0 and _is_citation(lines[index - 1].text) for index in bare):
        return lines
    mended = list(lines)
    for index in below:
        mended[index], mended[index + 1] = lines[index + 1], lines[index]
        report.warn(f"line {lines[index].number}: a card's link printed over its citation (line "
                    f"{lines[index + 1].number}): read as the citation's link")
    return mended


def _names_nothing(text: str) -> bool:
    """A card's link line with its URL and nothing else: no publisher, title, date or remark."""
    link = read_card_link(text)
    return (link is not None and link.url is not None and link.publisher is None and link.title is None
            and link.published is None and not link.glued_text and not link.more)


def _is_citation(text: str) -> bool:
    """A card's citation on one line: its title in quotation brackets, its publisher and date in a bracket."""
    cited = quoted_citation(text)
    if cited is not None:
        return cited.published is not None
    dated = date_after_title(text)
    return dated is not None and _NAME_BESIDE_DATE.fullmatch(_DATE_IN_BRACKET.sub("", dated[1])) is not None


# The bracket after a headline naming its source beside the date: '（name・2025年9月1日付）'.
_DATE_IN_BRACKET = re.compile(r"[0-9０-９]{4}\s*[年/.\-]\s*[0-9０-９]{1,2}\s*[月/.\-]\s*[0-9０-９]{1,2}\s*日?\s*付?")
_NAME_BESIDE_DATE = re.compile(r"[（(]\s*[^\s（）()。、！？!?]{2,20}?\s*[・、,，/／|｜\s]\s*[）)]")


def _without_label_lines(lines: list[Line], report: ImportReport) -> list[Line]:
    """The lines without a question's or answer's label printed alone over its line ('Q.' over
    the question, 'A：' over the answer): the line after it is what it labels, told by its place. A word label
    ('〔たずね〕' over the question, '〔こたえ〕' over the answer, section after section) is read into its line, set
    before the text as the page prints a label on the line itself: the pair of labels tells the question."""
    kept: list[Line] = []
    worded = {index for index in label_lines([line.text for line in lines])
              if not LETTER_LINE.fullmatch(lines[index].text)}
    for index, line in enumerate(lines):
        if LETTER_LINE.fullmatch(line.text) and index + 1 < len(lines):
            report.consume(line, "qa-label")
        elif index - 1 in worded:
            kept.append(Line(line.number, f"{lines[index - 1].text.strip()} {line.text}"))
        elif index in worded:
            report.consume(line, "qa-label")
        else:
            kept.append(line)
    return kept


def _unglued(lines: list[Line], report: ImportReport) -> list[Line]:
    """The lines with a remark glued to a card's URL ("…/15630313停戦交渉の難しさ…") as a line of
    its own, so the grammar reads it where it stands: the first remark after the card."""
    unglued: list[Line] = []
    joined = _with_wrapped_urls(lines, report)
    for line in joined:
        link = read_card_link(line.text)
        if link is not None and link.guessed_digits:
            link = _count_the_page_says(link, [other.text for other in joined if other is not line])
            report.warn(_guessed_split_warning(line.number, link))
        if link is not None and link.glued_text and line.text.endswith(link.glued_text):
            scraped = line.scraped if isinstance(line, GluedLink) else line
            unglued.append(GluedLink(line.number, line.text[:-len(link.glued_text)].rstrip(), scraped))
            unglued.append(Line(line.number, link.glued_text))
        else:
            unglued.append(line)
    return unglued


def _count_the_page_says(link: CardLink, texts: list[str]) -> CardLink:
    """A guessed split between a URL's last digits and the count its glued remark opens with, moved to fewer
    digits when the page says that shorter count elsewhere and never the longer one ('…/ind12回目の…' beside
    '2回目に134メートル': '…/ind1' and '2回目の…'): the page's own words tell where the URL ended."""
    digits, glued = link.guessed_digits or "", link.glued_text
    word = glued[len(digits):len(digits) + _COUNT_WORD]
    if link.url is None or len(digits) < 2 or not word or word[0].isdigit() or _says(texts, digits + word):
        return link
    for size in range(len(digits) - 1, 0, -1):
        number = digits[-size:]
        if number[0] != "0" and _says(texts, number + word):
            return replace(link, url=link.url + digits[:-size], glued_text=glued[len(digits) - size:],
                           guessed_digits=number)
    return link


# How much of the remark after the count's number names what it counts ('回目', '時間').
_COUNT_WORD = 2


def _says(texts: list[str], count: str) -> bool:
    """Whether a line says ``count`` with no digit glued before its number."""
    pattern = re.compile(rf"(?<![0-9０-９]){re.escape(count)}")
    return any(pattern.search(text) for text in texts)


def _with_wrapped_urls(lines: list[Line], report: ImportReport) -> list[Line]:
    """A card's link printed over two lines, joined: a link line that ends in its label ('… 出典/画像元:'),
    or a source line naming the publisher behind its label ('出典:NHK(2025年4月10日)'), with the URL
    printed alone on the next line (the URL's line is reported as read into the card),
    and a link's opening printed alone ('元記事を読む') with the line naming the source and its URL
    (the opening's line is reported so)."""
    joined: list[Line] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        after = lines[index + 1] if index + 1 < len(lines) else None
        if after is not None and is_bare_url(after.text) and (needs_url(read_card_link(line.text), line.text)
                                                              or _is_source_line(line.text)):
            report.consume(after, "read-more-link-url")
            joined.append(GluedLink(line.number, f"{line.text} {after.text}", line))
            index += 2
            continue
        if after is not None and is_link_label_alone(line.text) and _carries_url(after.text):
            report.consume(line, "read-more-link-label")
            joined.append(GluedLink(after.number, f"{line.text} {after.text}", after))
            index += 2
            continue
        joined.append(line)
        index += 1
    return joined


def _is_source_line(text: str) -> bool:
    """A source label and the publisher (and its date), no title after the name: '出典:NHK(2025年4月10日)'.
    ('引用元：気象庁　title（date）' over its URL is a card's title line, read as such.)"""
    return publisher_line(text) is not None and labelled_publisher_before_title(_undated(text)) is None


def _undated(text: str) -> str:
    dated = date_after_title(text)
    return dated[0] if dated is not None else text


def _carries_url(text: str) -> bool:
    link = read_card_link(text)
    return link is not None and link.url is not None


@dataclass(frozen=True, slots=True)
class GluedLink(Line):
    """A card's link line without the remark glued to it; ``scraped`` is the line as printed."""

    scraped: Line



def _guessed_split_warning(number: int, link: CardLink) -> str:
    """Where the URL glued to a remark ends was a choice: say which line, what was chosen and why."""
    digits = link.guessed_digits or ""
    if link.url is not None and link.url.endswith("/"):
        return (f"line {number}: the text glued to the URL starts with a number; '{digits}' was "
                f"read as its number ({link.glued_text[:12]}…), not as the URL's last path segment "
                f"({link.url}): check both")
    ending = "last digit" if len(digits) == 1 else "last digits"
    return (f"line {number}: the text glued to the URL starts with a count; '{digits}' was read as "
            f"its number ({link.glued_text[:12]}…), not as the URL's {ending} ({link.url}): check both")

