"""Blocks of a site's chrome printed on one line: a ranking's entries in a row ('ランキング　1位 …　2位 …'),
a block's heading with its one entry after an arrow ('次に読まれている記事 ⇒ <title>'), a poll's answers with
their counts ('役に立った（128）　役に立たなかった（6）')."""

from __future__ import annotations

import re

from kiku.importer.cleaning.chrome import is_block_heading, normalise

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
    headline (no sentence end): '次に読まれている記事 ⇒ <title>', '関連記事：<title>'."""
    match = _HEAD_AND_ENTRY.match(text.strip())
    return (match is not None and is_block_heading(match["head"].strip())
            and not _SENTENCE_END.search(match["entry"]))


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
