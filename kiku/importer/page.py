"""Reading a scraped page into numbered lines, independent of what the page looks like."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from kiku.content.checking.limits import import_page_limit
from kiku.content.model import Limits
from kiku.content.reading.files import SizeLimit, UnreadableFile, read_regular_file
from kiku.errors import KikuError
from kiku.importer.reading.decoding import decode_japanese_text
from kiku.importer.reading.text.hard_wrap import unwrapped

DEFAULT_PAGE_LIMIT = import_page_limit(Limits())


class ImportFailed(KikuError):
    """The page cannot be imported; the message says why in one line."""


@dataclass(frozen=True, slots=True)
class Line:
    """One non-blank line of the page, stripped, with its 1-based line number in the file."""

    number: int
    text: str
    # A saved page marks the line up as a heading (<h1>-<h6>): evidence of a heading or a title
    # that a text dump does not give.
    heading: bool = field(default=False, kw_only=True)
    # A saved page marks the line up as the article's title: its first <h1>, or the <title>'s text
    # in heading markup (``reading.html.article.title``).
    title: bool = field(default=False, kw_only=True)
    # A saved page marks the line's box as an advertisement (data-ad, an ad class, a sponsor
    # label): evidence for the off-topic check that a text dump does not give.
    ad: bool = field(default=False, kw_only=True)
    # A saved page's style of the line: the tag and classes of the block element it is printed in
    # ('p.midashi'), '' without a class. A page styles its section headings alike (``heading_style``).
    style: str = field(default="", kw_only=True)
    # A saved page's heading element with its classes, anchor and box ('div.body>h2.midashi#',
    # ``html.line_style.heading_markup``): headings marked up alike are of one kind (the page's
    # section headings).
    heading_markup: str = field(default="", kw_only=True)
    # Marked as a heading because it is styled as the lines read as the page's section headings are
    # (``layouts.heading_style``): a section's heading, not a question or an answer under one.
    styled_heading: bool = field(default=False, kw_only=True)
    # A saved page prints the line inside a list item (<li>): a bullet by its markup.
    list_item: bool = field(default=False, kw_only=True)
    # A saved page prints the line as one link and nothing else (a banner to a blog ranking, a
    # follow button): what a site's trailing lines are made of, which a text dump does not show.
    link_only: bool = field(default=False, kw_only=True)
    # A saved page prints the line first in a small box that a card's link line closes: a card's
    # head (its title), by the markup that a text dump does not give.
    heads_card_box: bool = field(default=False, kw_only=True)
    # A saved page prints the line as an element of its own placed by coordinates, as a PDF's or OCR's
    # converter prints each line (``html.lines.positioned``): such lines run on as a text dump's do.
    printed_line: bool = field(default=False, kw_only=True)


def read_text_page(path: Path, limit: SizeLimit = DEFAULT_PAGE_LIMIT) -> list[Line]:
    """The non-blank lines of a plain-text dump (UTF-8, else Shift_JIS/EUC-JP as detected; any line ending)."""
    return text_page_lines(read_page_bytes(path, limit), str(path))


def read_page_bytes(path: Path, limit: SizeLimit, shown: str | None = None) -> bytes:
    """The bytes of a page to import: a regular file within ``limit`` (``kiku.content.reading.files``)."""
    try:
        return read_regular_file(path, limit, site_root=None)
    except UnreadableFile as refused:
        raise ImportFailed(f"{shown or path}: {refused}") from None


def text_page_lines(raw: bytes, shown: str) -> list[Line]:
    """The non-blank lines of the text dump ``raw`` (``shown`` names it in errors)."""
    return split_lines(decode_text_dump(raw, shown))


def decode_text_dump(raw: bytes, shown: str) -> str:
    """The text of the dump ``raw``: UTF-8 (a byte-order mark dropped), else Shift_JIS or EUC-JP."""
    if b"\x00" in raw:
        raise ImportFailed(f"{shown}: binary file, not a text dump")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        japanese = decode_japanese_text(raw)
        if japanese is None:
            raise ImportFailed(f"{shown}: not UTF-8 text (byte {error.start}), nor Shift_JIS or EUC-JP") from error
        text = japanese[0]
    return text


# A long run of spaces inside a line says nothing Markdown would not collapse anyway; its first
# space is kept. The layout patterns are written to stay linear on such runs (no two quantifiers
# share one), and this bound keeps a future rule that slips from costing more than a constant
# per space. Short runs stay as scraped, so the report shows a line as the editor will find it.
_SPACE_RUN = re.compile(r"(\s)\s{7,}")


# Characters a reader never sees: zero-width spaces, word joiners, a byte-order mark inside the
# text, soft hyphens. (The zero-width joiner is kept: it builds emoji sequences.)
_INVISIBLE = re.compile("[\u200b\u2060\ufeff\u00ad]")


def without_invisible(text: str) -> str:
    return _INVISIBLE.sub("", text)


def split_lines(text: str) -> list[Line]:
    """Numbered non-blank lines; CRLF, CR and LF all end a line; a paragraph hard-wrapped at a
    constant column is joined back (``reading.text.hard_wrap``); invisible characters are removed,
    no-break spaces become spaces and a long run of spaces inside a line becomes its first space."""
    raw_lines = [without_invisible(raw_line) for raw_line in text.splitlines()]
    lines = []
    for number, raw_line in unwrapped(raw_lines):
        stripped = squeeze_spaces(raw_line.replace("\u00a0", " ")).strip()
        if stripped:
            lines.append(Line(number, stripped))
    return lines


def squeeze_spaces(text: str) -> str:
    """``text`` with each long run of whitespace (8 or more) reduced to its first character."""
    return _SPACE_RUN.sub(r"\1", text)
