"""What a card prints about its source besides the link: its date or age, and its publisher printed
beside the date (the labels a publisher's name stands behind are read in ``name_labels``).

    ITmedia NEWS・2025年4月3日      a publisher and a date
    日本経済新聞・2日前              a publisher and an age (the date is not known: None)
    3時間前 / 昨日 18:02             an age alone

An age dates nothing (the day it was counted from is unknown), but it marks the line as the
card's date line all the same. What a title line carries besides the title is read in ``card_titles``.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass

from kiku.importer.cleaning.chrome import is_ad_label
from kiku.importer.grammar.cards.name_labels import (
    LEADING_SOURCE_LABEL,
    MAX_NAME,
    SENTENCE_MARKS,
    SPACE,
    is_source_label,
    labelled_name,
)
from kiku.importer.grammar.lines.dates import (
    DATE_OWN_LABEL,
    date_row,
    date_sides,
    date_unbracketed,
    find_date,
    line_date,
    without_updated,
)

_AGE = re.compile(
    r"(?:[0-9]{1,3}\s*(?:秒|分|時間|日|週間|か月|ヶ月|カ月|ケ月)前|昨日|今日|一昨日|おととい)(?:\s*[0-9]{1,2}:[0-9]{2})?"
)
# Between a publisher and its date: '・', '|', '｜', '/', a comma, or a space.
_NAME_SEPARATOR = re.compile(r"^(?P<name>.+?)\s*(?:[・|/｜,、]|\s)\s*$")
# A publisher, a separator, then when: 'ITmedia NEWS・2025年4月3日', '— 読売新聞, 2025.4.10'.
_NAMED = re.compile(r"^(?P<name>[^・|/｜,、]{1,20}[・|/｜,、])\s*(?P<when>[^・|/｜,、]+)$")
# When, then the publisher: '2025年4月3日・ITmedia NEWS', '2025/04/03 | 川辺新聞'.
_NAMED_AFTER = re.compile(r"^(?P<when>[^・|｜]*?[0-9]{1,2}\s*日?付?)\s*[・|｜]\s*(?P<name>[^・|/｜0-9]{1,20})$")
# A month and a day with a weekday or a time, and no year, its label before or after it: '3/19(水) 15:30',
# '3月19日 15:30配信', '配信 10/11(金)', '更新日：3/19(水)'.
_DATE_WORD = r"(?:配信|更新|公開|掲載|投稿)"
# A weekday after a date: '(水)', '(水曜)', 'Wed', '(Wed.)' (NFKC-folded).
_WEEKDAY = (r"(?:\((?:[月火水木金土日](?:曜日?)?|(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]{0,6}\.?)\)"
            r"|(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]{0,6}\.?(?![A-Za-z]))")
_MONTH_DAY = re.compile(
    rf"^(?P<label>{_DATE_WORD}(?:日時?)?\s*[:：]?\s*)?(?P<month>[0-9]{{1,2}})\s*(?:/|(?P<kanji>月)|(?P<dot>\.))\s*"
    rf"(?P<day>[0-9]{{1,2}})\s*(?(kanji)(?P<nichi>日)?|日?)\s*"
    # Unlabelled, a bare month and day may be anything (a score, a ratio): a weekday, a time or a label follows,
    # unless its 月 and 日 say it is a date ('9月19日'); a dotted one ('07.02 Wed') may be a decimal number unless
    # a weekday follows.
    rf"(?(label)|(?(nichi)|(?=\S)))(?(dot)(?=\s*{_WEEKDAY}))"
    rf"(?:{_WEEKDAY})?\s*(?:[0-9]{{1,2}}:[0-9]{{2}})?\s*{_DATE_WORD}?$")
# A publisher and a month and day printed without the year, a separator between, either first:
# '防災ニュース｜7/2(水)', '7月2日(水)・南日本ウェブ'.
_NAME_THEN_MONTH_DAY = re.compile(r"^(?P<name>[^・|｜/／]{1,20}[・|｜/／])\s*(?P<when>.+)$")
_MONTH_DAY_THEN_NAME = re.compile(r"^(?P<when>.+?)\s*[・|｜/／]\s*(?P<name>[^・|｜/／]{1,20})$")
# or a space between, the name first: '中部スポーツ　9月19日', 'みなと日報 9/14(日)'.
_NAME_SPACE_MONTH_DAY = re.compile(r"^(?P<name>[^・|｜/／\s](?:[^・|｜/／]{0,18}[^・|｜/／\s])?)\s+"
                                   r"(?P<when>[0-9]{1,2}\s*[/月.][^\s].*)$")

@dataclass(frozen=True, slots=True)
class CardDate:
    """A card's date line: its date (None for an age) and the publisher printed with it."""

    date: dt.date | None
    publisher: str | None
    # A month and a day printed without the year ('10/11(金)'): the page's date tells the year.
    month_day: tuple[int, int] | None = None
    # The dates after the first on a row of dates, of the sources cited after the first on one link line.
    more_dates: tuple[dt.date, ...] = ()
    # A sponsor's mark stands where the date goes ('— name, PR'): the card is an ad's.
    sponsored: bool = False


