"""Scraped text written as Markdown source that renders exactly as it was scraped.

Only what Markdown would read as markup is escaped, so the YAML stays readable: inline
markers, brackets (but not footnote markers such as ``[12]``), ``<`` (autolinks and HTML),
entity-like ``&``, and block markers at the start of a line.
"""

from __future__ import annotations

import re

_INLINE = re.compile(r"(\[\d{1,4}\])|([\\`*_\[\]<])|(&(?=#?\w+;))")
_BLOCK_START = re.compile(r"^(\s*)([#>+=|~-]|\d{1,9}[.)](?=\s|$))")


def escape_markdown(text: str) -> str:
    escaped = _INLINE.sub(_escape_inline, text)
    return "\n".join(_BLOCK_START.sub(_escape_block, line) for line in escaped.split("\n"))


def _escape_inline(match: re.Match[str]) -> str:
    if match[1]:
        return match[1]
    return "\\" + match[0]


def _escape_block(match: re.Match[str]) -> str:
    marker = match[2]
    if marker[0].isdigit():
        return match[1] + marker[:-1] + "\\" + marker[-1]
    return match[1] + "\\" + marker


def unescape_markdown(text: str) -> str:
    """The text as scraped (for accounting and tag matching)."""
    return re.sub(r"\\([\\`*_\[\]<&#>+=|~().-])", r"\1", text)
