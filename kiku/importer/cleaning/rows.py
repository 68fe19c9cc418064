"""Blocks of a site's chrome printed on one line: a ranking's entries in a row ('ランキング　1位 …　2位 …'),
a block's heading with its one entry after an arrow ('次に読まれている記事 ⇒ <title>'), a poll's answers with
their counts ('役に立った（128）　役に立たなかった（6）')."""

from __future__ import annotations

import re

from kiku.importer.cleaning.chrome import PAGE_NAVIGATION, is_block_heading, normalise

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


def is_headed_teaser(text: str) -> bool:
    """A ranking's, related articles' or pager's heading with its entry after an arrow or a colon, the entry a
    headline (no sentence end): '次に読まれている記事 ⇒ <title>', '関連記事：<title>', '次の記事 ≫ <title>'."""
    match = _HEAD_AND_ENTRY.match(text.strip())
    if match is None or _SENTENCE_END.search(match["entry"]):
        return False
    head = match["head"].strip()
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