# A run of dashes and a space before a card's date line leads into it, as a dash leads an attribution
# ('—— 2025/02/25 <name>'): no word of the name beside the date.
_LEADING_DASHES = re.compile(r"^[—―–]{1,3}[ \t\u3000]+")


def card_date(text: str) -> CardDate | None:
    """The card date this line is, with or without a publisher before it, else None."""
    normal = _unbracketed(without_updated(unicodedata.normalize("NFKC", text)).strip())
    bare = without_icon(_LEADING_DASHES.sub("", normal))
    normal = date_unbracketed(bare)
    row = date_row(normal)
    if row:
        return CardDate(row[0], None, more_dates=tuple(row[1:]))
    named = _NAMED.match(normal)
    if named is not None and (date := line_date(named["when"])) is not None and (name := _name(named["name"])) \
            and not is_source_label(name):
        return CardDate(date, name)
    if named is not None and is_ad_label(named["when"].strip()) and (name := _name(named["name"])) \
            and not is_source_label(name):
        return CardDate(None, name, sponsored=True)
    named_after = _NAMED_AFTER.match(normal)
    if named_after is not None and (date := line_date(named_after["when"])) is not None:
        name = _name(named_after["name"].strip() + "・")
        if name:
            return CardDate(date, name)
    if (month_day := _MONTH_DAY.match(normal)) is not None:
        return CardDate(None, None, (int(month_day["month"]), int(month_day["day"])))
    if (named_month_day := _named_month_day(normal)) is not None:
        return named_month_day
    beside = _name_beside_date(normal, bracketed=normal != bare)
    if beside is not None:
        return beside
    date = line_date(normal)
    if date is not None:
        return CardDate(date, None)
    age = _AGE.search(normal)
    if age is None or age.end() != len(normal):
        return None
    before = normal[:age.start()]
    if not before.strip():
        return CardDate(None, None)
    name = _name(before)
    return CardDate(None, name) if name else None


def _named_month_day(normal: str) -> CardDate | None:
    """A publisher beside a month and day printed without the year, a separator between them: the date is the
    card's whether or not it prints its year; the page's date gives the year."""
    for shape, suffix in ((_NAME_THEN_MONTH_DAY, ""), (_MONTH_DAY_THEN_NAME, "・"), (_NAME_SPACE_MONTH_DAY, "・")):
        found = shape.match(normal)
        if found is None or (month_day := _MONTH_DAY.match(found["when"].strip())) is None:
            continue
        name = _name(found["name"].strip() + suffix)
        if name and not is_source_label(name):
            return CardDate(None, name, (int(month_day["month"]), int(month_day["day"])))
    return None


# A meta line wholly in brackets: '（日本農業新聞／2025年12月5日）' is read as '日本農業新聞／2025年12月5日'.
_PHRASE_END = re.compile(r"[\u3041-\u3096]$")
_BRACKETED_LINE = re.compile(r"^\((?P<inner>[^()]+)\)$")


def _unbracketed(normal: str) -> str:
    bracketed = _BRACKETED_LINE.match(normal)
    return bracketed["inner"].strip() if bracketed is not None else normal


