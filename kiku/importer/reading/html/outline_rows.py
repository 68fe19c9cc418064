"""Pages of an outliner or wiki editor, written as one flat run of sibling rows, the nesting shown by
an indent alone:

    <div class="lines">
      <div><span>#参考リンク</span></div>
      <div><span style="width:1.5em"> </span>📎 ソース</div>
      <div><span style="width:3.0em">  </span>発行元: 岐阜新聞 / 2025-06-14</div>
      <div><span style="width:3.0em">  </span><a href="https://…">headline</a></div>
      <div><span style="width:4.5em">   </span>&gt; summary。</div>
      <div>body。</div>
    </div>

No element holds a row's children: the indent (a blank spacer of some width opening the row, or the
row's own left margin or padding) is the only nesting there is. Each indented row with the rows
indented deeper under it is wrapped in a <div> of its own (in place), so the readers of boxed
markup (cards, a question over its answer) see the box an outline stands for.
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup, Tag
from bs4.element import NavigableString

_ROWS = frozenset({"div", "p"})
_OWN_INDENT = ("margin-left", "padding-left", "padding-inline-start", "margin-inline-start")
_SPACER_INDENT = ("width", "min-width", *_OWN_INDENT)
_LENGTH = re.compile(r"^\s*([\d.]+)\s*(em|rem|px|ch)?\s*$")
_PX_PER_EM = 16.0
MIN_ROWS = 3
# A picture opening a row (an icon) has a width too, but sets nothing in.
_PICTURES = frozenset({"img", "svg", "picture", "video", "iframe", "canvas", "input"})
MIN_BOX = 2


def box_outline_rows(soup: BeautifulSoup) -> None:
    """Wrap each indented row of ``soup`` and the rows nested under it in a <div> (in place)."""
    for parent in list(soup.find_all(True)):
        rows = _rows(parent)
        if rows is None:
            continue
        indents = [_indent(row) for row in rows]
        if len(set(indents)) < 2:
            continue
        for start, end in _subtrees(indents):
            wrapper = soup.new_tag("div")
            rows[start].insert_before(wrapper)
            for row in rows[start:end]:
                wrapper.append(row.extract())


def _rows(parent: Tag) -> list[Tag] | None:
    """The children of ``parent`` when they are all block rows (no loose text) and enough of them."""
    rows: list[Tag] = []
    for child in parent.contents:
        if isinstance(child, NavigableString):
            if child.strip():
                return None
            continue
        if not isinstance(child, Tag) or child.name not in _ROWS:
            return None
        rows.append(child)
    return rows if len(rows) >= MIN_ROWS else None


def _subtrees(indents: list[float]) -> list[tuple[int, int]]:
    """The spans [start, end) of each outermost indented row with the deeper rows following it."""
    spans: list[tuple[int, int]] = []
    index = 0
    while index < len(indents):
        if not indents[index]:
            index += 1
            continue
        end = index + 1
        while end < len(indents) and indents[end] > indents[index]:
            end += 1
        if end - index >= MIN_BOX:
            spans.append((index, end))
        index = end
    return spans


def _indent(row: Tag) -> float:
    """How far ``row`` stands in, in em: its own left offset, else the width of the blank spacer
    opening it; 0 when neither."""
    own = _offset(row, _OWN_INDENT)
    if own:
        return own
    for node in row.descendants:
        if isinstance(node, NavigableString):
            if node.strip():
                return 0.0
            continue
        if isinstance(node, Tag) and node.name not in _PICTURES and node.get("style") and not node.get_text().strip():
            spacer = _offset(node, _SPACER_INDENT)
            if spacer:
                return spacer
    return 0.0


def _offset(element: Tag, properties: tuple[str, ...]) -> float:
    """The first of ``properties`` set in ``element``'s inline style, in em; 0 when none is."""
    for declaration in str(element.get("style") or "").split(";"):
        if ":" not in declaration:
            continue
        name, value = (token.strip().lower() for token in declaration.split(":", 1))
        match = _LENGTH.match(value)
        if name in properties and match:
            number = float(match.group(1))
            return number / _PX_PER_EM if match.group(2) == "px" else number
    return 0.0
