"""HTML rewrites of a card: a box (div, aside, article, section, li, blockquote, figure) whose
content is <p> lines and lists only, one of them linking out of the page. Another site prints
the same lines with <br>s, as a list, or its publisher and date lines the other way round."""

from __future__ import annotations

import random
import re
from collections.abc import Callable

_P = r"<p\b[^>]*>(?:(?!</?p\b).)*?</p\s*>"
_UL = r"<ul\b[^>]*>(?:(?!</?ul\b).)*?</ul\s*>"
_CARD = re.compile(
    rf"(<(div|aside|article|section|li|blockquote|figure)\b[^>]*>\s*)((?:(?:{_P}|{_UL})\s*){{2,}})(</\2\s*>)",
    re.IGNORECASE | re.DOTALL)
_RUN = re.compile(rf"(?:{_P}\s*){{2,}}", re.IGNORECASE | re.DOTALL)
_LINE = re.compile(r"<p\b[^>]*>((?:(?!</?p\b).)*?)</p\s*>", re.IGNORECASE | re.DOTALL)
_DATE = re.compile(r"20\d\d(?:年\d{1,2}月\d{1,2}日|([/.\-])\d{1,2}\1\d{1,2})")
_EXTERNAL = re.compile(r"""href\s*=\s*["']?https?://""", re.IGNORECASE)
# A publisher or date line is short; a longer line is a title or a summary.
_META_LENGTH = 24

# A run of two or more <p> lines of a card, printed anew (None: left as it is).
RunPrinter = Callable[[list[re.Match[str]]], "str | None"]


def _rewrite_cards(page: str, printed: RunPrinter) -> str:
    def run(match: re.Match[str]) -> str:
        new = printed(list(_LINE.finditer(match.group(0))))
        return match.group(0) if new is None else new + "\n"

    def card(match: re.Match[str]) -> str:
        if _EXTERNAL.search(match.group(3)) is None:
            return match.group(0)
        return match.group(1) + _RUN.sub(run, match.group(3)) + match.group(4)

    return _CARD.sub(card, page)


def lines_with_breaks(page: str, rng: random.Random) -> str:
    """A card's <p> lines printed as one <p> broken by <br>."""
    return _rewrite_cards(page, lambda lines: "<p>" + "<br>\n".join(line.group(1).strip() for line in lines) + "</p>")


def lines_as_list(page: str, rng: random.Random) -> str:
    """A card's <p> lines printed as the items of a <ul>."""
    return _rewrite_cards(page, lambda lines: "<ul>" + "".join(f"<li>{line.group(1).strip()}</li>" for line in lines) + "</ul>")


def _text(line: re.Match[str]) -> str:
    return re.sub(r"<[^>]*>", "", line.group(1)).strip()


def _is_meta(line: re.Match[str]) -> bool:
    return "href" not in line.group(1) and 0 < len(_text(line)) <= _META_LENGTH


def _swapped(lines: list[re.Match[str]]) -> str | None:
    # The card's first line (its title, as a rule) stays first.
    for index in range(1, len(lines) - 1):
        first, second = lines[index], lines[index + 1]
        dated = (_DATE.search(_text(first)) is not None, _DATE.search(_text(second)) is not None)
        if _is_meta(first) and _is_meta(second) and dated[0] != dated[1]:
            order = [*lines[:index], second, first, *lines[index + 2:]]
            return "\n".join(line.group(0) for line in order)
    return None


# A card line that names the publisher then the date: '<cite>東京新聞</cite> <time …>2025年9月9日</time>'.
_PUBLISHER_DATE = re.compile(
    r"(<(cite|small|span|b|strong)\b[^>]*>[^<]{1,24}</\2\s*>)([ \t\u3000]*)"
    r"(<time\b[^>]*>[^<]*</time\s*>|20\d\d(?:年\d{1,2}月\d{1,2}日|([/.\-])\d{1,2}\5\d{1,2}))", re.IGNORECASE)


def _swapped_inline(card: str) -> str:
    return _PUBLISHER_DATE.sub(lambda match: match.group(4) + match.group(3) + match.group(1), card)


def reordered_meta(page: str, rng: random.Random) -> str:
    """A card's date line and the short line beside it (its publisher) printed the other way
    round, and a line that names the publisher before the date names the date first."""
    reordered = _rewrite_cards(page, _swapped)

    def card(match: re.Match[str]) -> str:
        if _EXTERNAL.search(match.group(3)) is None:
            return match.group(0)
        return match.group(1) + _swapped_inline(match.group(3)) + match.group(4)

    return _CARD.sub(card, reordered)
