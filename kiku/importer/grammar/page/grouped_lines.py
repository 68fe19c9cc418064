"""The lines a page's reading groups into one section and each of its cards, before their fields are read."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from kiku.importer.page import Line


@dataclass
class CardLines:
    """One card: its head (date, title), summary bullets, link line and the remarks after it."""

    own_lines: list[Line] = field(default_factory=list)
    date_lines: list[Line] = field(default_factory=list)
    title: str | None = None
    published: dt.date | None = None
    # The month and day of a date line that prints no year ('配信 10/11(金)').
    month_day: tuple[int, int] | None = None
    summary: list[str] = field(default_factory=list)
    link_line: Line | None = None
    url: str | None = None
    publisher: str | None = None
    # The line after the link naming the publisher the link line did not ('出典/画像元：NHKニュース').
    publisher_line: Line | None = None
    remarks: list[str] = field(default_factory=list)
    done: bool = False
    # The publisher printed before the title ('北海道新聞｜…'), used when no other line names one.
    title_publisher: str | None = None
    # The title as printed after its label, before a name was split off its head ('出典：X　Y': X, then Y).
    title_whole: str | None = None
    # The bracketed source label printed before the title ('【出典】'), not part of it.
    title_label: str | None = None
    title_line: Line | None = None
    # The dates after the first on the card's row of dates: those of the sources its link line cites after it.
    more_dates: tuple[dt.date, ...] = ()
    # Cited on another card's link line, after its source ('… https://a ／ BCN+R https://b').
    shares_link: bool = False
    # The date printed before the title on its line ('公開日:令和7年3月26日'), read into ``published``.
    title_date: str | None = None
    # The card's lines that are a name alone (its publisher's, or a short title's), in reading order.
    name_lines: list[Line] = field(default_factory=list)
    # The link line named the publisher: no name line of the card's head overrides it.
    link_named: bool = False
    # A meta line printed a sponsor's mark where the date goes ('— name, PR').
    sponsored: bool = False
    # Name lines the card read neither as its publisher nor as its title ('領域 引用元カード' over a card
    # whose '提供：警察庁' names the publisher): reported, never lost.
    unused_names: list[Line] = field(default_factory=list)


@dataclass
class SectionLines:
    heading: Line
    question: Line | None = None
    answer: Line | None = None
    comments: list[str] = field(default_factory=list)
    cards: list[CardLines] = field(default_factory=list)
    body: list[str] = field(default_factory=list)
    reaction: list[str] = field(default_factory=list)
    # Bulleted lines read as body text (a card's summary whose link line is missing).
    marked_body: list[Line] = field(default_factory=list)
    # The page cites a card before its first heading: this section is headed by the title.
    untitled: bool = False
    # The page's closing summary in paragraphs ('まとめ' over prose): a section with no question.
    summary: bool = False
