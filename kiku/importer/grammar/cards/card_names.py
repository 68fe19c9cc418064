"""A card's publisher printed on its own line between the card's title and its summary.

    【夏のタイヤ総点検】スタッドレス早期予約で最大40%オフ
    ホイールマート
    ◆ 冬に備えるなら今がチャンス!…
    続きを読む ⇒ https://…

A short name-shaped line (no sentence, no date, no mark), under a headline and over the card's
bulleted summary, whose link line names no publisher, is the card's meta line: read as a card date
line naming only its publisher, as a name printed above the title is (``publisher_passes.with_card_publishers``).
A sponsor label before the name ('PR｜ETCカード比較ナビ') marks the advertiser's name.

A numbered line ('2. …', '(3) …', '④ …') right above a card's date, publisher or link line is that card's
title, its number the place of the card in the page's list of cards, not a bullet of a list of points.
"""

from __future__ import annotations

import dataclasses
import re

from kiku.importer.grammar.cards.card_link import named_after_link_label
from kiku.importer.grammar.cards.card_meta import CardDate
from kiku.importer.grammar.cards.fields.reading import read_barred_line
from kiku.importer.grammar.cards.name_labels import MAX_NAME, is_label_note, labelled_name, sponsored_name
from kiku.importer.grammar.cards.source_names import publisher_line
from kiku.importer.grammar.lines.features import LineFeatures
from kiku.importer.grammar.lines.label_passes import NUMBER_MARKER
from kiku.importer.grammar.lines.publisher_passes import (
    MAX_CARD_LINES,
    is_bracketed_label,
    link_below_names_no_publisher,
)
from kiku.importer.layouts.labels import fold

_NAME_PUNCTUATION = re.compile(r"[。、，,．!！?？:：「」『』]")


def with_publishers_under_titles(features: list[LineFeatures]) -> list[LineFeatures]:
    """The features with a publisher's line under a card's title read as the card's meta line."""
    read = list(features)
    for index in range(1, len(features) - 1):
        feature = features[index]
        name = _name(feature)
        if name is not None and _headline(features[index - 1]) and features[index + 1].marker is not None \
                and _summary_link_names_no_publisher(features, index + 1):
            read[index] = dataclasses.replace(feature, card_date=CardDate(None, name))
    return read




def with_publishers_under_head_links(features: list[LineFeatures]) -> list[LineFeatures]:
    """The features with a name-shaped line read as the card's publisher where it stands right under a
    link line that names none and stands under the card's title (its head link), over the card's date or
    its bulleted summary: 'title' · 'https://…' · '大分合同新聞' · '2025年11月19日' · '→ …'."""
    read = list(features)
    for index in range(1, len(features) - 1):
        link = features[index - 1].link
        feature, below = features[index], features[index + 1]
        # Over the link, the card's title, a name alone (its publisher, or a short title), or the text before a
        # card that opens with its link; not a summary's bullet, which the link line closes.
        above_is_bullet = index >= 2 and features[index - 2].marker is not None
        # Under it a name, or the card's title printed under its link ('消費者庁' · URL · '…の見直し、来年度から'):
        # read as a name line too, ``card_names_by_shape`` telling publisher from title by what each line is.
        name = _name(feature) or (feature.text.strip() if _headline(feature) and feature.marker is None
                                  and len(feature.text.strip()) <= MAX_HEAD_TITLE
                                  and not is_label_note(feature.text) else None)
        if name is not None and link is not None and link.publisher is None and link.title is None \
                and not above_is_bullet and (below.card_date is not None or below.marker is not None):
            read[index] = dataclasses.replace(feature, card_date=CardDate(None, name))
    return read


# A card's title printed under its head link is a headline: at most this long.
MAX_HEAD_TITLE = 50


