"""Short text that only labels the text after it, read as one line with it, as a text dump prints it.

- a <dt> term of a word or two before its <dd> ('<dt>質問</dt><dd>…</dd>': '質問：…'), and a table row's
  header cell so before its one data cell ('<tr><th>質問</th><td>…</td></tr>');
- a table cell holding only a bullet mark before a cell of text ('<td>■</td><td>…</td>': '■…');
- an inline element holding only a label ('Q.', 'A：', '質問:') before a block element
  ('<span>Q.</span><p>…</p>': 'Q. …').
"""

from __future__ import annotations

import re

from bs4 import Tag
from bs4.element import NavigableString, PreformattedString

from kiku.importer.grammar.lines.dates import line_date
from kiku.importer.reading.html.lines.style_runs import continues_run

# A term that only labels its description: a word or two, no sentence ('質問', 'Q', '回答').
MAX_FIELD_LABEL = 6
_LABEL_PUNCTUATION = re.compile(r"[。、，,．.!！?？:：]")


# A label and the element it labels: a <dt> and its <dd>, a row's header cell and its one data cell.
_LABELLED = {"dt": "dd", "th": "td"}


# A box of two elements, a label and a date ('<div><div>公開日</div><div>2025.11.12</div></div>').
DATE_FIELD_PARTS = frozenset({"div", "p"})
# A date's label names the day: '公開日', '更新日', '配信日時' (a name beside a date is a card's meta line).
_DAY_LABEL = re.compile(r"\S{1,5}日時?")
MAX_DATE_VALUE = 24


def is_field_label(node: object) -> bool:
    """A <dt> that is a short label of the <dd> right after it, a row's <th> that is one of the
    only <td> after it ('<tr><th>質問</th><td>…</td></tr>'), or the label of a date in a box of the two
    ('<div><div>公開日</div><div>2025.11.12</div></div>'): both are read as one line."""
    if isinstance(node, Tag) and node.name in DATE_FIELD_PARTS:
        return _labels_date(node)
    if not isinstance(node, Tag) or node.name not in _LABELLED:
        return False
    following = node.find_next_sibling(True)
    if following is None or following.name != _LABELLED[node.name]:
        return False
    if node.name == "th" and (following.find_next_sibling(True) is not None or node.find_previous_sibling(True)):
        return False
    text = node.get_text(strip=True)
    return 0 < len(text) <= MAX_FIELD_LABEL and not _LABEL_PUNCTUATION.search(text)


def _labels_date(node: Tag) -> bool:
    parent = node.parent
    parts = parent.find_all(True, recursive=False, limit=3) if parent is not None else []
    if len(parts) != 2 or parts[0] is not node or parts[1].name not in DATE_FIELD_PARTS:
        return False
    label = short_text(node, MAX_FIELD_LABEL)
    value = short_text(parts[1], MAX_DATE_VALUE)
    return label is not None and _DAY_LABEL.fullmatch(label) is not None and not _LABEL_PUNCTUATION.search(label) \
        and value is not None and line_date(value) is not None


# A cell that only marks the row as a bullet ('■', '●', '・'): a mark or two, no letter or digit.
MAX_MARKER_CELL = 2
CELLS = frozenset({"td", "th"})


def is_marker_cell(node: object) -> bool:
    """A table cell holding only a bullet mark, followed by a cell of text: both are read as one line."""
    if not isinstance(node, Tag) or node.name not in CELLS:
        return False
    text = short_text(node, MAX_MARKER_CELL)
    if text is None or not text or any(char.isalnum() for char in text):
        return False
    following = node.find_next_sibling(True)
    return following is not None and following.name in CELLS and next(following.stripped_strings, None) is not None


def short_text(element: Tag, limit: int) -> str | None:
    """The element's text without spaces when it is at most ``limit`` characters, else None (read no further)."""
    text = ""
    for string in element.stripped_strings:
        text += "".join(string.split())
        if len(text) > limit:
            return None
    return text


# A label before its line: a letter with a number or a stop ('Q.', 'A：', 'Q1)'), or a short word and
# a colon ('質問：', '回答:'); the text after it says the rest.
MAX_INLINE_LABEL = 6
_INLINE_LABEL = re.compile(r"[A-Za-zＡ-Ｚａ-ｚ][0-9０-９]{0,2}[.．:：)）]?|[^\s\d.．:：。、？?！!]{1,4}[:：]")


