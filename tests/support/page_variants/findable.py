"""What of a page's truth a reader can find in its text: a variant must keep all of it."""

from __future__ import annotations

import html
import re
import unicodedata
from typing import Any

from tests.support.import_truth import AD_LABELS, without_marker

_TAG = re.compile(r"<[^<>]*>")
_RAW = re.compile(r"<!--.*?-->|<(script|style)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)


def page_text(page: str, is_html: bool) -> str:
    """The page's text as a reader sees it, without markup, character references read."""
    if not is_html:
        return page
    return html.unescape(_TAG.sub("", _RAW.sub("", page)))


def _squeezed(text: str) -> str:
    return "".join(text.split())


def _normalised(text: str) -> str:
    return _squeezed(unicodedata.normalize("NFKC", text))


def truth_needles(truth: dict[str, Any]) -> list[tuple[str, bool]]:
    """The truth's strings with whether each is compared after NFKC: content strings are
    compared as written, names (title, headings, publishers) as NFKC, URLs as written. An ad card's
    label word where a publisher stands ('PR', '広告') is no name: the audit takes any of them alike."""
    needles = [(without_marker(str(text)), False) for text in truth.get("content") or [] if text]
    names = [truth.get("title")]
    for section in truth.get("sections") or []:
        if isinstance(section, dict):
            names.append(section.get("heading"))
            for card in section.get("sources") or []:
                if not (card.get("off_topic") and card.get("publisher") in AD_LABELS):
                    names.append(card.get("publisher"))
                needles.append((str(card.get("url") or ""), False))
        else:
            names.append(section)
    needles += [(str(name), True) for name in names if name]
    return [(needle, normalised) for needle, normalised in needles if needle.strip()]


def findable(truth: dict[str, Any], text: str) -> frozenset[str]:
    """The truth strings found in ``text`` (a page's text as ``page_text`` gives it)."""
    squeezed, normalised = _squeezed(text), _normalised(text)
    return frozenset(needle for needle, is_name in truth_needles(truth)
                     if (_normalised(needle) in normalised if is_name else _squeezed(needle) in squeezed))


def lost_strings(truth: dict[str, Any], original: str, variant: str, is_html: bool) -> list[str]:
    """Truth strings the original page holds and the variant does not."""
    return sorted(findable(truth, page_text(original, is_html)) - findable(truth, page_text(variant, is_html)))
