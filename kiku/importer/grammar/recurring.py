"""The texts a page prints again and again in the same place of its repeated units: labels, not values.

A page repeats its units (sections, cards, boxes) and their furniture with them: the title of the box a
section's remark is printed in ('編集部のひとこと' at the top of each), the label above each card ('📎 参照した
記事'). Such a text recurs word for word, at the same place of each unit; a section's heading names its own
topic and never does. A card's publisher may recur (two cards of one paper), so what this pass finds is
evidence for the readers that weigh it with the rest (the digest grammar: never a heading), not a verdict.
"""

from __future__ import annotations

import dataclasses
import itertools
import re
import unicodedata
from collections import defaultdict
from collections.abc import Sequence

from kiku.importer.grammar.features import LineFeatures

# A label is a few words: longer text that recurs is a sentence the site prints twice.
MAX_LABEL = 16
MIN_UNITS = 2
# Occurrences this close are one unit's text printed twice (a card's title around its date), not two units.
MIN_GAP = 3
# Brackets and glyphs that set a label off ('〔参考〕', '📎 参照した記事', '◆編集部より◆'): not its words.
_SET_OFF = re.compile(r"^[\W_]+|[\W_]+$")
_SENTENCE_END = ("。", "．", "？", "?", "！", "!")
# A word or two opening a line and set off from the rest ('〔参考〕厚生労働省｜2025-01-31', '■出典■ 毎日新聞',
# '参照記事 ▶ 佐賀新聞', '問い｜なぜ…?', '▼引用 ロイター'): by brackets, by one glyph either side, by one glyph before
# it and a space after it, or by a separator glyph after it (never before '/': 'https://…' is no label). What may
# label the rest of the line.
_LABEL_PREFIX = re.compile(
    r"^\s*(?:[【［\[〔〈《＜<]\s*[^】］\]〕〉》＞>\s]{1,8}\s*[】］\]〕〉》＞>]"
    r"|(?P<glyph>[^\w\s])[^\W\d_]{1,8}(?P=glyph)"
    r"|[^\w\s（(「『]\ufe0f?[^\W\d_]{1,8}[ \u3000]+"
    r"|[^\W\d_]{1,10}[ \u3000]*[｜|▶►＞>■:：→](?!/))\s*")


def label_key(text: str) -> str:
    """The words of a short line without what sets them off, width folded: what recurs identically."""
    return _SET_OFF.sub("", unicodedata.normalize("NFKC", text).strip())


def recurring_label_lines(features: list[LineFeatures]) -> set[int]:
    """The indices of the lines whose label-shaped text recurs in units of the page over at least ``MIN_UNITS``
    different texts (the label of each unit's box, not one text printed twice)."""
    places: dict[str, list[int]] = defaultdict(list)
    for index, feature in enumerate(features):
        if _label_shaped(feature) and (key := label_key(feature.text)):
            places[key].append(index)
    found: set[int] = set()
    for indices in places.values():
        spread = all(later - earlier >= MIN_GAP for earlier, later in itertools.pairwise(indices))
        below = {features[index + 1].text for index in indices if index + 1 < len(features)}
        if spread and len(below) >= MIN_UNITS:
            found.update(indices)
    return found


def with_recurring_labels(features: list[LineFeatures]) -> list[LineFeatures]:
    """The features with ``recurring_label`` set on the lines of ``recurring_label_lines``."""
    found = recurring_label_lines(features)
    header = header_row_lines(features)
    return [dataclasses.replace(feature, recurring_label=True, header_cell=index in header)
            if index in found | header else feature for index, feature in enumerate(features)]


def _label_shaped(feature: LineFeatures) -> bool:
    """A few words and no sentence: no link, date, question or predicate, not the article's title again."""
    text = feature.text.strip()
    return (0 < len(text) <= MAX_LABEL and feature.link is None and feature.date is None
            and feature.card_date is None and not feature.is_title and not feature.question
            and not feature.predicate and not text.endswith(_SENTENCE_END))


# A table's header row names its columns: three cells or more, printed over each table of the page alike.
MIN_HEADER_CELLS = 3


