"""Blocks of a site's chrome printed on one line: a ranking's entries in a row ('ランキング　1位 …　2位 …'),
a block's heading with its one entry after an arrow ('次に読まれている記事 ⇒ <title>'), a poll's answers with
their counts ('役に立った（128）　役に立たなかった（6）'), a bare row of words (a menu, related words), a reaction bar
('👍 1,203　😮 88'), a list of articles each dated by its age under a heading of any words, and an app's
one-word stamps and buttons ('3時間前', '＋フォロー', '▼ 広告の後に続きます')."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from kiku.importer.cleaning.block_headings import is_block_heading
from kiku.importer.cleaning.chrome import (
    COUNTED_BUTTONS,
    PAGE_NAVIGATION,
    nfkc,
    normalise,
)
from kiku.importer.cleaning.shapes import RELATIVE_DATE
from kiku.importer.cleaning.share_rows import SHARE_WORDS

# A rank before an entry: '1位', '2位', '第3位'; the entries of a row count up from 1.
_RANK = re.compile(r"(?:^|\s)第?([0-9]{1,2})位\s*(?=\S)")
_SENTENCE_END = re.compile(r"[。．]")
MIN_RANKED = 2
# What sets a block's heading off its entry on one line: an arrow or a colon.
_HEAD_AND_ENTRY = re.compile(r"^(?P<head>[^⇒→»≫>:：]{2,24}?)\s*(?:[⇒→»≫]|>>?|[:：])\s*(?P<entry>\S.{2,79})$")


def is_ranking_row(text: str) -> bool:
    """Two ranked entries or more counting up from 1 on one line, no sentence among them: a ranking."""
    normal = normalise(text)
    if _SENTENCE_END.search(normal):
        return False
    ranks = [int(match.group(1)) for match in _RANK.finditer(normal)]
    return len(ranks) >= MIN_RANKED and ranks == list(range(1, len(ranks) + 1))


_POINTER = re.compile(r"^[\s«≪‹<←⇐◀◁]+")


def is_headed_teaser(text: str) -> bool:
    """A ranking's, related articles' or pager's heading with its entry after an arrow or a colon, the entry a
    headline (no sentence end): '次に読まれている記事 ⇒ <title>', '関連記事：<title>', '次の記事 ≫ <title>'."""
    match = _HEAD_AND_ENTRY.match(nfkc(text).strip())
    if match is None or _SENTENCE_END.search(match["entry"]):
        return False
    # The arrow or guillemet a pager's link points with may stand before its label too ('« 前の記事：<title>').
    head = _POINTER.sub("", match["head"]).strip()
    return is_block_heading(head) or normalise(head) in PAGE_NAVIGATION


# A label and a row of words after it, set apart by spaces: '関連キーワード：さくらんぼ　山形県　高温障害'.
_LABELLED_ROW = re.compile(r"^(?P<label>[^\s:：。、]{1,12})\s*[:：]\s*(?P<row>\S.*)$")
MIN_ROW_WORDS = 3
MAX_ROW_WORD = 12
_NOT_IN_ROW_WORD = re.compile(r"[。、，,．！？!?「」『』（）()]|https?://")


def is_labelled_word_row(text: str) -> bool:
    """A label, a colon and three short words or more set apart by spaces, none a sentence's or a link's: the
    site's keyword, tag or share row ('関連キーワード：さくらんぼ　山形県　高温障害', 'タグ: 経済 物価 円安').
    A card's meta line has a date or a URL; the article's text has particles, punctuation, longer words."""
    match = _LABELLED_ROW.match(normalise(text))
    if match is None:
        return False
    words = match["row"].split()
    return len(words) >= MIN_ROW_WORDS and all(
        len(word) <= MAX_ROW_WORD and not _NOT_IN_ROW_WORD.search(word) and not any(char.isdigit() for char in word)
        for word in words)


# A poll's answer with its count of votes in brackets: '役に立った（128）', '参考になった(12)', 'はい [40]'.
_VOTED = re.compile(r"^[^\s。．!！?？（）()\[\]［］]{1,12}\s*[（(\[［]\s*[0-9]{1,7}\s*[）)\]］]$")
MIN_ANSWERS = 2
MAX_POLL_QUESTION = 30


def is_poll_row(text: str) -> bool:
    """Two answers or more each with its count of votes, perhaps after the poll's short question (first, and
    asking): the site's
    widget ('この記事はいかがでしたか？　役に立った（128）　役に立たなかった（6）'), never the article's text."""
    fields = normalise(text).split()
    answers = [field for field in fields if _VOTED.match(field)]
    rest = [field for field in fields if not _VOTED.match(field)]
    question = fields[0] if rest else ""
    return (len(answers) >= MIN_ANSWERS and rest in ([], [question])
            and (not question or (len(question) <= MAX_POLL_QUESTION and question.endswith(("?", "？")))))


