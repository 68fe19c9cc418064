"""Badges: a short label in an inline element of its own, glued before the line it labels
('<span class="badge">Q</span>新しい…', '<span>Question</span>なぜ今…?'), set off by its box as a text dump
sets it off by a line break or a space."""

from __future__ import annotations

import re
import unicodedata
from itertools import islice

from bs4 import Tag
from bs4.element import NavigableString

from kiku.importer.reading.html.lines.labels import MAX_INLINE_LABEL, blank, short_text

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


# A label badge: a Latin word ('QUESTION', 'Answer', 'Point'), a letter or two ('Ｑ', 'A1'), or a word of a few
# kana or kanji ('質問', 'こたえ'); no stop, no colon, no sentence: the badge's box sets it off.
MAX_BADGE_WORD = 10
_LATIN_WORD = re.compile(rf"[A-Za-zＡ-Ｚａ-ｚ]{{3,{MAX_BADGE_WORD}}}")
_BADGE_LABEL = re.compile(rf"[A-Za-zＡ-Ｚａ-ｚ]{{1,{MAX_BADGE_WORD}}}[0-9０-９]{{0,2}}|[^\W\d_A-Za-zＡ-Ｚａ-ｚ]{{1,4}}")
_QUESTION_END = re.compile(r"[?？]\s*$")
_LETTERS = re.compile(r"[A-Za-zＡ-Ｚａ-ｚ]{1,2}[0-9０-９]{0,2}")


def is_word_badge(node: Tag, blocks: frozenset[str]) -> bool:
    """An inline element holding only a short label that opens its line block (the block's first text,
    whatever inline element wraps it), when the line block beside it opens with a badge of the same element
    and another label ('<span>QUESTION</span>…' over '<span>ANSWER</span>…', '<b>質問</b>…？' over
    '<b>回答</b>…'): a label its box sets apart from the text glued to it, written a space apart as a text
    dump prints it ('QUESTION 「…」'), the question's and the answer's reader then telling it a label. A
    pair of Latin words is a pair of labels as it stands; a pair of letters or of kana or kanji words (which
    may as well open two sentences: '<b>東京</b>では…') only when the first of the two lines is a question,
    and of letters only the pair 'Q' over 'A'."""
    label = node.get_text(strip=True)
    block = _line_block(node, blocks)
    if block is not None and _opening_label(block, blocks) is node:
        for sibling, after in _line_blocks_beside(block, blocks):
            other = _opening_label(sibling, blocks)
            if other is not None and other.name == node.name \
                    and _label_pair(label, other.get_text(strip=True), after, (block if after else sibling).get_text()):
                return True
    return _opens_br_line(node) and _badge_text(node) is not None and any(
        other.name == node.name and (other_label := _badge_text(other)) is not None
        and _label_pair(label, other_label, after, _br_line_text(node if after else other))
        for other, after in _br_lines_beside(node))


def _label_pair(label: str, other: str, after: bool, question_line: str) -> bool:
    """Whether a badge and the one opening the line beside it (``after`` it, or before) label a question and
    its answer: two Latin words, or a question line under Q and A letters or under two words."""
    if other == label:
        return False
    if _LATIN_WORD.fullmatch(label) and _LATIN_WORD.fullmatch(other):
        return True
    question, answer = (label, other) if after else (other, label)
    if (_LETTERS.fullmatch(question) or _LETTERS.fullmatch(answer)) and not _q_and_a(question, answer):
        return False  # a letter may be a word's ('<b>A</b>社は…？' over '<b>B</b>社は…')
    return _QUESTION_END.search(question_line) is not None


# A line of a block set off by <br> ('<span>質問</span>…？<br><span>回答</span>…'): its badge opens it right
# after the <br> (or as the block's first text), and the lines beside it are its siblings past the next <br>.
MAX_BR_LINE_NODES = 16


def _opens_br_line(node: Tag) -> bool:
    """Right after a <br>, or first in its parent."""
    before = _before(node)
    return before is None or (isinstance(before, Tag) and before.name == "br")


def _before(node: Tag) -> object | None:
    before = node.previous_sibling
    while before is not None and blank(before):
        before = before.previous_sibling
    return before


def _badge_text(element: Tag) -> str | None:
    label = short_text(element, MAX_BADGE_WORD)
    return label if label and _BADGE_LABEL.fullmatch(label) and _br_line_text(element) != label else None


