"""Passes over a page's line features that read a short line as a label by the lines around it: over a
list (the key points, the conclusion), over the closing words, or a summary's label heading paragraphs
as a section. Each pass returns new features; none changes what ``line_features`` read of a line alone.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter

from kiku.importer.grammar.lines.features import LineFeatures

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
# A line framed by a pair of brackets: '＜このページの要点＞', '《今回のポイント》'.
_BRACKET_FRAME = re.compile(r"^[<＜〈《【\[［〔]\s*(?P<text>[^<>＜＞〈〉《》【】\[\]［］〔〕]+?)\s*[>＞〉》】\]］〕]$")
# The frame marks a label by itself; a label framed so may say a little more.
MAX_FRAMED_LABEL = 16


def _marked_label_over_points(features: list[LineFeatures], index: int) -> bool:
    """A label printed with a glyph of its own over points marked alike with another one: '◇ 3分でわかる要点'
    over '◆ …' lines, '■ 先に結論' over '● …' lines; or framed by a mark at both ends over any points
    ('― この記事のダイジェスト ―'). A marked point of the list shares the list's glyph."""
    feature = features[index]
    points = features[index + 1:index + 1 + MIN_CONCLUSION_POINTS]
    if (len(points) < MIN_CONCLUSION_POINTS or len({_list_glyph(point.marker) for point in points}) != 1
            or points[0].marker is None or feature.card_date is not None or feature.link is not None
            or feature.is_title):
        return False
    framed = _FRAME.match(feature.text.strip()) or _BRACKET_FRAME.match(feature.text.strip())
    if framed is not None:
        text, longest = framed["text"], MAX_FRAMED_LABEL
    elif feature.marker is not None and feature.marker != points[0].marker:
        text, longest = feature.unmarked.strip(), MAX_LABEL_SHAPE
    else:
        return False
    return 0 < len(text) <= longest and not _LABEL_PUNCTUATION.search(text)


# A list's number as a line's marker: '1.', '2)', '(3)', '④'.
NUMBER_MARKER = re.compile(r"^(?:[(（]?[0-9０-９]{1,2}[.．)）]|[①-⑳]|0[1-9])$")


def _list_glyph(marker: str | None) -> str | None:
    """What marks a list's points alike: its glyph, or its numbers ('①' and '②' mark one list)."""
    return "1." if marker is not None and NUMBER_MARKER.match(marker) else marker


# A word of transition ends in the particle that makes it an adverb ('最後に', '結びに', 'おわりに'): it labels the
# closing words; a heading element that names a topic ('今後の見通し') heads a section of them.
_ADVERB_END = "に"


def _marked_label_over_prose(features: list[LineFeatures], index: int) -> bool:
    """A label printed with a glyph over a sentence with none ('📌 結論' over '…ます。'): the glyph
    decorates the label; a list's point is followed by the next point, not by a paragraph. A heading
    element is read by its markup (``with_prose_summaries``, ``line_fit.fit``) unless it is a word of
    transition or says nothing ('<h3>■ おわりに</h3>'): that labels the closing words."""
    feature = features[index]
    below = features[index + 1] if index + 1 < len(features) else None
    text = feature.unmarked.strip()
    if feature.marked_heading and not (feature.names_nothing or text.endswith(_ADVERB_END)):
        return False  # a heading element naming a topic heads its section ('<h3>◆今後の見通し</h3>')
    return (feature.marker is not None and below is not None and below.marker is None and below.sentence
            and below.link is None and feature.card_date is None and feature.link is None
            and 0 < len(text) <= MAX_LABEL_SHAPE and not _LABEL_PUNCTUATION.search(text))


# A list's points say something: this many times longer than the label heading them, at least.
POINT_TO_LABEL = 2


def _first_of_its_list(features: list[LineFeatures], index: int) -> bool:
    """A label printed as the first line of the list it heads, with the list's own glyph ('■ 今号の要点' over
    '■ …' points): a noun phrase of a few characters, no punctuation, over points each far longer."""
    feature = features[index]
    points = features[index + 1:index + 1 + MIN_CONCLUSION_POINTS]
    text = feature.unmarked.strip()
    if (feature.marker is None or len(points) < MIN_CONCLUSION_POINTS
            or any(point.marker != feature.marker for point in points)
            or (index > 0 and features[index - 1].marker == feature.marker)):
        return False
    return (0 < len(text) <= MAX_LABEL_SHAPE and not _LABEL_PUNCTUATION.search(text)
            and _NOUN_END.search(text) is not None
            and all(len(point.unmarked.strip()) >= POINT_TO_LABEL * len(text) + MAX_LABEL_SHAPE for point in points))


def with_shape_labels(features: list[LineFeatures]) -> list[LineFeatures]:
    """The features with a label-shaped line read as a label when a run of bullets follows it,
    or when it is the last such line and no question or card link follows it anywhere below (it
    heads the closing words; a heading over body text may stand before the closing label)."""
    labelled = list(features)
    section_below = cited_below = False
    for index in range(len(features) - 1, -1, -1):
        feature = features[index]
        bullets_below = index + 1 < len(features) and features[index + 1].marker is not None
        shaped = _label_shaped(feature) or _marked_label_over_points(features, index) \
            or _marked_label_over_prose(features, index) or _first_of_its_list(features, index)
        closing = not section_below and not _names_a_topic_after_text(features, index)
        if not feature.is_label and not feature.heads_prose and shaped \
                and (bullets_below or closing or _transition_over_closing_text(features, index, cited_below)):
            labelled[index] = dataclasses.replace(feature, is_label=True)
        # A question on the page's last line has no answer under it: the site's own line asking for a tip or a
        # comment, no section's.
        asks = feature.question and index + 1 < len(features)
        cited_below = cited_below or feature.link is not None or asks
        section_below = section_below or cited_below or shaped or feature.is_label
    return labelled


def _transition_over_closing_text(features: list[LineFeatures], index: int, cited_below: bool) -> bool:
    """A word of transition ('おわりに') over a sentence, with no question or card link anywhere below: the
    closing words' label, though the site's short lines (a shop's list, 'related articles') follow them."""
    below = features[index + 1] if index + 1 < len(features) else None
    return (not cited_below and _label_shaped(features[index]) and features[index].text.strip().endswith(_ADVERB_END)
            and below is not None and below.marker is None and below.sentence)


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

