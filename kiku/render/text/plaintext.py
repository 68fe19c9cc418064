"""Markdown source → one line of plain text, for descriptions, feed summaries and JSON-LD.

What a reader would see, without markup: link texts stay, destinations go; code keeps its
text; line and paragraph breaks become single spaces. The result is plain text, not HTML: every
output escapes it in its own way (HTML attributes, XML, JSON).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Sequence

from markdown_it import MarkdownIt
from markdown_it.token import Token

from kiku.render.text.inline_spans import inline_spans

_SPACES = re.compile(r"\s+")
# Characters XML 1.0 cannot carry at all (C0 controls but tab, CR, LF; lone surrogates; U+FFFE/F).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_ELLIPSIS = "…"


@functools.cache
def _parser() -> MarkdownIt:
    return MarkdownIt("commonmark", {"html": False})


def plain_text(markdown: str) -> str:
    """The visible text of ``markdown`` on one line, spaces collapsed, XML-safe characters only."""
    spans = inline_spans(markdown)
    if spans is None:
        return parsed_plain_text(markdown)
    # A line of prose, strong runs and links (the renderer's fast paths): its spans' texts.
    words = markdown if len(spans) == 1 and spans[0][0] == "text" else "".join(text for _, text, _ in spans)
    return _NOT_XML.sub("", _SPACES.sub(" ", words)).strip()


def parsed_plain_text(markdown: str) -> str:
    """``plain_text`` without the fast path: read by the parser (for tests)."""
    words = " ".join(_texts(_parser().parse(markdown)))
    return _NOT_XML.sub("", _SPACES.sub(" ", words)).strip()


def xml_safe(text: str) -> str:
    """``text`` without the characters XML 1.0 forbids (scraped text may carry stray controls)."""
    return _NOT_XML.sub("", text)


def shorten(text: str, limit: int) -> str:
    """``text`` cut to at most ``limit`` characters, ending with … when something was cut."""
    if len(text) <= limit:
        return text
    return text[: limit - 1].rstrip() + _ELLIPSIS


def _texts(blocks: Sequence[Token]) -> Iterator[str]:
    """One string per block: blocks are separated by a space, inline pieces are not."""
    for token in blocks:
        if token.type == "inline":
            yield "".join(_inline(token.children or ()))
        elif token.type in ("code_block", "fence"):
            yield token.content


def _inline(tokens: Sequence[Token]) -> Iterator[str]:
    for token in tokens:
        if token.type in ("text", "code_inline"):
            yield token.content
        elif token.type in ("softbreak", "hardbreak"):
            yield " "
        elif token.children:  # an image: its alt text
            yield from _inline(token.children)
