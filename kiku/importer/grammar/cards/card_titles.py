"""What a card prints on its title line besides the title: a source label, a publisher or a date before it
(``【出典】…``, ``北海道新聞｜…``, ``出典元：国税庁　…``, ``2025年3月26日 …``), or a date in brackets after it.
Each reader returns the title apart from what it found, else None.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from kiku.importer.cleaning.chrome import is_ad_label
from kiku.importer.grammar.cards.bracket_prefix import publisher_beside_date
from kiku.importer.grammar.cards.name_labels import (
    MAX_NAME,
    SENTENCE_MARKS,
    SHAPED_LABEL,
    SOURCE_LABEL_SHAPE,
    SOURCE_LABEL_WORDS,
    SPACE,
    labelled_name,
)
from kiku.importer.grammar.cards.source_names import name_and_quoted_title
from kiku.importer.grammar.lines.dates import find_date, line_date

# A source label in brackets before a card's title: '【出典】…', '［引用元］…', '(Source) …'.
_SOURCE_LABEL = re.compile(
    r"^\s*(?P<label>[【［\[〔〈《(（]\s*(?P<word>[^】］\]〕〉》)）]{1,8}?)\s*[】］\]〕〉》)）])\s*(?P<title>\S.*)$")
# A publisher before a card's title: '北海道新聞｜…', 'NHK 北海道｜…'.
_NAME_BEFORE_TITLE = re.compile(r"^(?P<name>[^|｜]{2,20}?)\s*[|｜]\s*(?P<title>[^|｜]{6,})$")
# A card's title printed on its date line, after the date and a space: '公開日:令和7年3月26日 富士山の…'.
# The date and its label stand within this many characters of the line's start; a headline is this long at least.
MAX_DATE_HEAD = 30
MIN_HEADLINE = 6


def date_before_title(text: str) -> tuple[str, dt.date, str] | None:
    """(the date with its label, the date, the title) of a card's title printed after its date, else None.
    A sentence after a date ('2025年3月26日 県は条例を可決した。') is text, not a title."""
    for space in SPACE.finditer(text.strip()):
        if space.start() > MAX_DATE_HEAD:
            break
        head, rest = text.strip()[:space.start()], text.strip()[space.end():]
        date = line_date(head)
        if date is not None:
            if len(rest) < MIN_HEADLINE or _SENTENCE_END.search(rest) or find_date(rest) is not None:
                return None
            return head, date, rest
    return None


_SENTENCE_END = re.compile(r"[。．]\s*$")


def source_label_before_title(title: str) -> tuple[str, str] | None:
    """(label, title) of a card title printed after a bracketed source label ('【出典】横浜、…'), else None.
    A bracket of other words ('【速報】', '【独自】') is the headline's own and stays."""
    match = _SOURCE_LABEL.match(title)
    word = unicodedata.normalize("NFKC", match["word"]).strip().lower() if match is not None else ""
    if match is None or (word not in SOURCE_LABEL_WORDS and not SHAPED_LABEL.fullmatch(word)
                         and not _REFERENCE_WORD.fullmatch(word)):
        return None
    return match["label"], match["title"].strip()


# A bracketed label naming the card as a reference: '［参考］', '【参考記事】'.
_REFERENCE_WORD = re.compile(r"参考(?:リンク|記事|資料|サイト)?")


def publisher_before_title(title: str) -> tuple[str, str] | None:
    """(publisher, title) of a card title printed as 'publisher｜title', else None. A sponsor label in
    the publisher's place ('PR｜…', '広告 | …') names no publisher: it marks the title as an ad's; before the
    publisher ('広告｜name｜title') it marks the card so, and the name is the advertiser's."""
    match = _NAME_BEFORE_TITLE.match(title.strip())
    if match is None and (sponsored := _SPONSORED_NAME_BEFORE_TITLE.match(title.strip())) is not None \
            and is_ad_label(sponsored["label"]):
        match = sponsored  # 'PR｜name｜title': the advertiser's name between the label and the title
    if match is None or SENTENCE_MARKS.search(match["name"]) or is_ad_label(match["name"]):
        return None
    return labelled_name(match["name"]) or match["name"].strip(), match["title"].strip()


