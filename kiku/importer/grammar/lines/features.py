"""What a line of a digest page looks like, told by general features rather than known words.

A line's *marker* is any leading symbol or emoji bullet (💡 ✅ ✔ 👉 ● ・ ◆ ▶ …, also one written
as an HTML character reference), whether or not it was ever seen before: what it marks is
decided by where it stands, not by which glyph it is. A line is *date-like* when it is a date
in any common form (``2025/03/19``, ``２０２５年３月１９日``, ``2025.03.19``) with at most a short
label (``公開日:``, ``掲載日``, ``更新日``) or category around it. A *card link* line carries a
card's link (``さらに読む ⇒ <publisher> 出典/画像元: <URL>`` and its many variants).
"""

from __future__ import annotations

import datetime as dt
import html
import re
import unicodedata
from dataclasses import dataclass

from kiku.importer.grammar.cards.card_link import CardLink, read_card_link
from kiku.importer.grammar.cards.card_meta import CardDate, card_date
from kiku.importer.grammar.cards.card_titles import date_before_title, publisher_before_title, source_label_before_title
from kiku.importer.grammar.cards.fields.reading import read_barred_line
from kiku.importer.grammar.lines.dates import line_date, month_day_line_date
from kiku.importer.grammar.lines.sentence_marks import QUESTION_END, SENTENCE_END
from kiku.importer.layouts.digest.voice import reaction_score, remark_score
from kiku.importer.layouts.labels import (
    HEADING_ANCHOR,
    KEY_POINTS_LABEL_WORDS,
    NUMBER_CLOSES,
    NUMBER_OPENS,
    PREDICATE_END,
)

# Categories of a bullet glyph: other symbols (emoji, ●, ✔), math symbols (→), modifiers,
# and the variation selectors / joiners / keycaps that follow an emoji.
_MARKER_CATEGORIES = frozenset({"So", "Sm", "Sk"})
_MARKER_TAIL_CATEGORIES = frozenset({"Mn", "Me", "Cf"})
# Punctuation that bullets a list; the note mark ※, brackets and quotes do not, nor a dash before a
# space, which attributes a quotation ('— 気象庁 (@JMA) 2025年8月27日').
_MARKER_PUNCTUATION = frozenset("・･•‣◦*＊-−")
# Symbols that start text rather than mark it.
_NOT_MARKERS = frozenset("©®℃￥$＄%％#＃@＠〒々〆〇")
_CHARACTER_REFERENCE = re.compile(r"^&(?:#[0-9]{2,7}|#[xX][0-9a-fA-F]{2,6}|[A-Za-z]{2,10});")