# A row of words set apart by spaces and nothing else: a site's menu ('ホーム　エンタメ　スポーツ　マネー'), a
# dictionary's related or neighbouring words. Four words at least; a sentence has particles and punctuation, a
# headline joins two phrases, an English sentence has lower-case words.
MIN_BARE_ROW_WORDS = 4
# A headline quotes ('“届かない” 理由は …'); a menu's words do not.
_QUOTES = re.compile(r"[“”‘’\"'〝〟]")
MAX_ROW_HEADING = 24


def is_word_row(text: str) -> bool:
    words = normalise(text).split()
    return len(words) >= MIN_BARE_ROW_WORDS and all(
        len(word) <= MAX_ROW_WORD and not _NOT_IN_ROW_WORD.search(word) and not any(char.isdigit() for char in word)
        and re.search(r"[^\W\d_]", word) is not None and not (word.isascii() and word.islower())
        and not word.startswith("#") and not _QUOTES.search(word) for word in words)


def claim_word_row(texts: Sequence[str], index: int) -> int:
    """A row of words (``is_word_row``), the short heading over it ('関連する用語' · the row), and one of its words
    alone under it (a menu's current tab, 'カルチャー'): the site's, never the article's. The page's first line
    over a row is its site's name or the title, which the masthead rule judges."""
    text = texts[index]
    headed = (index > 0 and not is_word_row(text) and index + 1 < len(texts) and is_word_row(texts[index + 1])
              and len(text.strip()) <= MAX_ROW_HEADING and not _SENTENCE_END.search(text)
              and re.match(r"\s*\w", text) is not None)  # a marked line is a point of the article's list
    row_at = index + 1 if headed else index
    if not headed and not is_word_row(text):
        return 0
    end = row_at + 1
    if end < len(texts) and normalise(texts[end]) in normalise(texts[row_at]).split():
        end += 1
    return end - index


# A pictogram and a count: '👍 1,203', '😮88'; a row of two or more, perhaps after a short label, is a reaction bar.
_PICTOGRAM_COUNT = re.compile(r"(?P<symbol>[^\w\s])\ufe0f?\s*[0-9]{1,3}(?:,[0-9]{3})*(?![0-9.,])")
MIN_REACTIONS = 2
MAX_REACTION_LABEL = 14


def is_reaction_row(text: str) -> bool:
    """Two pictograms or more each with its count, perhaps after a short label ('反応する　👍 1,203　😮 88'); or one
    with its count set apart, beside nothing but the site's buttons ('♡ 128　保存する', '🔖 12'): an app's
    reaction bar. (A glyph and a number before other words is a numbered heading: '■ 1　準備すること'.)"""
    normal = nfkc(text).strip()
    counts = [found for found in _PICTOGRAM_COUNT.finditer(normal)
              if unicodedata.category(found["symbol"]) == "So"]
    label = _PICTOGRAM_COUNT.sub("", normal).strip()
    if len(counts) == 1 and (counts[0].end() == len(normal) or normal[counts[0].end()].isspace()):
        return not _is_mark(counts[0]["symbol"]) and all(_is_button(word) for word in label.split())
    if len(counts) >= MIN_REACTIONS:
        return len(label) <= MAX_REACTION_LABEL and not _SENTENCE_END.search(label)
    return _is_counted_button_row(normal.split())


_COUNT = re.compile(r"[0-9]{1,3}(?:,[0-9]{3})*")


def _is_counted_button_row(words: list[str]) -> bool:
    """The site's buttons in a row, two or more with their counts after them ('いいね 24　コメント 3　保存'): the
    same reaction bar, its buttons printed as words instead of pictograms."""
    counted = 0
    for at, word in enumerate(words):
        if _COUNT.fullmatch(word):
            if at == 0 or _COUNT.fullmatch(words[at - 1]):
                return False
            counted += 1
        elif not _is_button(word):
            return False
    return counted >= MIN_REACTIONS


