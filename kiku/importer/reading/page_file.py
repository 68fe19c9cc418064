"""Reading any scraped page, a text dump or a saved HTML page, into numbered lines."""

from __future__ import annotations

import re
from pathlib import Path

from kiku.content.reading.files import SizeLimit
from kiku.importer.page import DEFAULT_PAGE_LIMIT, ImportFailed, Line, decode_text_dump, read_page_bytes, split_lines
from kiku.importer.reading.decoding import UndecodableBytes, decode_html
from kiku.importer.reading.html.page import read_html
from kiku.importer.reading.text.markdown_dump import is_markdown_dump, read_markdown_dump
from kiku.importer.reading.text.screen_reader import is_transcript, read_transcript
from kiku.importer.report import ImportReport

HTML_SUFFIXES = (".html", ".htm")
_MARKUP = re.compile(r"<[A-Za-z!/?]")
PAGE_SUFFIXES = (".txt", *HTML_SUFFIXES)


def read_page(path: Path, report: ImportReport, limit: SizeLimit = DEFAULT_PAGE_LIMIT, *,
              class_blind: bool = False) -> list[Line]:
    """The page's lines; what an HTML page's chrome held goes to ``report`` with its rule.

    The page is read only when it is a regular file within ``limit`` (limits.import_page_mb).
    ``class_blind``: an HTML page's class and id names mark no chrome (``html_page.read_html``).
    """
    if path.suffix.lower() not in HTML_SUFFIXES:
        text = decode_text_dump(read_page_bytes(path, limit), str(path))
        if is_markdown_dump(text):
            return read_markdown_dump(text.splitlines(), report)
        return _text_lines(text, report)
    raw = read_page_bytes(path, limit, report.source)
    if b"\x00" in raw[:8192] and not raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ImportFailed(f"{report.source}: binary file, not an HTML page")
    try:
        text, _ = decode_html(raw)
    except UndecodableBytes as error:
        raise ImportFailed(f"{report.source}: {error}") from error
    if _MARKUP.search(text) is None:
        # Saved with an .html name but no markup at all: a text dump, whose line breaks are its structure.
        return _text_lines(text, report)
    lines = read_html(text, report, class_blind=class_blind)
    if not lines and report.dropped:
        raise ImportFailed(f"{report.source}: no text left once the page's chrome is removed "
                           f"({len(report.dropped)} lines of it, e.g. [{report.dropped[0].rule}] "
                           f"{report.dropped[0].line.text[:40]})")
    return lines


def _text_lines(text: str, report: ImportReport) -> list[Line]:
    """A text dump's lines; a screen reader's transcript is read with what its announcements say."""
    lines = split_lines(text)
    return read_transcript(lines, report) if is_transcript(lines) else lines
