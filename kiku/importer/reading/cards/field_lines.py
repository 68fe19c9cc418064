"""A whole source card printed as labelled lines, as a text dump prints a field list:

    タイトル：title
    発信元：NHK
    日付：R7.4.1
    概要：summary sentence。
    ✅ another summary line        (a marked line goes on the field above it)
    リンク：https://…

A run of at least three 'label：value' lines (a label of a word or two), one of them a bare web URL,
is read by the card scorer (``grammar.cards.fields``) as a URL box is (``url_boxes``): the
title, the summary lines and the link line '→ NHK 2025/04/01 https://…' replace the run; each labelled
line is reported as read into the card. A run that is no card (no title nor summary, no source, a
second URL) stays as it is.

A card may open with its link line ('〔参照〕 https://…'), its fields under it in any order: labelled ones, a
summary set off its label by a spaced dash ('要約 – sentence。'), and unlabelled source lines between them (a name,
or a name and a date: 'NHK ／ 2025-05-14'), which the card's later labelled field shows are the card's.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from kiku.importer.grammar.cards.card_meta import card_date
from kiku.importer.grammar.cards.fields.reading import CardLine, read_card
from kiku.importer.page import Line
from kiku.importer.reading.cards.labelled_fields import is_marked, is_name
from kiku.importer.reading.cards.scored_card import scored_card_lines
from kiku.importer.report import ImportReport

FIELD_LINE_RULE = "card-field-line"
MIN_FIELD_LINES = 3
MAX_FIELD_LINES = 16
_LABEL_WORD = r"[^\s\d:：。、，,！？!?「」『』()（）【】［］\[\]〔〕〈〉《》<>＜＞・]{1,6}"
# 'label：value', or the label in a bracket before its value: '［発信元］NHK', '〔日付〕2025.9.18'.
_FIELD = re.compile(rf"^(?:(?P<label>{_LABEL_WORD})\s*[:：]"
                    rf"|[【［\[〔〈《](?P<bracketed>{_LABEL_WORD})[】］\]〕〉》])\s*(?P<value>\S.*)$")
_BARE_URL = re.compile(r"^https?://\S+$", re.IGNORECASE)
# A summary set off its label by a spaced dash: '要約 – 2027年度を…示した資料。' (the value a sentence).
_DASHED = re.compile(rf"^(?P<label>{_LABEL_WORD})[ \u3000]+[-–—―][ \u3000]+(?P<value>\S.*[。．.!！?？])$")
# Unlabelled source lines standing between a link line and the card's next labelled field.
MAX_SOURCE_LINES = 2
MAX_SOURCE_LINE = 40
_WEB = re.compile(r"https?://", re.IGNORECASE)


def read_field_lines(lines: Sequence[Line], report: ImportReport) -> list[Line]:
    """``lines`` with each run of labelled lines that prints a whole card replaced by the card's lines."""
    out: list[Line] = []
    index = 0
    # Whether the line before ``index`` closed a card read here.
    after_card = False
    while index < len(lines):
        end = _run_end(lines, index, after_card=after_card)
        card = _card(lines[index:end]) if end - index >= MIN_FIELD_LINES else None
        after_card = card is not None
        if card is None:
            out.append(lines[index])
            index += 1
            continue
        run = lines[index:end]
        for line in run:
            report.consume(line, FIELD_LINE_RULE, "the card's lines")
        # A sponsor's box (a saved page's mark on the lines) stays marked on the card's lines.
        ad = any(line.ad for line in run)
        out.extend(Line(number, text, ad=ad) for text, number in card)
        index = end
    return out


