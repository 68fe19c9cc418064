"""What a line of a digest page looks like, told by general features rather than known words.

A line's *marker* is any leading symbol or emoji bullet (💡 ✅ ✔ 👉 ● ・ ◆ ▶ …, also one written
as an HTML character reference), whether or not it was ever seen before: what it marks is
decided by where it stands, not by which glyph it is. A line is *date-like* when it is a date
in any common form (``2025/03/19``, ``２０２５年３月１９日``, ``2025.03.19``) with at most a short
label (``公開日:``, ``掲載日``, ``更新日``) or category around it. A *card link* line carries a
card's link (``さらに読む ⇒ <publisher> 出典/画像元: <URL>`` and its many variants).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import html
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

from kiku.importer.grammar.card_link import CardLink, publisher_line, read_card_link
from kiku.importer.grammar.card_meta import MAX_NAME, CardDate, card_date, date_before_title, publisher_before_title
from kiku.importer.grammar.dates import line_date
from kiku.importer.layouts.labels import KEY_POINTS_LABEL_WORDS, PREDICATE_END
from kiku.importer.layouts.voice import reaction_score, remark_score

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

QUESTION_END = re.compile(r"[?？]\s*$")
SENTENCE_END = re.compile(r"[。．!！]\s*[」』）)]?\s*$")


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
    # 'publisher｜headline': a card's title naming its source.
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


# A list's or a chapter's number marks its line as a glyph does: '1.', '2．', '(3)', '（4）', '5)',
# '① ' (before a space: '①東京' is a name), '【第1章】', '［2］' (not a decimal such as '1.5倍', nor a year).
_ENUMERATOR = re.compile(
    r"^(?:[(（]\s*[0-9０-９]{1,2}\s*[)）]|[0-9０-９]{1,2}\s*[.．)）](?![0-9０-９])|[①-⑳](?=\s)"
    r"|[【［\[]\s*第?\s*[0-9０-９一二三四五六七八九十]{1,3}\s*[章節部回話]?\s*[】］\]])\s*(?=\S)"
)


def split_marker(text: str) -> tuple[str | None, str]:
    """(marker, text after it) — or (None, text) when the line does not start with a bullet glyph
    or a list's or chapter's number."""
    enumerator = _ENUMERATOR.match(text)
    if enumerator is not None:
        return enumerator.group().strip(), text[enumerator.end():]
    head = text
    reference = _CHARACTER_REFERENCE.match(text)
    if reference:
        head = html.unescape(reference.group()) + text[reference.end():]
    end = 0
    while end < len(head) and _is_marker_char(head[end], first=end == 0):
        end += 1
    while end < len(head) and unicodedata.category(head[end]) in _MARKER_TAIL_CATEGORIES:
        end += 1
    if end == 0 or end > 3:
        return None, text
    rest = head[end:].strip()
    if not rest or (head[0] in "-−*" and not head[end:end + 1].isspace()):
        return None, text
    return head[:end].strip(), rest


def _is_marker_char(char: str, *, first: bool) -> bool:
    if char in _NOT_MARKERS:
        return False
    if char in _MARKER_PUNCTUATION:
        return first
    return unicodedata.category(char) in _MARKER_CATEGORIES


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
    if marker is None and _in_circled_run(texts, index):
        marker, unmarked = text[0], text[1:].strip()
    key = keys[index]
    recent = {keys[other] for other in (index - 1, index - 2) if other >= 0}
    below = {keys[other] for other in (index + 1, index + 2) if other < len(texts)}
    return LineFeatures(
        text=text, marker=marker, unmarked=unmarked, date=line_date(text), link=read_card_link(text),
        card_date=card_date(text),
        is_title=key == title_key, repeats_recent=key in recent, repeated_below=key in below,
        question=QUESTION_END.search(text) is not None, sentence=SENTENCE_END.search(text) is not None,
        predicate=PREDICATE_END.search(text) is not None,
        is_label=KEY_POINTS_LABEL_WORDS.search(unmarked) is not None and len(unmarked) <= 25,
        length=len(text), remark=remark_score(unmarked), reaction=reaction_score(unmarked),
        marked_heading=marked_heading, names_publisher=publisher_before_title(text) is not None,
        dated_title=marker is None and date_before_title(text) is not None,
        voice=_VOICE.match(unmarked) is not None or _ATTRIBUTION.match(text) is not None,
        subject_clause=_SUBJECT_CLAUSE.match(unmarked) is not None,
        names_nothing=_names_nothing(unmarked), heading_markup=heading_markup, list_item=list_item,
        styled_heading=styled_heading, link_only=link_only, heads_card_box=heads_card_box,
        asks_in_sentence=_QUESTION_SENTENCE.search(text) is not None)


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


# A label over a list or over the page's closing words is a few characters and no sentence:
# '要点', '3行でわかる', '最後に', 'おわりに'; what it says does not matter, where it stands does.
MAX_LABEL_SHAPE = 8
_LABEL_PUNCTUATION = re.compile(r"[。、，,．.!！?？:：「」]")


def _label_shaped(feature: LineFeatures) -> bool:
    return (feature.marker is None and feature.card_date is None and feature.link is None and not feature.is_title
            and 0 < len(feature.text.strip()) <= MAX_LABEL_SHAPE and not _LABEL_PUNCTUATION.search(feature.text))


def with_prose_summaries(features: list[LineFeatures]) -> list[LineFeatures]:
    """The features with a summary's label read as a heading where it stands over paragraphs: no
    question or card link below it (the page closes), the line under it a sentence with no bullet
    mark (a list item always has one), and no bullet right after that (a sentence introducing the
    conclusion's bullets). A saved page tells paragraphs by markup as well: a label marked up as
    the page's section headings are (the same element, classes, anchor and box) over sentences that
    are not list items heads a section even where the sentences open with a mark, or where a list
    follows them, unless the page marks up a label over its key points alike. The conclusion is a list
    of one-line points; a summary in paragraphs is the page's last section like the others, unless
    the paragraphs lead into such a list (and the page does not mark the label up as a section
    heading): then they are the closing words over the conclusion."""
    read = list(features)
    section_below = False
    heading_kinds = Counter(feature.heading_markup for feature in features if feature.heading_markup)
    # Where the page marks up a label over a list of points (its key points) as it does its headings,
    # that markup does not tell a section from a label.
    labels_over_points = {index for index, feature in enumerate(features[:-1])
                          if feature.is_label and feature.heading_markup and features[index + 1].marker is not None}
    label_kinds = Counter(features[index].heading_markup for index in labels_over_points)
    for index in range(len(features) - 1, -1, -1):
        feature = features[index]
        other_labels_alike = label_kinds[feature.heading_markup] - (1 if index in labels_over_points else 0)
        marked_like_sections = bool(feature.heading_markup) and heading_kinds[feature.heading_markup] > 1 \
            and other_labels_alike == 0
        # A label marked up as the page's section headings are heads a section over its paragraphs, and
        # over a list after them: the page itself sets it on a par with its sections.
        if feature.is_label and not section_below and (
                (_prose_under(features, index, marks=marked_like_sections) and not _list_below(features, index))
                or (marked_like_sections and index + 1 < len(features) and _prose_line(features[index + 1]))):
            read[index] = dataclasses.replace(feature, is_label=False, heads_prose=True)
        section_below = section_below or feature.link is not None or feature.question
    return read


# The conclusion's points: a run of this many bulleted lines at least.
MIN_CONCLUSION_POINTS = 2


def _list_below(features: list[LineFeatures], index: int) -> bool:
    """Whether paragraphs under the label (no bullet) go on to a list of points (bulleted lines): then the
    label heads the page's closing words and the conclusion's points, not a section of prose."""
    below = features[index + 1:]
    if not below or _point(below[0]):
        return False  # bulleted lines right under the label are the summary itself
    run = 0
    for feature in below:
        run = run + 1 if _point(feature) else 0
        if run >= MIN_CONCLUSION_POINTS:
            return True
    return False


def _point(feature: LineFeatures) -> bool:
    return feature.marker is not None or feature.list_item


def _prose_under(features: list[LineFeatures], index: int, *, marks: bool) -> bool:
    """Sentences under the line (with no bullet mark, unless ``marks``), not list items."""
    under = features[index + 1:index + 3]
    if not under:
        return False
    return _prose_line(under[0]) and all((marks or feature.marker is None) and not feature.list_item
                                         for feature in under)


def _prose_line(feature: LineFeatures) -> bool:
    """A sentence of the text: no link, no card meta, no label, not a list item."""
    return (feature.link is None and feature.card_date is None and not feature.is_label and not feature.list_item
            and (feature.sentence or feature.predicate) and feature.length > MAX_LABEL_SHAPE)


# A line framed by the same mark at both ends: '― この記事のダイジェスト ―', '◆ 要点 ◆'.
_FRAME = re.compile(r"^(?P<mark>[^\w\s「『（(【\[])(?P=mark)?\s*+(?P<text>\S.*?)\s*+(?P=mark)(?P=mark)?$")
# The frame marks a label by itself; a label framed so may say a little more.
MAX_FRAMED_LABEL = 16


def _marked_label_over_points(features: list[LineFeatures], index: int) -> bool:
    """A label printed with a glyph of its own over points marked alike with another one: '◇ 3分でわかる要点'
    over '◆ …' lines, '■ 先に結論' over '● …' lines; or framed by a mark at both ends over any points
    ('― この記事のダイジェスト ―'). A marked point of the list shares the list's glyph."""
    feature = features[index]
    points = features[index + 1:index + 1 + MIN_CONCLUSION_POINTS]
    if (len(points) < MIN_CONCLUSION_POINTS or len({point.marker for point in points}) != 1
            or points[0].marker is None or feature.card_date is not None or feature.link is not None
            or feature.is_title):
        return False
    framed = _FRAME.match(feature.text.strip())
    if framed is not None:
        text, longest = framed["text"], MAX_FRAMED_LABEL
    elif feature.marker is not None and feature.marker != points[0].marker:
        text, longest = feature.unmarked.strip(), MAX_LABEL_SHAPE
    else:
        return False
    return 0 < len(text) <= longest and not _LABEL_PUNCTUATION.search(text)


def with_shape_labels(features: list[LineFeatures]) -> list[LineFeatures]:
    """The features with a label-shaped line read as a label when a run of bullets follows it,
    or when it is the last such line and no question or card link follows it anywhere below (it
    heads the closing words; a heading over body text may stand before the closing label)."""
    labelled = list(features)
    section_below = False
    for index in range(len(features) - 1, -1, -1):
        feature = features[index]
        bullets_below = index + 1 < len(features) and features[index + 1].marker is not None
        shaped = _label_shaped(feature) or _marked_label_over_points(features, index)
        closing = not section_below and not _names_a_topic_after_text(features, index)
        if not feature.is_label and not feature.heads_prose and shaped and (bullets_below or closing):
            labelled[index] = dataclasses.replace(feature, is_label=True)
        section_below = section_below or feature.link is not None or feature.question or shaped or feature.is_label
    return labelled


def _names_a_topic_after_text(features: list[LineFeatures], index: int) -> bool:
    """A short line after a sentence of text that ends in a noun ('これからの課題', '今後の見通し'), over
    text that leads into the conclusion's list, names what that text is about: a heading. The closing
    words' label is a word of transition ('最後に', 'おわりに'), told by its ending, or one of the label
    words; and a label over the text that closes the page ('結論' over the last paragraphs) is the
    closing words' own."""
    text = features[index].unmarked.strip()
    before = features[index - 1] if index > 0 else None
    return (before is not None and (before.sentence or before.predicate) and before.marker is None
            and bool(text) and _NOUN_END.search(text) is not None and _list_below(features, index))


# A kanji, katakana or Latin letter ends a noun; hiragana ends a particle, an adverb or a verb.
_NOUN_END = re.compile(r"[\u4e00-\u9fff\u30a1-\u30fa\u30fcA-Za-z0-9０-９Ａ-Ｚａ-ｚ]$")


# How far below a publisher printed above a card its link line may stand (title, date, bullets).
MAX_CARD_LINES = 12
_NAME_PUNCTUATION = re.compile(r"[。、，,．!！?？:：「」『』]")
# A label in brackets alone on its line ('【参考記事】', '［関連］'): what follows is, not who published it.
_BRACKETED_LABEL = re.compile(r"^[【［\[〔《][^】］\]〕》]+[】］\]〕》]$")


def is_bracketed_label(text: str) -> bool:
    return _BRACKETED_LABEL.match(text.strip()) is not None


def with_card_publishers(features: list[LineFeatures]) -> list[LineFeatures]:
    """The features with a name-shaped line (short, no sentence, no mark, no date) read as the card's
    meta line when it stands right above a card whose link line names no publisher: the card prints
    its publisher first ('日本経済新聞' · title · date · bullets · '元記事を読む → URL'). A heading
    stands above a question, or above a card that names its publisher."""
    read = list(features)
    for index, feature in enumerate(features[:-1]):
        after_question = index > 0 and features[index - 1].question  # there, a short line is the answer
        if not after_question and _name_shaped(feature) and _card_below_names_no_publisher(features, index + 1):
            read[index] = dataclasses.replace(feature, card_date=CardDate(None, feature.text.strip()))
    return read


def _name_shaped(feature: LineFeatures) -> bool:
    text = feature.text.strip()
    return (feature.marker is None and feature.link is None and feature.card_date is None and feature.date is None
            and not feature.marked_heading and not feature.is_title and not feature.predicate
            and 2 <= len(text) <= MAX_NAME and not _NAME_PUNCTUATION.search(text) and not is_bracketed_label(text))


def _card_below_names_no_publisher(features: list[LineFeatures], start: int) -> bool:
    """Whether a card's head starts at ``start`` (a headline, not a question) and its link line, the
    first below with no question before it, names no publisher, nor does the line after it."""
    head = features[start]
    if head.question or head.sentence or head.link is not None or head.marker is not None \
            or head.card_date is not None or head.date is not None:
        return False  # a date line under it: the line above is the card's title, printed before its date
    for index in range(start + 1, min(len(features), start + MAX_CARD_LINES)):
        below = features[index]
        if below.question:
            return False
        if below.link is not None:
            after = features[index + 1].text if index + 1 < len(features) else ""
            return below.link.publisher is None and publisher_line(after) is None
    return False


def with_standalone_lines(features: list[LineFeatures]) -> list[LineFeatures]:
    """The features with ``between_sentences`` set on a line that is no sentence itself and stands
    between two sentences of text (no bullet, date or link on either side): a paragraph never breaks
    off into a fragment, so such a line names what the text below it is about (a heading), wherever
    the section has no question or card for it to stand over."""
    read = list(features)
    for index in range(1, len(features) - 1):
        feature = features[index]
        if not _sentence_like(feature) and feature.marker is None and feature.link is None \
                and feature.date is None and _text_line(features[index - 1]) and _text_line(features[index + 1]):
            read[index] = dataclasses.replace(feature, between_sentences=True)
    return read


# A question asked in a sentence's polite or modal ending ('…終わるのだろうか?', '…何ですか？'); a
# heading asks in a headline's plain form ('値段は上がる？', '担い手は？').
_QUESTION_SENTENCE = re.compile(r"(?:だろう|でしょう|ます|です|ません|ました|でした)か?\s*[?？]\s*$")


def _sentence_like(feature: LineFeatures) -> bool:
    return feature.sentence or feature.predicate or _QUESTION_SENTENCE.search(feature.text) is not None


def _text_line(feature: LineFeatures) -> bool:
    return (_sentence_like(feature) and feature.marker is None and feature.link is None
            and feature.card_date is None and not feature.is_title)
