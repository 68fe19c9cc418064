"""A text page saved as a screen reader's transcript: the title's and each section heading's role announced
on the line before it ('見出し レベル 1', '見出し レベル 2'), a line printed as a link after 'リンク', and a
run of bulleted lines framed by the list's announcements ('リスト 3項目' … 'リストの終わり'). The page's
lines stay as they are; the announcements are new lines, counted as debris (``variant_audit``)."""

from __future__ import annotations

import random
import re
from collections.abc import Mapping
from typing import Any

from tests.support.page_variants.text_lines import BULLETS

_ANNOUNCEMENT = re.compile(r"^(?:見出し レベル [1-6]|リンク|リスト \d+項目|リストの終わり)$")
_LINK_LINE = re.compile(r"^(?:[^\w\s]{1,2}\s*)?https?://\S+")


def is_announcement(text: str) -> bool:
    return _ANNOUNCEMENT.match(text.strip()) is not None


def announce_roles(text: str, rng: random.Random, truth: Mapping[str, Any]) -> str:
    """The page with a screen reader's role announcements; a page holding one already is left alone."""
    lines = text.splitlines()
    if any(is_announcement(line) for line in lines):
        return text
    newline = "\r\n" if "\r\n" in text else "\n"
    spaced = sum(1 for line in lines if not line.strip()) * 3 >= len(lines)
    title = str(truth.get("title") or "").strip()
    headings = {_heading(section) for section in truth.get("sections") or []} - {""}
    # A heading's line is the last that prints it (a list of contents above prints it too, as a link).
    heading_lines = {max((index for index, line in enumerate(lines) if _prints(line.strip(), heading)), default=-1)
                     for heading in headings}
    # The title's line prints it alone, else with little around it ('【速報】…').
    title_line = next((index for index, line in enumerate(lines) if title and line.strip() == title),
                      next((index for index, line in enumerate(lines) if title and _prints(line.strip(), title)), -1))
    out: list[str] = []
    for index, line in enumerate(lines):
        stripped = line.strip()
        announcement = None
        if index == title_line:
            announcement = "見出し レベル 1"
        elif index in heading_lines:
            announcement = "見出し レベル 2"
        elif _LINK_LINE.match(stripped):
            announcement = "リンク"
        elif _opens_list(lines, index):
            announcement = f"リスト {_list_length(lines, index)}項目"
        if announcement is not None:
            out.extend([announcement, ""] if spaced else [announcement])
        out.append(line)
        if _closes_list(lines, index):
            out.extend(["", "リストの終わり"] if spaced else ["リストの終わり"])
    return newline.join(out) + (newline if text.endswith(("\n", "\r")) else "")


# What a heading's line may print around its words: a glyph, a number or a kicker ('【第1章】'), brackets.
_AROUND_HEADING = 8


def _prints(line: str, words: str) -> bool:
    """The line prints ``words`` and little else."""
    return words in line and len(line) - len(words) <= _AROUND_HEADING


def _heading(section: object) -> str:
    """A digest section's heading, or an encyclopedia's section (its heading alone)."""
    return str((section.get("heading") if isinstance(section, Mapping) else section) or "").strip()


def _bullet(line: str) -> str | None:
    stripped = line.strip()
    return stripped[0] if len(stripped) > 2 and stripped[0] in BULLETS else None


def _neighbour(lines: list[str], index: int, step: int) -> str:
    """The nearest non-blank line before (step -1) or after (step 1) ``index``."""
    index += step
    while 0 <= index < len(lines) and not lines[index].strip():
        index += step
    return lines[index] if 0 <= index < len(lines) else ""


def _opens_list(lines: list[str], index: int) -> bool:
    glyph = _bullet(lines[index])
    return glyph is not None and _bullet(_neighbour(lines, index, -1)) != glyph \
        and _bullet(_neighbour(lines, index, 1)) == glyph


def _closes_list(lines: list[str], index: int) -> bool:
    glyph = _bullet(lines[index])
    return glyph is not None and _bullet(_neighbour(lines, index, 1)) != glyph \
        and _bullet(_neighbour(lines, index, -1)) == glyph


def _list_length(lines: list[str], index: int) -> int:
    glyph, count = _bullet(lines[index]), 0
    for line in lines[index:]:
        if not line.strip():
            continue
        if _bullet(line) != glyph:
            break
        count += 1
    return count
