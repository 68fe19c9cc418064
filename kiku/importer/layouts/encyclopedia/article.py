"""The encyclopedia layout: a Wikipedia article, as a dictionary site wraps it or as a plain dump.

    [site chrome] · title · 出典: フリー百科事典『ウィキペディア（Wikipedia）』 [(REVISION 版)]
    lead paragraphs · (heading[編集]? · paragraphs)* · 脚注 · "[N.] ^ [a b] reference" lines
    [trailer: 最終更新 date, the licence statement, site chrome]

Labels are matched in their full-width and half-width forms; the text is kept as printed.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from urllib.parse import quote

from kiku.content.model import Attribution, EncyclopediaSection, Reference
from kiku.importer.layouts.encyclopedia.head import (
    MAX_FRAME_FIELDS,
    copied_title_at,
    source_and_title,
    source_line,
    title_text,
)
from kiku.importer.layouts.encyclopedia.infobox import after_infobox, infobox_rows
from kiku.importer.layouts.encyclopedia.numbering import without_section_numbers
from kiku.importer.layouts.encyclopedia.references import read_references
from kiku.importer.layouts.encyclopedia.sections import (
    DIGIT,
    LAST_EDITED,
    is_end_heading,
    is_references_heading,
    matched_date,
    read_body,
    without_back_matter,
)
from kiku.importer.layouts.encyclopedia.trailer import read_trailer, trailer_start, unstated_license
from kiku.importer.page import Line
from kiku.importer.report import ImportReport

ACCESSED = re.compile(
    rf"(?P<year>{DIGIT}{{4}})\s*年\s*(?P<month>{DIGIT}{{1,2}})\s*月\s*(?P<day>{DIGIT}{{1,2}})\s*日\s*閲覧"
)


@dataclass(frozen=True, slots=True)
class EncyclopediaParts:
    title: str
    # None when the page states no date (no revision, no 最終更新 line).
    date: dt.date | None
    lead: str | None
    sections: tuple[EncyclopediaSection, ...]
    references: tuple[Reference, ...]
    attribution: Attribution


def _over_infobox(lines: list[Line], at: int, report: ImportReport) -> bool:
    """Whether ``lines[at]`` stands over an infobox's rows: kept, or dropped as the infobox already (the
    page's next line)."""
    if infobox_rows(lines, at + 1):
        return True
    following = lines[at].number + 1
    return any(item.rule == "infobox" and item.line.number == following for item in report.dropped)


def _without_head_dates(lines: list[Line], report: ImportReport) -> tuple[list[Line], dt.date | None]:
    """The lines without a mirror's '最終更新 …' date line printed next to the source line (above or
    under it), or next to the title when the page prints no source line, and that date."""
    head_index = next((i for i, line in enumerate(lines) if source_line(line.text)), None)
    if head_index is None:
        head_index = copied_title_at(lines)
    if head_index is None:
        return lines, None
    window = range(max(0, head_index - MAX_FRAME_FIELDS), min(len(lines), head_index + HEAD_DATE_BELOW + 1))
    edited = {index: found for index in window
              if index != head_index and len(lines[index].text) <= MAX_HEAD_DATE_LINE
              and (found := LAST_EDITED.search(lines[index].text)) is not None}
    for index in edited:
        # The site's line (dropped as its frame, as in ``read_body``), whose date still dates the page.
        report.drop(lines[index], "wikipedia-last-edited")
    dates = [matched_date(found) for found in edited.values()]
    return [line for index, line in enumerate(lines) if index not in edited], next(iter(dates), None)


# A mirror's last-edited line next to the source line: at most this long, at most this far under it.
MAX_HEAD_DATE_LINE = 60
HEAD_DATE_BELOW = 2


def parse_encyclopedia(lines: list[Line], report: ImportReport) -> EncyclopediaParts:
    lines, head_date = _without_head_dates(lines, report)
    title_at, body_at, source = source_and_title(lines, report)
    title = title_text(lines[title_at].text)
    repeated = body_at < len(lines) and title_text(lines[body_at].text) == title
    if repeated and not _over_infobox(lines, body_at, report):
        # The article's own title printed again over its lead (not a section heading): it is the
        # article's, and the one above the source line is the site's entry header.
        report.drop(lines[title_at], "dictionary-header")
        report.consume(lines[body_at], "repeated-title", "title")
        body_at += 1
    else:
        if repeated:  # over an infobox's rows, it is the infobox's caption
            report.consume(lines[body_at], "infobox-caption")
            body_at += 1
        if title != lines[title_at].text.strip():
            report.consume(lines[title_at], "encyclopedia-title", "title")
    body_at = after_infobox(lines, body_at, report)
    source_index = body_at - 1
    lines = lines[:source_index + 1] + without_section_numbers(lines[source_index + 1:], report)
    revision = source["revision"] if source else None

    references_at = next((i for i in range(source_index + 1, len(lines))
                          if is_references_heading(lines[i].text)), len(lines))
    lead, body_sections = read_body(lines[source_index + 1:references_at], report)
    sections = list(body_sections)
    references: list[Reference] = []
    trailer_at = references_at + 1
    if references_at < len(lines):
        report.consume(lines[references_at], "references-heading")
        references, trailer_at = read_references(lines, trailer_at, report, is_heading=is_references_heading)
    if trailer_at < len(lines) and is_end_heading(lines[trailer_at].text):
        # Sections after the footnotes (外部リンク, 参考文献) run until the licence or date lines.
        end = trailer_start(lines, trailer_at)
        back = without_back_matter(lines[trailer_at:end], report)
        sections += read_body(back, report, first_section=len(sections))[1]
        trailer_at = end
    trailer = read_trailer(lines[trailer_at:], report, dated=revision is not None)
    license_name, license_url = trailer.license or unstated_license(report)
    attribution = Attribution(
        source="Wikipedia", title=title, url="https://ja.wikipedia.org/wiki/" + quote(title.replace(" ", "_")),
        license=license_name, revision=revision.strip() if revision else None,
        license_url=license_url, notice=trailer.notice)
    edited = LAST_EDITED.search(source["after"] or "") if source else None
    date = (matched_date(source) if source and revision else matched_date(edited) if edited
            else head_date or trailer.date)
    if date is None:
        date = _accessed_date(references, report)
    return EncyclopediaParts(title, date, lead, tuple(sections), tuple(references), attribution)


def _accessed_date(references: list[Reference], report: ImportReport) -> dt.date | None:
    """The newest date a reference was read on ('2025年2月5日閲覧'): the page is at least that recent."""
    dates = [date for reference in references for match in ACCESSED.finditer(reference.text)
             if (date := matched_date(match)) is not None]
    if not dates:
        return None
    report.warn(f"no revision or last-edited date on the page; dated by its newest reference access date "
                f"({max(dates).isoformat()}): check the date")
    return max(dates)