# A button's word beside its pictogram: a short word, no digit, no sentence mark ('保存', 'フォロー', 'Save').
_BUTTON_WORD = re.compile(r"[^\W\d_]{1,8}")
MIN_ICON_BUTTONS = 2


def is_icon_button_row(text: str) -> bool:
    """Two buttons or more, each a pictogram of its own and one short word or a count or both, and nothing else
    on the line ('♡ 保存　🔔 フォロー', '★ Save ✉ Mail', '👍 役に立った 214　🙁 残念 9', '👍 12 😮 3'): an app's button
    bar or its reactions, whatever its words. A list repeats one bullet before its items, and an arrow or a geometric
    shape marks a list's item or a rise ('■ 東京 ■ 大阪', '▲ 上昇') unless a site's button word follows it ('↗ 共有').
    A pictogram glued to its word is the same button ('🔖保存　💬コメント 45') when the word is a site's button."""
    tokens = _icons_apart(nfkc(text).split())
    if tokens is None:
        return False
    icons: list[str] = []
    at = 0
    while at < len(tokens):
        icon = tokens[at]
        if len(icon.rstrip("\ufe0f")) != 1 or unicodedata.category(icon[0]) != "So" or (
                _is_mark(icon[0]) and not (at + 1 < len(tokens) and _is_button(tokens[at + 1]))):
            return False
        end = at + 1
        if end < len(tokens) and _BUTTON_WORD.fullmatch(tokens[end]):
            end += 1
        if end < len(tokens) and _REACTION_COUNT.fullmatch(tokens[end]):
            end += 1
        if end == at + 1:
            return False
        icons.append(icon)
        at = end
    return len(icons) >= MIN_ICON_BUTTONS and len(set(icons)) == len(icons)


def _icons_apart(tokens: list[str]) -> list[str] | None:
    """The tokens with each pictogram glued to a site's button word set apart from it ('🔖保存' → '🔖', '保存'); None
    when a pictogram is glued to any other word (a list's marked item: '📌東京')."""
    apart: list[str] = []
    for token in tokens:
        word = token[1:].lstrip("\ufe0f")
        if len(token) > 1 and word and unicodedata.category(token[0]) == "So" and _BUTTON_WORD.fullmatch(word):
            if not _is_button(word):
                return None
            apart.extend((token[:len(token) - len(word)], word))
        else:
            apart.append(token)
    return apart


# A reaction's count beside its button: digits, perhaps grouped or abbreviated ('214', '1,024', '1.2万').
_REACTION_COUNT = re.compile(r"[0-9][0-9,.]*[万千kK]?")


# Arrows and geometric shapes mark a rise or a fall ('▲ 12') or a list's item, not a reaction.
_MARK_BLOCKS = ((0x2190, 0x21FF), (0x25A0, 0x25FF), (0x2B00, 0x2BFF))


def _is_mark(symbol: str) -> bool:
    return any(start <= ord(symbol) <= end for start, end in _MARK_BLOCKS)


def _is_button(word: str) -> bool:
    """A button of the site's, perhaps as a verb ('保存する', 'シェアする', 'いいね')."""
    folded = normalise(word)
    return folded in SHARE_WORDS or folded in COUNTED_BUTTONS or folded.removesuffix("する") in SHARE_WORDS


# How long ago the article was posted, alone on its line ('3時間前', '🕒 2日前'): an app's feed stamp.
_AGE_ALONE = re.compile(rf"(?:[^\w\s]\s*)?{RELATIVE_DATE.pattern}")
# A button of a plus sign and a word ('＋フォロー', '+ マイページ'): the site's, as a share button is.
_PLUS_BUTTON = re.compile(r"[+＋]\s*[^\s\d。、.,!！?？]{2,8}")
# A pointer saying the text goes on below or after something ('▼ 広告の後に続きます', '↓ 記事は下に続く').
_GOES_ON = re.compile(r"[▼▽↓⬇⇩]\s*[^。]{0,16}(?:続きます|続く|続き|下へ|下に)\s*[▼▽↓⬇⇩]?")


def is_age_alone(text: str) -> bool:
    return _AGE_ALONE.fullmatch(nfkc(text).strip()) is not None


