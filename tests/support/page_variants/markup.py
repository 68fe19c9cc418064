"""Markup helpers for the HTML rewrites: the page's tags outside <script>, <style> and comments."""

from __future__ import annotations

import re
from collections.abc import Callable

# A region whose text is not markup: left as it is by every rewrite.
_RAW = re.compile(r"<!--.*?-->|<(script|style)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9]*)\b([^<>]*)>")


def outside_raw(page: str, rewrite: Callable[[str], str]) -> str:
    """``rewrite`` applied to every stretch of ``page`` between raw regions."""
    out: list[str] = []
    position = 0
    for match in _RAW.finditer(page):
        out.append(rewrite(page[position:match.start()]))
        out.append(match.group(0))
        position = match.end()
    out.append(rewrite(page[position:]))
    return "".join(out)


def body_of(page: str) -> tuple[str, str, str]:
    """The page split before and after its <body> element's content (all of it when it has none)."""
    opening = re.search(r"<body\b[^>]*>", page, re.IGNORECASE)
    closing = re.search(r"</body\s*>", page, re.IGNORECASE)
    start = opening.end() if opening else 0
    end = closing.start() if closing and closing.start() >= start else len(page)
    return page[:start], page[start:end], page[end:]
