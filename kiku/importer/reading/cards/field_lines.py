"""A whole source card printed as labelled lines, as a text dump prints a field list:

    タイトル：title
    発信元：NHK
    日付：R7.4.1
    概要：summary sentence。
    ✅ another summary line        (a marked line goes on the field above it)
    リンク：https://…

A run of at least three 'label：value' lines (a label of a word or two), one of them a bare web URL,
is read by the card scorer (``grammar.card_fields``) as a URL box is (``url_boxes``): the
title, the summary lines and the link line '→ NHK 2025/04/01 https://…' replace the run; each labelled
line is reported as read into the card. A run that is no card (no title nor summary, no source, a
second URL) stays as it is.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from kiku.importer.grammar.card_fields.reading import CardLine, read_card
from kiku.importer.page import Line
from kiku.importer.reading.cards.labelled_fields import is_marked
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
_WEB = re.compile(r"https?://", re.IGNORECASE)


def read_field_lines(lines: Sequence[Line], report: ImportReport) -> list[Line]:
    """``lines`` with each run of labelled lines that prints a whole card replaced by the card's lines."""
    out: list[Line] = []
    index = 0
    while index < len(lines):
        end = _run_end(lines, index)
        card = _card(lines[index:end]) if end - index >= MIN_FIELD_LINES else None
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


def _run_end(lines: Sequence[Line], start: int) -> int:
    """The end of the run of labelled lines (and marked lines after one) starting at ``start``."""
    end = start
    labels: set[str] = set()
    bracketed: set[bool] = set()
    while end < len(lines) and end - start < MAX_FIELD_LINES and (
            _is_field(lines[end].text) or (end > start and _is_marked_field(lines[end].text))):
        if (label := _label(lines[end].text)) is not None:
            if label[0] in labels:
                break  # a label printed again opens the next card's fields
            # A card labels all its fields alike: a bracketed label among colon labels is a title's own
            # ('［参考記事］title' over '発信元：name／date').
            if bracketed and label[1] not in bracketed:
                break
            labels.add(label[0])
            bracketed.add(label[1])
        end += 1
    # The card's bare URL printed after its labelled fields and summary, unlabelled, closes the run
    # ('媒体：NHK / 配信：2025.08.29 / 記事：… / ・… / https://…'), when no field held one.
    if start < end < len(lines) and _BARE_URL.match(lines[end].text) \
            and not any(_WEB.search(line.text) for line in lines[start:end]):
        end += 1
    return end


def _is_marked_field(text: str) -> bool:
    """A marked line going on the field above it; a marked line printing a web address is a link line of its own
    ('→ NHK https://…'), closing the card after the run."""
    return is_marked(text) and _WEB.search(text) is None


def _label(text: str) -> tuple[str, bool] | None:
    """The field's label, and whether a bracket holds it."""
    match = _FIELD.match(text) if _is_field(text) else None
    if match is None:
        return None
    return (match["label"] or match["bracketed"]).strip(), match["bracketed"] is not None


def _is_field(text: str) -> bool:
    """A 'label：value' line ('https://…' is a URL, not the label 'https')."""
    return _FIELD.match(text) is not None and _BARE_URL.match(text) is None


def _card(run: Sequence[Line]) -> tuple[tuple[str, int], ...] | None:
    """The card the run prints, its values (labels cut off) read by the card scorer, else None."""
    values: list[CardLine] = []
    numbers: list[int] = []
    url: tuple[str, int] | None = None
    for line in run:
        match = _FIELD.match(line.text) if _is_field(line.text) else None
        value = match["value"].strip() if match else line.text.strip()
        if _BARE_URL.match(value):
            if url is not None:
                return None
            url = (value, line.number)
        elif _WEB.search(value):
            # A URL among other words ('ソース：毎日新聞　https://…'): a link line of its own, closing the card
            # above it, not one field of a card.
            return None
        values.append(CardLine(value, value=match is not None))
        numbers.append(line.number)
    if url is None:
        return None
    card = scored_card_lines(read_card(values), values, numbers, (), *url, labelled=True)
    # Every line of the run is reported as read into the card's lines, its unread fields among them.
    return card.lines if card is not None else None