def inline_before(block: Tag, blocks: frozenset[str]) -> Tag | None:
    """The inline element right before ``block`` (blank text and comments aside), else None."""
    sibling = block.previous_sibling
    while isinstance(sibling, NavigableString) and (isinstance(sibling, PreformattedString) or not sibling.strip()):
        sibling = sibling.previous_sibling
    return sibling if isinstance(sibling, Tag) and sibling.name not in blocks else None


def label_before(block: Tag, blocks: frozenset[str]) -> str | None:
    """The text of the inline element right before ``block`` (blank text and comments aside) when
    it is only a label, else None."""
    sibling = inline_before(block, blocks)
    if sibling is None:
        return None
    text = short_text(sibling, MAX_INLINE_LABEL)
    return text if text and _INLINE_LABEL.fullmatch(text) else None


def blank(node: object) -> bool:
    """Blank text or a comment between elements."""
    return isinstance(node, NavigableString) and (isinstance(node, PreformattedString) or not node.strip())


# A row of short fields, each its own inline element with nothing between them
# ('<div><span>2025.09.22</span><span>出典</span><span>NHK</span></div>'): the page sets them apart
# by style, and a text dump prints them apart. Read glued they make one word ('2025.09.22出典NHK')
# and the date and the name are lost. A row of fields is short and no sentence; inline elements
# with text between them, or in a sentence, are words of the text and stay glued.
MAX_FIELD_ROW = 40
_ROW_SENTENCE_MARK = re.compile(r"[。、，,．！？!?]")


def opens_field(node: Tag, blocks: frozenset[str]) -> bool:
    """Whether ``node`` is an inline field right after another one in a row of fields (a space
    sets it off the field before it)."""
    before = node.previous_sibling
    row = node.parent
    if node.name in blocks or not isinstance(before, Tag) or before.name in blocks or before.name == "br" \
            or row is None or row.name not in blocks or not node.get_text(strip=True) \
            or not before.get_text(strip=True):
        return False
    children = row.contents
    if len(children) > MAX_FIELD_ROW or any((isinstance(child, NavigableString) and not blank(child))
                                            or (isinstance(child, Tag) and child.name in blocks)
                                            for child in children):
        return False  # text between the elements, or blocks: not a row of fields
    text = short_text(row, MAX_FIELD_ROW)
    return text is not None and not _ROW_SENTENCE_MARK.search(text) and not continues_run(before, node)


# Elements that stand on a line of their own (a mark in one, before another, opens no line of text).
_LINE_BLOCKS = frozenset({"div", "p", "section", "aside", "figure", "ul", "ol", "li", "dl", "table", "blockquote"})


def is_shown_mark(element: Tag) -> bool:
    """An element hidden from screen readers only ('<span aria-hidden="true">▶</span>…') that holds a
    bullet mark opening a line of text: the page shows it, as a text dump does (the line's marker)."""
    if str(element.get("aria-hidden") or "").lower() != "true" or element.has_attr("hidden"):
        return False
    text = short_text(element, MAX_MARKER_CELL)
    if not text or any(char.isalnum() for char in text):
        return False
    after = element.next_sibling
    while after is not None and blank(after):
        after = after.next_sibling
    if after is None or (element.name in _LINE_BLOCKS and isinstance(after, Tag) and after.name in _LINE_BLOCKS):
        return False  # a pictogram in a box of its own beside a block ('💡' over a hint's text): no line's mark
    return bool(after.get_text(strip=True) if isinstance(after, Tag) else str(after).strip())


# A link's text long enough to be a headline, not a menu's or a tag's word ('前の記事：<title>').
MIN_HEADLINE_LINK = 16
MAX_LINK_ROW = 8


def follows_headline_link(node: Tag, blocks: frozenset[str]) -> bool:
    """A link right after another in a box that holds only links, both headlines ('<div><a>« 前の記事：…</a>
    <a>次の記事：… »</a></div>', a pager or a list of teasers): each entry a line of its own, as a text dump
    prints a list of articles. A row of short links (a menu, tags) stays one line, which the row rules read."""
    row = node.parent
    before = node.previous_sibling
    while before is not None and blank(before):
        before = before.previous_sibling
    if node.name != "a" or row is None or row.name not in blocks or not isinstance(before, Tag) or before.name != "a":
        return False
    children = [child for child in row.contents if not blank(child)]
    return len(children) <= MAX_LINK_ROW and all(
        isinstance(child, Tag) and child.name == "a" and child.find(blocks) is None
        and len(child.get_text(strip=True)) >= MIN_HEADLINE_LINK for child in children)