def header_row_lines(features: list[LineFeatures]) -> set[int]:
    """The indices of the lines of a header row: a run of ``MIN_HEADER_CELLS`` short lines or more (a name alone
    may stand among them: a column's label reads as one) that opens a block of short lines at ``MIN_UNITS`` places
    of the page or more, the same texts in the same order each time, over different lines (the cells of each
    table's rows): the columns' labels, never a card's values."""
    cells = [_cell_shaped(feature) for feature in features]
    starts: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for index in range(len(features) - MIN_HEADER_CELLS + 1):
        if (index == 0 or not cells[index - 1]) and all(cells[index:index + MIN_HEADER_CELLS]):
            starts[tuple(label_key(feature.text) for feature in features[index:index + MIN_HEADER_CELLS])].append(index)
    found: set[int] = set()
    for places in starts.values():
        if len(places) < MIN_UNITS or any(later - earlier < MIN_GAP for earlier, later in itertools.pairwise(places)):
            continue
        width = MIN_HEADER_CELLS
        while all(place + width < len(features) and cells[place + width] for place in places) \
                and len({label_key(features[place + width].text) for place in places}) == 1:
            width += 1
        below = {features[place + width].text for place in places if place + width < len(features)}
        if len(below) >= MIN_UNITS:
            found.update(place + offset for place in places for offset in range(width))
    return found


def _cell_shaped(feature: LineFeatures) -> bool:
    """A table's cell of a word or a few: no link, date, sentence or question (a name alone may be one)."""
    text = feature.text.strip()
    return (0 < len(text) <= MAX_LABEL and feature.link is None and feature.date is None
            and (feature.card_date is None or _name_only(feature)) and not feature.is_title
            and not feature.question and not feature.predicate and not text.endswith(_SENTENCE_END))


def _name_only(feature: LineFeatures) -> bool:
    """A meta line that gives a name alone, no date."""
    return (feature.date is None and feature.card_date is not None and feature.card_date.date is None
            and feature.card_date.month_day is None)


def recurring_prefixes(texts: Sequence[str]) -> frozenset[str]:
    """The labels (``_LABEL_PREFIX``) that open lines of the page before at least ``MIN_UNITS`` different
    texts, the lines apart as units are: a label the page prints before a field of each unit (its publisher,
    its question), not a word of the field."""
    places: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for index, text in enumerate(texts):
        prefix = _LABEL_PREFIX.match(text)
        if prefix is not None and (rest := text[prefix.end():].strip()):
            places[label_key(prefix.group())].append((index, rest))
    return frozenset(key for key, found in places.items()
                     if len({rest for _, rest in found}) >= MIN_UNITS
                     and all(later[0] - earlier[0] >= MIN_GAP for earlier, later in itertools.pairwise(found)))


def recurring_prefix(text: str, prefixes: frozenset[str]) -> re.Match[str] | None:
    """The label ``text`` opens with when the page prints it in each unit (``recurring_prefixes``) and
    something is left after it."""
    prefix = _LABEL_PREFIX.match(text)
    if prefix is None or label_key(prefix.group()) not in prefixes or not text[prefix.end():].strip():
        return None
    return prefix


def without_recurring_prefix(text: str, prefixes: frozenset[str]) -> str:
    """``text`` without the label it opens with when the page prints that label in each unit."""
    prefix = recurring_prefix(text, prefixes)
    return text if prefix is None else text[prefix.end():].strip()


# A label glued to its field, no separator after it ('問い…？', 'こたえ…'): a word of a few letters.
MIN_GLUED, MAX_GLUED = 2, 4
# A glyph and a space opening the line ('？ 問い…'), a label of its own before the glued one.
_LEAD_GLYPH = re.compile(r"^\s*[^\w\s]{1,2}[ \u3000]*")


def glued_labels(questions: Sequence[str], answers: Sequence[str]) -> frozenset[str]:
    """The words the page glues before every question and before every answer ('問い…？' · 'こたえ…'), each pair of
    its units, no separator after them: labels when both recur so, each before texts that differ. A page asking
    all its questions alike ('なぜ…？') does not open all its answers with one word as well."""
    asked, answered = _glued_label(questions), _glued_label(answers)
    return frozenset((asked, answered)) if asked and answered and asked != answered else frozenset()


def _glued_label(texts: Sequence[str]) -> str | None:
    """The few letters every one of ``texts`` opens with (behind a glyph), what follows them all different."""
    bare = [_LEAD_GLYPH.sub("", text) for text in texts]
    if len(bare) < MIN_UNITS:
        return None
    common = bare[0]
    for text in bare[1:]:
        while not text.startswith(common):
            common = common[:-1]
    rests = {text[len(common):] for text in bare}
    if not MIN_GLUED <= len(common) <= MAX_GLUED or not re.fullmatch(r"[^\W\d_]+", common) \
            or len(rests) < len(bare) or any(not rest for rest in rests):
        return None
    return common


def glued_label_of(text: str, labels: frozenset[str]) -> str | None:
    """The label of ``labels`` (``glued_labels``) ``text`` opens with, text after it, else None."""
    return next((label for label in labels if text.startswith(label) and len(text) > len(label)), None)
