"""Text-page date lines ('公開日：2025/03/19') printed in another site's format and label."""

from __future__ import annotations

import random
import re

from tests.support.page_variants.mutation import injective_choice

# Labels that all say when the article or card was published: interchangeable. '更新日' says
# something else (when it changed) and keeps its label.
PUBLISHED_LABELS = ("公開日", "掲載日", "配信日", "投稿日", "公開", "掲載", "配信")
KEPT_LABELS = ("最終更新日", "最終更新", "更新日", "更新")
_LABEL = "|".join(PUBLISHED_LABELS + KEPT_LABELS)
_DATE_LINE = re.compile(
    rf"^(?P<lead>[ \t\u3000]*)(?:(?P<label>{_LABEL})(?P<sep>[ \t\u3000]*[:：][ \t\u3000]*|[ \t\u3000]+))?"
    r"(?P<year>20\d\d)(?:年(?P<m1>\d{1,2})月(?P<d1>\d{1,2})日|(?P<sep2>[/.\-])(?P<m2>\d{1,2})(?P=sep2)(?P<d2>\d{1,2}))"
    r"[ \t\u3000]*$", re.MULTILINE)
LABEL_POOL = ("公開日：", "掲載日：", "配信日 ", "公開日:", "")
_FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


def _formats() -> tuple[str, ...]:
    return ("slash", "kanji", "fullwidth", "dot")


def format_date(year: int, month: int, day: int, style: str) -> str:
    if style == "slash":
        return f"{year}/{month:02}/{day:02}"
    if style == "kanji":
        return f"{year}年{month}月{day}日"
    if style == "fullwidth":
        return f"{year}．{month}．{day}".translate(_FULL_WIDTH)
    return f"{year}.{month:02}.{day:02}"


def reformat_dates(text: str, rng: random.Random) -> str:
    """Every date line in one other format, its publication label swapped for another (two
    labels stay two; a page with unlabelled date lines gives no label away)."""
    matches = list(_DATE_LINE.finditer(text))
    if not matches:
        return text
    style = rng.choice(_formats())
    labels = {match.group("label") for match in matches
              if match.group("label") in PUBLISHED_LABELS}
    unlabelled = any(match.group("label") is None for match in matches)
    pool = [label for label in LABEL_POOL if label or not unlabelled]
    mapping = injective_choice(sorted(labels), pool, rng)

    def replaced(match: re.Match[str]) -> str:
        year = int(match.group("year"))
        month = int(match.group("m1") or match.group("m2"))
        day = int(match.group("d1") or match.group("d2"))
        label = match.group("label")
        if label is None:
            prefix = ""
        elif label in mapping:
            prefix = mapping[label]
        else:
            prefix = label + match.group("sep")
        return match.group("lead") + prefix + format_date(year, month, day, style)

    return _DATE_LINE.sub(replaced, text)


# The first year of the Reiwa era, less one: 2019 is 令和元年 (written 令和1年 here, as many sites do).
_REIWA_BEFORE = 2018


def both_calendars(text: str, rng: random.Random) -> str:
    """Every date line's year printed in both calendars, as a newspaper's dateline does: the Western
    year with the era year in brackets ('2025年（令和7年）3月19日'), or the other way round."""
    era_first = rng.random() < 0.5

    def replaced(match: re.Match[str]) -> str:
        year = int(match.group("year"))
        if year <= _REIWA_BEFORE:
            return match.group(0)
        month = int(match.group("m1") or match.group("m2"))
        day = int(match.group("d1") or match.group("d2"))
        era = f"令和{year - _REIWA_BEFORE}年"
        years = f"{era}（{year}年）" if era_first else f"{year}年（{era}）"
        prefix = match.group(0)[len(match.group("lead")):match.start("year") - match.start()]
        return match.group("lead") + prefix + f"{years}{month}月{day}日"

    return _DATE_LINE.sub(replaced, text)
