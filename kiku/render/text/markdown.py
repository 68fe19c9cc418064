"""Markdown → HTML for article text: CommonMark, raw HTML off, only web links, footnote markers.

The one parser is configured here and nowhere else. What it promises:

* raw HTML in the source is escaped text (``html`` is off), so ``<script>`` can never reach a page;
* a link is kept only when it points at ``http://``, ``https://`` or a ``#fragment``; anything
  else (``javascript:``, ``data:``, ``file:``, relative paths) stays literal text. The loader
  refuses such links too; this is the second fence;
* images are not parsed: an article never hot-links a remote picture;
* external links get ``rel="noopener noreferrer"`` and no ``target``: the reader decides
  where a link opens (a forced new tab breaks the back button and surprises screen-reader
  users, WCAG G200/G201);
* ``[12]`` becomes a footnote link to ``#ref-12`` when 12 is one of the ``reference_ids``
  given to the call; any other bracketed number stays literal text. A word joiner (U+2060) before
  it keeps the marker on the line of the word it annotates;
* with ``phrased=True`` every run of text gets ``<wbr>`` between its phrases (``kiku.render.text.phrases``)
  so that ``word-break: keep-all`` breaks it between phrases in every browser.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from markdown_it import MarkdownIt
from markdown_it.common.utils import escapeHtml
from markdown_it.renderer import RendererHTML
from markdown_it.rules_inline import StateInline
from markdown_it.token import Token
from markdown_it.utils import EnvType, OptionsDict
from markupsafe import Markup, escape

from kiku.render.text.inline_spans import SYNTAX_ANYWHERE, SYNTAX_AT_START, Span, inline_spans
from kiku.render.text.phrases import phrases
from kiku.render.writing.templating.escaping import as_markup

_ALLOWED_LINK = re.compile(r"(?:https?://|#)", re.IGNORECASE)
_EXTERNAL_LINK = re.compile(r"https?://", re.IGNORECASE)
_FOOTNOTE_MARKER = re.compile(r"\[(\d{1,4})\]")

# Keys of the per-call render env (markdown-it's sandbox dict, created fresh for every call).
_ENV_REFERENCE_IDS = "kiku_reference_ids"
_ENV_ANCHOR_SCOPE = "kiku_anchor_scope"
_ENV_CITATIONS_SEEN = "kiku_citations_seen"
_ENV_PHRASED = "kiku_phrased"
# Glues a footnote marker to the word before it: the marker never starts a line.
WORD_JOINER = "\u2060"


class _WebOnlyMarkdownIt(MarkdownIt):
    """MarkdownIt that keeps http(s) and in-page links only."""

    def validateLink(self, url: str) -> bool:
        return _ALLOWED_LINK.match(url.strip()) is not None


class _KikuRenderer(RendererHTML):
    """HTML renderer with the rel policy for external links and footnote references."""

    def link_open(self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType) -> str:
        token = tokens[idx]
        href = token.attrGet("href")
        if isinstance(href, str) and _EXTERNAL_LINK.match(href):
            token.attrSet("rel", "noopener noreferrer")
        return self.renderToken(tokens, idx, options, env)

    def text(self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType) -> str:
        content = tokens[idx].content
        if env.get(_ENV_PHRASED):
            return "<wbr>".join(escapeHtml(phrase) for phrase in phrases(content))
        return escapeHtml(content)

    def footnote_ref(self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType) -> str:
        token = tokens[idx]
        reference_id = int(token.content)
        anchor = str(token.info)
        link = f'<a href="#ref-{reference_id}" id="{escape(anchor)}">[{reference_id}]</a>'
        return f'{WORD_JOINER}<sup class="fn">{link}</sup>'


def _footnote_ref_rule(state: StateInline, silent: bool) -> bool:
    """``[12]`` → footnote reference when 12 is a known reference id."""
    if state.src[state.pos] != "[" or state.linkLevel > 0:
        # Inside a link's text a nested <a> would be invalid HTML: leave the marker literal.
        return False
    match = _FOOTNOTE_MARKER.match(state.src, state.pos, state.posMax)
    if match is None:
        return False
    reference_ids: frozenset[int] = state.env.get(_ENV_REFERENCE_IDS, frozenset())
    reference_id = int(match.group(1))
    if reference_id not in reference_ids:
        return False
    end = match.end()
    if end < state.posMax and state.src[end] == "(":
        return False  # ``[12](https://…)`` is an ordinary link whose text is a number
    if not silent:
        seen: dict[int, int] = state.env.setdefault(_ENV_CITATIONS_SEEN, {})
        seen[reference_id] = seen.get(reference_id, 0) + 1
        scope: str = state.env.get(_ENV_ANCHOR_SCOPE, "")
        anchor = f"cite-{scope}{reference_id}"
        if seen[reference_id] > 1:
            anchor += f"-{seen[reference_id]}"
        token = state.push("footnote_ref", "", 0)
        token.content = str(reference_id)
        token.info = anchor
    state.pos = end
    return True


@functools.cache
def _parser() -> MarkdownIt:
    """The configured parser; built once, holds no per-document state (that lives in env)."""
    md = _WebOnlyMarkdownIt("commonmark", {"html": False}, renderer_cls=_KikuRenderer)
    md.disable("image")
    md.inline.ruler.before("link", "footnote_ref", _footnote_ref_rule)
    return md


def _env(reference_ids: frozenset[int], anchor_scope: str, phrased: bool) -> EnvType:
    return {_ENV_REFERENCE_IDS: reference_ids, _ENV_ANCHOR_SCOPE: anchor_scope, _ENV_PHRASED: phrased}


# Nearly every text of a digest is one line of prose without a character Markdown reads: such a
# text renders as itself, HTML-escaped the way markdown-it escapes (& < > "), which is ~20× faster
# than parsing it. Anywhere in the line: inline syntax, escapes, entities, raw HTML, footnote
# markers. At its start: headings, block quotes, lists, rules, fences (whose other forms need a
# second line, never plain). Any line break, tab or NUL, or whitespace at either end (which
# markdown-it trims), takes the full parser. Phrased, the line is the parser's one text token, cut
# into phrases as the renderer's ``text`` rule cuts it. tests/render/text/test_markdown.py proves the
# equality in both modes. The next commonest lines, with only **strong** runs and http(s) links, are
# read by kiku.render.text.inline_spans, also without the parser.


def plain_text_html(text: str, *, phrased: bool = False) -> str | None:
    """``text`` escaped when it holds no Markdown syntax (its HTML is then itself), else None."""
    if not text or SYNTAX_ANYWHERE.search(text) or SYNTAX_AT_START.match(text) or text != text.strip():
        return None
    return _text_html(text, phrased)


def _text_html(text: str, phrased: bool) -> str:
    """``text`` (without ``&``, ``<`` or ``>``) as markdown-it's ``text`` rule renders it."""
    if phrased:
        return "<wbr>".join(phrase.replace('"', "&quot;") for phrase in phrases(text))
    return text.replace('"', "&quot;")