def _run_end(lines: Sequence[Line], start: int, *, after_card: bool = False) -> int:
    """The end of the run of labelled lines (and marked lines after one) starting at ``start`` (``after_card``: the
    line before it closed a card)."""
    end = last = start
    labels: set[str] = set()
    bracketed: set[bool] = set()
    # A card opening with its link line ('〔参照〕 https://…') labels it as it likes: its fields set the kind. Under
    # the field or summary line of a card not closed yet, the link line closes that card: it opens none.
    linked = _is_link_field(lines[start].text) and (
        after_card or start == 0 or not _is_card_line(lines[start - 1].text))
    unlabelled = 0
    while end < len(lines) and end - start < MAX_FIELD_LINES:
        text = lines[end].text
        if linked and end > start and unlabelled < MAX_SOURCE_LINES and _is_source_line(text):
            unlabelled += 1
            end += 1
            continue
        if not (_is_field(text) or (end > start and (_is_marked_field(text) or _DASHED.match(text)))):
            break
        if (label := _label(text)) is not None:
            if label[0] in labels:
                break  # a label printed again opens the next card's fields
            # A card labels all its fields alike: a bracketed label among colon labels is a title's own
            # ('［参考記事］title' over '発信元：name／date').
            if bracketed and label[1] not in bracketed:
                break
            labels.add(label[0])
            if not (linked and end == start):
                bracketed.add(label[1])
        end = last = end + 1
        unlabelled = 0
    # Unlabelled lines after the last field are not the card's: no field of it follows them.
    end = last
    # The card's bare URL printed after its labelled fields and summary, unlabelled, closes the run
    # ('媒体：NHK / 配信：2025.08.29 / 記事：… / ・… / https://…'), when no field held one.
    if start < end < len(lines) and _BARE_URL.match(lines[end].text) \
            and not any(_WEB.search(line.text) for line in lines[start:end]):
        end += 1
    return end


def _is_link_field(text: str) -> bool:
    """A labelled line whose value is a bare web address: the card's link line."""
    match = _FIELD.match(text)
    return match is not None and _BARE_URL.match(match["value"].strip()) is not None


def _is_card_line(text: str) -> bool:
    """A card's labelled field or summary line."""
    return _is_field(text) or _DASHED.match(text) is not None or is_marked(text)


def _is_source_line(text: str) -> bool:
    """An unlabelled line naming a card's source: a name, or a name and a date, no sentence nor web address."""
    text = text.strip()
    return not _is_field(text) and _WEB.search(text) is None and _DASHED.match(text) is None \
        and (is_name(text) or (len(text) <= MAX_SOURCE_LINE and (dated := card_date(text)) is not None
                               and dated.publisher is not None))


def _is_marked_field(text: str) -> bool:
    """A marked line going on the field above it; a marked line printing a web address is a link line of its own
    ('→ NHK https://…'), closing the card after the run."""
    return is_marked(text) and _WEB.search(text) is None


def _label(text: str) -> tuple[str, bool] | None:
    """The field's label, and whether a bracket holds it."""
    match = _FIELD.match(text) if _is_field(text) else _DASHED.match(text)
    if match is None:
        return None
    bracketed = match.groupdict().get("bracketed")
    return str(match["label"] or bracketed).strip(), bracketed is not None


def _is_field(text: str) -> bool:
    """A 'label：value' line ('https://…' is a URL, not the label 'https')."""
    return _FIELD.match(text) is not None and _BARE_URL.match(text) is None


def _names_source(text: str) -> bool:
    dated = card_date(text)
    return dated is not None and dated.publisher is not None and (dated.date or dated.month_day) is not None


def _card(run: Sequence[Line]) -> tuple[tuple[str, int], ...] | None:
    """The card the run prints, its values (labels cut off) read by the card scorer, else None."""
    values: list[CardLine] = []
    numbers: list[int] = []
    url: tuple[str, int] | None = None
    for line in run:
        match = _FIELD.match(line.text) if _is_field(line.text) else _DASHED.match(line.text)
        value = match["value"].strip() if match else line.text.strip()
        if _BARE_URL.match(value):
            if url is not None:
                return None
            url = (value, line.number)
        elif _WEB.search(value):
            # A URL among other words ('ソース：毎日新聞　https://…'): a link line of its own, closing the card
            # above it, not one field of a card.
            return None
        # A name printed with its date on an unlabelled line is the card's source, never its title.
        values.append(CardLine(value, value=match is not None, source=match is None and _names_source(value)))
        numbers.append(line.number)
    if url is None:
        return None
    card = scored_card_lines(read_card(values), values, numbers, (), *url, labelled=True)
    # Every line of the run is reported as read into the card's lines, its unread fields among them.
    return card.lines if card is not None else None
