"""Which URLs an article may point to: absolute http(s) URLs, and ``#fragment`` links in Markdown.

Checked at load time so that a ``javascript:`` or ``data:`` link never reaches a page, whatever
the renderer's own link validation does.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Sequence
from typing import Any
from urllib.parse import urlsplit

from markdown_it import MarkdownIt
from markdown_it.token import Token

# Whitespace (Unicode too, e.g. the ideographic space U+3000) and C0/C1 control characters.
_FORBIDDEN_IN_URL = re.compile(r"[\s\x00-\x1f\x7f-\x9f]")
# An http(s) URL whose host is ASCII letters, digits, dots and hyphens, ending the URL or followed by
# its path, query or fragment: ``urlsplit`` finds that host, no port and no error in it (tested).
_PLAIN_HTTP_URL = re.compile(r"https?://[a-z0-9.-]+(?:[/?#]|\Z)", re.ASCII | re.IGNORECASE)

# --- the fast path: most text with links holds only plain ``[x](https://…)`` links ----------
# Backslash escapes, entities and reference definitions can change what a destination is:
# text with any of them always goes to the parser.
_NEEDS_PARSER = re.compile(r"\\|\]:|&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_LINK_START = re.compile(r"\]\(|<")
# After ``](``: optional blanks and one line break, then a destination that is certainly whole:
# ``#…`` (any fragment link is allowed), or ``http(s)://`` up to a blank or ``)`` with no
# parentheses or angle brackets inside (those would make CommonMark extend or end it elsewhere).
_PLAIN_DESTINATION = re.compile(
    r"\]\([ \t]*\n?[ \t]*(?:#|(https?://[^\x00-\x20\x7f()<>]+)(?=[ \t\n)]))", re.IGNORECASE
)
_HTTP_AUTOLINK = re.compile(r"<(https?://[^<>\x00-\x20]*)>", re.IGNORECASE)
# Characters that can follow ``<`` in an autolink (a URI scheme or an e-mail address).
_AUTOLINK_FIRST = re.compile(r"<[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]")


def is_http_url(value: str) -> bool:
    """True for an absolute ``http://`` or ``https://`` URL with a host and no whitespace or controls.

    Non-ASCII characters are allowed (``https://例え.jp/パス``); the scheme is case-insensitive.
    """
    if not value or _FORBIDDEN_IN_URL.search(value):
        return False
    if _PLAIN_HTTP_URL.match(value):  # almost every URL: a fifth of the time of splitting it
        return True
    return split_is_http_url(value)


def split_is_http_url(value: str) -> bool:
    """``is_http_url`` by splitting ``value`` (what it does for any URL its fast path does not vouch for)."""
    if not value or _FORBIDDEN_IN_URL.search(value):
        return False
    try:
        parts = urlsplit(value)
        host = parts.hostname
        parts.port  # noqa: B018 -- raises ValueError for a port that is not a number in range
    except ValueError:  # e.g. an unbalanced IPv6 bracket or a bad port
        return False
    return parts.scheme.lower() in ("http", "https") and bool(host)


def unsafe_link_targets(markdown: str) -> list[str]:
    """The destinations of links, autolinks, images and reference definitions in ``markdown``
    that are neither http(s) URLs nor ``#…`` fragments.

    Cheap for ordinary text: text without ``](``, ``<`` or ``]:`` cannot hold a link (inline
    links and images ``[x](…)``, autolinks ``<…>``, reference definitions ``[r]: …``), and text
    whose every link is a plain http(s) link is recognised without parsing. Anything else is
    parsed with markdown-it (CommonMark, raw HTML off), so escapes, entities and code spans are
    understood exactly as the renderer understands them.
    """
    if "](" not in markdown and "<" not in markdown and "]:" not in markdown:
        return []
    if _only_plain_http_links(markdown):
        return []
    bad_targets = (target for target in parsed_link_targets(markdown) if not is_allowed_link(target))
    return list(dict.fromkeys(bad_targets))  # each once, in reading order


def is_allowed_link(target: str) -> bool:
    """A Markdown link may go to an http(s) URL or to a ``#fragment`` of the same page."""
    return target.startswith("#") or is_http_url(target)


def _only_plain_http_links(markdown: str) -> bool:
    """True only when certain that every possible link in ``markdown`` is allowed; False when in doubt."""
    if _NEEDS_PARSER.search(markdown):
        return False
    for start in _LINK_START.finditer(markdown):
        position = start.start()
        if start.group() == "](":
            destination = _PLAIN_DESTINATION.match(markdown, position)
            if destination is None:
                return False
            url = destination.group(1)
            if url is not None and not is_http_url(url):
                return False
        else:
            autolink = _HTTP_AUTOLINK.match(markdown, position)
            if autolink is not None:
                if not is_http_url(autolink.group(1)):
                    return False
            elif _AUTOLINK_FIRST.match(markdown, position):
                return False  # might be ``<mailto:…>``, ``<javascript:…>`` or an e-mail address
    return True


def parsed_link_targets(markdown: str) -> list[str]:
    """Every link destination in ``markdown`` as CommonMark reads it, with no filtering."""
    env: dict[str, Any] = {}
    tokens = _link_parser().parse(markdown, env)
    targets = list(_token_targets(tokens))
    # A reference definition is checked even when unused here: a renderer joining several
    # texts into one document could use it from another paragraph.
    for definition in env.get("references", {}).values():
        targets.append(str(definition.get("href", "")))
    return targets


class _PermissiveParser(MarkdownIt):
    """A CommonMark parser that keeps every link exactly as written.

    markdown-it silently turns a ``javascript:`` link into plain text; here every link must
    survive parsing so that it can be refused with a message instead.
    """

    def validateLink(self, url: str) -> bool:
        return True

    def normalizeLink(self, url: str) -> str:
        return url


@functools.cache
def _link_parser() -> MarkdownIt:
    return _PermissiveParser("commonmark", {"html": False})


def _token_targets(tokens: Sequence[Token]) -> Iterator[str]:
    for token in tokens:
        if token.type == "link_open":
            yield str(token.attrGet("href") or "")
        elif token.type == "image":
            yield str(token.attrGet("src") or "")
        if token.children:
            yield from _token_targets(token.children)
