"""A reader comment thread, told from the article's own byline: a thread's heading ('コメント（12）'),
then each comment under its writer's name and age ('匿名 3日前'); a name and an age right under the
page's title are the article's byline, not a comment."""

from __future__ import annotations

import re
from collections.abc import Sequence

from kiku.importer.cleaning.blocks.block_headings import is_block_heading
from kiku.importer.cleaning.chrome import nfkc
from kiku.importer.cleaning.lines.prompts import is_form_line
from kiku.importer.cleaning.lines.shapes import MAX_USER_NAME, RELATIVE_DATE, is_comment_header
from kiku.importer.grammar.lines.dates import date_sides
from kiku.importer.grammar.lines.features import split_marker

_PUNCTUATION = re.compile(r"[。、，,.．!！?？「」『』:：]")


def _is_aged_header(text: str) -> bool:
    return is_comment_header(text) and RELATIVE_DATE.search(nfkc(text)) is not None


def is_comment_heading(text: str) -> bool:
    normal = nfkc(text).strip()
    return len(normal) <= 14 and "コメント" in normal and not _PUNCTUATION.search(normal.replace(":", ""))


# How far under the page's first line (its title) the article's byline may stand.
BYLINE_REACH = 2


def claim_aged_byline(texts: Sequence[str], index: int) -> int:
    """A name and an age right under the page's title ('編集部 3時間前'): the article's byline, not a comment."""
    return int(0 < index <= BYLINE_REACH and not any(text.rstrip().endswith(("。", "．")) for text in texts[:index])
               and _is_aged_header(texts[index]))


def claim_comments(texts: Sequence[str], index: int) -> int:
    """A comment thread: its heading, then comment headers each with the comment under it (or, under
    the heading, each comment after its writer's name and a colon), and the form to write one (under the
    heading, the form alone is a thread no one has written in yet).
    Without the heading, only a header giving an age ('匿名 3日前') starts one (a title over a date
    with a time may be a card's); a comment is never a bullet."""
    aged = _is_aged_header(texts[index]) and not claim_aged_byline(texts, index)  # a byline is the article's
    if not (is_comment_heading(texts[index]) or aged):
        return 0
    headed = is_comment_heading(texts[index])
    end = index + 1 if headed else index
    saw_comment = saw_form = False
    while end < len(texts):
        if headed and (_is_named_comment(texts[end]) or _is_comment_row(texts[end])):
            end += 1  # under the thread's heading, a comment may follow its writer's name on one line
            saw_comment = True
        elif headed and (split := _split_header(texts, end)):
            end += split
            saw_comment = True
        elif is_comment_header(texts[end]):
            if end + 1 < len(texts) and split_marker(texts[end + 1].strip())[0] is not None:
                break  # a bulleted summary under a name and an age is a card's ('日本経済新聞・2日前')
            end += 2 if end + 1 < len(texts) and len(texts[end + 1]) <= 140 else 1
            saw_comment = True
        elif is_form_line(texts[end]):
            end += 1
            saw_form = True
        elif headed and not saw_comment and (closed := _unsigned_comments(texts, end)):
            end += closed  # comments printed without their writers, the thread closed by the site's next block
            saw_comment = True
        else:
            break
    # A thread with no comment yet is its heading over the form ('コメント' · '…にはログインしてください。').
    return end - index if saw_comment or (headed and saw_form) else 0


MAX_UNSIGNED = 5
MAX_COMMENT = 140


def _unsigned_comments(texts: Sequence[str], start: int) -> int:
    """How many lines from ``start`` are comments printed without a writer's name: a few short unmarked lines
    right under the thread's heading, then the site's next block (a heading of its lists: '関連ニュース')."""
    end = start
    while end < len(texts) and end - start < MAX_UNSIGNED and not is_block_heading(texts[end]):
        text = texts[end].strip()
        if len(text) > MAX_COMMENT or split_marker(text)[0] is not None:
            return 0
        end += 1
    return end - start if end > start and end < len(texts) and is_block_heading(texts[end]) else 0


_TIME = re.compile(r"[0-9]{1,2}:[0-9]{2}")
# What may stand beside a comment's date on its own line: its weekday and time ('(水) 21:14').
_DATE_REST = re.compile(r"^[\s(（]*(?:[月火水木金土日](?:曜日?)?)?[)）\s]*(?:[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?)?\s*$")


def _split_header(texts: Sequence[str], start: int) -> int:
    """A comment under its header printed on two lines, the writer's name alone and then the date alone
    ('やまびこ' · '2025年3月4日 (火)'), under the thread's heading: the name, the date and the comment."""
    if start + 1 >= len(texts):
        return 0
    name, date = nfkc(texts[start]).strip(), texts[start + 1]
    sides = date_sides(date)
    if not (0 < len(name) <= MAX_USER_NAME and not _PUNCTUATION.search(name) and split_marker(name)[0] is None
            and date_sides(name) is None and sides is not None and not sides[0].strip()
            and _DATE_REST.match(sides[1])):
        return 0
    comment = texts[start + 2].strip() if start + 2 < len(texts) else ""
    return 3 if comment and len(comment) <= MAX_COMMENT and split_marker(comment)[0] is None else 2


def _is_comment_row(text: str) -> bool:
    """A comment printed on its header's line: the writer's name, when it was posted (a date with a time),
    then the comment ('山のたぬき　2025/2/3 21:14　…')."""
    normal = nfkc(text).strip()
    sides = date_sides(normal)
    if sides is None or _TIME.search(normal) is None or not sides[1].strip():
        return False
    name = sides[0].strip()
    return 0 < len(name) <= MAX_USER_NAME and not _PUNCTUATION.search(name) and split_marker(normal)[0] is None


# A comment printed after its writer's name and a colon: 'ハイカー太郎：…', '名無しさん: …'.
_NAMED_COMMENT = re.compile(rf"^(?P<name>[^:：\s]{{1,{MAX_USER_NAME}}})\s*[:：]\s*\S")


def _is_named_comment(text: str) -> bool:
    named = _NAMED_COMMENT.match(nfkc(text).strip())
    return named is not None and not _PUNCTUATION.search(named["name"]) and split_marker(text.strip())[0] is None
