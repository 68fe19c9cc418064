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

from kiku.importer.grammar.dates import line_date
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
    label = _short_text(node, MAX_FIELD_LABEL)
    value = _short_text(parts[1], MAX_DATE_VALUE)
    return label is not None and _DAY_LABEL.fullmatch(label) is not None and not _LABEL_PUNCTUATION.search(label) \
        and value is not None and line_date(value) is not None


# A cell that only marks the row as a bullet ('■', '●', '・'): a mark or two, no letter or digit.
MAX_MARKER_CELL = 2
CELLS = frozenset({"td", "th"})


def is_marker_cell(node: object) -> bool:
    """A table cell holding only a bullet mark, followed by a cell of text: both are read as one line."""
    if not isinstance(node, Tag) or node.name not in CELLS:
        return False
    text = _short_text(node, MAX_MARKER_CELL)
    if text is None or not text or any(char.isalnum() for char in text):
        return False
    following = node.find_next_sibling(True)
    return following is not None and following.name in CELLS and next(following.stripped_strings, None) is not None


def _short_text(element: Tag, limit: int) -> str | None:
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


def label_before(block: Tag, blocks: frozenset[str]) -> str | None:
    """The text of the inline element right before ``block`` (blank text and comments aside) when
    it is only a label, else None."""
    sibling = block.previous_sibling
    while isinstance(sibling, NavigableString) and (isinstance(sibling, PreformattedString) or not sibling.strip()):
        sibling = sibling.previous_sibling
    if not isinstance(sibling, Tag) or sibling.name in blocks:
        return None
    text = _short_text(sibling, MAX_INLINE_LABEL)
    return text if text and _INLINE_LABEL.fullmatch(text) else None


# A letter badge ('Q', 'A', 'Q1') opening its block, with no stop after it: the badge's box sets it off.
_LETTER_BADGE = re.compile(r"[A-Za-zＡ-Ｚａ-ｚ][0-9０-９]{0,2}")


def is_letter_badge(node: Tag, blocks: frozenset[str]) -> bool:
    """An inline element holding only a letter ('<span class="x">Q</span>新しい…') that opens its block,
    when the line block beside it (in page order, whatever wraps either) opens with a badge of the same
    element and another letter (a question and its answer): the badge is a label over its line, read as
    a line of its own, as 'Q' over the question. The two blocks must be styled apart (a question's and
    an answer's class; their badges then may be classed apart too) or, on a page that classes neither,
    badges of the same class and the same pair of letters must open blocks again elsewhere (a Q&A per
    section). A letter opening paragraphs alike may be a word's
    ('<b>A</b>社は…') and stays where it is."""
    block = node.parent
    if node.name in blocks or block is None or block.name not in blocks or _opening_badge(block, blocks) is not node:
        return False
    letter = node.get_text(strip=True)
    for sibling, after in _line_blocks_beside(block, blocks):
        other = _opening_badge(sibling, blocks)
        if other is None or other.name != node.name or other.get_text(strip=True) == letter:
            continue
        if _styled_apart(block, sibling):
            return True  # a question's and an answer's badge may be styled as two variants ('badge badge-a')
        if other.get("class") != node.get("class"):
            continue
        pair = (letter, other.get_text(strip=True)) if after else (other.get_text(strip=True), letter)
        if not block.get("class") and not sibling.get("class") and _pair_repeats(node, pair, blocks):
            return True
    return False


# A word badge ('QUESTION', 'ANSWER', 'Point') opening its block: a word of Latin letters, no digit.
MAX_BADGE_WORD = 10
_WORD_BADGE = re.compile(rf"[A-Za-zＡ-Ｚａ-ｚ]{{3,{MAX_BADGE_WORD}}}")


def is_word_badge(node: Tag, blocks: frozenset[str]) -> bool:
    """An inline element holding only a word of Latin letters that opens its block, when the line block
    beside it opens with a badge of the same element and another such word ('<span>QUESTION</span>…' over
    '<span>ANSWER</span>…'): a label its box sets apart from the text glued to it, written a space apart
    as a text dump prints it ('QUESTION 「…」'), the question's and the answer's reader then telling it a label."""
    block = node.parent
    if node.name in blocks or block is None or block.name not in blocks:
        return False
    word = _badge_word(block, blocks)
    if word is None or _opening_inline(block, blocks) is not node:
        return False
    return any((other := _badge_word(sibling, blocks)) is not None and other != word
               and _opening_inline(sibling, blocks).name == node.name  # type: ignore[union-attr]
               for sibling, _ in _line_blocks_beside(block, blocks))