@dataclass(frozen=True, slots=True)
class LineFeatures:
    """The general features of one line (of the page with its chrome already removed)."""

    text: str
    # The leading bullet glyph, and the text after it (the line itself when it has none).
    marker: str | None
    unmarked: str
    # The date of a date-like line (a line that is a date with at most a short label), else None.
    date: dt.date | None
    # Set when the line carries a card's link.
    link: CardLink | None
    # Set when the line is a card's date line: a date or an age, maybe after the publisher.
    card_date: CardDate | None
    # The text is the article's title again (printed twice), or the line before it / two before.
    is_title: bool
    repeats_recent: bool
    repeated_below: bool
    question: bool
    sentence: bool
    predicate: bool
    is_label: bool
    length: int
    remark: int
    reaction: int
    # The saved page marks the line up as a heading element (a text dump never does).
    marked_heading: bool = False
    # 'publisher｜headline', '【出典】headline': a card's title naming its source or that it is one.
    names_publisher: bool = False
    # 'date headline': a card's title printed after its date on one line.
    dated_title: bool = False
    # Someone's words in quotes with who said them ('「困る」（80代女性）'), or a quotation's attribution.
    voice: bool = False
    # The line opens with its subject and a comma ('甲子園に行く人は、…'): a sentence's shape.
    subject_clause: bool = False
    # No word of it names a thing: only hiragana and punctuation ('すごい！', 'なるほどね'); a heading
    # names its topic (a kanji, katakana, Latin or number word).
    names_nothing: bool = False
    # A summary's label ('まとめ') where the page closes, over paragraphs rather than a list: it heads
    # the page's last section, not the conclusion's bullets (``with_prose_summaries``).
    heads_prose: bool = False
    # A saved page's heading markup ('div.body>h2.midashi#', ``Line.heading_markup``), and whether the
    # line is a list item.
    heading_markup: str = ""
    list_item: bool = False
    # Styled as the lines read as the page's section headings are (``Line.styled_heading``).
    styled_heading: bool = False
    # The line stands alone between two sentences of text (``with_standalone_lines``).
    between_sentences: bool = False
    # A saved page prints the line as one link and nothing else (``Line.link_only``), or first in a
    # card's box (``Line.heads_card_box``).
    link_only: bool = False
    heads_card_box: bool = False
    # A question asked in a sentence's polite or modal ending ('…いつですか？'), not a headline's plain form.
    asks_in_sentence: bool = False
    # Numbered ('2. …') right above a card's date or publisher line: a card's title in a numbered list of cards.
    numbered_card_head: bool = False
    # Marked with another glyph than the marked line right above it: no item of the same list.
    marker_changes: bool = False
    # Marked with a glyph the page prints before single lines apart from one another, three or more times (a
    # remark's or a speaker's mark through its sections, ``feature_passes.with_lone_marks``): no list's item.
    lone_mark: bool = False
    # Right below a saved page's heading element, not one itself (``with_lines_under_heading_elements``).
    under_heading_element: bool = False
    # The writer's remark printed on a card's link line after its URL, split off it (``line_repairs._unglued``).
    glued_remark: bool = False
    # A heading element of a lesser rank than the page's section headings, over a list (``heading_ranks``).
    list_heading: bool = False
    # The title of the card that the line right above prints with its other fields, its link line or its barred
    # head (``card_names.with_head_titles_again``).
    repeats_head_title: bool = False
    # 'Q' or 'A': the page labels the line as a question or its answer (``qa_labels.with_qa_labels``).
    qa_label: str | None = None
    # The page prints the same few words at the same place of several of its units (``recurring``): a label.
    recurring_label: bool = False
    # A cell of a header row printed over each of the page's tables alike (``recurring.header_row_lines``).
    header_cell: bool = False


# A list's or a chapter's number marks its line as a glyph does: '1.', '2．', '(3)', '（4）', '5)',
# '① ' (before a space: '①東京' is a name), a Roman numeral ('Ⅱ．', 'ⅳ) ', 'Ⅲ ' before a space), '【第1章】', '［2］',
# '＜3＞', '＜その１＞', '«1»': a number in brackets of any shape, after a counting word of a few letters or none
# (not a decimal such as '1.5倍', nor a year).
_ENUMERATOR = re.compile(
    r"^(?:[(（]\s*[0-9０-９]{1,2}\s*[)）]|[0-9０-９]{1,2}\s*[.．)）](?![0-9０-９])|[①-⑳](?=\s)"
    r"|[Ⅰ-Ⅻⅰ-ⅻ](?:\s*[.．)）]|(?=\s))"
    rf"|[{NUMBER_OPENS}]\s*[^\s\d０-９{NUMBER_OPENS}{NUMBER_CLOSES}。、]{{0,3}}?\s*[0-9０-９一二三四五六七八九十]{{1,3}}"
    rf"\s*[章節部回話]?\s*[{NUMBER_CLOSES}])\s*(?=\S)"
)


# A dash and a space before a sentence bullets it ('― 政府は計画を認定した。'); before a name it attributes
# a quotation ('— 気象庁 (@JMA_kishou) 2025年8月27日'), which ends in no full stop.
_DASH_BULLET = re.compile(r"^(?P<dash>[—―–])[ \t\u3000]+(?P<rest>\S.*[。．])\s*$")


def split_marker(text: str) -> tuple[str | None, str]:
    """(marker, text after it) — or (None, text) when the line does not start with a bullet glyph
    or a list's or chapter's number."""
    enumerator = _ENUMERATOR.match(text)
    if enumerator is not None:
        return enumerator.group().strip(), text[enumerator.end():]
    dashed = _DASH_BULLET.match(text)
    if dashed is not None:
        return dashed["dash"], dashed["rest"]
    if _bracketed_whole(text):
        return None, text
    head = text
    reference = _CHARACTER_REFERENCE.match(text)
    if reference:
        head = html.unescape(reference.group()) + text[reference.end():]
    end = 0
    # A glyph before a bracketed number ('■＜その1＞…') ends where the number's bracket opens.
    while end < len(head) and _is_marker_char(head[end], first=end == 0) \
            and not (end and _ENUMERATOR.match(head[end:])):
        end += 1
    while end < len(head) and unicodedata.category(head[end]) in _MARKER_TAIL_CATEGORIES:
        end += 1
    if end == 0 or end > 3:
        return None, text
    rest = head[end:].strip()
    if not rest or (head[0] in "-−*" and not head[end:end + 1].isspace()):
        return None, text
    return head[:end].strip(), rest


