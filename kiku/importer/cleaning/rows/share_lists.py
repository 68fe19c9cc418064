"""A share bar printed as a list: its buttons one to a line, bulleted alike ('・ポスト' '・はてブ' '・LINE') or not.

A page read with no class names (or a dump of one) keeps a bar's items as a list's entries; nothing but their
words says they are buttons. A list of the article's points has words of its own, and is never made of buttons
only."""

from __future__ import annotations

import re
from collections.abc import Sequence

from kiku.importer.cleaning.chrome import SHARE_BUTTONS, SHARE_BUTTONS_ALONE, normalise
from kiku.importer.cleaning.lines.link_lines import is_share_token
from kiku.importer.cleaning.rows.share_rows import is_share_row
from kiku.importer.grammar.lines.features import split_marker

MIN_ITEMS = 2


def claim_share_list(texts: Sequence[str], index: int) -> int:
    """Two or more lines bulleted alike (or none of them bulleted: an app's buttons stacked, '記事を保存' · 'シェア'),
    each a share button ('シェア', 'Facebookでシェア', 'X 12'), one of them a button no heading or point could be
    ('はてブ', 'リンクをコピー', 'LINEで送る', '記事を保存'): all of them."""
    marker = split_marker(texts[index].strip())[0]
    end = index
    definite = False
    while end < len(texts):
        item_marker, item = split_marker(texts[end].strip())
        if item_marker != marker or not _is_button(item):
            break
        definite = definite or _is_definite(item)
        end += 1
    return end - index if end - index >= MIN_ITEMS and definite else 0


def _is_button(text: str) -> bool:
    normal = normalise(text)
    return normal in SHARE_BUTTONS or _is_definite(text) or is_share_row(text)


# A button's text for screen readers: its service and verb, then how to use it and a note on the window it
# opens ('X で共有するにはクリックしてください (新しいウィンドウで開きます)').
_SPOKEN_BUTTON = re.compile(r"^(?P<button>\S{1,12}(?: ?で)? ?\S{1,6}?)(?:する)?には(?:クリック|タップ)(?:してください)?"
                            r"(?: ?\([^()]{1,20}\))?$")


def _spoken_button(normal: str) -> bool:
    spoken = _SPOKEN_BUTTON.match(normal)
    return spoken is not None and is_share_token(spoken["button"].replace(" ", ""))


def _is_definite(text: str) -> bool:
    normal = normalise(text)
    # A bare verb ('シェア', 'コピー') may head a section; one after a service or object ('Facebookでシェア') not.
    return normal in SHARE_BUTTONS_ALONE or _spoken_button(normal) or (
        " " not in normal and normal not in SHARE_BUTTONS and is_share_token(normal))
