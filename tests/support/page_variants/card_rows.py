"""Each source card of a saved page printed as a box that names none of its parts by markup, as
documentation generators, intranet list web parts and old table CMSs print them, its fields in any
order: a collapsible ``<details>`` whose ``<summary>`` is a label word, the URL first, then
'publisher · ISO date', then the headline; one list item of side-by-side fields; a table of label
rows ('見出し｜…', '発信元｜…'); a table whose header row names the fields and whose one row holds the
card. The cards are found by the page's truth (``card_regions``); the meaning is unchanged."""

from __future__ import annotations

import datetime as dt
import html
import random
from dataclasses import dataclass

from tests.support.page_variants.card_regions import CardRegion, date_span

# Words a box prints before or above a card's fields, naming what the card is or what a field is.
_BOX_LABELS = ("参照", "出典", "関連リンク", "Source", "引用元", "参考")
_TITLE_LABELS = ("見出し", "記事", "タイトル", "Title")
_PUBLISHER_LABELS = ("発信元", "出典", "媒体", "配信元")
_DATE_LABELS = ("日付", "掲載日", "公開日", "Date")
_SUMMARY_LABELS = ("概要", "要約", "内容")
_LINK_LABELS = ("リンク", "URL", "記事を開く")
_REIWA_START = 2019


@dataclass(frozen=True)
class _Fields:
    title: str | None
    publisher: str | None
    date: str | None
    published: dt.date | None
    summary: list[str]  # raw markup of each summary line
    url: str


def card_fields(region: CardRegion) -> _Fields | None:
    """The card's fields as plain texts: its headline, publisher and date as the truth names them
    (the date as printed when a source line prints it), its other lines as its summary; None for a
    card that names neither a publisher nor a date."""
    if not region.publisher and not region.published:
        return None
    published = _date(region.published)
    date = None
    for index in region.meta:
        text = region.lines[index].text
        if published and (span := date_span(text, published)) is not None:
            date = text[span[0]:span[1]]
    if published and date is None:
        date = published.isoformat()
    summary = [line.raw for line in (*region.rest(True), *region.rest(False))]
    return _Fields(region.title, region.publisher, date, published, summary, region.url)


def _date(value: object) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)) if value else None


def _e(text: str) -> str:
    return html.escape(text, quote=False)


def _url_link(fields: _Fields, text: str | None = None) -> str:
    return f'<a href="{html.escape(fields.url)}">{_e(text or fields.url)}</a>'


def _iso(fields: _Fields) -> str | None:
    return fields.published.isoformat() if fields.published else fields.date


def _reiwa(fields: _Fields) -> str | None:
    if fields.published is None or fields.published.year < _REIWA_START:
        return fields.date
    year = fields.published.year - _REIWA_START + 1
    return f"令和{year}年{fields.published.month}月{fields.published.day}日"


def _source(publisher: str | None, date: str | None) -> str:
    return " · ".join(_e(part) for part in (publisher, date) if part)


def as_details(region: CardRegion, rng: random.Random) -> tuple[str, str] | None:
    """A collapsible admonition: a label word as its summary, the URL as the link, the source under
    it ('<em>publisher</em> · 2025-10-07'), then the headline in bold and the summary lines."""
    fields = card_fields(region)
    if fields is None:
        return None
    publisher = f"<em>{_e(fields.publisher)}</em>" if fields.publisher else ""
    source = " · ".join(part for part in (publisher, _e(_iso(fields) or "")) if part)
    inner = [f"<summary>{rng.choice(_BOX_LABELS)}</summary>", f"<p>{_url_link(fields)}<br>\n{source}</p>"]
    if fields.title:
        inner.append(f"<p><strong>{_e(fields.title)}</strong></p>")
    inner += [f"<p>{line}</p>" for line in fields.summary]
    return "details", "\n".join(inner)


def as_row(region: CardRegion, rng: random.Random) -> tuple[str, str] | None:
    """One list item of side-by-side fields in a shuffled order: the headline linked (or the URL
    when the card has none), the publisher, the date and the summary."""
    fields = card_fields(region)
    if fields is None:
        return None
    parts = [f"<span>{_url_link(fields, fields.title)}</span>"]
    parts += [f"<span>{_e(text)}</span>" for text in (fields.publisher, fields.date) if text]
    parts += [f"<span>{line}</span>" for line in fields.summary]
    rng.shuffle(parts)
    return "ul", "<li>" + rng.choice((" ", " ｜ ", "　")).join(parts) + "</li>"


def _labelled(fields: _Fields, rng: random.Random) -> list[tuple[str, str]]:
    """(label, value markup) for each field the card prints, in a shuffled order."""
    date = rng.choice((fields.date, _reiwa(fields), _iso(fields)))
    rows = [(rng.choice(_PUBLISHER_LABELS), _e(fields.publisher)) if fields.publisher else None,
            (rng.choice(_DATE_LABELS), _e(date)) if date else None,
            (rng.choice(_TITLE_LABELS), _e(fields.title or "")),
            (rng.choice(_SUMMARY_LABELS), "<br>".join(fields.summary)),
            (rng.choice(_LINK_LABELS), _url_link(fields))]
    present = [row for row in rows if row is not None]
    rng.shuffle(present)
    return present


def as_label_table(region: CardRegion, rng: random.Random) -> tuple[str, str] | None:
    """A table of label rows, one field each, in a shuffled order (an empty headline cell for an
    untitled card)."""
    fields = card_fields(region)
    if fields is None:
        return None
    rows = [f"<tr><th>{label}</th><td>{value}</td></tr>" for label, value in _labelled(fields, rng)]
    return "table", "<tbody>" + "\n".join(rows) + "</tbody>"


def as_header_table(region: CardRegion, rng: random.Random) -> tuple[str, str] | None:
    """A list web part: a header row naming the fields, then the card's one row of cells."""
    fields = card_fields(region)
    if fields is None:
        return None
    columns = _labelled(fields, rng)
    head = "".join(f"<th>{label}</th>" for label, _ in columns)
    cells = "".join(f"<td>{value}</td>" for _, value in columns)
    return "table", f"<thead><tr>{head}</tr></thead><tbody><tr>{cells}</tr></tbody>"
