"""Runs of one text that a rich-text editor split by style.

A site builder or a word processor writes a paragraph as a row of inline elements, one per run of
the same look ('<span><span style="color:#333">第</span></span><span><span style="font-weight:bold">
67次南</span></span>…'), split anywhere, even inside a word or a number. Nothing sets the runs apart:
their inline style only colours or weights the letters, and their markup is otherwise the same, so
a browser shows one unbroken text. Such a row is no row of fields (``labels.opens_field``), whose
elements the page sets apart by their roles (classes) or by layout (margin, padding).
"""

from __future__ import annotations

import re

from bs4 import Tag
from bs4.element import NavigableString, PreformattedString

from kiku.importer.reading.html.lines.style import INLINE, MAX_WRAPPED

# Properties that change how letters look, not where they stand.
_TYPOGRAPHIC = re.compile(
    r"(?:color|background(?:-color)?|font(?:-[a-z-]+)?|text-(?:decoration[a-z-]*|shadow|transform)"
    r"|letter-spacing|line-height|vertical-align|opacity|mso-[a-z-]+)")


def continues_run(before: Tag, node: Tag) -> bool:
    """Whether ``node`` goes on the text of ``before``: both are style runs of the same markup."""
    before_run, node_run = _run_markup(before), _run_markup(node)
    return before_run is not None and before_run == node_run


def _run_markup(element: Tag) -> tuple[tuple[str, tuple[str, ...]], ...] | None:
    """The tags and classes of ``element`` and the single inline elements it wraps when one of them
    at least carries an inline style and every style there is typographic only, else None."""
    chain: list[tuple[str, tuple[str, ...]]] = []
    styled = False
    current: Tag | None = element
    for _ in range(MAX_WRAPPED + 1):
        if current is None or current.name not in INLINE:
            break
        style = str(current.get("style") or "").strip()
        if style:
            if not _is_typographic(style):
                return None
            styled = True
        chain.append((current.name, _classes(current)))
        current = _only_child(current)
    return tuple(chain) if styled and chain else None


def _is_typographic(style: str) -> bool:
    declarations = [part for part in style.split(";") if part.strip()]
    return all(":" in part and is_typographic_declaration(part.split(":", 1)[0]) for part in declarations)


def is_typographic_declaration(name: str) -> bool:
    """Whether the style property ``name`` changes how letters look, not where the block stands."""
    return _TYPOGRAPHIC.fullmatch(name.strip().lower()) is not None


def _classes(element: Tag) -> tuple[str, ...]:
    value: str | list[str] = element.get("class") or []
    return tuple(sorted(value.split() if isinstance(value, str) else (str(token) for token in value)))


def _only_child(element: Tag) -> Tag | None:
    children = [child for child in element.contents
                if not (isinstance(child, NavigableString) and (isinstance(child, PreformattedString)
                                                                or not child.strip()))]
    return children[0] if len(children) == 1 and isinstance(children[0], Tag) else None
