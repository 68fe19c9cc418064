"""The encyclopedia layout: a Wikipedia article, as a dictionary site wraps it or as a plain dump.

    [site chrome] · title · 出典: フリー百科事典『ウィキペディア（Wikipedia）』 [(REVISION 版)]
    lead paragraphs · (heading[編集]? · paragraphs)* · 脚注 · "[N.] ^ [a b] reference" lines
    [trailer: 最終更新 date, the licence statement, site chrome]

Labels are matched in their full-width and half-width forms; the text is kept as printed.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from urllib.parse import quote

from kiku.content.model import Attribution, EncyclopediaSection, Reference
from kiku.importer.layouts.encyclopedia.infobox import after_infobox, infobox_rows
from kiku.importer.layouts.encyclopedia.references import read_references
from kiku.importer.layouts.encyclopedia.sections import (
    LAST_EDITED,
    heading_text,
    is_end_heading,
    read_body,
    without_back_matter,
)
from kiku.importer.page import ImportFailed, Line
from kiku.importer.report import ImportReport

_DIGIT = "[0-9０-９]"
# "出典: フリー百科事典『ウィキペディア（Wikipedia）』" and what a mirror prints after it: the
# revision "(2025/03/21 04:36 UTC 版)" or "（2025年5月30日 11:02 版）", or the last-edited date
# "最終更新 2025年4月2日 (水) 09:12 UTC" (a revision may print its weekday so too: "2025年11月3日 (月)
# 02:40 UTC 版"), or the day the mirror copied it "｜最終取得 2025年8月30日 11:02";
# the whole line may stand in brackets: "（出典: 『ウィキペディア (Wikipedia)』 2025/04/18 22:41 UTC 版）".
# The label may be 提供 or 引用元, and the encyclopedia's name may come before "フリー百科事典":
# "提供：ウィキペディア フリー百科事典（2025年8月3日 06:41 UTC 版）". With no label, the name is followed by
# "from" and maybe the verb: "ウィキペディア（Wikipedia）より転載（2025年9月2日 08:14 UTC の版）".
SOURCE_LINE = re.compile(
    r"^(?:[（(]\s*)?(?P<label>(?:出典|提供|引用元?|出所)\s*[:：]\s*)?(?:フリー百科事典\s*)?[『「]?\s*"
    r"(?:ウィキペディア|Wikipedia)\s*"
    r"(?:[（(]\s*(?:Wikipedia|ウィキペディア)\s*[)）])?\s*[』」]?\s*(?:フリー百科事典\s*)?"
    r"(?(label)|(?:より|から)\s*(?:転載|引用|抜粋)?\s*)"
    rf"(?:[(（]?\s*(?P<revision>(?P<year>{_DIGIT}{{4}})\s*(?:[/／]|年)\s*(?P<month>{_DIGIT}{{1,2}})\s*(?:[/／]|月)\s*"
    rf"(?P<day>{_DIGIT}{{1,2}})(?:[(（][月火水木金土日][)）]|[^)）])*?)\s*(?:の\s*)?版\s*[)）]?)?"
    r"\s*(?P<after>[(（]?\s*(?:[|｜]\s*)?(?:最終更新|更新|最終取得|取得日|Last edited).*)?"
    r"\s*[)）]?$"
)
REFERENCES_HEADING = re.compile(r"^(?:脚注|出典|注釈|参考文献|参照|注|脚注・出典)$")
ACCESSED = re.compile(
    rf"(?P<year>{_DIGIT}{{4}})\s*年\s*(?P<month>{_DIGIT}{{1,2}})\s*月\s*(?P<day>{_DIGIT}{{1,2}})\s*日\s*閲覧"
)
# (words that name the licence in the statement, the licence's name, its text)
LICENSES: tuple[tuple[str, str, str], ...] = (
    ("GNU Free Documentation License", "GNU Free Documentation License", "https://www.gnu.org/licenses/fdl-1.3.html"),
    ("Creative Commons Attribution-ShareAlike", "Creative Commons Attribution-ShareAlike",
     "https://creativecommons.org/licenses/by-sa/4.0/"),
    ("クリエイティブ・コモンズ 表示-継承", "Creative Commons Attribution-ShareAlike",
     "https://creativecommons.org/licenses/by-sa/4.0/deed.ja"),
    # The licences' short names: 'CC BY-SA 4.0 および GFDL のもとで'.
    ("CC BY-SA", "Creative Commons Attribution-ShareAlike", "https://creativecommons.org/licenses/by-sa/4.0/"),
    ("CC-BY-SA", "Creative Commons Attribution-ShareAlike", "https://creativecommons.org/licenses/by-sa/4.0/"),
    ("GFDL", "GNU Free Documentation License", "https://www.gnu.org/licenses/fdl-1.3.html"),
)
WIKIPEDIA_COPY = re.compile(r"ウィキペディアの(?P<title>.+?)\s*[(（]改訂履歴[)）]\s*の記事")
# A licence line naming the article it copies in brackets: '出典：Wikipedia「桜島」 このページの文章は
# GNU Free Documentation License…', '本文はウィキペディア日本語版「マイナ保険証」…'. Only with a
# licence named on the same line does it name the page's article (a digest may quote Wikipedia).
WIKIPEDIA_NAMED = re.compile(
    r"(?:ウィキペディア|Wikipedia)(?:\s*日本語版)?(?:\s*の)?(?:\s*(?:article|記事))?\s*[「『\"“](?P<title>[^」』\"”]{1,60})[」』\"”]")
# A dictionary frame's entry header naming Wikipedia: 'ウィキペディア（Wikipedia） の解説', 'Wikipedia より'.
# A handover sentence may end in a full stop: '以下はウィキペディア（Wikipedia）の記事からの引用です。'.
WIKIPEDIA_ENTRY_HEADER = re.compile(r"^[^。]{0,20}(?:ウィキペディア|Wikipedia)[^。]{0,20}。?$")
# What a dictionary site appends to the title it prints: "JASM（Wikipedia）", "JASM - ウィキペディア".
_NAME = r"(?:Wikipedia|ウィキペディア)"
TITLE_SUFFIX = re.compile(rf"\s*(?:[（(]\s*{_NAME}\s*[)）]|[-－–|｜]\s*{_NAME})\s*$")
# A title printed under the source line: short, not a sentence.
MAX_TITLE_LENGTH = 60


@dataclass(frozen=True, slots=True)
class EncyclopediaParts:
    title: str
    # None when the page states no date (no revision, no 最終更新 line).
    date: dt.date | None
    lead: str | None
    sections: tuple[EncyclopediaSection, ...]
    references: tuple[Reference, ...]
    attribution: Attribution


def _source_line(text: str) -> re.Match[str] | None:
    return SOURCE_LINE.match(text.strip())


def is_encyclopedia(lines: list[Line]) -> bool:
    return any(_source_line(line.text) for line in lines) or _copied_title_at(lines) is not None


def _copied_title_at(lines: list[Line]) -> int | None:
    """Without a source line: the line that is the title named by the page's copy statement
    ('この記事は、ウィキペディアの<title> (改訂履歴) の記事を…', '出典：Wikipedia「<title>」…GFDL…'),
    when the page prints it. Where other dictionaries' entries print it too, the one under a line
    naming Wikipedia (the frame's 'ウィキペディア（Wikipedia） の解説') heads the article."""
    title = next((named for line in lines if (named := _statement_title(line.text))), None)
    if title is None:
        return None
    printed = [index for index, line in enumerate(lines) if line.text.strip() == title]
    under_wikipedia = [index for index in printed
                       if index > 0 and WIKIPEDIA_ENTRY_HEADER.match(lines[index - 1].text.strip())]
    return next(iter(under_wikipedia or printed), None)


def _statement_title(text: str) -> str | None:
    """The article title a licence statement names, or None when ``text`` is not one."""
    copies = WIKIPEDIA_COPY.search(text)
    if copies:
        return copies["title"].strip().strip("「」『』")
    named = WIKIPEDIA_NAMED.search(text)
    if named and any(words in text for words, _, _ in LICENSES):
        return named["title"].strip()
    return None


def _source_and_title(lines: list[Line], report: ImportReport) -> tuple[int, int, re.Match[str] | None]:
    """The title's index, where the article starts (the index of its first body line) and the
    source line's match."""
    source_index = next((i for i, line in enumerate(lines) if _source_line(line.text)), None)
    if source_index is None:
        title_at = _copied_title_at(lines)
        assert title_at is not None  # is_encyclopedia
        report.warn(f"no 'フリー百科事典『ウィキペディア』' line; the title is the one the licence statement names "
                    f"(line {lines[title_at].number})")
        report.drop_all(lines[:title_at], "dictionary-header")
        return title_at, _body_start(lines, title_at, report), None
    source = _source_line(lines[source_index].text)
    assert source is not None
    report.consume(lines[source_index], "wikipedia-revision" if source["revision"] else "wikipedia-source",
                   "attribution.revision, date" if source["revision"] else "attribution.source")
    if source_index > 0:
        # The title is the line above the source line, or the heading a saved page marks up a few
        # lines above it (a frame's fields such as '読み方：…' may stand between).
        marked = [index for index in range(max(0, source_index - MAX_FRAME_FIELDS), source_index)
                  if lines[index].heading]
        title_at = marked[-1] if marked else _above_frame_fields(lines, source_index)
        report.drop_all(lines[:title_at] + lines[title_at + 1:source_index], "dictionary-header")
        return title_at, source_index + 1, source
    # Nothing above the source line (a mirror printing it before its <h1>): the title is the line
    # under it when that line is title-like, else the one the licence statement names.
    below = source_index + 1
    if below < len(lines) and _is_title_like(lines[below].text):
        return below, below + 1, source
    title_at = _copied_title_at(lines)
    if title_at is None:
        raise ImportFailed("no article title: looked above and below the 'フリー百科事典『ウィキペディア』' line "
                           "and for the title the licence statement names ('ウィキペディアの<title> (改訂履歴)')")
    report.drop_all(lines[below:title_at], "dictionary-header")
    return title_at, title_at + 1, source


# A dictionary frame's field printed between its headword and the source line: a short label, a
# colon and its value ('読み：しらかわごう', '品詞：名詞', '分野: 地理').
FRAME_FIELD = re.compile(r"^[\u3040-\u30ff\u4e00-\u9fff]{1,5}\s*[:：]\s*\S")


def _above_frame_fields(lines: list[Line], source_index: int) -> int:
    """The line above the source line, or, when the frame prints its fields there, the line above
    them: the headword the fields describe."""
    lowest = max(0, source_index - MAX_FRAME_FIELDS)
    at = source_index - 1
    while at > lowest and FRAME_FIELD.match(lines[at].text.strip()):
        at -= 1
    return source_index - 1 if FRAME_FIELD.match(lines[at].text.strip()) else at


# How far under the title a frame's own fields (reading, field, glosses) may run before its
# line handing over to the quoted article ('― 以下、ウィキペディア（Wikipedia）より ―').
MAX_FRAME_FIELDS = 8


def _body_start(lines: list[Line], title_at: int, report: ImportReport) -> int:
    """Where the article's text starts under its title: after a line naming Wikipedia that
    hands over to it, when one stands a few lines down (the lines between are the frame's)."""
    window = range(title_at + 1, min(len(lines), title_at + 1 + MAX_FRAME_FIELDS))
    handover = next((index for index in window if WIKIPEDIA_ENTRY_HEADER.match(lines[index].text.strip())), None)
    if handover is None:
        return title_at + 1
    report.drop_all(lines[title_at + 1:handover + 1], "dictionary-header")
    return handover + 1


def _over_infobox(lines: list[Line], at: int, report: ImportReport) -> bool:
    """Whether ``lines[at]`` stands over an infobox's rows: kept, or dropped as the infobox already (the
    page's next line)."""
    if infobox_rows(lines, at + 1):
        return True
    following = lines[at].number + 1
    return any(item.rule == "infobox" and item.line.number == following for item in report.dropped)


def _is_title_like(text: str) -> bool:
    stripped = text.strip()
    return 0 < len(stripped) <= MAX_TITLE_LENGTH and not stripped.endswith(("。", "．", "."))


def _title_text(text: str) -> str:
    """The title without the encyclopedia's name a dictionary site appends to it."""
    return TITLE_SUFFIX.sub("", text.strip()) or text.strip()


def _without_head_dates(lines: list[Line], report: ImportReport) -> tuple[list[Line], dt.date | None]:
    """The lines without a mirror's '最終更新 …' date line printed next to the source line (above or
    under it), or next to the title when the page prints no source line, and that date."""
    head_index = next((i for i, line in enumerate(lines) if _source_line(line.text)), None)
    if head_index is None:
        head_index = _copied_title_at(lines)
    if head_index is None:
        return lines, None
    window = range(max(0, head_index - MAX_FRAME_FIELDS), min(len(lines), head_index + HEAD_DATE_BELOW + 1))
    edited = {index: found for index in window
              if index != head_index and len(lines[index].text) <= MAX_HEAD_DATE_LINE
              and (found := LAST_EDITED.search(lines[index].text)) is not None}
    for index in edited:
        # The site's line (dropped as its frame, as in ``read_body``), whose date still dates the page.
        report.drop(lines[index], "wikipedia-last-edited")
    dates = [_date(found) for found in edited.values()]
    return [line for index, line in enumerate(lines) if index not in edited], next(iter(dates), None)


# A mirror's last-edited line next to the source line: at most this long, at most this far under it.
MAX_HEAD_DATE_LINE = 60
HEAD_DATE_BELOW = 2


def parse_encyclopedia(lines: list[Line], report: ImportReport) -> EncyclopediaParts:
    lines, head_date = _without_head_dates(lines, report)
    title_at, body_at, source = _source_and_title(lines, report)
    title = _title_text(lines[title_at].text)
    repeated = body_at < len(lines) and _title_text(lines[body_at].text) == title
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
    revision = source["revision"] if source else None

    references_at = next((i for i in range(source_index + 1, len(lines))
                          if REFERENCES_HEADING.match(heading_text(lines[i].text))), len(lines))
    lead, body_sections = read_body(lines[source_index + 1:references_at], report)
    sections = list(body_sections)
    references: list[Reference] = []
    trailer_at = references_at + 1
    if references_at < len(lines):
        report.consume(lines[references_at], "references-heading")
        references, trailer_at = read_references(lines, trailer_at, report, is_heading=_is_references_heading)
    if trailer_at < len(lines) and is_end_heading(lines[trailer_at].text):
        # Sections after the footnotes (外部リンク, 参考文献) run until the licence or date lines.
        end = next((i for i in range(trailer_at, len(lines)) if _starts_trailer(lines[i].text)), len(lines))
        back = without_back_matter(lines[trailer_at:end], report)
        sections += read_body(back, report, first_section=len(sections))[1]
        trailer_at = end
    trailer = _trailer(lines[trailer_at:], report, dated=revision is not None)
    license_name, license_url = trailer.license or _unstated_license(report)
    attribution = Attribution(
        source="Wikipedia", title=title, url="https://ja.wikipedia.org/wiki/" + quote(title.replace(" ", "_")),
        license=license_name, revision=revision.strip() if revision else None,
        license_url=license_url, notice=trailer.notice)
    edited = LAST_EDITED.search(source["after"] or "") if source else None
    date = _date(source) if source and revision else _date(edited) if edited else head_date or trailer.date
    if date is None:
        date = _accessed_date(references, report)
    return EncyclopediaParts(title, date, lead, tuple(sections), tuple(references), attribution)


def _is_references_heading(text: str) -> bool:
    return REFERENCES_HEADING.match(heading_text(text)) is not None


def _accessed_date(references: list[Reference], report: ImportReport) -> dt.date | None:
    """The newest date a reference was read on ('2025年2月5日閲覧'): the page is at least that recent."""
    dates = [date for reference in references for match in ACCESSED.finditer(reference.text)
             if (date := _date(match)) is not None]
    if not dates:
        return None
    report.warn(f"no revision or last-edited date on the page; dated by its newest reference access date "
                f"({max(dates).isoformat()}): check the date")
    return max(dates)


def _date(match: re.Match[str]) -> dt.date | None:
    year, month, day = (int(unicodedata.normalize("NFKC", match[name])) for name in ("year", "month", "day"))
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _starts_trailer(text: str) -> bool:
    return (any(words in text for words, _, _ in LICENSES) or _statement_title(text) is not None
            or LAST_EDITED.search(text) is not None)


@dataclass(frozen=True, slots=True)
class _Trailer:
    license: tuple[str, str] | None
    date: dt.date | None
    # The licence statement as the page prints it.
    notice: str | None


def _trailer(lines: list[Line], report: ImportReport, *, dated: bool) -> _Trailer:
    """Find the licence and the last-edited date in the page's trailer; the rest is chrome."""
    license_found: tuple[str, str] | None = None
    # The page's statement that it copies the Wikipedia article, else its first line naming a licence.
    copy_notice: str | None = None
    license_notice: str | None = None
    date = None
    # Beside a statement naming the article, a line naming a licence and no article ('All text is
    # available under the terms of the GNU Free Documentation License.') is the site's footer.
    names_article = any(_statement_title(line.text) for line in lines)
    for line in lines:
        named = next(((name, url) for words, name, url in LICENSES if words in line.text), None)
        edited = LAST_EDITED.search(line.text)
        copies = _statement_title(line.text)
        if named and names_article and not copies:
            report.drop(line, "site-license-footer")
            continue
        if copies:
            # The licence line is kept word for word, as the page prints it: a sentence the site
            # adds on the same line ('…の記事も、全てGNU Free Documentation Licenseの元に…') is
            # part of the statement the article must carry.
            copy_notice = copy_notice or line.text
        if named:
            license_found = license_found or named
            license_notice = license_notice or line.text
            report.consume(line, "license-statement", "attribution.license, attribution.notice")
        elif copies:
            report.consume(line, "license-statement", "attribution.notice")
        elif edited and not dated:
            date = date or _date(edited)
            report.consume(line, "wikipedia-last-edited", "date")
        else:
            report.drop(line, "dictionary-trailer")
    return _Trailer(license_found, date, copy_notice or license_notice)


def _unstated_license(report: ImportReport) -> tuple[str, str]:
    report.warn("no licence statement found; Wikipedia text is under CC BY-SA and GFDL: set attribution.license")
    return "GNU Free Documentation License", "https://www.gnu.org/licenses/fdl-1.3.html"