def with_publishers_beside_dates(features: list[LineFeatures]) -> list[LineFeatures]:
    """The features with a name-shaped line read as the card's publisher where the card's other lines tell it
    is one, whatever their order: under the card's title and over its date ('title' · '港町日報' · date ·
    bullets · URL), over its date with the title under that (name · date · title), or after a link line that
    names no one, with the card's date or the text after it below ('https://…' · name · date · text)."""
    read = list(features)
    for index, feature in enumerate(features):
        name = _name(feature)
        if name is None or feature.is_label:
            continue
        above = features[index - 1] if index > 0 else None
        below = features[index + 1:index + 3]
        dated_below = bool(below) and _date_only(below[0])
        over_card = link_below_names_no_publisher(features, index + 1)
        after_question = index > 1 and features[index - 2].question  # the line above is the answer
        if (dated_below and above is not None and _headline(above) and _unlisted(features, index - 1) and over_card
                and not after_question and _more_name_like(feature, above)) \
                or (dated_below and len(below) > 1 and _headline(below[1]) and below[1].marker is None and over_card
                    and _more_name_like(feature, below[1])) \
                or (above is not None and above.link is not None and above.link.publisher is None
                    and above.link.title is None and _text_or_end(below)):
            read[index] = dataclasses.replace(feature, card_date=CardDate(None, name))
    return read


def _unlisted(features: list[LineFeatures], index: int) -> bool:
    """Unmarked, or marked with a glyph no line beside it shares: a card's head ('📰 …'), not a list's item."""
    marker = features[index].marker
    return marker is None or all(features[near].marker != marker for near in (index - 1, index + 1)
                                 if 0 <= near < len(features))


_KANA = re.compile(r"[\u3041-\u3096]")


def name_likeness(text: str) -> tuple[int, int]:
    """How much a line reads as a name rather than a headline (less is more): its kana, then its length. A name's
    words are nouns; a headline says something of them, its particles and endings in kana."""
    return len(_KANA.findall(text)), len(text.strip())


def _more_name_like(feature: LineFeatures, other: LineFeatures) -> bool:
    """Fewer kana and shorter than the other line: the name beside a headline."""
    mine, theirs = name_likeness(feature.text), name_likeness(other.text)
    return mine[0] < theirs[0] and mine[1] < theirs[1]


def _date_only(feature: LineFeatures) -> bool:
    return feature.card_date is not None and feature.card_date.date is not None and feature.card_date.publisher is None


def _text_or_end(below: list[LineFeatures]) -> bool:
    """Nothing below, a sentence of text, or a date line over one (or over nothing): no card's head."""
    if below and _date_only(below[0]):
        below = below[1:]
    return not below or (below[0].marker is None and below[0].link is None and below[0].card_date is None
                         and (below[0].sentence or below[0].predicate))


def with_marker_changes(features: list[LineFeatures]) -> list[LineFeatures]:
    """The features with ``marker_changes`` set on a marked line under a line marked with another glyph
    ('→ …' then '■ …'): a card's summary is one list, so the second line starts something else."""
    read = list(features)
    for index in range(1, len(features)):
        above, feature = features[index - 1].marker, features[index].marker
        if above is not None and feature is not None and above != feature \
                and not (NUMBER_MARKER.match(above) and NUMBER_MARKER.match(feature)):
            read[index] = dataclasses.replace(features[index], marker_changes=True)
    return read


def with_numbered_card_heads(features: list[LineFeatures]) -> list[LineFeatures]:
    """The features with a card's marked title read as one (run after the card's meta lines are read): a
    numbered line right above a card's date or publisher line, its number the card's place in the page's
    list of cards; or a headline marked with a glyph that the page gives its cards' heads
    (``_card_head_glyphs``)."""
    read = list(features)
    head_glyphs = _card_head_glyphs(features)
    for index, feature in enumerate(features[:-1]):
        if feature.marker is None or not _headline(feature):
            continue
        numbered = NUMBER_MARKER.match(feature.marker) is not None \
            and (features[index + 1].card_date is not None or features[index + 1].link is not None)
        if numbered or (feature.marker in head_glyphs and features[index + 1].marker != feature.marker) \
                or prints_whole_head(feature.unmarked):
            read[index] = dataclasses.replace(feature, numbered_card_head=True)
    return read


def _summary_or_link_at(features: list[LineFeatures], index: int) -> bool:
    return index < len(features) and (features[index].marker is not None or features[index].link is not None)


def _summary_marked_otherwise(features: list[LineFeatures], index: int, marker: str) -> bool:
    """A summary's bullet at ``index``, marked with another glyph than the line over the link."""
    return index < len(features) and features[index].marker is not None and features[index].marker != marker


