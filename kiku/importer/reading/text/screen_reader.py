"""A page saved as a screen reader's transcript, read as the page it reads aloud.

A screen reader announces each element's role before its text, on a line of its own
('見出し レベル 2' / '「特定小型原付」の基本ルール', 'リンク' / 'https://…', 'リスト 3項目' … 'リストの
終わり', '領域 引用元カード' … '領域の終わり'). The announcements are the page's markup read aloud,
as ``#`` is a Markdown dump's: they are kept as what they say (a heading line, a list item, a line
printed as one link, a box) and consumed, never left in the article's text.

- A heading's announcement marks the next line a heading (``Line.heading``); the announcement may
  also open the heading's own line ('見出し レベル 2　…').
- A list's opening and closing announcements mark the lines between them list items.
- A link's announcement marks the next line as printed as one link (``Line.link_only``).
- An image's announcement is followed by its alternative text, and a button's by its label: what a
  reader hears of a picture or a control, never the article's text; both are dropped.
- A region's opening names it; a region whose last line is a link is a card's box, and its first
  line the card's head (``Line.heads_card_box``), as a saved page's box is.

The roles are data: the words screen readers say in Japanese and English (NVDA, JAWS, PC-Talker,
VoiceOver, TalkBack), matched on the whole line, not a page's vocabulary.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from enum import Enum

from kiku.importer.page import Line
from kiku.importer.report import ImportReport


class Role(Enum):
    HEADING = "heading"
    LIST_START = "list"
    LIST_END = "end of list"
    REGION_START = "region"
    REGION_END = "end of region"
    LINK = "link"
    IMAGE = "image"
    BUTTON = "button"
    LANDMARK = "landmark"


_HEADING = r"(?:見出し|heading)[\s、,]*(?:レベル|level)?[\s、,]*[1-6]"
_REGION = r"(?:region|landmark|group)"
_ROLE_PATTERNS: tuple[tuple[Role, str], ...] = (
    (Role.HEADING, rf"^{_HEADING}$"),
    (Role.LIST_END, r"^(?:リストの終わり|リスト終了|リストの外|リストを出る|end of list|list end|out of list)$"),
    (Role.LIST_START, r"^(?:リスト|list)\s*(?:\d{1,3}\s*(?:項目|個の項目|個|items?)?)?$"),
    (Role.REGION_END, rf"^(?:(?:領域|ランドマーク|グループ)(?:の終わり|終了|の外|を出る)|end of {_REGION}"
                      rf"|{_REGION} end|out of {_REGION})$"),
    (Role.REGION_START, r"^(?:領域|ランドマーク|グループ|region|landmark|group)(?:\s+\S.{0,30})?$"),
    (Role.LINK, r"^(?:訪問済み\s*)?(?:リンク|link)$|^visited link$"),
    (Role.IMAGE, r"^(?:画像|グラフィック|図|image|graphic)$"),
    (Role.BUTTON, r"^(?:ボタン|トグルボタン|button|toggle button)$"),
    (Role.LANDMARK, r"^(?:バナー|メイン|ナビゲーション|コンテンツ情報|補足|フォーム|検索|banner|main|navigation"
                    r"|content ?info|complementary|form|search)(?:\s*(?:ランドマーク|領域|landmark|region))?$"),
)
_ROLES = tuple((found, re.compile(pattern, re.IGNORECASE)) for found, pattern in _ROLE_PATTERNS)
_HEADING_PREFIX = re.compile(rf"^{_HEADING}(?:[\s、,:：]+)(?=\S)", re.IGNORECASE)
# A transcript announces its headings: a page that does so at least this often is one, or that announces
# this many headings, lists and regions (each list or region opened and closed).
MIN_HEADINGS = 2
MIN_ANNOUNCED = 3
# An image's alternative text is a name, not a paragraph: a longer line, or a sentence, after an
# image's announcement is the article's (an image with no alternative text).
_ALT_TEXT_MAX = 40
_SENTENCE_END = re.compile(r"[。．.！!？?]$")
_URL = re.compile(r"https?://\S+$", re.IGNORECASE)


def role(text: str) -> Role | None:
    """The role a screen reader announces on this line, else None."""
    folded = unicodedata.normalize("NFKC", text).strip()
    return next((found for found, pattern in _ROLES if pattern.match(folded)), None)


def is_transcript(lines: Sequence[Line]) -> bool:
    """Whether the page announces its headings as a screen reader does: two of them, or one with lists or
    regions whose opening and closing are both announced (a page whose sections' headings are not marked up)."""
    roles = Counter(role(line.text) for line in lines)
    headings = roles[Role.HEADING] + sum(1 for line in lines if _HEADING_PREFIX.match(_nfkc(line.text)))
    paired = min(roles[Role.LIST_START], roles[Role.LIST_END]) + min(roles[Role.REGION_START], roles[Role.REGION_END])
    return headings >= MIN_HEADINGS or (headings >= 1 and headings + paired >= MIN_ANNOUNCED)


def read_transcript(lines: Sequence[Line], report: ImportReport) -> list[Line]:
    """The page's lines with what their announcements say; the announcements go to ``report``."""
    kept: list[Line] = []
    pending: set[Role] = set()
    in_list = False
    region_start: int | None = None
    for line in lines:
        announced = role(line.text)
        if announced is not None:
            report.consume(line, "screen-reader-role")
            in_list = announced is Role.LIST_START or (in_list and announced is not Role.LIST_END)
            if announced is Role.REGION_START:
                region_start = len(kept)
            elif announced is Role.REGION_END and region_start is not None:
                _mark_card_box(kept, region_start)
                region_start = None
            if announced in (Role.HEADING, Role.LINK, Role.IMAGE, Role.BUTTON):
                pending.add(announced)
            continue
        if _announced_debris(line.text, pending):
            report.drop(line, "screen-reader-control" if Role.BUTTON in pending else "image-alt-text")
            pending.clear()
            continue
        kept.append(_marked(line, pending, in_list, report))
        pending.clear()
    return kept


def _announced_debris(text: str, pending: set[Role]) -> bool:
    if Role.BUTTON in pending:
        return True
    return Role.IMAGE in pending and len(text) <= _ALT_TEXT_MAX and not _SENTENCE_END.search(text)


def _marked(line: Line, pending: set[Role], in_list: bool, report: ImportReport) -> Line:
    text = line.text
    heading = Role.HEADING in pending
    prefix = _HEADING_PREFIX.match(_nfkc(text))
    if prefix is not None:
        # The announcement opens the heading's own line: it is the rest of the line.
        cut = len(_nfkc_prefix_source(text, prefix.end()))
        report.trim(line, "screen-reader-role", text[:cut].strip(), "heading")
        text, heading = text[cut:].strip(), True
    return dataclasses.replace(line, text=text, heading=line.heading or heading,
                               list_item=line.list_item or in_list,
                               link_only=line.link_only or Role.LINK in pending)


def _mark_card_box(kept: list[Line], start: int) -> None:
    """A region whose last line is a link (a URL) is a card's box: its first line heads the card."""
    if start < len(kept) - 1 and _URL.search(kept[-1].text):
        kept[start] = dataclasses.replace(kept[start], heads_card_box=True)


def _nfkc(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


def _nfkc_prefix_source(text: str, length: int) -> str:
    """The shortest start of ``text`` whose NFKC form is ``length`` characters long."""
    for end in range(len(text) + 1):
        if len(_nfkc(text[:end])) >= length:
            return text[:end]
    return text
