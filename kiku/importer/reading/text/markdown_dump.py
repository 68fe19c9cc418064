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
  as the HTML reader writes an ``href`` in (``reading.html.links``): a card's link
  (``[続きを読む ⇒](https://…)``) and a numbered reference (``1. ^ [「…」](https://…)``). Only
  http(s) URLs are written.
- What carries no text of the article is dropped and reported by rule: the reader tool's header,
  image lines, horizontal rules, table rows (an infobox), and a line made only of links (a
  menu, a related or ranked list, a pagination row, a footer).
"""

from __future__ import annotations

import re
import unicodedata

from kiku.importer.grammar.cards.card_link import read_card_link
from kiku.importer.layouts.labels import FOOTNOTE_BACK_MARK
from kiku.importer.page import Line, squeeze_spaces, without_invisible
from kiku.importer.report import ImportReport

_READER_HEADER = re.compile(r"^(?:Title|URL Source|Published Time|Description|Warning|Language|Markdown Content):")
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
_REFERENCE = re.compile(rf"^\s*(?:\d{{1,4}}[.．]\s*|[(（]\d{{1,4}}[)）]\s*)?{FOOTNOTE_BACK_MARK}")
_HTTP = re.compile(r"^https?://", re.IGNORECASE)
# What a line of links may hold besides them: separators, list numbers, page numbers, arrows.
_LINK_ROW_FILLER = re.compile(r"^[\s|｜/／>＞›»«·・,、\-–—*+\d.．]*$")
# Spans are bounded, so a line of unclosed markers is read in linear time.
_STRONG = re.compile(r"(\*\*|__)(?=\S)([^\n]{1,200}?)(?<=\S)\1")
_EMPHASIS = re.compile(r"(?<![\w*])\*(?=[^\s*])([^*\n]{1,200}?)(?<=[^\s*])\*(?![\w*])")
_CODE = re.compile(r"`([^`\n]{1,200})`")
_STRIKE = re.compile(r"~~(?=\S)([^\n]{1,200}?)(?<=\S)~~")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~])")
# Markdown the dump is told by, when it has no reader tool's header.
_LINKED = re.compile(r"\]\(https?://")
# A heading underlined on the next line (setext): '見出し' / '====' or '----'.
_SETEXT_UNDERLINE = re.compile(r"^\s{0,3}(?:=+|-+)\s*$")
_DEFINITION = re.compile(r"^\s{0,3}\[(?P<label>[^\]\n]+)\]:\s*(?P<url>\S+)")
_REFERENCE_LINK = re.compile(r"\[(?P<label>[^\[\]\n]+)\]\[(?P<ref>[^\[\]\n]*)\]")
_AUTOLINK = re.compile(r"<(https?://[^\s<>]+)>")
# The site's name after the title in a reader tool's 'Title:' line: '… - テックの森', '…｜マネーのいま'.
_SITE_SUFFIX = re.compile(r"\s*(?:\s[-–—|]\s|[｜|])[^｜|]{1,30}$")
MIN_HEADINGS = 2
# How far into the content the title is looked for before the reader tool's is used.
_TITLE_WINDOW = 30


def is_markdown_dump(text: str) -> bool:
    """A reader tool's dump (its header), or a page with Markdown headings and links."""
    lines = text.splitlines()
    if any(line.strip() == _MARKDOWN_CONTENT for line in lines[:_HEADER_LINES]):
        return True
    headings = sum(1 for line in lines if _ATX_HEADING.match(line))
    return headings >= MIN_HEADINGS and any(_LINKED.search(line) for line in lines)


def read_markdown_dump(raw_lines: list[str], report: ImportReport) -> list[Line]:
    """The page's lines as rendered, numbered as in the file; dropped lines go to ``report``."""
    texts = [without_invisible(line).replace("\u00a0", " ") for line in raw_lines]
    definitions = _link_definitions(texts)
    in_header = any(line.strip() == _MARKDOWN_CONTENT for line in texts[:_HEADER_LINES])
    title = _unprinted_title(texts) if in_header else None
    lines: list[Line] = []
    for index, raw in enumerate(texts):
        if not raw.strip():
            continue
        scraped = Line(index + 1, squeeze_spaces(raw).strip())
        if in_header:
            in_header = raw.strip() != _MARKDOWN_CONTENT
            if title is not None and raw.startswith("Title:"):
                # The content never prints the title: the reader tool's line gives it.
                report.trim(scraped, "reader-header", raw[:raw.index(title)].strip(), "title")
                lines.append(Line(index + 1, title, heading=True))
                continue
            if _READER_HEADER.match(raw.strip()):
                report.drop(scraped, "reader-header")
                continue
        raw = _resolved_links(raw, definitions)
        rule = _dropped_rule(raw, texts[index - 1] if index else "")
        if rule is not None:
            report.drop(scraped, rule)
            continue
        rendered = rendered_line(raw)
        if rendered is not None and rendered[0]:
            underlined = index + 1 < len(texts) and _SETEXT_UNDERLINE.match(texts[index + 1]) is not None
            lines.append(Line(index + 1, rendered[0], heading=rendered[1] or underlined))
    return lines


def _unprinted_title(texts: list[str]) -> str | None:
    """The reader tool's 'Title:' less the site's name after it, when the content's first lines
    neither print it nor hold a heading (else None: the content's own line is the title)."""
    header = next((text.strip() for text in texts[:_HEADER_LINES] if text.startswith("Title:")), None)
    if header is None:
        return None
    title = _SITE_SUFFIX.sub("", header[len("Title:"):].strip())
    start = next((index for index, text in enumerate(texts) if text.strip() == _MARKDOWN_CONTENT), 0) + 1
    shown = [line for text in texts[start:start + _TITLE_WINDOW] if text.strip() and (line := rendered_line(text))]
    printed = any(heading or _folded(text) == _folded(title) for text, heading in shown)
    return None if not title or printed else title


def _folded(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def _link_definitions(texts: list[str]) -> dict[str, str]:
    """Reference-style link targets: '[1]: https://…' (labels compared in lower case)."""
    return {match["label"].strip().lower(): match["url"] for text in texts
            if (match := _DEFINITION.match(text)) is not None}


def _resolved_links(text: str, definitions: dict[str, str]) -> str:
    """'[label][1]', '[label][]' and '<https://…>' written as inline links and URLs."""
    text = _AUTOLINK.sub(r"\1", text)
    if not definitions or "][" not in text:
        return text

    def resolved(match: re.Match[str]) -> str:
        url = definitions.get((match["ref"] or match["label"]).strip().lower())
        return f"[{match['label']}]({url})" if url else match.group()

    return _REFERENCE_LINK.sub(resolved, text)


def _dropped_rule(raw: str, above: str) -> str | None:
    """The rule that drops a line carrying no text of the article, else None."""
    if _SETEXT_UNDERLINE.match(raw) and above.strip() and not _RULE.match(above):
        return "heading-underline"
    if _RULE.match(raw):
        return "markdown-rule"
    if _DEFINITION.match(raw):
        return "link-definition"
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
    return any(_is_card_link(_inline(match["label"]), match["url"]) for match in _LINK.finditer(text))


def _is_card_link(label: str, url: str) -> bool:
    """The link reads as a card's link line once its URL is written after its label
    ('続きを読む ⇒', '元記事を読む（日本経済新聞）', 'via 毎日新聞', '記事全文はこちら ⇒ NHK 引用元:')."""
    return bool(label.strip()) and _HTTP.match(url) is not None and read_card_link(f"{label.strip()} {url}") is not None


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
        if shown.strip() == match["url"]:
            keeps_url = False
            return shown  # a link printed as its own URL: '[https://…](https://…)'
        if (keeps_url and _HTTP.match(match["url"])) or _is_card_link(shown, match["url"]):
            keeps_url = False
            after = match.string[match.end():match.end() + 1]
            return f"{shown} {match['url']}" + (" " if after and not after.isspace() else "")
        return shown

    return squeeze_spaces(_inline(_LINK.sub(label, text), links_done=True))


def _inline(text: str, *, links_done: bool = False) -> str:
    """Emphasis, code and strike marks and escapes removed (links are read by ``_inline_with_links``)."""
    text = _CODE.sub(r"\1", _STRIKE.sub(r"\1", text))
    text = _STRONG.sub(r"\2", text)
    text = _EMPHASIS.sub(r"\1", text)
    return _ESCAPE.sub(r"\1", text) if links_done else text