def _card_head_glyphs(features: list[LineFeatures]) -> set[str]:
    """The glyphs that mark the page's cards' heads ('📎 引用：…' over '配信：2025年6月25日'): a glyph on a
    headline right above a card's date line with the card's summary or link under that, or right above the
    card's link line with its summary under that, marked with another glyph ('📎 …' · URL · '→ …') (no other line to be
    the card's title: a heading over a card's date has the card's title under the date), never on a line
    above a question (a section's heading) nor on a line of a list (a marked line next to it with the same
    glyph)."""
    over_dates: set[str] = set()
    elsewhere: set[str] = set()
    for index, feature in enumerate(features[:-1]):
        marker = feature.marker
        if marker is None or NUMBER_MARKER.match(marker):
            continue
        below = features[index + 1]
        in_list = below.marker == marker or (index > 0 and features[index - 1].marker == marker)
        if below.question or in_list:
            elsewhere.add(marker)
        elif below.card_date is not None and below.card_date.date is not None and _headline(feature) \
                and _summary_or_link_at(features, index + 2):
            over_dates.add(marker)
        elif _name_over_date(features, index + 1) and _headline(feature) and _summary_or_link_at(features, index + 3):
            over_dates.add(marker)  # over the card's publisher alone on its line, its date under that
        elif below.link is not None and _headline(feature) and _summary_marked_otherwise(features, index + 2, marker):
            over_dates.add(marker)  # over the card's link line, its summary under that: the card's head
        elif feature.names_publisher and _summary_or_link_at(features, index + 1) and below.marker != marker:
            over_dates.add(marker)  # a card on one line ('📰 name｜title（date）'), its summary or link under it
    return over_dates - elsewhere


def _name_over_date(features: list[LineFeatures], index: int) -> bool:
    """A card's publisher alone on the line at ``index`` (read as a meta line naming no date), its date under it."""
    if index + 1 >= len(features):
        return False
    name, below = features[index].card_date, features[index + 1].card_date
    return name is not None and name.date is None and name.publisher is not None \
        and below is not None and below.date is not None


def _name(feature: LineFeatures) -> str | None:
    text = named_after_link_label(feature.text.strip())
    if (feature.marker is not None or feature.link is not None or feature.card_date is not None
            or feature.date is not None or feature.marked_heading or feature.is_title or feature.predicate
            or feature.question or feature.sentence):
        return None
    sponsored = sponsored_name(text) or labelled_name(text)
    if sponsored is not None:
        return sponsored if len(sponsored) <= MAX_NAME else None
    return text if 2 <= len(text) <= MAX_NAME and not _NAME_PUNCTUATION.search(text) \
        and not is_bracketed_label(text) and not is_label_note(text) else None


def _headline(feature: LineFeatures) -> bool:
    """A card's title: no question, no sentence, no date or link of its own."""
    return (feature.link is None and feature.card_date is None and feature.date is None and not feature.question
            and not feature.sentence and not feature.predicate and not feature.is_label)


def unsponsored(text: str) -> str:
    """The name on a publisher's line, without the sponsor's or the field's label before it."""
    return sponsored_name(text) or labelled_name(text) or text.strip()


def _summary_link_names_no_publisher(features: list[LineFeatures], start: int) -> bool:
    """Whether the bulleted lines from ``start`` end in a link line that names no publisher, nor does
    the line after it."""
    for index in range(start, min(len(features), start + MAX_CARD_LINES)):
        below = features[index]
        if below.link is not None:
            after = features[index + 1].text if index + 1 < len(features) else ""
            return not below.link.names_publisher and publisher_line(after) is None
        if below.marker is None:
            return False
    return False


def prints_whole_head(text: str) -> bool:
    """The line prints a card's whole head, its fields set apart by a bar: its title, its publisher and its date
    ('name｜title（2025/5/1）'). A glyph before it marks the card's head, not a bullet of a list."""
    reading = read_barred_line(text)
    return reading is not None and reading.publisher is not None and reading.date is not None


def with_head_titles_again(features: list[LineFeatures]) -> list[LineFeatures]:
    """The features with a line marked as the card's title again where it repeats the title that the line right
    above printed with the card's other fields: its link line ('title ／ name ／ 〔参照〕https://…' · 'title') or
    its barred head ('📰name｜title（2025/5/1）' · 'title')."""
    read = list(features)
    for index in range(1, len(features)):
        above = features[index - 1]
        title = above.link.title if above.link is not None else _barred_title(above.unmarked)
        if title and fold(title) == fold(features[index].unmarked):
            read[index] = dataclasses.replace(features[index], repeats_head_title=True)
    return read


def _barred_title(text: str) -> str | None:
    reading = read_barred_line(text)
    return reading.title.text if reading is not None and reading.title is not None else None