def _br_line_text(opening: Tag) -> str:
    """The text of the <br> line ``opening`` starts."""
    parts = [opening.get_text()]
    for sibling in islice(opening.next_siblings, MAX_BR_LINE_NODES):
        if isinstance(sibling, Tag) and sibling.name == "br":
            break
        parts.append(sibling.get_text() if isinstance(sibling, Tag) else str(sibling))
    return "".join(parts).strip()


def _br_lines_beside(node: Tag) -> list[tuple[Tag, bool]]:
    """The elements opening the <br> lines right after and right before ``node``'s (True: after)."""
    beside: list[tuple[Tag, bool]] = []
    siblings = list(islice(node.next_siblings, MAX_BR_LINE_NODES))
    breaks = [index for index, sibling in enumerate(siblings) if isinstance(sibling, Tag) and sibling.name == "br"]
    following = [sibling for sibling in siblings[breaks[0] + 1:] if not blank(sibling)] if breaks else []
    if following and isinstance(following[0], Tag):
        beside.append((following[0], True))
    # past the <br> that opens this line, if one does
    earlier = list(islice(node.previous_siblings, MAX_BR_LINE_NODES))[1:] if _before(node) is not None else []
    line: list[object] = []
    for sibling in earlier:
        if isinstance(sibling, Tag) and sibling.name == "br":
            break
        if not blank(sibling):
            line.append(sibling)
    if line and isinstance(line[-1], Tag):
        beside.append((line[-1], False))
    return beside


def _q_and_a(question: str, answer: str) -> bool:
    """The letters 'Q' and 'A' (any width or case, a number after each): the pair's own letters, no words'."""
    return (unicodedata.normalize("NFKC", question[:1]).upper(), unicodedata.normalize("NFKC", answer[:1]).upper()) \
        == ("Q", "A")


def _line_block(node: Tag, blocks: frozenset[str]) -> Tag | None:
    """The nearest block holding an inline ``node``."""
    if node.name in blocks:
        return None
    return next((parent for parent in node.parents if parent.name in blocks), None)


def _opening_label(block: Tag, blocks: frozenset[str]) -> Tag | None:
    """The outermost inline element holding only the block's first text, when that text is a short label and
    more text follows it in the block (no block between)."""
    first = next((string for string in block.find_all(string=True) if not blank(string)), None)
    if first is None or first.parent is None or first.parent is block:
        return None
    element: Tag = first.parent
    while element.parent is not None and element.parent is not block \
            and element.parent.get_text(strip=True) == element.get_text(strip=True):
        element = element.parent
    if element.name in blocks or any(parent.name in blocks for parent in element.parents if parent is not block
                                     and block in parent.parents):
        return None
    label = short_text(element, MAX_BADGE_WORD)
    if not label or not _BADGE_LABEL.fullmatch(label):
        return None
    after = short_text(block, MAX_BADGE_WORD + 1)
    return element if after is None or len(after) > len(label) else None


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
            beside.append((_badged_wrapper(element, ancestors, blocks), False))
            break
    for element in block.find_all_next(True, limit=MAX_BESIDE_SCAN):
        if block in element.parents:
            continue
        if element.name in blocks and _holds_own_text(element, blocks):
            beside.append((element, True))
            break
    return beside


# How many wrappers around a line block are looked through for the badge opening them.
MAX_BADGE_WRAPPERS = 4


def _badged_wrapper(element: Tag, ancestors: set[int], blocks: frozenset[str]) -> Tag:
    """The box a badge opens around the line block ``element`` ('<div><span>問</span><p>…？</p></div>': the
    <div>, not the <p>), found walking back from the block after it; else ``element``."""
    for wrapper in islice(element.parents, MAX_BADGE_WRAPPERS):
        if id(wrapper) in ancestors or wrapper.name not in blocks:
            break
        if _opening_label(wrapper, blocks) is not None:
            return wrapper
    return element


def _holds_own_text(element: Tag, blocks: frozenset[str]) -> bool:
    return _opening_badge(element, blocks) is not None or _opening_label(element, blocks) is not None or any(
        isinstance(child, NavigableString) and not blank(child) for child in element.children)


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
    children = [child for child in block.children if not blank(child)]
    if len(children) < 2 or not isinstance(children[0], Tag) or children[0].name in blocks:
        return None
    text = short_text(children[0], MAX_INLINE_LABEL)
    return children[0] if text and _LETTER_BADGE.fullmatch(text) else None
