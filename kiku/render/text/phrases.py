"""Japanese text cut into phrases (文節) where a line may break: BudouX plus kiku's rules.

BudouX (Google's phrase segmenter, a small model; its breaks computed by ``kiku.render.text.segmenter``,
several times faster than BudouX's own Python parser, with the same results) proposes the breaks; kiku then
removes the ones a Japanese typesetter would not take:

* inside a Latin word, a number or a URL-like run (``NATO``, ``3.5``, ``G7``) — keep it whole;
* between a number and its counter (``30日間``, ``2カ国``, ``100万人``);
* before closing punctuation and small kana (``、`` ``。`` ``」`` ``）`` ``ー`` ``っ``…), which may
  never start a line, and after opening punctuation (``「`` ``（``), which may never end one.

The same phrases mark where headlines break on the site (``<wbr>``) and where a share card's title
may wrap, so a title breaks alike in every browser and on its card.
"""

from __future__ import annotations

import functools
import itertools
import re

from markupsafe import Markup, escape

from kiku.render.text.segmenter import japanese_segmenter

# Characters a line may not start with (JIS X 4051 行頭禁則, the strict set CSS line-break: strict uses).
CLOSING = frozenset(
    "、。，．,.）)」』】〕〉》］]｝}〙〗〟’”!?！？‼⁇⁈⁉・：:；;ー…‥々ゝゞヽヾ%％"
    "ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ"
)
# Characters a line may not end with (行末禁則).
OPENING = frozenset("（(「『【〔〈《［[｛{〘〖〝‘“")

_WORD = r"[A-Za-z0-9Ａ-Ｚａ-ｚ０-９]"
# A Latin word or a number, with inner joiners (3.5, U.S., e-mail, AT&T, 12:30, 1,000).
LATIN_RUN = re.compile(rf"{_WORD}+(?:[.,'’\-&/:_]{_WORD}+)*")
_COUNTERS = (
    "ヶ月|カ月|か月|ヵ月|ケ月|カ国|か国|ヵ国|ヶ国|時間|年代|世紀|週間|日間|年間|分間|秒間|キロ|メートル|トン|ポイント|"
    "[年月日時分秒人件円ドル倍回歳度個台機隻名社位割点枚本階週期票席基発]"
)
# A number and what it counts: 30日, 100万人, 2カ国, 3.5％ (a bare number is a Latin run already).
_NUMBER_WITH_COUNTER = re.compile(rf"[0-9０-９][0-9０-９.,，．]*[万億兆千百]*(?:{_COUNTERS})")


_ALWAYS_BREAK_AFTER = re.compile(r"\s+|[、。，!?！？:：]+")


@functools.lru_cache(maxsize=131_072)  # titles repeat on every list page: segment each string once
def phrases(text: str) -> tuple[str, ...]:
    """``text`` cut into phrases; ``"".join(phrases(text)) == text`` always holds."""
    if not text:
        return ()
    breaks = japanese_segmenter().breaks(text)
    # After a space or a clause's punctuation a line may always break, even where BudouX saw no
    # phrase end (Latin text, ``合意!ウクライナ``, ``現在と未来:複雑に``).
    breaks.extend(match.end() for match in _ALWAYS_BREAK_AFTER.finditer(text))
    kept = _allowed_breaks(text, sorted(set(breaks)))
    cuts = [0, *kept, len(text)]
    return tuple(text[start:end] for start, end in itertools.pairwise(cuts))


def _allowed_breaks(text: str, breaks: list[int]) -> list[int]:
    protected = bytearray(len(text) + 1)  # 1 where a break would split a run that must stay whole
    for pattern in (LATIN_RUN, _NUMBER_WITH_COUNTER):
        for match in pattern.finditer(text):
            protected[match.start() + 1 : match.end()] = b"\x01" * (match.end() - match.start() - 1)
    return [
        at
        for at in breaks
        if 0 < at < len(text)
        and not protected[at]
        and text[at] not in CLOSING
        and text[at - 1] not in OPENING
        and not text[at].isspace()  # the space itself is where the line breaks
    ]


# A title is shown on its page, in every list, related link and previous/next link that names it:
# about five times per build process. Markup is immutable, so the markup is kept with the phrases.
@functools.lru_cache(maxsize=131_072)
def phrase_markup(text: str) -> Markup:
    """``text`` escaped, with ``<wbr>`` between its phrases (for ``word-break: keep-all`` headings)."""
    # Each phrase escaped (markupsafe's C escape gives Markup), joined as a plain str and wrapped once:
    # Markup.join would escape every piece a second time and copy the result.
    return Markup("<wbr>".join(map(escape, phrases(text))))
