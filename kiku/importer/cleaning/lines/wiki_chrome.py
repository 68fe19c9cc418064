"""What a Wikipedia mirror prints around the article, told by shape: the notes above it, its
infobox printed as label–value rows, and the page's tool buttons and section toggles.

- A hatnote: the article's note that a name is redirected here or means something else
  ('「X」はこの項目へ転送されています。', '…については「Y」をご覧ください。'); every sentence of the
  line is one of these.
- A maintenance notice: Wikipedia's template saying what the article lacks
  ('この記事は…出典が…不十分です。', '出典を追加して…ご協力ください。（2024年11月）').
- An infobox printed as text: three or more rows of a short label, a gap of two or more spaces
  (or a tab), and a value ('所在地　　　東京都千代田区…').
- MediaWiki's jump links under the title ('移動先: 案内、 検索'), whatever words name their targets.
- A mobile page's tool row ('☆ ウォッチ　⤴ 共有　文A 言語') and a section's toggle alone on its
  line ('閉じる', '▼ 展開').
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from kiku.importer.cleaning.chrome import nfkc, normalise

_SENTENCE = re.compile(r"[^。]+。?")
_HATNOTE = re.compile(
    r"^(?:「[^」]{1,40}」(?:は|はこの(?:項目|記事|ページ)へ|はここに)(?:転送|リダイレクト)されています。?"
    r"|[^。「」]{0,30}(?:については|は)、?「[^」]{1,60}」(?:を|も)?(?:ご覧ください|参照してください|参照)。?"
    r"|この(?:項目|記事)では、?[^。]{1,60}について(?:説明|記述)しています。?"
    r"|「[^」]{1,40}」(?:とは異なります|と混同しないでください|とは別(?:のもの)?です)。?)$")
# A notice's date in brackets after its last sentence: '（2024年11月）'.
_NOTICE_DATE = re.compile(r"[（(]\s*[0-9]{4}\s*年\s*[0-9]{1,2}\s*月\s*[)）]\s*$")
_NOTICE = re.compile(
    r"^(?:この(?:記事|項目|節|セクション)(?:に|で)?(?:は|には|の)[^。]{0,90}"
    r"(?:不十分|不足|ありません|いません|必要|含まれていますが|問題があります|おそれがあります)[^。]{0,40}。?"
    r"|[^。]{0,40}(?:出典|脚注|記事|編集|加筆|改善|議論|ノート)[^。]{0,40}"
    r"(?:ご協力ください|お願いします|てください|下さい)。?)$")
MAX_NOTE = 160
# A licence statement ('この記事は、ウィキペディアの…の記事を複製…') is the article's, never a notice.
_LICENCE_WORDS = re.compile(r"ウィキペディア|Wikipedia|ライセンス|License|GFDL|CC BY", re.IGNORECASE)

# An infobox row: a short label, a gap, a value.
_INFOBOX_ROW = re.compile(r"^(?P<label>[^\s　。、]{1,10})(?:[ \u3000]{2,}|\t+)(?P<value>\S.{0,60})$")
MIN_INFOBOX_ROWS = 3
# A terminal browser's table: borders of box-drawing characters, rows split by '│' ('│所在地│東京都…│').
_BORDER = re.compile(r"^[\u2500-\u257f\s+\-=|]+$")
_BOXED_ROW = re.compile(r"^[│┃|]?\s*[^│┃|\s][^│┃|]{0,11}[│┃]\s*[^│┃]+[│┃]?$")

TOOL_WORDS = frozenset({"ウォッチ", "ウォッチリスト", "共有", "言語", "文a", "編集", "履歴", "履歴表示", "印刷",
                        "ノート", "閲覧", "ダウンロード", "pdf", "他言語版", "watch", "share", "language", "edit"})
TOGGLE_WORDS = frozenset({"閉じる", "展開", "開く", "表示", "非表示", "折りたたむ", "たたむ", "もっと見る",
                          "hide", "show", "expand", "collapse"})
_SYMBOLS = re.compile(r"^[^\w]+$")


def _sentences(text: str) -> list[str]:
    return [sentence.strip() for sentence in _SENTENCE.findall(_NOTICE_DATE.sub("", text).strip()) if sentence.strip()]


def is_hatnote(text: str) -> bool:
    normal = text.strip()
    sentences = _sentences(normal)
    return len(normal) <= MAX_NOTE and bool(sentences) and all(_HATNOTE.match(sentence) for sentence in sentences)


def is_maintenance_notice(text: str) -> bool:
    normal = text.strip()
    sentences = _sentences(normal)
    return (len(normal) <= MAX_NOTE and bool(sentences) and _LICENCE_WORDS.search(normal) is None
            and all(_NOTICE.match(sentence) for sentence in sentences))


_EDIT_AGE = re.compile(
    r"^最終(?:編集|更新)(?:から|は)?\s*[0-9]{1,3}\s*(?:秒|分|時間|日|週間|か月|ヶ月|カ月|年)(?:前|経過)")


def is_edit_age(text: str) -> bool:
    """How long ago the page was last edited: '最終編集から3か月経過', '最終更新 3日前'."""
    return _EDIT_AGE.match(nfkc(text).strip()) is not None


# MediaWiki's jump links under the title, its targets in the mirror's words ('移動先: 案内、 検索', 'Jump to:
# navigation, search'): the label, then a few short link words split by commas, no sentence.
_JUMP_LINKS = re.compile(r"^(?:移動先|jump to)\s*[:：]\s*[^\s、,。:：]{1,12}(?:\s*[、,]\s*[^\s、,。:：]{1,12}){0,3}$")


def is_jump_links(text: str) -> bool:
    return _JUMP_LINKS.match(nfkc(text).strip().lower()) is not None


def is_tool_row(text: str) -> bool:
    """Only a page's tool buttons, each with or without its icon ('☆ ウォッチ　⤴ 共有　文A 言語')."""
    words = [word for word in normalise(text).split() if not _SYMBOLS.match(word)]
    return len(words) >= 2 and all(word in TOOL_WORDS for word in words)


