"""Templates' own indentation left out of the pages: a Jinja extension over the template text.

Templates are indented for their readers; a page does not need it. Every line break in a
template's literal text (never in a value: text, Markdown output, JSON-LD are values) keeps one
``\\n`` and loses the blank lines and the indentation after it. HTML and XML treat a line break and
a run of spaces alike between elements, so the page shows the same: only its bytes shrink (~3 % of
an article page, ~12 % of the sitemap). Text inside ``<pre>``, ``<textarea>``, ``<script>`` and
``<style>`` written in a template is kept as written, as is every ``*.txt`` template.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from jinja2.ext import Extension
from jinja2.lexer import Token, TokenStream

# Not \s: an ideographic space (U+3000) written in a template is text, not indentation.
_LINE_BREAK_AND_INDENT = re.compile(r"\n[ \t\r\n]+")  # blank lines too
# The elements whose text keeps its whitespace (in a template's own text, not in values).
_KEPT_OPEN = re.compile(r"<(pre|textarea|script|style)\b", re.IGNORECASE)
_COMPACTED = (".html", ".xml")


class CompactIndentation(Extension):
    """Drop the indentation and blank lines of templates' literal text (see the module docstring)."""

    def filter_stream(self, stream: TokenStream) -> Iterator[Token]:
        if stream.name is None or not stream.name.endswith(_COMPACTED):
            yield from stream
            return
        kept_until: str | None = None  # the closing tag ending a kept element we are inside
        previous: Token | None = None
        for token in stream:
            if token.type == "data":
                # trim_blocks ate the line break after a block tag: the text starts a line
                at_line_start = previous is None or (previous.type == "block_end" and token.lineno > previous.lineno)
                value, kept_until = _compact(token.value, kept_until, at_line_start)
                token = Token(token.lineno, "data", value)
            previous = token
            yield token


def _compact(text: str, kept_until: str | None, at_line_start: bool) -> tuple[str, str | None]:
    """``text`` compacted outside kept elements; the closing tag still awaited after it."""
    parts: list[str] = []
    position = 0
    while position < len(text):
        if kept_until is not None:
            end = text.lower().find(kept_until, position)
            if end < 0:
                parts.append(text[position:])
                return "".join(parts), kept_until
            parts.append(text[position : end + len(kept_until)])
            position, kept_until, at_line_start = end + len(kept_until), None, False
            continue
        opening = _KEPT_OPEN.search(text, position)
        stop = len(text) if opening is None else opening.start()
        chunk = text[position:stop]
        if at_line_start and chunk[:1] in (" ", "\t"):
            # No line break is left before this indentation: it may be the only space between two
            # inline elements (``</span>      <span``), so one space stays.
            chunk = " " + chunk.lstrip(" \t")
        parts.append(_LINE_BREAK_AND_INDENT.sub("\n", chunk))
        if opening is None:
            break
        kept_until = f"</{opening.group(1).lower()}"
        parts.append(text[stop : opening.end()])
        position, at_line_start = opening.end(), False
    return "".join(parts), kept_until
