"""A fixture page as text to rewrite, and back to bytes in the page's own encoding."""

from __future__ import annotations

import codecs
from dataclasses import dataclass
from pathlib import Path

from kiku.importer.reading.decoding import UndecodableBytes, decode_html, decode_japanese_text

_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))


@dataclass(frozen=True)
class PageSource:
    text: str
    encoding: str
    bom: bytes
    is_html: bool

    def encoded(self, text: str) -> bytes | None:
        """``text`` saved as the page was; None when a text dump's encoding cannot hold it (an
        HTML page writes such a character as a character reference)."""
        try:
            return self.bom + text.encode(self.encoding)
        except UnicodeEncodeError:
            if not self.is_html:
                return None
            return self.bom + text.encode(self.encoding, errors="xmlcharrefreplace")


def read_source(path: Path) -> PageSource | None:
    """The page's text, or None when its bytes do not come back unchanged from it."""
    raw = path.read_bytes()
    is_html = path.suffix.lower() != ".txt"
    source = _decoded(raw, is_html)
    if source is None or source.encoded(source.text) != raw:
        return None
    return source


def _decoded(raw: bytes, is_html: bool) -> PageSource | None:
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            return PageSource(raw[len(bom):].decode(encoding, errors="replace"), encoding, bom, is_html)
    try:
        return PageSource(raw.decode("utf-8"), "utf-8", b"", is_html)
    except UnicodeDecodeError:
        pass
    if is_html:
        try:
            text, encoding = decode_html(raw)
        except UndecodableBytes:
            return None
        return PageSource(text, encoding, b"", is_html)
    japanese = decode_japanese_text(raw)
    return None if japanese is None else PageSource(japanese[0], japanese[1], b"", is_html)