def _spans_html(spans: list[Span], phrased: bool) -> str:
    """The HTML markdown-it renders for a line read by ``inline_spans``."""
    pieces = []
    for kind, text, url in spans:
        html = _text_html(text, phrased)
        if kind == "strong":
            html = f"<strong>{html}</strong>"
        elif kind == "link":
            html = f'<a href="{url}" rel="noopener noreferrer">{html}</a>'
        pieces.append(html)
    return "".join(pieces)


def render_block(
    text: str, reference_ids: frozenset[int] = frozenset(), anchor_scope: str = "", *, phrased: bool = False
) -> Markup:
    """Render Markdown block text (paragraphs, lists, …) to safe HTML.

    ``reference_ids`` are the footnote ids ``[n]`` may link to. ``anchor_scope`` is prefixed to
    the ids of the footnote references this call creates (``cite-<scope><n>``), so that calls
    for different paragraphs of one page never produce the same ``id``. ``phrased`` marks phrase
    breaks with ``<wbr>`` (see the module docstring).
    """
    if not isinstance(text, str):
        raise TypeError(f"markdown text must be a str, not {type(text).__name__}")
    plain = plain_text_html(text, phrased=phrased)
    if plain is not None:
        return as_markup(f"<p>{plain}</p>\n")
    spans = inline_spans(text)
    if spans is not None:
        return as_markup(f"<p>{_spans_html(spans, phrased)}</p>\n")
    return Markup(_parser().render(text, _env(reference_ids, anchor_scope, phrased)))


def render_inline(
    text: str, reference_ids: frozenset[int] = frozenset(), anchor_scope: str = "", *, phrased: bool = False
) -> Markup:
    """Render one line of Markdown (emphasis, links, footnote references) without a ``<p>``."""
    if not isinstance(text, str):
        raise TypeError(f"markdown text must be a str, not {type(text).__name__}")
    plain = plain_text_html(text, phrased=phrased)
    if plain is not None:
        return as_markup(plain)
    spans = inline_spans(text)
    if spans is not None:
        return as_markup(_spans_html(spans, phrased))
    return Markup(_parser().renderInline(text, _env(reference_ids, anchor_scope, phrased)))


def parse_block(
    text: str, reference_ids: frozenset[int] = frozenset(), anchor_scope: str = "", *, phrased: bool = False
) -> Markup:
    """``render_block`` without the fast paths: the parser's own output (for tests)."""
    return Markup(_parser().render(text, _env(reference_ids, anchor_scope, phrased)))


def parse_inline(
    text: str, reference_ids: frozenset[int] = frozenset(), anchor_scope: str = "", *, phrased: bool = False
) -> Markup:
    """``render_inline`` without the fast paths: the parser's own output (for tests)."""
    return Markup(_parser().renderInline(text, _env(reference_ids, anchor_scope, phrased)))