def is_toggle(text: str) -> bool:
    """A section's toggle alone on its line: '閉じる', '▼ 展開', '[表示]'."""
    words = [word for word in normalise(text).split() if not _SYMBOLS.match(word)]
    return len(words) == 1 and words[0].strip("[]") in TOGGLE_WORDS


def claim_infobox(texts: Sequence[str], index: int) -> int:
    """Three or more label–value rows in a row, and the box-drawing borders between them (a
    terminal browser's table): an infobox printed as text."""
    end = index
    rows = 0
    while end < len(texts):
        text = nfkc(texts[end]).strip()
        if _BORDER.match(text):
            end += 1
        elif _INFOBOX_ROW.match(text) or _BOXED_ROW.match(text):
            end += 1
            rows += 1
        else:
            break
    return end - index if rows >= MIN_INFOBOX_ROWS else 0


# A contents entry's number: '2', '2.1', '(3)', '４．'.
_CONTENTS_NUMBER = re.compile(r"^\s*[(（]?(?P<top>[0-9]{1,2})(?P<sub>(?:\.[0-9]{1,2})+)?(?![0-9])")


def restarts_numbering(texts: Sequence[str], index: int, position: int) -> bool:
    """The line's number does not go on from the entry above ('1 歴史' … '5 外部リンク' · '1. 歴史'): the
    list of contents has ended and the article's first numbered heading begins."""
    if position == 0:
        return False
    above, here = _CONTENTS_NUMBER.match(nfkc(texts[index - 1])), _CONTENTS_NUMBER.match(nfkc(texts[index]))
    if above is None or here is None:
        return False
    step = int(here["top"]) - int(above["top"])
    return step < 0 or (step == 0 and here["sub"] is None)


# What marks a contents entry before its words: a number ('2.', '(3)', '2.1'), a bullet or pointer glyph.
_ENTRY_LEAD = re.compile(r"^\s*(?:[(（]?[0-9]{1,2}(?:\.[0-9]{1,2})*[.)）]?\s*|[^\w\s「『（(【\[]{1,2}\s*)")


