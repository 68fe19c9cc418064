"""Whose voice a line is in: the writer's remark, a reader's reaction, or reporting.

Digest pages interleave three voices without labels. A *remark* (comment) is a short
evaluative sentence ("…が気になりますね。"); a *reaction* is a casual, often dialect, line
that closes a section ("ホンマに、…やなぁ。"); *body* lines report facts with named
subjects and dates. The scores below read those features from the text itself.
"""

from __future__ import annotations

import re

_REMARK_ENDING = re.compile(
    r"(?:ね|ねえ|よね|でしょう|ましょう|たい(?:です)?|ません|気になります|ですね|ますね|と思います)[。！!]?$"
)
_REPORTING_SUBJECT = re.compile(r"^[^、。]{1,25}(?:は|が)、")
_FIGURE = re.compile(r"[0-9０-９]")
_BODY_OPENER = re.compile(r"^(?:また|一方|しかし|特に|これは|さらに|そのため|なお)[、,]")

_INTERJECTION = re.compile(
    r"^(?:ええ|うーん|うーむ|いやー|いやあ|ほほう|ほう|おおきに|ホンマ|ほんま|え、|えっ|へえ|へー|なるほど|"
    r"まあ|あー|ああ、|おお|わあ|うわ|せやな|そやな|なんと)"
)
_CASUAL = re.compile(
    r"(?:やな|やろ|やん|ねん(?=[。！!、]|$)|へん|っちゅう|ええな|ほんま|ホンマ|ますわ|ですわ|やわ|だね|だよ|よな|かな[。!！?？]|"
    r"ほしいな|怖いな|[わな][!！。]|[ぁ-ん]ー[!！。])"
)
_INNER_SENTENCE_BREAK = re.compile(r"[。!！?？](?=.)")

MAX_REMARK_LENGTH = 40
LONG_BODY_LENGTH = 50


def remark_score(text: str) -> int:
    """Positive when ``text`` reads as the writer's remark rather than reporting."""
    score = 0
    if _REMARK_ENDING.search(text):
        score += 2
    if len(text) <= MAX_REMARK_LENGTH:
        score += 1
    if len(text) > LONG_BODY_LENGTH:
        score -= 2
    if _FIGURE.search(text):
        score -= 2
    if _REPORTING_SUBJECT.search(text):
        score -= 1
    if _BODY_OPENER.search(text):
        score -= 1
    return score


def reaction_score(text: str) -> int:
    """How much ``text`` reads as a casual reader's reaction (0 for neutral prose)."""
    score = 0
    if _INTERJECTION.search(text):
        score += 2
    if _CASUAL.search(text):
        score += 2
    if _INNER_SENTENCE_BREAK.search(text):
        score += 1
    return score


CLEAR_REMARK = 2


def count_leading_remarks(lines: list[str], *, first_is_remark: bool, min_score: int = 1,
                          limit: int = 3) -> int:
    """How many of the first ``lines`` are remarks (at most ``limit``).

    The line right after a source card is always the writer's remark on it; later lines
    are remarks while they score at least ``min_score``.
    """
    count = 0
    for index, text in enumerate(lines[:limit]):
        if (index == 0 and first_is_remark) or remark_score(text) >= min_score:
            count += 1
        else:
            break
    return count