def _opening_inline(block: Tag, blocks: frozenset[str]) -> Tag | None:
    children = [child for child in block.children if not _blank(child)]
    if len(children) < 2 or not isinstance(children[0], Tag) or children[0].name in blocks:
        return None
    return children[0]


def _badge_word(block: Tag, blocks: frozenset[str]) -> str | None:
    opening = _opening_inline(block, blocks)
    text = _short_text(opening, MAX_BADGE_WORD) if opening is not None else None
    return text if text and _WORD_BADGE.fullmatch(text) else None


# How far the line blocks beside a badge's block, and the badges of a page, are looked for.
MAX_BESIDE_SCAN = 64
MAX_BADGES_SCANNED = 400
MIN_PAIR_REPEATS = 2


def _line_blocks_beside(block: Tag, blocks: frozenset[str]) -> list[tuple[Tag, bool]]:
    """The block of text before ``block`` and the one after it in page order (False, True): the
    nearest block holding text of its own, past any wrapper around either."""
    beside: list[tuple[Tag, bool]] = []
    ancestors = {id(parent) for parent in block.parents}
    for element in block.find_all_previous(True, limit=MAX_BESIDE_SCAN):
        if id(element) not in ancestors and element.name in blocks and _holds_own_text(element, blocks):
            beside.append((element, False))
            break
    for element in block.find_all_next(True, limit=MAX_BESIDE_SCAN):
        if block in element.parents:
            continue
        if element.name in blocks and _holds_own_text(element, blocks):
            beside.append((element, True))
            break
    return beside


def _holds_own_text(element: Tag, blocks: frozenset[str]) -> bool:
    return _opening_badge(element, blocks) is not None or any(
        isinstance(child, NavigableString) and not _blank(child) for child in element.children)


def _pair_repeats(node: Tag, pair: tuple[str, str], blocks: frozenset[str]) -> bool:
    """Whether blocks opening with ``pair``'s letters, one line after the other, stand at least
    ``MIN_PAIR_REPEATS`` times in the page (badges of ``node``'s markup)."""
    top = node
    for parent in node.parents:
        top = parent
    found = 0
    for badge in top.find_all(node.name, limit=MAX_BADGES_SCANNED):
        block = badge.parent
        if badge.get("class") != node.get("class") or badge.get_text(strip=True) != pair[0] or block is None \
                or _opening_badge(block, blocks) is not badge:
            continue
        following = [other for other, after in _line_blocks_beside(block, blocks) if after]
        answer = _opening_badge(following[0], blocks) if following else None
        if answer is not None and answer.name == node.name and answer.get_text(strip=True) == pair[1]:
            found += 1
    return found >= MIN_PAIR_REPEATS


def _styled_apart(block: Tag, other: Tag) -> bool:
    """Two blocks the page styles as different kinds (a question's and an answer's class), not two
    paragraphs alike."""
    classes, other_classes = block.get("class"), other.get("class")
    return bool(classes) and bool(other_classes) and classes != other_classes


def _opening_badge(block: Tag, blocks: frozenset[str]) -> Tag | None:
    """The inline element opening ``block`` when it holds only a letter and text follows it."""
    children = [child for child in block.children if not _blank(child)]
    if len(children) < 2 or not isinstance(children[0], Tag) or children[0].name in blocks:
        return None
    text = _short_text(children[0], MAX_INLINE_LABEL)
    return children[0] if text and _LETTER_BADGE.fullmatch(text) else None


def _blank(node: object) -> bool:
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
    if len(children) > MAX_FIELD_ROW or any((isinstance(child, NavigableString) and not _blank(child))
                                            or (isinstance(child, Tag) and child.name in blocks)
                                            for child in children):
        return False  # text between the elements, or blocks: not a row of fields
    text = _short_text(row, MAX_FIELD_ROW)
    return text is not None and not _ROW_SENTENCE_MARK.search(text) and not continues_run(before, node)


def is_shown_mark(element: Tag) -> bool:
    """An element hidden from screen readers only ('<span aria-hidden="true">▶</span>…') that holds a
    bullet mark opening a line of text: the page shows it, as a text dump does (the line's marker)."""
    if str(element.get("aria-hidden") or "").lower() != "true" or element.has_attr("hidden"):
        return False
    text = _short_text(element, MAX_MARKER_CELL)
    if not text or any(char.isalnum() for char in text):
        return False
    after = element.next_sibling
    while after is not None and _blank(after):
        after = after.next_sibling
    return after is not None and bool(after.get_text(strip=True) if isinstance(after, Tag) else str(after).strip())
