"""Warnings for the editor about what the scrape damaged and the importer must not guess."""

from __future__ import annotations

import re
from collections.abc import Iterable

# A counter that needs a number before it: the scraper dropped the digits of
# "インフラ攻撃30日間停止" and "「2時間半の長電話」".
_COUNTER_WITHOUT_NUMBER = re.compile(
    r"(?<![0-9０-９〇一二三四五六七八九十百千万数何幾半約])(日間|時間半|週間|か月|カ月|ヶ月|ケ月|年ぶり|日ぶり|周年)"
)


def dropped_digit_warnings(fields: Iterable[tuple[str, str]]) -> list[str]:
    """One warning per (field, text) whose text has a counter with no number before it."""
    warnings = []
    for field, text in fields:
        for match in _COUNTER_WITHOUT_NUMBER.finditer(text):
            context = text[max(0, match.start() - 8):match.end() + 4]
            warnings.append(f"{field}: '{match[1]}' has no number before it (digits lost in the scrape?): "
                            f"…{context}…; fix it by hand from the source")
    return warnings