def repeats_an_entry(texts: Sequence[str], index: int, position: int) -> bool:
    """The line names what an entry of the list above already named, whatever marks each ('1. なぜ…?'
    … '▼なぜ…?'): every entry of a list of contents names one heading once, so the line is that heading,
    in the article, and the list has ended."""
    words = _entry_words(texts[index])
    return bool(words) and any(_entry_words(entry) == words for entry in texts[index - position:index])


def copies_an_entry(texts: Sequence[str], index: int, position: int) -> bool:
    """The line prints an entry of the list above again, number and words alike ('3 主な内容' under '8 関連項目'),
    and the heading it names still comes later: the dump printed part of the box twice (a folded or pinned
    copy), so the copy is the list's too, not the heading it names."""
    here = normalise(nfkc(texts[index]))
    if position == 0 or not any(normalise(nfkc(entry)) == here for entry in texts[index - position:index]):
        return False
    words = _entry_words(texts[index])
    return bool(words) and any(_heading_words(text) == words for text in texts[index + 1:])


def _entry_words(text: str) -> str:
    folded = nfkc(text)
    return normalise(_ENTRY_LEAD.sub("", folded, count=1))


# A contents entry: its number, a mark or a space, and the few words of a heading ('1　歴史', '2.1. 気候').
_CONTENTS_ENTRY = re.compile(r"^\s*(?P<number>[0-9]{1,2}(?:\.[0-9]{1,2})*)(?:[.)]\s*|\s+)(?P<words>\S.{0,39})$")
# What a heading carries around its words: a leading glyph or number, a trailing edit link, toggle or anchor.
_HEADING_LEAD = re.compile(r"^(?:[^\w\s「『（(]{1,2}\s*|[0-9]{1,2}(?:\.[0-9]{1,2})*[.)]?\s+)")
_HEADING_TAIL = re.compile(r"\s*(?:[\[［〔(（][^\]］〕)）]{1,8}[\]］〕)）]|[^\w\s」』）)]{1,2})\s*$")
MAX_CONTENTS = 30
MIN_CONTENTS = 2


def claim_contents_list(texts: Sequence[str], index: int) -> int:
    """A run of short numbered lines counting up from 1 (a sub-section's '2.1' under its '2') whose words
    most reappear later as lines of their own, the headings they list: a table of contents, whatever
    heading or toggle ('目次', '［非表示］') it was printed under, or none."""
    entries = _contents_run(texts, index)
    if len(entries) < MIN_CONTENTS:
        return 0
    later = {_heading_words(text) for text in texts[index + len(entries):]}
    listed = sum(1 for words in entries if words in later)
    return len(entries) if listed >= MIN_CONTENTS and listed * 2 > len(entries) else 0


def _contents_run(texts: Sequence[str], index: int) -> list[str]:
    """The words of the numbered entries from ``texts[index]`` on, while their numbers go on from 1."""
    words: list[str] = []
    previous: list[int] = []
    for text in texts[index:index + MAX_CONTENTS]:
        found = _CONTENTS_ENTRY.match(nfkc(text))
        if found is None or _SENTENCE_MARK.search(found["words"]):
            break
        number = [int(part) for part in found["number"].split(".")]
        if not _goes_on(previous, number):
            break
        words.append(normalise(found["words"]))
        previous = number
    return words


_SENTENCE_MARK = re.compile(r"[。．！？!?]")


def _goes_on(previous: list[int], number: list[int]) -> bool:
    """``number`` comes next after ``previous`` in a list of contents: the first is 1; then the next
    number at the same depth, a first sub-number ('2' → '2.1'), or the next number higher up."""
    if not previous:
        return number == [1]
    if number == [*previous, 1]:
        return True
    depth = len(number)
    return depth <= len(previous) and number[:-1] == previous[:depth - 1] and number[-1] == previous[depth - 1] + 1


def _heading_words(text: str) -> str:
    words = _HEADING_TAIL.sub("", _HEADING_LEAD.sub("", nfkc(text).strip(), count=1))
    return normalise(words)
