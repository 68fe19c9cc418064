"""The lines after the article's last section: closing words under a label, the site's trailing lines and
links after the conclusion."""

from __future__ import annotations

from kiku.importer.grammar.lines.features import LineFeatures
from kiku.importer.grammar.page.digest_grammar import Part
from kiku.importer.grammar.page.grouped_lines import SectionLines
from kiku.importer.page import Line
from kiku.importer.report import ImportReport

# A conclusion's label is a word or two ('結論', 'おわりに'); a bullet of it says something.
MAX_CLOSING_LABEL = 8


def closing_words_under_label(parts: list[Part], features: list[LineFeatures]) -> list[Part]:
    """A page closing on a marked label and sentences under it ('◆結び' · sentences · the site's lines): the grammar
    reads the lone label as the conclusion's one bullet, and the sentences after it as the site's trailing lines.
    The label heads the closing words, the article's own: the sentences right under it are its outro."""
    conclusion = [index for index, part in enumerate(parts) if part == Part.CONCLUSION]
    if len(conclusion) != 1:
        return parts
    at, label = conclusion[0], features[conclusion[0]]
    if label.marker is None or len(label.unmarked.strip()) > MAX_CLOSING_LABEL or label.sentence or label.question:
        return parts
    end = at + 1
    while end < len(parts) and parts[end] == Part.TRAILER and features[end].sentence and not features[end].question \
            and features[end].link is None and features[end].marker is None:
        end += 1
    if end == at + 1:
        return parts
    return [*parts[:at], Part.CONCLUSION_LABEL, *[Part.OUTRO] * (end - at - 1), *parts[end:]]


def after_conclusion(trailer: list[tuple[Line, LineFeatures]], grouped: list[SectionLines],
                      report: ImportReport) -> None:
    """Lines read after the conclusion are the site's trailing lines that no chrome rule knew (an author's
    note, a follow button), dropped with a warning. When the page marks one of them up as a heading,
    they are the article's own text the grammar could not place (a section's bullets misread as the
    conclusion): never dropped, they are kept as the last section's body, with a warning to move them.
    (A question is no such evidence: a site's trailing lines ask for a tip or a comment.)"""
    if not trailer:
        return
    first, last = trailer[0][0], trailer[-1][0]
    if grouped and grouped[-1].summary:
        # The page closes on a section of its own ('まとめ' over paragraphs and a list): a sentence
        # after the list is still that section's text; anything else is the site's.
        kept = [line for line, feature in trailer if feature.sentence and feature.link is None]
        grouped[-1].body.extend(line.text for line in kept)
        trailer = [(line, feature) for line, feature in trailer if line not in kept]
        if kept:
            report.warn(f"line {kept[0].number} after the list closing the last section read as its text: "
                        f"check it ({kept[0].text})")
        if not trailer:
            return
        first, last = trailer[0][0], trailer[-1][0]
    if grouped and any(feature.marked_heading for _, feature in trailer):
        grouped[-1].body.extend(line.text for line, _ in trailer)
        report.warn(f"lines {first.number}-{last.number} after the conclusion hold a heading: the article's "
                    f"text in an order the importer could not read; kept as the last section's body: "
                    f"move them where they belong ({first.text})")
        return
    for line, _ in trailer:
        report.drop(line, "after-conclusion")
    report.warn(f"lines {first.number}-{last.number} after the conclusion read as the site's trailing lines and "
                f"dropped: check them ({first.text})")


def trailing_links(trailing: list[Line], report: ImportReport) -> None:
    """Lines that are one link each after the article's last text (a blog ranking's banner, a follow
    button) are the site's: dropped, with a warning naming them."""
    if not trailing:
        return
    report.drop_all(trailing, "trailing-link")
    report.warn(f"lines {trailing[0].number}-{trailing[-1].number} after the article's last text are links alone, "
                f"read as the site's trailing lines and dropped: check them ({trailing[0].text})")