def _name(before: str) -> str | None:
    """The publisher in the text before a date or an age: a short name, then a separator."""
    separated = _NAME_SEPARATOR.match(before)
    if separated is None:
        return None
    name = separated["name"].strip()
    # The name may stand behind a source label: '出典元：東京都福祉局｜2025年9月26日'.
    if (labelled := LEADING_SOURCE_LABEL.match(name)) is not None:
        name = name[labelled.end():].strip()
    name = labelled_name(name) or name  # or a label of other words: '媒体：東京都福祉局｜…'
    if not 0 < len(name) <= MAX_NAME or SENTENCE_MARKS.search(name) or re.search(r"[0-9]{2}", name):
        return None
    return name


# A publisher set off its date by a space alone, before it or after it, perhaps after a source label
# and a space or a colon: 'NHKニュース 2025年6月11日', '2025.09.22 出典 ITmedia NEWS'. A date's own label
# ('公開日', '更新：', '配信') or a category in brackets stands there too and names no publisher.
_DATE_LABEL_SHAPE = re.compile(
    r"(?:[:：]|日時?|時刻)$|^(?:公開|更新|掲載|配信|投稿|作成|発行|posted|updated|published)", re.IGNORECASE)
_TRAILING_SEPARATOR = re.compile(r"\s*[・|/｜·•]\s*$")
_LEADING_SEPARATOR = re.compile(r"^\s*[・|/｜·•]\s*")
_LEADING_BULLET = re.compile(r"^[・•]\s*(?=\S)")
_BRACKETS = re.compile(r"[【】\[\]〔〕《》()（）]")
def without_icon(text: str) -> str:
    """The text behind the pictographs it opens with ('📰 出典｜…' → '出典｜…'): an icon decorates a field, it is
    no word of it."""
    start = 0
    while start < len(text) and (unicodedata.category(text[start]) in ("So", "Sk", "Mn") or text[start] == "\ufe0f"):
        start += 1
    return text[start:].lstrip() if start else text


def _name_beside_date(normal: str, *, bracketed: bool = False) -> CardDate | None:
    """The date line with the publisher printed beside the date, else None. ``bracketed``: the date closed the
    line in brackets ('モバイルITジャーナル（2025年5月30日）'), which set it apart from the name as a bar does."""
    sides = date_sides(normal)
    found = find_date(normal)
    if sides is None or found is None:
        return None
    before, after = sides
    unlabelled = DATE_OWN_LABEL.sub("", before)
    if unlabelled != before and not (unlabelled.strip() and after.strip()):
        return _labelled_name(found[0], unlabelled) if unlabelled.strip() else _labelled_name_after(found[0], after)
    if bool(before.strip()) == bool(after.strip()):
        return None  # nothing beside the date, or words on both sides
    apart = before.endswith((" ", "\u3000")) if before.strip() else after.startswith((" ", "\u3000"))
    side = (before or after).strip()
    if before.strip():
        side = _LEADING_BULLET.sub("", side)  # a list's bullet before the name ('・name · date') is not the name's
    # A separator glyph between the name and the date ('IPA 情報処理推進機構 ／ 2025/05/28') sets the name
    # apart from the date whatever its length: it is not the name's.
    bare = without_icon((_TRAILING_SEPARATOR if before.strip() else _LEADING_SEPARATOR).sub("", side))
    labelled = LEADING_SOURCE_LABEL.match(bare)
    if labelled is not None:
        side = bare[labelled.end():]
    elif bare != side:
        side = bare
    elif bracketed and before.strip() and _PHRASE_END.search(side.strip()) is None:
        side = side.strip()  # a name of any length: a noun, not a headline's phrase ending in kana
    elif not apart or (line_date(normal) is None and not _one_noun(side)):
        # glued to the date (a label's word or the date's own), or longer than a date line's words and no name
        return None
    if not 0 < len(side) <= MAX_NAME or SENTENCE_MARKS.search(side) or re.search(r"[0-9]{2}", side) \
            or _BRACKETS.search(side) or _DATE_LABEL_SHAPE.search(side):
        return None
    return CardDate(found[0], side)