# An opening angle bracket that its closing one answers at the line's end frames the whole line, a label
# ('＜参照した情報＞', '《お知らせ》'): no bullet before a text.
_ANGLE_PAIRS = {"＜": "＞", "<": ">", "〈": "〉", "《": "》", "≪": "≫", "«": "»"}


def _bracketed_whole(text: str) -> bool:
    stripped = text.strip()
    closing = _ANGLE_PAIRS.get(stripped[:1])
    return closing is not None and len(stripped) > 2 and stripped.endswith(closing)


def _is_marker_char(char: str, *, first: bool) -> bool:
    if char in _NOT_MARKERS:
        return False
    if char in _MARKER_PUNCTUATION:
        return first
    return unicodedata.category(char) in _MARKER_CATEGORIES


# Box-drawing glyphs ('━', '┏', '┃', '╋', '═'): a frame drawn in text, no bullet.
_BOX_RUN = r"[\u2500-\u257f]+"
# A line framed by them on both sides ('┏━ 今週の要点 ━┓', '━━ ニュースの整理 ━━'): a box's label or its frame.
_BOX_FRAMED = re.compile(rf"^\s*{_BOX_RUN}\s*(?P<label>[^\u2500-\u257f]*?)\s*{_BOX_RUN}\s*$")


def box_label(text: str) -> str | None:
    """The words of a box's label drawn in box-drawing glyphs ('┏━ 今週の要点 ━┓' → '今週の要点'), else None."""
    framed = _BOX_FRAMED.match(text)
    return framed["label"] if framed is not None and framed["label"] else None


def line_features(texts: list[str], keys: list[str], index: int, title_key: str, *,
                  marked_heading: bool = False, heading_markup: str = "", list_item: bool = False,
                  styled_heading: bool = False, link_only: bool = False,
                  heads_card_box: bool = False) -> LineFeatures:
    """The features of ``texts[index]``; ``keys`` are the texts folded (``labels.fold``);
    ``marked_heading``: the page marks the line up as a heading (``heading_markup``: which element
    and classes); ``list_item``: it prints the line as a list item; ``link_only`` and
    ``heads_card_box``: as ``Line`` has them."""
    text = texts[index]
    marker, unmarked = split_marker(text)
    boxed = box_label(text)
    if boxed is not None:
        # The frame's glyphs are no bullet: the line names the box its lines stand in.
        marker, unmarked = None, boxed
    elif marker is None and _in_circled_run(texts, index):
        marker, unmarked = text[0], text[1:].strip()
    elif marker is None and _in_padded_run(texts, index):
        marker, unmarked = text[:2], text[2:].strip()
    # A permalink glyph after the line ('…ですか？ #', '… ¶') says nothing of how the line ends.
    ended = HEADING_ANCHOR.sub("", text)
    key = keys[index]
    recent = {keys[other] for other in (index - 1, index - 2) if other >= 0}
    below = {keys[other] for other in (index + 1, index + 2) if other < len(texts)}
    return LineFeatures(
        text=text, marker=marker, unmarked=unmarked, date=line_date(text) or month_day_line_date(text, texts),
        link=read_card_link(text),
        card_date=card_date(text),
        is_title=key == title_key, repeats_recent=key in recent, repeated_below=key in below,
        question=QUESTION_END.search(ended) is not None, sentence=SENTENCE_END.search(ended) is not None,
        predicate=PREDICATE_END.search(ended) is not None,
        is_label=(KEY_POINTS_LABEL_WORDS.search(unmarked) is not None and len(unmarked) <= 25) or boxed is not None,
        length=len(text), remark=remark_score(unmarked), reaction=reaction_score(unmarked),
        marked_heading=marked_heading,
        names_publisher=publisher_before_title(text) is not None or source_label_before_title(text) is not None
        or read_barred_line(text) is not None,
        dated_title=marker is None and date_before_title(text) is not None,
        voice=_VOICE.match(unmarked) is not None or (marker is None and _ATTRIBUTION.match(text) is not None),
        subject_clause=_SUBJECT_CLAUSE.match(unmarked) is not None,
        names_nothing=_names_nothing(unmarked), heading_markup=heading_markup, list_item=list_item,
        styled_heading=styled_heading, link_only=link_only, heads_card_box=heads_card_box,
        asks_in_sentence=QUESTION_SENTENCE.search(text) is not None)


