"""One line of Markdown whose only syntax is ``**strong**`` runs and ``[label](https://…)`` links,
read without the parser.

After plain prose (``kiku.render.text.markdown.plain_text_html``) that is the commonest text of a
digest: a lead that stresses its topic, a body paragraph citing a press release. markdown-it reads
such a line as text tokens between ``strong_open``/``strong_close`` and ``link_open``/``link_close``;
reading it here with one regular expression is ~20× faster (8 against 162 µs for such a line, not
phrased) and gives the same tokens, because a line is taken only when the parser's reading is certain:

* outside the spans, inside a strong run and inside a link's label there is no character Markdown
  reads at all (the plain-text rule), and the line has no syntax at its start and no whitespace at
  either end;
* each ``**`` is a run of exactly two asterisks whose neighbours make it open (before the run's
  text) and close (after it) by CommonMark's flanking rules, computed by markdown-it's own
  character classes; runs then pair in order, as the parser pairs them;
* a link's destination is an http(s) URL that markdown-it's ``normalizeLink`` leaves as it is
  (a lowercase ASCII host, path characters that need no percent-encoding) and that carries no
  title, no space and no parenthesis.

Anything else returns None and takes the parser. tests/render/text/test_markdown.py compares the
renderings on generated lines.
"""

from __future__ import annotations

import re

from markdown_it.common.utils import isMdAsciiPunct, isPunctChar, isWhiteSpace

# Every character the parser may read anywhere in a line (kiku.render.text.markdown's plain-text rule).
SYNTAX_ANYWHERE = re.compile(r"[\\`*_\[\]<>!&\n\r\t\x00]")
# What makes a line's start a block (heading, quote, list, rule, fence).
SYNTAX_AT_START = re.compile(r"[#+\-=~]|\d+[.)]")

_HOST = r"[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*"
_URL = rf"https?://{_HOST}(?::[0-9]{{1,5}})?(?:[/?#](?:[A-Za-z0-9\-._~/?#=+:;,@$]|%[0-9A-Fa-f]{{2}})*)?"
_SPAN = re.compile(rf"\*\*(?P<strong>[^*]+?)\*\*|\[(?P<label>[^\[\]]+)\]\((?P<url>{_URL})\)")

# A span: ("text", text, ""), ("strong", text, "") or ("link", label, url).
Span = tuple[str, str, str]


def inline_spans(text: str) -> list[Span] | None:
    """``text`` as its spans in order when it is such a line (see the module docstring), else None.

    A line without any syntax is one text span.
    """
    if not text or text != text.strip() or SYNTAX_AT_START.match(text):
        return None
    spans: list[Span] = []
    opened = 0
    for match in _SPAN.finditer(text):
        start, end = match.span()
        if start > opened:
            if SYNTAX_ANYWHERE.search(text, opened, start):
                return None
            spans.append(("text", text[opened:start], ""))
        strong = match["strong"]
        if strong is not None:
            if SYNTAX_ANYWHERE.search(strong) or not _opens(text, start) or not _closes(text, end - 2):
                return None
            spans.append(("strong", strong, ""))
        else:
            label = match["label"]
            if SYNTAX_ANYWHERE.search(label) or label != label.strip():
                return None
            spans.append(("link", label, match["url"]))
        opened = end
    if opened < len(text):
        if SYNTAX_ANYWHERE.search(text, opened):
            return None
        spans.append(("text", text[opened:], ""))
    return spans


def _opens(text: str, at: int) -> bool:
    """Whether the run ``**`` at ``at`` is exactly two asterisks that can open emphasis."""
    before = text[at - 1] if at > 0 else " "
    after = text[at + 2] if at + 2 < len(text) else " "
    if before == "*" or after == "*":
        return False
    # CommonMark's left-flanking run (markdown-it's StateInline.scanDelims; ``*`` may split words).
    return not isWhiteSpace(ord(after)) and (
        not _punctuation(after) or isWhiteSpace(ord(before)) or _punctuation(before)
    )


def _closes(text: str, at: int) -> bool:
    """Whether the run ``**`` at ``at`` is exactly two asterisks that can close emphasis."""
    before = text[at - 1] if at > 0 else " "
    after = text[at + 2] if at + 2 < len(text) else " "
    if before == "*" or after == "*":
        return False
    # CommonMark's right-flanking run.
    return not isWhiteSpace(ord(before)) and (
        not _punctuation(before) or isWhiteSpace(ord(after)) or _punctuation(after)
    )


def _punctuation(character: str) -> bool:
    return isMdAsciiPunct(ord(character)) or isPunctChar(character)