# A publisher's name is one word that ends as a noun does, not in the kana of a verb or a particle.
_KANA_END = re.compile(r"[\u3041-\u3096]$")


def _one_noun(side: str) -> bool:
    """A name longer than a date line's label, set off the date by a space ('水産マーケットレポート　<date>'): one
    word ending as a noun does ('…は 2025年3月1日' opens a sentence)."""
    word = side.strip()
    return bool(word) and SPACE.search(word) is None and _KANA_END.search(word) is None


def _labelled_name_after(date: dt.date, after: str) -> CardDate | None:
    """The date after its own label, a name after it ('公開日：<date> ｜ 出典：<name>', '配信日：<date>（<name>）'):
    the name carries its own label (a source's, or any word's and a colon) or brackets; a bare word there is
    the page's category ('配信 <date> 量子')."""
    side = _LEADING_SEPARATOR.sub("", after.strip())
    labelled = LEADING_SOURCE_LABEL.match(side)
    bracketed = _BRACKETED_LINE.match(side)
    name = (side[labelled.end():] if labelled is not None else bracketed["inner"] if bracketed is not None
            else labelled_name(side))
    return _named(date, name)


def _labelled_name(date: dt.date, before: str) -> CardDate | None:
    """A name before the date's own label ('日刊スポーツ 配信：<date>', '出典：<name> ｜ 公開日：<date>'); a bare one
    is one word (words set apart by a space may be a label of other words and its name: '配信元 <name>')."""
    side = _TRAILING_SEPARATOR.sub("", before.strip())
    labelled = LEADING_SOURCE_LABEL.match(side)
    bare = side if not SPACE.search(side) else None
    return _named(date, side[labelled.end():] if labelled is not None else labelled_name(side) or bare)


def _named(date: dt.date, name: str | None) -> CardDate | None:
    name = name.strip() if name else None
    if not name or len(name) > MAX_NAME or SENTENCE_MARKS.search(name) or re.search(r"[0-9]{2}", name) \
            or _BRACKETS.search(name):
        return None
    return CardDate(date, name)


def in_year_of(month_day: tuple[int, int], page_date: dt.date) -> dt.date | None:
    """The day of a card dated by month and day alone, in the year of the page that cites it, or the year
    before when that day would come after the page's (a card cites what was published before it); None
    when no such day exists (2/30)."""
    month, day = month_day
    for year in (page_date.year, page_date.year - 1):
        try:
            date = dt.date(year, month, day)
        except ValueError:
            continue
        if date <= page_date:
            return date
    return None


# The glyphs that part a card's publisher from its date on one line ('佐賀新聞｜2025.03.28', 'NHK / 2025年1月2日').
_DATE_SEPARATORS = "｜|/／・·•"
# A date field's value that gives no date ('日付不明', '—', 'N/A') is a word or two.
MAX_DATE_PLACEHOLDER = 6


def date_separators(texts: list[str]) -> frozenset[str]:
    """The glyphs the page prints between a card's publisher and its date, on its dated meta lines."""
    found: set[str] = set()
    for text in texts:
        dated = card_date(text)
        sides = date_sides(text) if dated is not None and dated.date is not None and dated.publisher else None
        if sides is not None and (before := sides[0].rstrip()) and before[-1] in _DATE_SEPARATORS:
            found.add(before[-1])
    return frozenset(found)


def without_date_placeholder(name: str, separators: frozenset[str]) -> str:
    """A name line printing its date field with no date in it ('うまい市場｜日付不明', where the page's other cards
    print '佐賀新聞｜2025.03.28'): the name before the separator the page prints its dates after, the short tail
    after it in the date's place whatever it says, no word of the name."""
    at = max((index for index, char in enumerate(name) if unicodedata.normalize("NFKC", char) in separators),
             default=-1)
    head, tail = name[:max(at, 0)].strip(), name[at + 1:].strip()
    if at <= 0 or not head or not 0 < len(tail) <= MAX_DATE_PLACEHOLDER or find_date(tail) is not None:
        return name
    return head


