"""A site's calls to its reader, told by where the call's button stands: in brackets closing the
line ('…をすぐにチェック【無料ダウンロード】', '…受け取りませんか？［フォローする］', '…（投票はこちら）'), or
as 'はこちら' after a pictogram, with an arrow pointing on ('✉ メールマガジン登録（無料）はこちら ＞').

The buttons are words of ``chrome.CALL_TO_ACTION_BUTTONS`` or a link saying where it goes ('…はこちら');
a card's read-more link ('続きはこちら', '詳しくはこちら') is the card's, never a call.
"""

from __future__ import annotations

import re

from kiku.importer.cleaning.chrome import CALL_TO_ACTION_BUTTONS, nfkc, normalise
from kiku.importer.grammar.cards.card_link import LINK_OPENING
from kiku.importer.grammar.lines.features import split_marker

# The button in brackets at the line's end, perhaps with an arrow after it (NFKC: '［］' are '[]', '（）' '()').
_CLOSING_BUTTON = re.compile(r"[【\[(]\s*+(?P<button>[^【】\[\]()]{1,12}?)\s*+[】\])]\s*+(?:[>»≫›→⇒➡▶]{1,2})?$")
# A link naming what it leads to: '投票はこちら', '登録はコチラ'.
_HERE_LINK = re.compile(r"^[^\s]{1,8}?[はも](?:こちら|コチラ)[!！]?$")
# What is promoted stands before the button as a phrase of its own, not one word of a menu.
MIN_PROMOTION = 8
MAX_CALL = 80
_URL = re.compile(r"https?://")
# 'はこちら' closing a pictogram's line, perhaps a note in brackets before or after it and an arrow.
_HERE_PROMO = re.compile(
    r"^[^。！!？?]{1,40}?[はも](?:こちら|コチラ)[!！]?\s*+(?:[(【\[][^()【】\[\]]{1,20}[)】\]])?\s*+(?:[>»≫›→⇒➡▶]{1,2})?$")


def _is_button(text: str) -> bool:
    button = normalise(text)
    return button in CALL_TO_ACTION_BUTTONS or (
        _HERE_LINK.match(button) is not None and LINK_OPENING.match(button) is None)


def is_closing_button_call(text: str) -> bool:
    """A call closed by its button in brackets, or set off by an ideographic space as an app's dump prints its
    button ('…クーポン配布中　今すぐチェック'): no full stop, no URL, a phrase before the button."""
    normal = nfkc(text).strip()
    closing = _CLOSING_BUTTON.search(normal) or _SPACED_BUTTON.search(text.strip())
    return (closing is not None and closing.start() >= MIN_PROMOTION and len(normal) <= MAX_CALL
            and "。" not in normal and _URL.search(normal) is None and _is_button(closing["button"]))


_SPACED_BUTTON = re.compile(r"\u3000+(?P<button>[^\s]{1,12})$")


def is_pictogram_here_link(text: str) -> bool:
    """A marked line that is only a link to where the reader signs up or reads on: '✉ 登録（無料）はこちら ＞'."""
    marker, unmarked = split_marker(nfkc(text).strip())
    return (marker is not None and LINK_OPENING.match(unmarked) is None
            and _HERE_PROMO.match(unmarked) is not None)