_SPONSORED_NAME_BEFORE_TITLE = re.compile(
    r"^(?P<label>[^|｜]{1,8}?)\s*[|｜]\s*(?P<name>[^|｜]{2,20}?)\s*[|｜]\s*(?P<title>[^|｜]{6,})$")

# A source label with a colon, then the publisher and, after a space, the title: '出典元：国税庁　令和7年度…'.
_LABELLED_NAME_TITLE = re.compile(
    rf"^(?P<label>(?:{'|'.join(SOURCE_LABEL_WORDS)}|{SOURCE_LABEL_SHAPE})\s*[:：]\s*)(?P<name>[^\s:：]{{2,{MAX_NAME}}})\s+(?P<title>\S.{{5,}})$",
    re.IGNORECASE)
# A date in brackets closing a card's title: '…について（2025/04/01）'.
_BRACKETED_DATE_AFTER = re.compile(r"^(?P<title>.{6,}?)\s*(?P<date>[（(][^（()）]{4,24}[)）])\s*$")


def labelled_publisher_before_title(title: str) -> tuple[str, str, str] | None:
    """(label, publisher, title) of a card title printed after a source label and the publisher's
    name ('出典元：国税庁　令和7年度税制改正…'), else None. A name ends in a noun, not in kana as a
    phrase of the headline does ('引用：猛暑に負けない果樹づくりへ　山形県が支援策' names no one)."""
    match = _LABELLED_NAME_TITLE.match(title.strip())
    if match is None or SENTENCE_MARKS.search(match["name"]) or _SENTENCE_END.search(match["title"]) \
            or _KANA_END.search(match["name"]):
        return None
    return match["label"], match["name"], match["title"].strip()


_KANA_END = re.compile(r"[\u3041-\u3096]$")
# A source label and a colon before a card's title: '引用：さくらんぼ、2年連続の不作'.
_COLON_SOURCE_LABEL = re.compile(
    rf"^(?P<label>(?:{'|'.join(SOURCE_LABEL_WORDS)}|{SOURCE_LABEL_SHAPE})\s*[:：]\s*)"
    rf"(?P<title>\S.{{{MIN_HEADLINE - 1},}})$", re.IGNORECASE)


def colon_label_before_title(title: str) -> tuple[str, str] | None:
    """(label, title) of a line read as a card's title that opens with a source label and a colon ('引用：…'),
    else None: the label says the line cites, the headline after it is the title. (Where a line of that shape
    is a link line's label or a publisher's, ``card_link`` reads it first.)"""
    match = _COLON_SOURCE_LABEL.match(title.strip())
    if match is None or _SENTENCE_END.search(match["title"]):
        return None
    return match["label"], match["title"].strip()


def date_after_title(title: str) -> tuple[str, str, dt.date] | None:
    """(title, the bracketed date, the date) of a card title closed by its date in brackets, else None."""
    match = _BRACKETED_DATE_AFTER.match(title.strip())
    date = line_date(match["date"][1:-1]) if match is not None else None
    if match is None or date is None or _SENTENCE_END.search(match["title"]):
        return None
    return match["title"].strip(), match["date"], date


def source_of_dated_title(title: str, bracket: str) -> tuple[str, str] | None:
    """(publisher, title) of a card title that ``date_after_title`` closed with ``bracket``, when the title names its
    source: beside the date in the bracket ('…（Jリーグ公式・2025年8月21日付）', the title as it is), or before the
    title quoted ('日本経済新聞「…」（2025年9月5日）', the quotation the title); else None. A name before a quotation
    with no date after it is a headline quoting someone ('首相「…」'), not a citation."""
    beside = publisher_beside_date(bracket)
    if beside is not None:
        return beside, title
    quoted = name_and_quoted_title(title)
    # A name behind its label ('資料：name「…」') is read with its label by the labelled-citation reader.
    return None if quoted is None or any(mark in quoted[0] for mark in ":：") else quoted
