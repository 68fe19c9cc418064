"""A row of the site's share buttons ('ツイート 15 シェア 8 はてブ 3', 'シェア | ツイート | はてブ'): the button
words of ``chrome``, their counts and icons."""

from __future__ import annotations

import re

from kiku.importer.cleaning.chrome import (
    LINK_SEPARATORS,
    SENTENCE,
    SHARE_BUTTONS,
    SHARE_BUTTONS_ALONE,
    line_tokens,
    nfkc,
    normalise,
)

_COUNT = re.compile(r"^[0-9][0-9,.]*[万千kK]?$")
_COUNTED = re.compile(r"^[0-9][0-9,.]*[万千kK]?\s*(?:件の)?")
_COUNT_AFTER = re.compile(r"\s*[0-9][0-9,.]*[万千kK]?$")
_BUTTON_NOTE = re.compile(r"(?<=\S)\([^()]{1,12}\)$")
_SERVICE_NAME = re.compile(r"[a-z][a-z0-9.!+-]{0,11}")


def is_share_row(text: str) -> bool:
    """Share buttons only, counts allowed: 'ツイート 15 シェア 8 はてブ 3', 'この記事をシェアする X LINE'.
    A button's icon printed as a token of its own (a symbol, a frame mark, a service's letter: '＼ この記事を
    シェアする ／', 'f シェア', '🔗 リンクをコピー') is no word: a row of two or more buttons besides them is one."""
    # A count before a button: '1,284件の返信', '12 いいね'; a note after it: 'X（旧Twitter）'.
    words = [_button_word(_BUTTON_NOTE.sub("", _COUNTED.sub("", token))) for token in line_tokens(text)
             if not _COUNT.match(token)]
    buttons = [word for word in words if word in SHARE_BUTTONS or word in SHARE_BUTTONS_ALONE]
    if len(buttons) >= MIN_BUTTONS_BESIDE_ICONS and all(word in buttons or _is_icon(word) for word in words):
        return True
    # A share label, then the services it hands the page to, each a Latin name: 'シェアする Facebook X LinkedIn'.
    if len(words) > MIN_BUTTONS_BESIDE_ICONS and words[0] in SHARE_BUTTONS_ALONE and all(
            word in SHARE_BUTTONS or _SERVICE_NAME.fullmatch(word) for word in words[1:]):
        return True
    if len(words) == 1:
        # alone, or with a colon as the label over the buttons ('共有:', 'シェア:')
        return words[0] in SHARE_BUTTONS_ALONE or (words[0].endswith(":") and words[0].rstrip(":") in SHARE_WORDS)
    if _bar_of_buttons(text):
        return True
    return bool(words) and all(word in SHARE_BUTTONS or word in SHARE_BUTTONS_ALONE for word in words)


SHARE_WORDS = SHARE_BUTTONS | SHARE_BUTTONS_ALONE
# A bar of the site's buttons: three or more short items between bars, most of them share buttons (a count
# beside them allowed); the others, whatever their words, are buttons of the same bar ('リブログ').
MIN_BAR_ITEMS = 3
MAX_BAR_ITEM = 8


def _bar_of_buttons(text: str) -> bool:
    items = [item for item in LINK_SEPARATORS.split(normalise(text)) if item]
    if len(items) < MIN_BAR_ITEMS or "|" not in nfkc(text) or any(
            len(item) > MAX_BAR_ITEM or SENTENCE.search(item) or "、" in item for item in items):
        return False
    buttons = [item for item in items
               if _button_word(_COUNT_AFTER.sub("", _COUNTED.sub("", item))) in SHARE_WORDS]
    return 2 * len(buttons) > len(items)


MIN_BUTTONS_BESIDE_ICONS = 2


def _button_word(word: str) -> str:
    """The word of a button printed with its exclamation mark ('いいね！'), unless the mark is its own ('B!')."""
    return word if word in SHARE_BUTTONS else word.rstrip("!")


def _is_icon(token: str) -> bool:
    """A token with no letter or digit ('🔗', '＼'), or one Latin letter ('f'): a button's icon, not a word."""
    return not any(char.isalnum() for char in token) or (len(token) == 1 and token.isascii())
