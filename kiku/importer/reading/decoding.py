"""Bytes of a saved HTML page → text, honouring what the page declares before guessing.

Order: a byte-order mark, then the page's own declaration (``<meta charset>`` or
``http-equiv``, found by bs4's ``EncodingDetector``), then UTF-8, then detection by
``charset-normalizer``. Japanese declarations are widened to the superset a browser uses
(Shift_JIS pages carry CP932 characters such as ① and ㈱).
"""

from __future__ import annotations

import codecs

from bs4.dammit import EncodingDetector
from charset_normalizer import from_bytes

_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
# What browsers actually decode when a page declares the narrower name (WHATWG Encoding Standard).
_BROWSER_SUPERSET = {
    "shift_jis": "cp932", "shift-jis": "cp932", "sjis": "cp932", "x-sjis": "cp932", "ms_kanji": "cp932",
    "windows-31j": "cp932", "csshiftjis": "cp932",
    "euc-jp": "euc_jis_2004", "euc_jp": "euc_jis_2004", "x-euc-jp": "euc_jis_2004", "ujis": "euc_jis_2004",
    "iso-8859-1": "cp1252", "latin-1": "cp1252", "us-ascii": "cp1252", "ascii": "cp1252",
}
# Only the start of the page is searched for a declaration, as browsers do (prescan of 1024 bytes,
# here more generous for pages with long <head> comments).
_DECLARATION_WINDOW = 4096
# Detection reads a sample; a 5 MB page is not read whole to guess its encoding.
_DETECTION_WINDOW = 256 * 1024


class UndecodableBytes(ValueError):
    """No declared, default or detected encoding decodes the bytes."""


def decode_html(raw: bytes) -> tuple[str, str]:
    """The page as text and the name of the encoding used to read it."""
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            return raw.decode(encoding, errors="replace"), encoding
    declared = EncodingDetector.find_declared_encoding(raw[:_DECLARATION_WINDOW], is_html=True)
    for candidate in _candidates(declared):
        try:
            return raw.decode(candidate), candidate
        except (UnicodeDecodeError, LookupError):
            continue
    guess = from_bytes(raw[:_DETECTION_WINDOW]).best()
    if guess is not None:
        encoding = _widened(guess.encoding)
        return raw.decode(encoding, errors="replace"), encoding
    if declared and _known(declared):
        # A declared page with a few broken bytes: keep the rest of it rather than refuse it.
        encoding = _widened(declared)
        return raw.decode(encoding, errors="replace"), encoding
    raise UndecodableBytes("no declared or detectable text encoding")


# Encodings a Japanese text dump is saved in besides UTF-8 (names as charset-normalizer gives them).
JAPANESE_ENCODINGS = frozenset({"cp932", "shift_jis", "shift_jis_2004", "shift_jisx0213", "euc_jp",
                                "euc_jis_2004", "euc_jisx0213", "iso2022_jp", "iso2022_jp_2", "iso2022_jp_ext"})


def decode_japanese_text(raw: bytes) -> tuple[str, str] | None:
    """A text dump that is not UTF-8: its text and encoding when it reads as a Japanese encoding, else None."""
    guess = from_bytes(raw[:_DETECTION_WINDOW], cp_isolation=sorted(JAPANESE_ENCODINGS)).best()
    if guess is None or guess.encoding not in JAPANESE_ENCODINGS:
        return None
    encoding = _widened(guess.encoding)
    try:
        return raw.decode(encoding), encoding
    except UnicodeDecodeError:
        return None


def _widened(encoding: str) -> str:
    """The encoding a browser uses for this name (Shift_JIS → CP932, EUC-JP → EUC-JIS-2004)."""
    name = encoding.strip().lower()
    return _BROWSER_SUPERSET.get(name, _BROWSER_SUPERSET.get(name.replace("_", "-"), name))


def _known(encoding: str) -> bool:
    try:
        codecs.lookup(_widened(encoding))
    except LookupError:
        return False
    return True


def _candidates(declared: str | None) -> list[str]:
    return [_widened(declared), "utf-8"] if declared else ["utf-8"]
