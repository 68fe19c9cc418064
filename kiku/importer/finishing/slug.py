"""Slugs: stable, ASCII, readable, unique: ``2025-03-19-ukraine-russia-ceasefire-3f9a1c``."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata
from collections.abc import Sequence

MAX_TAG_WORDS = 3


def make_slug(date: dt.date, title: str, english_tag_names: Sequence[str]) -> str:
    """The same page always gives the same slug; the title hash keeps same-day articles apart."""
    words = [_ascii_words(name) for name in english_tag_names[:MAX_TAG_WORDS]]
    digest = hashlib.sha1(unicodedata.normalize("NFC", title).encode("utf-8")).hexdigest()[:6]
    return "-".join([date.isoformat(), *[word for word in words if word], digest])


def _ascii_words(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
