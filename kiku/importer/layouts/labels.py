"""The labels of the digest family, matched in their full-width and half-width forms.

Content text is never rewritten to match a label: the patterns accept both forms instead.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

KEY_POINTS_LABEL = re.compile(r"^📘\s*この記事で(?:分かる|わかる)(?:事|こと)\s*[!！]?$")
# What a label over a list says (the box of key points, or the conclusion): words, not glyphs.
KEY_POINTS_LABEL_WORDS = re.compile(
    r"(?:この記事|本記事|今回の記事|この記事で|記事の)\S{0,6}(?:分かる|わかる|ポイント|要点|まとめ|学べる)"
    r"|^(?:ポイント|要点|要点まとめ|ポイントまとめ|要点整理|今日のポイント|この記事のポイント|まとめ|この記事のまとめ|3行まとめ|三行まとめ)\s*[!！:：]?$"
)
KEY_POINT = re.compile(r"^💡\s*(?P<text>.+)$")
SUMMARY_BULLET = re.compile(r"^✅\s*(?P<text>.+)$")
PUBLISHED = re.compile(
    r"^公開日\s*[:：]\s*(?P<year>[0-9０-９]{4})\s*[/／年.\-]\s*(?P<month>[0-9０-９]{1,2})\s*[/／月.\-]"
    r"\s*(?P<day>[0-9０-９]{1,2})\s*日?$"
)
# "さらに読む ⇒<publisher>出典/画像元: <url><glued commentary>"
# Possessive spaces and a publisher that cannot end in a space: no two quantifiers share a run of
# spaces, so a line of "さらに読む" and thousands of spaces fails in linear time, not cubic.
READ_MORE = re.compile(
    r"^さらに読む\s*+(?:[⇒→➡]|=>|->|＞|>)?\s*+(?P<publisher>(?:\s*+\S)*?)\s*+"
    r"出典\s*+(?:[/／]\s*+画像元)?\s*+[:：]\s*+(?P<rest>.*)$"
)
# The next article's title may follow the arrow on the same line: '次のページを読む ⇒ 副業の…' (a headline,
# not a sentence).
NEXT_PAGE = re.compile(r"^次のページを読む\s*(?:(?:[⇒→➡]|=>|->|＞|>)\s*(?:[^\s。．][^。．]{0,79})?)?\s*$")
INTRO = re.compile(r"^それでは[、,]")
QUESTION_END = re.compile(r"[?？]\s*$")
SENTENCE_END = re.compile(r"[。．]\s*$")
# A body sentence whose 。 the scrape lost still ends like a sentence; a heading does not.
PREDICATE_END = re.compile(r"(?:ました|ます|です|でした|ません|ている|ていた|だった|した)\s*$")
# A remark's ending, with or without its lost 。 ("…が気になりますね", "…でしょう").
REMARK_END = re.compile(r"(?:ね|よ|な|わ|でしょう|ましょう|たい|だろう|かも)\s*[!！。]?$")

# A heading's permalink glyph printed after it, a space apart: one or two symbols that are no sentence
# mark or closing bracket ('見出し †', '見出し ¶', '見出し #', '見出し 🔗'), whichever glyph a site uses.
_ANCHOR_GLYPH = r"[^\w\s?？!！。．、，…‥」』）)】］\]〉》〕\"'”’]"
HEADING_ANCHOR = re.compile(rf"[ \t\u3000]+{_ANCHOR_GLYPH}{{1,2}}[\ufe0f]?\s*$")


# The brackets a list's or a chapter's number is printed in, whatever their shape ('【1】', '＜その１＞', '«1»'):
# a line opening with one is numbered (``features.split_marker``), and so is a heading behind its glyph.
NUMBER_OPENS = "【［\\[〔〈《＜<«‹〘〖(（"
NUMBER_CLOSES = "】］\\]〕〉》＞>»›〙〗)）"


def heading_number_pattern(*, sub_sections: bool = False, space_ends: bool = False,
                           circled: bool = False) -> re.Pattern[str]:
    """The number a layout prints before its headings: digits closed by a mark ('1. ', '2．', '3）') or in
    brackets, after a counting word or none ('(4)', '【その4】'); with ``sub_sections`` dotted for a sub-section
    ('3.1'), with ``space_ends`` closed by a space alone ('1 歴史': a digest's '1 月の…' is a date's, not a
    number), with ``circled`` a circled digit ('⑤'). Groups: ``digits``, ``mark`` (None when a space closed
    it), ``bracketed``, ``circled``."""
    digit = "[0-9０-９]{1,2}"
    digits = rf"{digit}(?:[.．]{digit})*" if sub_sections else digit
    space = r"[ \t\u3000]"
    closes = rf"\s*(?P<mark>[.．)）])|{space}+(?=\S)" if space_ends else r"\s*(?P<mark>[.．)）])"
    # In brackets of any shape, after a counting word of a few letters: '(4)', '【その2】', '［No.3］', '«5»'.
    forms = [rf"(?P<digits>{digits})(?:{closes})",
             rf"[{NUMBER_OPENS}]\s*[^\s\d{NUMBER_OPENS}{NUMBER_CLOSES}]{{0,3}}?(?P<bracketed>{digit})\s*[{NUMBER_CLOSES}]"]
    if circled:
        forms.append("(?P<circled>[①-⑳])")
    return re.compile(rf"^\s*(?:{'|'.join(forms)}){space}*(?=\S)")


# A heading's number in the page's list of sections: '1. ', '2．', '3）', '(4)', '⑤'.
HEADING_NUMBER = heading_number_pattern(circled=True)
_KANJI_DIGITS = "一二三四五六七八九"
_COUNT = r"[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3}"
# A heading's number with its counting word, set off by a space or a colon: '第一話　', '第2章：', 'その3 ', 'Part 4 ',
# 'CHAPTER.5：', '#2 ', '№3 ' — whichever counter ('第N' and one letter, 'その', a Latin word, a number sign) the page
# numbers its sections with.
_COUNTED_NUMBER = re.compile(
    rf"^\s*(?:第(?P<counted>{_COUNT})[^\W\d_]|その(?P<sono>{_COUNT})|[A-Za-zＡ-Ｚａ-ｚ]{{2,8}}[.．]?[ \u3000]?"
    rf"(?P<latin>[0-9０-９]{{1,2}})|[#＃№][ \u3000]?(?P<sign>[0-9０-９]{{1,2}}))"
    rf"(?P<mark>)(?:[ \t\u3000]*[:：]|[ \t\u3000]+)[ \t\u3000]*(?=\S)")


def heading_number(text: str) -> tuple[int, re.Match[str]] | None:
    """The number a heading opens with and its match, else None."""
    match = HEADING_NUMBER.match(text)
    if match is None:
        counted = _COUNTED_NUMBER.match(text)
        number = counted and (counted["counted"] or counted["sono"] or counted["latin"] or counted["sign"])
        return (_count(number), counted) if counted and number else None
    if match["circled"]:
        return ord(match["circled"]) - ord("①") + 1, match
    digits = unicodedata.normalize("NFKC", match["digits"] or match["bracketed"])
    return int(digits), match


def _count(number: str) -> int:
    """A number in digits or in kanji up to 99 ('12', '３', '七', '十二', '二十四')."""
    if number[0] not in _KANJI_DIGITS + "十":
        return int(unicodedata.normalize("NFKC", number))
    tens, _, ones = number.rpartition("十")
    if "十" not in number:
        tens, ones = "", number
    value = (_KANJI_DIGITS.index(tens) + 1 if tens else 1) * 10 if "十" in number else 0
    return value + (_KANJI_DIGITS.index(ones) + 1 if ones else 0)


def headings_numbered(headings: list[str]) -> bool:
    """The page numbers its section headings 1, 2, 3… in order (a closing heading may go unnumbered): the
    numbers are the list's, not the headings' words. A lone heading's '1.' before a digit may be a decimal
    ('1.5倍に'), not a number."""
    numbers = [number for text in headings if (number := heading_number(text)) is not None]
    if not numbers or [number for number, _ in numbers] != list(range(1, len(numbers) + 1)):
        return False
    first = numbers[0][1]
    # One numbered heading among others is no list; a lone one is, unless a decimal's digit follows.
    return len(numbers) > 1 or (len(headings) == 1 and not (first["mark"] in (".", "．")
                                                          and first.string[first.end():][:1].isdigit()))


# The mark a footnote prints before its text, linking back to where the article cites it: a caret,
# or an arrow pointing up, down or back ('^', '↑', '↓', '⤴', '↩', '⬆'); never a sideways arrow, which leads on.
FOOTNOTE_BACK_MARK = "[\\^＾↑↓↥↩↰↱⇑⇓⇡⇧⤒⤴⤵⬆⬇]"
URL = re.compile(r"https?://[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]+")
# A glued sentence that starts with capitals ("NATO加盟…") after a lower-case or digit URL tail.
GLUED_CAPITALS = re.compile(r"(?<=[a-z0-9/])[A-Z][A-Z0-9]+$")


def parse_published(text: str) -> dt.date | None:
    """The date of a ``公開日:YYYY/MM/DD`` line, or None when the line is not one."""
    match = PUBLISHED.match(text)
    if match is None:
        return None
    year, month, day = (int(unicodedata.normalize("NFKC", match[name])) for name in ("year", "month", "day"))
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def same_text(left: str, right: str) -> bool:
    """Equal once width forms and spacing are folded (a title printed twice may differ in width)."""
    return fold(left) == fold(right)


def fold(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))
