"""A page dumped as Markdown by a reader tool, read as the page a reader sees.

Reader tools ("Title: … / URL Source: … / Markdown Content:") and note apps save a page as
Markdown. Its syntax is the page's markup, as tags are in a saved HTML page: the lines are
written out as rendered, and what the markup says is kept as the HTML reader keeps it.

- ``#`` headings are heading lines (``Line.heading``: the same evidence as an ``<h2>``).
- Bullets (``*``, ``-``, ``+``) become ``・``; numbers (``1.``) stay, as printed; ``>`` quotes lose
  the ``>``; inline emphasis (``**…**``, ``*…*``, ``__…__``) and backslash escapes are removed:
  the article's text is what the reader read, and it is escaped again on the way out
  (``finishing.escape``), so the page's styling never becomes the article's markup.
- A link keeps its label. Its URL is written after the label only where the importer needs it,
  as the HTML reader writes an ``href`` in (``reading.html_links``): a card's link
  (``[続きを読む ⇒](https://…)``) and a numbered reference (``1. ^ [「…」](https://…)``). Only
  http(s) URLs are written.
- What carries no text of the article is dropped and reported by rule: the reader tool's header,
  image lines, horizontal rules, table rows (an infobox), and a line made only of links (a
  menu, a related or ranked list, a pagination row, a footer).
"""

from __future__ import annotations

import re

from kiku.importer.grammar.card_link import LINK_OPENING
from kiku.importer.page import Line, squeeze_spaces, without_invisible
from kiku.importer.report import ImportReport

_READER_HEADER = re.compile(r"^(?:Title|URL Source|Published Time|Description|Markdown Content):")
_MARKDOWN_CONTENT = "Markdown Content:"
# How many lines from the top a reader tool's header may take.
_HEADER_LINES = 8
_ATX_HEADING = re.compile(r"^(#{1,6})\s+(.*?)(?:\s+#+)?\s*$")
_RULE = re.compile(r"^\s*(?:(?:-\s*){3,}|(?:\*\s*){3,}|(?:_\s*){3,})$")
_TABLE_ROW = re.compile(r"^\s*\|.*\|\s*$")
_IMAGE = re.compile(r"!\[[^\]\n]*\]\([^)\s]*(?:\s+\"[^\"]*\")?\)")
_LINK = re.compile(r"\[(?P<label>(?:[^\[\]\n]|\[[^\[\]\n]*\])*)\]"
                   r"\((?P<url>(?:[^()\s]|\([^()\s]*\))*)(?:\s+\"[^\"]*\")?\)")
_BULLET = re.compile(r"^\s*[*+-]\s+")
_NUMBERED = re.compile(r"^\s*(\d{1,4}[.)])\s+")
_QUOTE = re.compile(r"^\s*>\s?")
_REFERENCE = re.compile(r"^\s*(?:\d{1,4}[.．]\s*)?[\^↑]")
_HTTP = re.compile(r"^https?://", re.IGNORECASE)
# What a line of links may hold besides them: separators, list numbers, page numbers, arrows.
_LINK_ROW_FILLER = re.compile(r"^[\s|｜/／>＞›»«·・,、\-–—*+\d.．]*$")
# Spans are bounded, so a line of unclosed markers is read in linear time.
_STRONG = re.compile(r"(\*\*|__)(?=\S)([^\n]{1,200}?)(?<=\S)\1")
_EMPHASIS = re.compile(r"(?<![\w*])\*(?=[^\s*])([^*\n]{1,200}?)(?<=[^\s*])\*(?![\w*])")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~])")
# Markdown the dump is told by, when it has no reader tool's header.
_LINKED = re.compile(r"\]\(https?://")
MIN_HEADINGS = 2


def is_markdown_dump(text: str) -> bool:
    """A reader tool's dump (its header), or a page with Markdown headings and links."""
    lines = text.splitlines()
    if any(line.strip() == _MARKDOWN_CONTENT for line in lines[:_HEADER_LINES]):
        return True
    headings = sum(1 for line in lines if _ATX_HEADING.match(line))
    return headings >= MIN_HEADINGS and any(_LINKED.search(line) for line in lines)


def read_markdown_dump(raw_lines: list[str], report: ImportReport) -> list[Line]:
    """The page's lines as rendered, numbered as in the file; dropped lines go to ``report``."""
    lines: list[Line] = []
    in_header = any(line.strip() == _MARKDOWN_CONTENT for line in raw_lines[:_HEADER_LINES])
    for number, scraped_text in enumerate(raw_lines, start=1):
        raw = without_invisible(scraped_text).replace("\u00a0", " ")
        if not raw.strip():
            continue
        scraped = Line(number, squeeze_spaces(raw).strip())
        if in_header:
            in_header = raw.strip() != _MARKDOWN_CONTENT
            if _READER_HEADER.match(raw.strip()):
                report.drop(scraped, "reader-header")
                continue
        rule = _dropped_rule(raw)
        if rule is not None:
            report.drop(scraped, rule)
            continue
        rendered = rendered_line(raw)
        if rendered is not None and rendered[0]:
            lines.append(Line(number, rendered[0], heading=rendered[1]))
    return lines


def _dropped_rule(raw: str) -> str | None:
    """The rule that drops a line carrying no text of the article, else None."""
    if _RULE.match(raw):
        return "markdown-rule"
    if _TABLE_ROW.match(raw):
        return "markdown-table"
    without_images = _IMAGE.sub("", raw)
    if not without_images.strip():
        return "image"
    if (_LINK.search(without_images) and _LINK_ROW_FILLER.match(_LINK.sub("", without_images))
            and not _card_links(without_images)):
        return "link-list"
    return None


def _card_links(text: str) -> bool:
    return any(LINK_OPENING.match(_inline(match["label"]).strip()) for match in _LINK.finditer(text))


def rendered_line(raw: str) -> tuple[str, bool] | None:
    """The line as a reader sees it, and whether it is a heading; None for a blank quote line."""
    text = _IMAGE.sub("", raw)
    heading = _ATX_HEADING.match(text)
    if heading:
        return _inline_with_links(heading.group(2)).strip(), True
    while _QUOTE.match(text):
        text = _QUOTE.sub("", text, count=1)
    if not text.strip():
        return None
    bullet = _BULLET.match(text)
    if bullet and not _RULE.match(text):
        return "・" + _inline_with_links(text[bullet.end():]).strip(), False
    numbered = _NUMBERED.match(text)
    if numbered:
        return numbered.group(1) + " " + _inline_with_links(text[numbered.end():]).strip(), False
    return _inline_with_links(text).strip(), False


def _inline_with_links(text: str) -> str:
    """Links as their labels; a card's link or a reference's first link keeps its http(s) URL after it."""
    keeps_url = _REFERENCE.match(text) is not None

    def label(match: re.Match[str]) -> str:
        nonlocal keeps_url
        shown = _inline(match["label"])
        if (keeps_url or LINK_OPENING.match(shown.strip())) and _HTTP.match(match["url"]):
            keeps_url = False
            return f"{shown} {match['url']}"
        return shown

    return squeeze_spaces(_inline(_LINK.sub(label, text), links_done=True))


def _inline(text: str, *, links_done: bool = False) -> str:
    """Emphasis and escapes removed (links are read by ``_inline_with_links``)."""
    text = _STRONG.sub(r"\2", text)
    text = _EMPHASIS.sub(r"\1", text)
    return _ESCAPE.sub(r"\1", text) if links_done else text