def is_plus_button(text: str) -> bool:
    return _PLUS_BUTTON.fullmatch(nfkc(text).strip()) is not None


def is_goes_on_pointer(text: str) -> bool:
    return _GOES_ON.fullmatch(nfkc(text).strip()) is not None


# A player's button: a pictogram, a few words and how long it plays in brackets ('🔊 この記事を音声で聞く（約4分）',
# '🎧 読み上げ (3:20)'): a length of playing time is no word of the article's.
_PLAYER_BUTTON = re.compile(r"[^\w\s]\ufe0f?\s*[^。、.,!?]{1,16}?\s*\(\s*(?:約\s*)?"
                            r"(?:[0-9]{1,3}\s*分(?:\s*[0-9]{1,2}\s*秒)?|[0-9]{1,2}\s*秒|[0-9]{1,2}:[0-9]{2})\s*\)")


def is_player_button(text: str) -> bool:
    """A player's button (``_PLAYER_BUTTON``) behind a pictogram, not behind a list's arrow or geometric shape."""
    normal = nfkc(text).strip()
    return _PLAYER_BUTTON.fullmatch(normal) is not None and not _is_mark(normal[0])


# A list's heading is a short line, no sentence; two entries at least make it a list.
MAX_LIST_HEADING = 30
MIN_AGED_ENTRIES = 2


def claim_aged_list(texts: Sequence[str], index: int) -> int:
    """A heading of any words over two listed articles or more, each closed by its age in brackets
    ('この記事を読んだ人はこちらも' · '…（3時間前）' · '…（昨日）'): a feed's list of other articles, its heading
    included, wherever it stands."""
    heading = nfkc(texts[index]).strip()
    if not 0 < len(heading) <= MAX_LIST_HEADING or _SENTENCE_END.search(heading) or is_aged_entry(heading):
        return 0
    end = index + 1
    while end < len(texts) and is_aged_entry(texts[end]):
        end += 1
    return end - index if end - index > MIN_AGED_ENTRIES else 0


# A day named relative to today, as an age: '昨日', '一昨日'.
DAY_WORD = r"(?:昨日|今日|本日|一昨日|おととい)"


def is_aged_entry(text: str) -> bool:
    """A listed article with its age in brackets at the end: '新着記事　月面着陸機、計画（3日前）', '…（昨日）'."""
    normal = nfkc(text).strip()
    return (len(normal) <= 60 and "。" not in normal
            and re.search(rf"[（(]\s*(?:{RELATIVE_DATE.pattern}|{DAY_WORD})\s*[）)]$", normal) is not None)


# One hashtag alone on its line ('#金価格', '＃子育て'; not '#1', a number).
_HASHTAG_ALONE = re.compile(r"#[^\s#]*[^\s#0-9][^\s#]*")
MIN_HASHTAG_LINES = 2


def claim_hashtag_run(texts: Sequence[str], index: int) -> int:
    """Two lines or more in a row, each one hashtag alone: the post's tags printed one under another, as a row
    of hashtags is on one line. (One alone may be the article's heading or a point: '#1 …' is a number.)"""
    end = index
    while end < len(texts) and _HASHTAG_ALONE.fullmatch(nfkc(texts[end]).strip()):
        end += 1
    return end - index if end - index >= MIN_HASHTAG_LINES else 0


# An app's topic chip: a pictograph glued to a word or two, alone on its line ('🚗道路', '📍 駅前'); a key point is
# longer or bulleted by a shape ('◇ 水位は例年並み'), a label stands alone.
_CHIP = re.compile(r"(?P<glyph>\S)\s?(?P<word>[^\s。、，,．!！?？:：]{1,8})")
MIN_CHIPS = 2
# Pictographs (emoji) only: a list's bullet glyph ('◇', '■', '★') marks items, not tags.
_PICTOGRAPHS = 0x1F000


def _is_chip(text: str) -> bool:
    chip = _CHIP.fullmatch(nfkc(text).strip())
    return chip is not None and unicodedata.category(chip["glyph"]) == "So" and ord(chip["glyph"]) >= _PICTOGRAPHS


def claim_chip_run(texts: Sequence[str], index: int) -> int:
    """Two or more topic chips on lines of their own, one under the other: the app's tags, not the article's."""
    end = index
    while end < len(texts) and _is_chip(texts[end]):
        end += 1
    return end - index if end - index >= MIN_CHIPS else 0