CIRCLED_NUMBERS = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


def _in_circled_run(texts: list[str], index: int) -> bool:
    """A line opening with a circled number glued to its text ('①東京' alone may be a name) numbers a
    list when the line before or after opens with the number before or after it ('①…' over '②…')."""
    text = texts[index]
    number = CIRCLED_NUMBERS.find(text[:1]) if text else -1
    if number < 0 or len(text) < 2:
        return False
    before = texts[index - 1][:1] if index > 0 else ""
    after = texts[index + 1][:1] if index + 1 < len(texts) else ""
    follows = number > 0 and before == CIRCLED_NUMBERS[number - 1]
    return follows or (number + 1 < len(CIRCLED_NUMBERS) and after == CIRCLED_NUMBERS[number + 1])


# A list's number padded with a zero and set off by a space: '01 …'.
PADDED_NUMBER = re.compile(r"^0(?P<digit>[1-9])[ \t\u3000]+\S")


def _in_padded_run(texts: list[str], index: int) -> bool:
    """A line opening with a number padded with a zero ('01 …', a count that is no quantity) numbers a list
    when the line before or after opens with the number before or after it ('01 …' over '02 …')."""
    found = PADDED_NUMBER.match(texts[index])
    if found is None:
        return False
    number = int(found["digit"])
    before = PADDED_NUMBER.match(texts[index - 1]) if index > 0 else None
    after = PADDED_NUMBER.match(texts[index + 1]) if index + 1 < len(texts) else None
    return (before is not None and int(before["digit"]) == number - 1) \
        or (after is not None and int(after["digit"]) == number + 1)


# A phrase of hiragana this long, with no mark after it, is a noun phrase written in kana
# ('わたしたちにできること', 'これからのくらし'): it names its topic as a kanji word would.
MAX_UTTERANCE = 6
_UTTERANCE_END = re.compile(r"[。．!！?？…〜~]\s*[」』）)]?\s*$")


def _names_nothing(text: str) -> bool:
    """Whether the text has letters, all of them hiragana (or the prolonged sound mark), and is said rather
    than named: it ends in a mark ('すごい！', 'なるほどですね。') or is a word or two ('なるほどね')."""
    letters = [char for char in text if char.isalnum()]
    return (bool(letters) and all("\u3041" <= char <= "\u309f" or char == "ー" for char in letters)
            and (len(letters) <= MAX_UTTERANCE or _UTTERANCE_END.search(text) is not None))


# A sentence may open with its subject and a comma ('甲子園に行く人は、…', '市が、…'); a headline names
# its topic without the particle ('二部制、今年は6日間に拡大', '大の里、横綱へ！').
_SUBJECT_CLAUSE = re.compile(r"^[^、。，,!！?？]{1,25}[はが][、，,]")


# Someone's words in quotes, then who said them in brackets: '「困る」（80代女性）', '「…」と話す（店主）'.
_VOICE = re.compile(r"^「[^「」]+」[^「」（）()]{0,6}[（(][^（）()]{1,20}[）)]$")
# Who said the quotation above: a dash and a space, then the name ('— 気象庁 (@JMA_kishou) 2025年8月27日').
_ATTRIBUTION = re.compile(r"^[—―–]{1,2}\s+\S")


# A question asked in a sentence's polite or modal ending ('…終わるのだろうか?', '…何ですか？'); a
# heading asks in a headline's plain form ('値段は上がる？', '担い手は？').
QUESTION_SENTENCE = re.compile(r"(?:だろう|でしょう|ます|です|ません|ました|でした)か?\s*[?？]\s*$")

