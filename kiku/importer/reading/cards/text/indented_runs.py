"""Cards printed as runs of sibling paragraphs set apart only by their inline layout:

    <p>body。</p>
    <p style="margin-left: 2em"><a href="https://…">headline</a></p>
    <p style="margin-left: 2em">summary。</p>
    <p style="margin-left: 2em; color: #999">2025/07/12 publisher</p>
    <p>body。</p>

A blog editor with no card markup indents each card's paragraphs alike; no element holds the card.
Each run of sibling blocks sharing one layout style (margin, padding, border: what moves a block,
not what colours its letters) that the blocks around it lack is split where a block is one link
only (a card's headline), and each part opening with such a block is wrapped in a <div>, so the
card readers (``title_links``) find the box a card of marked-up pages has.
"""

from __future__ import annotations

from bs4 import BeautifulSoup, Tag
from bs4.element import NavigableString

from kiku.importer.reading.html.lines.style_runs import is_typographic_declaration

_BLOCKS = frozenset({"p", "div"})
MIN_CARD_BLOCKS = 2


def box_indented_cards(soup: BeautifulSoup) -> None:
    """Wrap each indented card run of ``soup`` in a <div> of its own (in place)."""
    for parent in list(soup.find_all(True)):
        for part in _card_parts(parent):
            wrapper = soup.new_tag("div")
            part[0].insert_before(wrapper)
            for block in part:
                wrapper.append(block.extract())


def layout_style(element: Tag) -> str:
    """The declarations of ``element``'s inline style that place it, normalised; '' when none."""
    declarations = []
    for part in str(element.get("style") or "").split(";"):
        if ":" not in part:
            continue
        name, value = (token.strip().lower() for token in part.split(":", 1))
        if not is_typographic_declaration(name):
            declarations.append(f"{name}:{' '.join(value.split())}")
    return ";".join(sorted(declarations))


def _card_parts(parent: Tag) -> list[list[Tag]]:
    children = [child for child in parent.contents
                if isinstance(child, Tag) or (isinstance(child, NavigableString) and child.strip())]
    styles = [layout_style(child) for child in children if isinstance(child, Tag) and child.name in _BLOCKS]
    # A style every block carries sets nothing apart: it is the body's own, not a card's indent.
    common = set(styles) if len(set(styles)) == 1 else set()
    parts: list[list[Tag]] = []
    run_style = ""
    current: list[Tag] = []
    for child in children:
        style = layout_style(child) if isinstance(child, Tag) and child.name in _BLOCKS else ""
        style = "" if style in common else style
        if not style or style != run_style:
            _close(current, parts)
            current = []
            run_style = style
        if not style:
            continue
        if _is_link_only(child):  # type: ignore[arg-type]
            _close(current, parts)
            current = []
        current.append(child)  # type: ignore[arg-type]
    _close(current, parts)
    return parts


def _close(part: list[Tag], parts: list[list[Tag]]) -> None:
    if len(part) >= MIN_CARD_BLOCKS and _is_link_only(part[0]):
        parts.append(part)


def _is_link_only(block: Tag) -> bool:
    anchors = block.find_all("a", href=True)
    text = "".join(block.get_text("", strip=True).split())
    return len(anchors) == 1 and bool(text) and "".join(anchors[0].get_text("", strip=True).split()) == text
