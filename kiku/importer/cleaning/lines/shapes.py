"""Chrome told by the shape of its lines, not by its words: a site's vertical menu, a comment
thread, a banner, a line framed by arrows, a lone separator, a tag line, a list entry aged by a relative date.

Each test looks at a line's length, its punctuation and what stands around it, so that a new
site's menu or comment box is recognised without a new word in a list. Other lines told by their shape
have modules of their own here: counts.py, media.py, prompts.py (forms, calls to follow) and link_lines.py.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from kiku.importer.cleaning.chrome import FOOTER_LINKS, SHARE_BUTTONS, nfkc, normalise
from kiku.importer.cleaning.lines.counts import is_counted_button
from kiku.importer.cleaning.lines.link_lines import claim_pager_link
from kiku.importer.grammar.lines.dates import find_date
from kiku.importer.layouts.labels import KEY_POINTS_LABEL_WORDS

# A menu item stacked on its own line is a word or two: 'ホーム', '子育て', '🔍 検索'.
MAX_MENU_ITEM = 8
MIN_MENU = 3
_PUNCTUATION = re.compile(r"[。、，,.．!！?？「」『』:：]")
# Words a site's header or share box prints as buttons (any one of them makes a short run a menu).
_BUTTON_WORDS = SHARE_BUTTONS | FOOTER_LINKS | {"ログイン", "ログアウト", "検索", "会員登録", "新規登録", "マイページ",
                                                "menu", "メニュー", "ランキング"}

# An age instead of a date: '3日前', '2時間前', '1週間前', '5分前', '3か月前'.
RELATIVE_DATE = re.compile(r"[0-9０-９]{1,3}\s*(?:秒|分|時間|日|週間|か月|ヶ月|カ月|ケ月|年)前")
# A comment's header: a short user name and when it was posted (a date with a time, or an age).
MAX_USER_NAME = 16
_TIME = re.compile(r"[0-9]{1,2}:[0-9]{2}")
# A banner between backslash and slash marks: '＼ 毎週金曜に届く、健康ニュースのまとめ ／'.
_BANNER = re.compile(r"^[＼\\]\s*.{1,40}\s*[／/]$")
# A line framed by the same arrow at both ends points the reader on: '▼ 記事の続きは下へ ▼', '↓ … ↓'.
# (An arrow before a heading alone, '▼ 発表中にすべきこと', is the heading's mark, and a list's label
# framed so, '▼ まとめ ▼', is the label.)
_POINTER = re.compile(r"^(?P<arrow>[▼▽↓⬇⇩▲△↑⬆⇧])\s*(?P<text>[^。]{1,30}?)\s*(?P=arrow)$")


def _is_menu_item(text: str) -> bool:
    normal = nfkc(text).strip()
    return 0 < len(normal) <= MAX_MENU_ITEM and not _PUNCTUATION.search(normal) and not normal.isdigit()


def _is_button_word(text: str) -> bool:
    words = normalise(text).strip("🔍≡☰ ").split()
    return bool(words) and all(word in _BUTTON_WORDS for word in words)


def claim_menu_run(texts: Sequence[str], index: int) -> int:
    """A run of three or more lines of one or two words each, stacked like a menu or a share
    box, with a button word among them or a counted button closing it ('コメント 12' under a row of tabs): short
    headings and entries of an article have none. The teaser under a pager link that closes it is the run's."""
    end = index
    while end < len(texts) and _is_menu_item(texts[end]):
        end += 1
    run = texts[index:end]
    if len(run) < MIN_MENU or not (any(_is_button_word(text) for text in run) or is_counted_button(run[-1])):
        return 0
    # A pager closing the run ('リンクをコピー' · '次の記事 ▶') brings its teaser, the next article's title, under it.
    return len(run) + 1 if claim_pager_link(texts, end - 1) == 2 else len(run)


def is_comment_header(text: str) -> bool:
    """A user name and when the comment was posted: '山のたぬき　2025年2月3日 21:14', '匿名 3日前'."""
    normal = nfkc(text).strip()
    age = RELATIVE_DATE.search(normal)
    if age is not None and age.end() == len(normal):
        name = normal[:age.start()].strip()
    else:
        found = find_date(normal)
        if found is None or _TIME.search(normal) is None:
            return False
        name = _TIME.sub("", found[1]).strip()
    return 0 < len(name) <= MAX_USER_NAME and not _PUNCTUATION.search(name)


def is_banner(text: str) -> bool:
    return _BANNER.match(nfkc(text).strip()) is not None


def is_pointer_line(text: str) -> bool:
    pointer = _POINTER.match(nfkc(text).strip())
    return pointer is not None and KEY_POINTS_LABEL_WORDS.search(pointer["text"]) is None


# What sets fields apart on a meta line; a line of these alone lost the fields beside it.
_SEPARATORS_ONLY = re.compile(r"[\s·・|｜/／\-–—,、:：]+")


def is_separator_only(text: str) -> bool:
    """A line of separators alone ('·', '｜', ' / '): the fields it set apart were dropped."""
    return _SEPARATORS_ONLY.fullmatch(text) is not None


# A post's tag or category line: its label and a colon, then a few short terms ('タグ: 新幹線 JR東海 検測車',
# 'Tags: 奈良, 正倉院展', 'カテゴリー：くらし'). What the article is filed under, not its text.
_TAXONOMY_LABEL = re.compile(r"^(?:関連)?(?:タグ|tags?|カテゴリー?|categor(?:y|ies)|キーワード|keywords?|ジャンル"
                             r"|テーマ)\s*[:：]\s*", re.IGNORECASE)
_TERM_SEPARATORS = re.compile(r"[\s,、，|｜/／]+")
MAX_TAXONOMY_TERM = 20
MAX_TAXONOMY_TERMS = 10


def is_taxonomy_line(text: str) -> bool:
    """A tag or category line: a taxonomy label and a colon, then one to ten short terms, no sentence."""
    normal = nfkc(text).strip()
    label = _TAXONOMY_LABEL.match(normal)
    if label is None:
        return False
    terms = [term for term in _TERM_SEPARATORS.split(normal[label.end():]) if term]
    return 0 < len(terms) <= MAX_TAXONOMY_TERMS and all(
        len(term) <= MAX_TAXONOMY_TERM and _PUNCTUATION.search(term.lstrip("#")) is None for term in terms)
