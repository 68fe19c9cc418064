"""An encyclopedia mirror's article body: its headings (told by Wikipedia's edit links, by markup,
or by shape), the lead and sections under them, and the back matter (関連項目, 外部リンク) that
is the page's structure but not a section."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from kiku.content.model import EncyclopediaSection
from kiku.importer.finishing.escape import escape_markdown
from kiku.importer.page import Line
from kiku.importer.report import ImportReport

DIGIT = "[0-9０-９]"
# Wikipedia's own footer: "最終更新 2025年5月3日 (土) 09:12" or "このページの最終更新日時は 2025年5月3日 …";
# a mirror labels it as a field ('最終更新日時：…', '最終更新日: …'), after its edit link or not.
LAST_EDITED = re.compile(
    rf"最終更新(?:日時|日)?は?\s*[:：]?\s*(?P<year>{DIGIT}{{4}})\s*年\s*(?P<month>{DIGIT}{{1,2}})\s*月\s*(?P<day>{DIGIT}{{1,2}})\s*日"
)


def matched_date(match: re.Match[str]) -> dt.date | None:
    """The date a pattern's year, month and day groups name, or None when there is no such day."""
    year, month, day = (int(unicodedata.normalize("NFKC", match[name])) for name in ("year", "month", "day"))
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


# A mirror's last-edited line printed above the article is short (a sentence naming a date is text).
MAX_DATE_LINE = 60
# Sections Wikipedia prints after the footnotes.
END_SECTION_HEADING = re.compile(r"^(?:外部リンク|関連項目|参考文献|関連文献|関連書籍|外部サイト)$")
_LATIN_NAME = re.compile(r"^[A-Za-z][A-Za-z0-9 .,'&\-]*$")
# The footnotes' heading: one of Wikipedia's names for them, or several joined ('注釈・出典', '脚注と出典',
# '出典／参考文献').
_REFERENCES_WORD = "(?:脚注|出典|注釈|参考文献|引用文献|参考資料|参照|注記|注)"
REFERENCES_HEADING = re.compile(rf"^{_REFERENCES_WORD}(?:\s*(?:[・、,，/／&＆]|および|及び|と)\s*{_REFERENCES_WORD})*$")
BACK_MATTER_HEADING = re.compile(r"^(?:外部リンク|関連項目|外部サイト)$")
# Wikipedia's edit link printed after a heading: "歴史[編集]", "歴史 [ソースを編集]", what it edits perhaps named
# before を ('歴史　［この見出しを編集］').
# No leading \s*: searched at every position, it would rescan a long run of spaces each time.
# Any short toggle word in brackets marks a heading the same way: '地理 [表示]', '歴史 [hide]'.
# A mirror may print the edit link as its icon alone, a pencil or a pen, after the heading: '歴史 ✎', '地理🖉',
# after a space or two of any width ('概要　 ✎'), perhaps with the edit word after it ('歴史　✎編集').
_EDIT_ICON = "\u270e-\u2712\U0001f4dd\U0001f589-\U0001f58d"
# The brackets may be of any shape, half- or full-width: '歴史〔編集〕', '歴史（編集）'. Round brackets also
# hold a heading's reading or gloss ('狩野川（かのがわ）'), so in them only the edit word itself counts.
EDIT_LINK = re.compile(
    r"[\[［〔]\s*(?:[^\]］〕\s\d|｜を]{1,8}を)?(?:編集|[^\]］〕\s\d|｜]{1,6}?)(?:\s*\|\s*(?:ソースを)?編集)?\s*[\]］〕]\s*$"
    r"|[(（]\s*(?:ソースを)?編集(?:\s*[|｜]\s*(?:ソースを)?編集)?\s*[)）]\s*$"
    rf"|(?<=\S)\s{{0,3}}[{_EDIT_ICON}]\ufe0f?\s*(?:(?:ソースを)?編集)?\s*$")
# A heading is a short line; its edit link stands within this many characters of the line's start.
MAX_HEADING_LENGTH = 30


def heading_text(text: str) -> str:
    return EDIT_LINK.sub("", text).rstrip() if has_edit_link(text) else text


def has_edit_link(text: str) -> bool:
    """A heading's edit link or toggle: a bracketed word after a short line that is no sentence
    (a body sentence may end in an inline tag such as '[要出典]')."""
    found = EDIT_LINK.search(text)
    return found is not None and found.start() <= MAX_HEADING_LENGTH and not re.search(r"[。．]", text[:found.start()])


def is_references_heading(text: str) -> bool:
    return REFERENCES_HEADING.match(heading_text(text)) is not None


def is_end_heading(text: str) -> bool:
    return has_edit_link(text) or END_SECTION_HEADING.match(heading_text(text)) is not None


def without_back_matter(lines: list[Line], report: ImportReport) -> list[Line]:
    """The sections after the footnotes less the lists of links to elsewhere (関連項目, 外部リンク):
    the article's attribution links to its Wikipedia page, which has them. They are the page's
    structure, not the site's chrome: reported as read, not as dropped."""
    kept: list[Line] = []
    in_back_matter = False
    for line in lines:
        in_back_matter = _is_back_matter(line.text) if is_end_heading(line.text) else in_back_matter
        if in_back_matter:
            report.consume(line, "wiki-back-matter")
        else:
            kept.append(line)
    return kept


def _is_back_matter(heading_line: str) -> bool:
    return BACK_MATTER_HEADING.match(heading_text(heading_line)) is not None


def read_body(lines: list[Line], report: ImportReport,
          first_section: int = 0) -> tuple[str | None, tuple[EncyclopediaSection, ...]]:
    """Lead and sections (numbered from ``first_section`` in the report). When the page prints
    edit links, they alone mark the headings, so a short line under 関連項目 stays a body line;
    so do heading elements when a saved page has them. Under marked headings, 関連項目 and 外部リンク
    are back matter before the footnotes as after them (``without_back_matter``), not sections."""
    marked = any(has_edit_link(line.text) for line in lines)
    marked_up = any(line.heading for line in lines)
    lead: list[str] = []
    sections: list[tuple[str, list[str]]] = []
    in_back_matter = False
    for line in lines:
        if LAST_EDITED.search(line.text) and len(line.text) <= MAX_DATE_LINE:
            report.drop(line, "wikipedia-last-edited")  # a mirror's date printed above the article
            continue
        is_heading = (has_edit_link(line.text) if marked else line.heading if marked_up
                      else _is_heading(line.text))
        if is_heading and not lead and not sections and _LATIN_NAME.match(line.text):
            report.drop(line, "infobox-caption")  # the name in Latin letters over the infobox, above the lead
            continue
        in_back_matter = _is_back_matter(line.text) if is_heading and (marked or marked_up) else in_back_matter
        if in_back_matter:
            report.consume(line, "wiki-back-matter")
            continue
        if is_heading:
            heading = heading_text(line.text)
            if heading != line.text:
                report.trim(line, "edit-link", line.text[len(heading):].strip(),
                            f"sections[{first_section + len(sections)}].heading")
            sections.append((heading, []))
        elif sections:
            sections[-1][1].append(escape_markdown(line.text))
        else:
            lead.append(escape_markdown(line.text))
    return ("\n\n".join(lead) or None,
            tuple(EncyclopediaSection(heading, tuple(body)) for heading, body in sections))


def _is_heading(text: str) -> bool:
    return len(text) <= MAX_HEADING_LENGTH and not re.search(r"[。．]|\[\d+\]$", text)
