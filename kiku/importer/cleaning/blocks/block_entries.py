"""The entries of a block of chrome under its heading: a table of contents, a list of article titles, a
writer's profile. Each test says whether ``texts[index]``, the block's entry number ``position``, is one."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import lru_cache

from kiku.importer.cleaning.chrome import nfkc, normalise
from kiku.importer.grammar.lines.qa_labels import labelled_questions

# Is texts[index] an entry of a block, being the block's entry number ``position`` (from 0)?
EntryTest = Callable[[Sequence[str], int, int], bool]

# A ranked entry of a list of articles: '1位 …', '1. …', '第1位 …'.
RANKED_ENTRY = re.compile(r"^(?:第?\d{1,2}\s*位|\d{1,2}\s*[.．、)）])\s*\S")
PROFILE_WORDS = re.compile(
    r"ライター|記者|編集者|編集長|執筆|取材|ジャーナリスト|出身|職員|経歴|@\w+|プロフィール|記事一覧"
)
# A writer's profile opens with what they are, a bare noun and a full stop: '元高校教員。…', '気象予報士。…'
# (a sentence of the article has a subject or an object, or ends in a verb or an adjective, whose
# last kana is hiragana).
_SELF_INTRODUCTION = re.compile(r"^[^。、，,「」『』\sはがをにでともへ]{2,12}(?<![ぁ-ゖ])。")
MAX_PROFILE = 120
# A list entry's number closes with a full stop, a bracket or nothing ('1 ', '2.1 ', '3.', '4) ',
# '(5) '), or its bullet.
_ENTRY_MARK = re.compile(r"^(?:\d+(?:\.\d+)*[.)]?\s+|\d+(?:\.\d+)*[.)](?=\S)|\(\d+\)\s*|[・•●■◆▶▸▼▽►→\-*]\s*)\S")
_SENTENCE = re.compile(r"[。．]")
_QUESTION_END = re.compile(r"[?？]\s*$")
# Lines that are the page's structure, never an entry of a list of links.
_STRUCTURE = re.compile(
    r"^(?:✅|💡|📘|公開日|さらに読む|出典\s*[:：]\s*フリー百科事典)|[\[［〔]\s*(?:ソースを)?編集\s*[\]］〕]$"
)
MAX_ENTRY_LENGTH = 60


def _is_short_title(text: str) -> bool:
    return len(text) <= MAX_ENTRY_LENGTH and not _SENTENCE.search(text) and not _STRUCTURE.search(text)


def is_toc_entry(texts: Sequence[str], index: int, position: int) -> bool:
    """A numbered or bulleted entry, or an unmarked one that repeats a later line (its heading)."""
    text = texts[index]
    if not _is_short_title(text):
        return False
    if _ENTRY_MARK.match(nfkc(text)):
        return True
    # Its repeat must come later, not on the next line (a heading printed twice is not a contents).
    key = normalise(text)
    return any(normalise(later) == key for later in texts[index + 2:])


def is_listed_title(texts: Sequence[str], index: int, position: int) -> bool:
    """An article title in a list: ranked ('1位 …', '2. …'), or short, not a sentence, and neither
    a digest heading (which a question line follows) nor a card's title (which its date or
    bullets follow). A list whose first entry is ranked is ranked throughout: it ends at the
    first line without a rank (the article's title, printed right under a ranking)."""
    text = texts[index]
    ranked = RANKED_ENTRY.match(nfkc(text)) is not None
    if ranked and len(text) <= MAX_ENTRY_LENGTH:
        return True
    if position > 0 and RANKED_ENTRY.match(nfkc(texts[index - position])):
        return False
    if position > 0 and _same_bullet(texts[index - 1], text) and _is_short_title(text):
        return True  # the next entry of a list bulleted alike, whatever follows it
    follows = texts[index + 1] if index + 1 < len(texts) else ""
    # A question under a heading makes it a section's, unless it is the next entry of the same
    # list, bulleted alike ('・夢洲IR、開業は2030年秋に' over '・ミャクミャク、大阪の顔に?').
    next_entry = _same_bullet(text, follows)
    return (_is_short_title(text) and (next_entry or not _asks_under_a_heading(texts, index + 1))
            and not re.match(r"^(?:✅|公開日)", follows))


def _asks_under_a_heading(texts: Sequence[str], index: int) -> bool:
    """``texts[index]`` asks as a digest's section question does. A page that labels its section questions
    ('Q．…？' over 'A．…') labels them all: there an unlabelled line ending in '？' is another title of the
    list ('…で何が変わる？'), not the question of a section."""
    if index >= len(texts) or not _QUESTION_END.search(texts[index]):
        return False
    roles = _question_roles(tuple(texts))
    return index in roles or "Q" not in roles.values()


@lru_cache(maxsize=8)
def _question_roles(texts: tuple[str, ...]) -> dict[int, str]:
    return labelled_questions(list(texts))


def _same_bullet(text: str, other: str) -> bool:
    """Both lines open with the same mark (not a letter, digit or bracket)."""
    first, second = text.strip()[:1], other.strip()[:1]
    return first != "" and first == second and not first.isalnum() and first not in "「『（(【[〔"


def is_profile_line(texts: Sequence[str], index: int, position: int) -> bool:
    """The writer's name (a short line right under the heading) or a line of their profile."""
    text = texts[index]
    is_name = position == 0 and len(text) <= 20 and not _SENTENCE.search(text) and not _STRUCTURE.search(text)
    return is_name or (len(text) <= MAX_PROFILE and (PROFILE_WORDS.search(text) is not None
                                                     or _SELF_INTRODUCTION.match(nfkc(text).strip()) is not None))
