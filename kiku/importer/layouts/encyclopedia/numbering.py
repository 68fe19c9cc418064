"""A mirror's section numbers before its headings ('1 歴史', '2. 地理', '3.1 気候', '４）脚注') and the
permalink glyph after them ('歴史¶', '地理 §'): the mirror's, not the headings' words.

A number is the page's only when the headings it stands before count 1, 2, 3… in page order
(a sub-section '3.1' keeps its parent's number), and some other line stands between two of them:
a short numbered list ('1. 東京' / '2. 大阪') is content, and keeps its numbers.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from collections import Counter
from itertools import pairwise

from kiku.importer.layouts.encyclopedia.sections import EDIT_LINK, MAX_HEADING_LENGTH, has_edit_link
from kiku.importer.layouts.labels import FOOTNOTE_BACK_MARK, HEADING_ANCHOR, heading_number_pattern
from kiku.importer.page import Line
from kiku.importer.report import ImportReport

# '1 ', '1. ', '1.', '2.1 ', '３）', '(4) ': digits (dotted for a sub-section), then a mark or a space.
_NUMBER = heading_number_pattern(sub_sections=True, space_ends=True)
# A permalink glyph printed glued to a heading element's text ('歴史¶'); one a space apart may be any symbol
# (``HEADING_ANCHOR``).
_GLUED_ANCHOR = re.compile(r"(?<=\S)[¶§†‡⚓🔗]\ufe0f?\s*$")


def without_number(text: str) -> str:
    """``text`` without a section number before it ('4. 脚注' reads '脚注')."""
    found = _NUMBER.match(text)
    return text[found.end():] if found else text


@dataclasses.dataclass(frozen=True, slots=True)
class _Numbered:
    index: int
    top: int
    sub: bool
    end: int


def without_section_numbers(lines: list[Line], report: ImportReport) -> list[Line]:
    """The lines with the page's section numbers and permalink glyphs trimmed off its headings."""
    lines = _without_lead_glyphs(lines, report)
    numbered = [found for index, line in enumerate(lines) if (found := _numbered(lines, index)) is not None]
    # Where the page marks its headings (heading elements, edit links), only they are its headings: a
    # short footnote under them ('8. 同上') is not.
    marked = [found for found in numbered if _is_marked(lines[found.index])]
    numbered = marked or numbered
    at = {found.index: found for found in numbered} if _counts_up(numbered) else {}
    anchored = _repeated_anchor_glyph(lines)
    kept: list[Line] = []
    for index, line in enumerate(lines):
        found = at.get(index)
        if found is not None:
            report.trim(line, "section-number", line.text[:found.end].strip(), "sections.heading")
            line = dataclasses.replace(line, text=line.text[found.end:])
        heading_like = found is not None or line.heading or (anchored is not None and _anchor_glyph(line) == anchored)
        kept.append(_without_anchor(line, report) if heading_like else line)
    return kept


# A glyph a page prints before each of its headings, glued or a space apart: '§ 歴史〔編集〕', '◆地理 [編集]'.
_LEAD_GLYPH = re.compile(r"^[^\w\s「『（(【\[［〔〈《<＜\"'“‘]\ufe0f?[ \t\u3000]*(?=\w)")
MIN_GLYPHED_HEADINGS = 2


def _without_lead_glyphs(lines: list[Line], report: ImportReport) -> list[Line]:
    """The lines with the glyph two or more marked headings open with trimmed off them: a site sets its
    headings off alike, so the glyph is the site's, not the heading's words."""
    glyphs = Counter(found.group().strip() for line in lines
                     if _is_marked(line) and (found := _LEAD_GLYPH.match(line.text)) is not None)
    glyph, count = next(iter(glyphs.most_common(1)), (None, 0))
    if glyph is None or count < MIN_GLYPHED_HEADINGS:
        return lines
    kept: list[Line] = []
    for line in lines:
        found = _LEAD_GLYPH.match(line.text)
        if found is not None and found.group().strip() == glyph and _is_marked(line):
            report.trim(line, "heading-glyph", glyph, "sections.heading")
            line = dataclasses.replace(line, text=line.text[found.end():])
        kept.append(line)
    return kept


def _numbered(lines: list[Line], index: int) -> _Numbered | None:
    """The number before ``lines[index]`` when the line may be a heading (a heading element, a line with
    an edit link, or a short line that is no sentence and no footnote), else None."""
    line = lines[index]
    found = _NUMBER.match(line.text)
    if found is None:
        return None
    rest = line.text[found.end():]
    if re.match(FOOTNOTE_BACK_MARK, rest) or not (_is_marked(line) or _short(rest)):
        return None
    number = unicodedata.normalize("NFKC", found["digits"] or found["bracketed"])
    parts = number.split(".")
    return _Numbered(index, int(parts[0]), len(parts) > 1, found.end())


def _is_marked(line: Line) -> bool:
    return line.heading or has_edit_link(line.text)


def _short(text: str) -> bool:
    return len(text) <= MAX_HEADING_LENGTH and re.search(r"[。．]", text) is None


def _counts_up(numbered: list[_Numbered]) -> bool:
    """The numbers count 1, 2, 3… (a sub-section's keeps the one above), with a line between two of them
    unless the second is a sub-section opening its parent."""
    if len(numbered) < 2 or numbered[0].top != 1:
        return False
    for before, after in pairwise(numbered):
        step = after.top - before.top
        if not (step == 1 or (step == 0 and after.sub)):
            return False
    return any(after.index > before.index + 1 for before, after in pairwise(numbered))


def _anchor_glyph(line: Line) -> str | None:
    """The glyph a short line that is no sentence ends with a space apart ('歴史 ¶'), else None."""
    if not _short(line.text):
        return None
    anchor = HEADING_ANCHOR.search(line.text)
    return anchor.group().strip() if anchor is not None and line.text[:anchor.start()].strip() else None


def _repeated_anchor_glyph(lines: list[Line]) -> str | None:
    """The glyph two or more short lines end with: a site prints its headings' permalinks alike, so one
    short line ending in a symbol is no heading's."""
    glyphs = Counter(glyph for line in lines if (glyph := _anchor_glyph(line)) is not None)
    glyph, count = next(iter(glyphs.most_common(1)), (None, 0))
    return glyph if count >= MIN_ANCHORED_HEADINGS else None


MIN_ANCHORED_HEADINGS = 2


def _without_anchor(line: Line, report: ImportReport) -> Line:
    """The line without the glyph after its heading's words (before its edit link, when it has one)."""
    edit_link = EDIT_LINK.search(line.text) if has_edit_link(line.text) else None
    words = line.text[:edit_link.start() if edit_link else len(line.text)].rstrip()
    anchor = _GLUED_ANCHOR.search(words) or HEADING_ANCHOR.search(words)
    if anchor is None or not words[:anchor.start()].strip():
        return line
    report.trim(line, "heading-anchor", anchor.group().strip(), "sections.heading")
    return dataclasses.replace(line, text=words[:anchor.start()].rstrip() + line.text[len(words):])
