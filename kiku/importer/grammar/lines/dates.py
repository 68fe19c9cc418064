"""Dates as the family prints them: 2025/03/19, ２０２５年３月１９日, 2025.03.19, 2025-3-19 (a weekday or
a time may follow: '（水）', '水曜', '10:00', '午前9時')."""

from __future__ import annotations

import datetime as dt
import functools
import re
import unicodedata

# The day's 日 is the date's after a month written with 月 ('3月14 日'); after a slashed or dotted
# date it is only when no word goes on from it: in '2025/03/14　日本経済新聞' it opens the name beside.
_DATE = re.compile(
    r"(?P<year>(?:19|20)[0-9]{2})\s*[/年.\-]\s*(?P<month>[0-9]{1,2})\s*(?:(?P<kanji>月)|[/.\-])\s*"
    r"(?P<day>[0-9]{1,2})(?(kanji)\s*日?|(?:\s*日(?![\u3040-\u30ff\u3400-\u9fff]))?)"
    r"(?:\s*[(（][^)）]{1,3}[)）]|\s*[月火水木金土日]曜日?)?"
    r"(?:\s*[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?|\s*(?:午前|午後)[0-9]{1,2}時(?:[0-9]{1,2}分)?|\s*[0-9]{1,2}時[0-9]{1,2}分)?"
)
# A time of day on a date line, after the date or in a field of its own ('更新：10時31分', '10:31').
_TIME = re.compile(r"(?:(?<=[\s:])|^)(?:(?:午前|午後)?[0-9]{1,2}時[0-9]{1,2}分|[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?)"
                   r"(?=\s|$)")
# What may stand around a date on a date line: a label ('公開日:', '更新日時', 'Posted on') or a
# category ('経済'), short and without a sentence in it.
MAX_DATE_LABEL = 10
_SENTENCE_MARK = re.compile(r"[。、，,．!！?？]")
# A post's other meta fields printed on its date line, each a label word, a colon and a value set off by
# spaces: '投稿日：… カテゴリー：住宅・不動産', '更新日：… 執筆：編集部', '… Author: Tanaka'; a byline may set its
# label off by an equals sign ('文＝編集部', '写真＝山田'). The value is a name, not a sentence.
_META_FIELD = re.compile(r"[\s|｜/][^\W\d_]{1,6}\s*[:=]\s*[^\s:。、，,．!！?？]{1,20}(?=\s|$)")
# How long the post takes to read, a field of its own at the end of the date line after a separator
# ('公開日 <date> · 約6分で読めます', '<date> | 読了時間：5分', '<date> · 4 min read'): the site's estimate,
# no word of the date's label.
_READING_FIELD = re.compile(r"[\s|｜/・·•]\s*(?:(?:読了(?:時間)?|所要時間)\s*[:：]?\s*(?:約\s*)?[0-9]+\s*分"
                            r"|(?:約\s*)?[0-9]+\s*(?:分で読め(?:ます|る)|min read))\s*$", re.IGNORECASE)
# The fields of a date line set apart by a bar: the date's label, a category, a feature's name.
_FIELD_SEPARATOR = re.compile(r"\s*[|｜]\s*")
MAX_DATE_FIELDS = 3
_DATES_PLACE = re.compile(r"[|｜]\s*[|｜]")
# A category printed in brackets beside the date: '掲載日 2025年06月14日 【観光・自然】', '2025.06.14 [経済]'.
_BRACKETED_CATEGORY = re.compile(r"[【\[〔《][^】\]〕》。、]{1,20}[】\]〕》]")


# A Japanese era year: '令和7年' is 2025, '令和元年' 2019, '平成31年' 2019.
_ERA_YEAR = re.compile(r"(?P<era>令和|平成)\s*(?P<year>元|[0-9]{1,2})\s*年")
_ERA_START = {"令和": 2018, "平成": 1988}


# The era by its initial, before a dotted or slashed date: 'R7.10.14' is 2025.10.14, 'H31/4/30' 2019/4/30.
_ERA_INITIAL = re.compile(r"(?<![A-Za-z0-9])(?P<era>[RH])(?P<year>[0-9]{1,2})(?=[./][0-9]{1,2}[./][0-9]{1,2})")
_ERA_OF_INITIAL = {"R": "令和", "H": "平成"}


def _western_year(match: re.Match[str]) -> str:
    year = 1 if match["year"] == "元" else int(match["year"])
    return f"{_ERA_START[match['era']] + year}年"


def _western_initial_year(match: re.Match[str]) -> str:
    return str(_ERA_START[_ERA_OF_INITIAL[match["era"]]] + int(match["year"]))


# A year printed with its other calendar's year in brackets ('2025年（令和7年）3月4日', '令和7年（2025年）'):
# once the era is written as a Western year, the same year twice.
_YEAR_TWICE = re.compile(r"(?P<year>(?:19|20)[0-9]{2}年)\s*[(（]\s*(?P=year)\s*[)）]")


# A date in English, as an English-language theme prints its post's: '20 January 2026', 'January 20, 2026',
# 'Jan. 20, 2026', '20 Jan 2026'.
_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december")
_MONTH_NAME = r"(?P<{name}>" + "|".join(f"{month[:3]}(?:{month[3:]}|\\.)?" if len(month) > 3 else month
                                       for month in _MONTHS) + r")"
_ENGLISH_DATE = re.compile(
    r"(?<![A-Za-z0-9])(?:(?P<day>[0-9]{1,2})\s+" + _MONTH_NAME.format(name="month") + r",?\s+"
    r"|" + _MONTH_NAME.format(name="month_first") + r"\s+(?P<day_second>[0-9]{1,2}),?\s+)"
    r"(?P<year>(?:19|20)[0-9]{2})(?![0-9])", re.IGNORECASE)


def _iso_of_english(match: re.Match[str]) -> str:
    month = (match["month"] or match["month_first"]).lower()[:3]
    number = next(index for index, name in enumerate(_MONTHS, start=1) if name.startswith(month))
    return f"{match['year']}-{number:02d}-{int(match['day'] or match['day_second']):02d}"


# The English order with a Japanese month name, as a help desk's ja locale prints '%a, %d %b, %Y':
# '水, 3 12月, 2025', '火 21 10月 2025' (its weekday read with it). A year after 月 is never the
# Japanese order, which puts the year first.
_DAY_MONTH_YEAR = re.compile(r"(?:(?<![^\s:：])[月火水木金土日]\s*,?\s*)?"
                             r"(?<![0-9])(?P<day>[0-9]{1,2})\s+(?P<month>1[0-2]|0?[1-9])\s*月\s*,?\s+"
                             r"(?P<year>(?:19|20)[0-9]{2})(?![0-9年])")


def _iso_of_day_month_year(match: re.Match[str]) -> str:
    return f"{match['year']}-{int(match['month']):02d}-{int(match['day']):02d}"


def _western(text: str) -> str:
    """``text`` NFKC-folded, its era years written as Western ones (a year given in both calendars once), an
    English date written as digits."""
    normal = unicodedata.normalize("NFKC", text)
    western = _ERA_INITIAL.sub(_western_initial_year, _ERA_YEAR.sub(_western_year, normal))
    english = _ENGLISH_DATE.sub(_iso_of_english, _YEAR_TWICE.sub(r"\g<year>", western))
    return _DAY_MONTH_YEAR.sub(_iso_of_day_month_year, english)


def find_date(text: str) -> tuple[dt.date, str] | None:
    """The first valid date in ``text`` (any width, a Western or era year) and the text around it, or None."""
    normal = _western(text)
    for match in _DATE.finditer(normal):
        try:
            date = dt.date(int(match["year"]), int(match["month"]), int(match["day"]))
        except ValueError:
            continue
        return date, (normal[:match.start()] + " " + normal[match.end():]).strip()
    return None


def date_prefix(text: str) -> str | None:
    """The text before the first valid date in ``text`` (NFKC-folded), or None when it has none."""
    sides = date_sides(text)
    return sides[0] if sides is not None else None


def date_sides(text: str) -> tuple[str, str] | None:
    """The text before and after the first valid date in ``text`` (NFKC-folded), or None when it has none."""
    normal = _western(text)
    match = _first_valid_date(normal)
    return None if match is None else (normal[:match.start()], normal[match.end():])


def _first_valid_date(normal: str) -> re.Match[str] | None:
    for match in _DATE.finditer(normal):
        try:
            dt.date(int(match["year"]), int(match["month"]), int(match["day"]))
        except ValueError:
            continue
        return match
    return None


# A date glued to a particle ('2024年3月22日の会見で公表', '3月1日から'): the date modifies the words after it,
# a phrase of the text; a date line's label after the date is a noun ('2025-03-31更新', '2025.4.1 配信').
# (A category glued to the date, 'くらし', 'お金と仕事', is a date line's word, not a particle.)
_PARTICLE_AFTER = re.compile(r"^(?:の|に|を|が|は|で|と|から|まで|より)(?=\S)")
# A date line's label may still follow a particle where the line ends on it: '2025/10/08に公開', '2025年6月3日に更新'
# — the day and what was done to the page that day (a verbal noun of two kanji), nothing more.
_LABEL_AFTER_PARTICLE = re.compile(r"^に[\u4e00-\u9fff]{2}\s*$")


def _glued_to_particle(text: str) -> bool:
    """Whether the first valid date in ``text`` is followed by a particle with no space between."""
    normal = _western(text)
    match = _first_valid_date(normal)
    return match is not None and not match.group()[-1].isspace() \
        and _PARTICLE_AFTER.match(normal[match.end():]) is not None \
        and _LABEL_AFTER_PARTICLE.match(normal[match.end():]) is None


# A date the line labels as the day the article changed, before it ('更新日：', '（最終更新 ', 'Updated: ') or
# after it ('2025/04/02 更新'): beside the day it was published, it dates nothing.
_UPDATED_BEFORE = re.compile(
    r"(?P<open>[(（]\s*)?(?:最終)?(?:更新|改訂|[Uu]pdated|[Ll]ast[ -]?[Mm]odified)(?:日時?)?\s*[:：]?\s*$")
_UPDATED_AFTER = re.compile(r"^\s*に?(?:更新|改訂|[Uu]pdated)(?![\u3040-\u30ff\u3400-\u9fff]|\s*[:：0-9])(?:\s*[)）])?")
_OPEN_BEFORE = re.compile(r"[(（]\s*$")
_CLOSE_AFTER = re.compile(r"^\s*[)）]")
MAX_UPDATED_LABEL = 14


def without_updated(text: str) -> str:
    """``text`` (NFKC-folded) without the dates it labels as updated, with their labels and brackets, when
    another date stays ('公開日：2025/03/19（更新日：2025/04/02）' → '公開日：2025/03/19'); else ``text``."""
    normal = _western(text)
    dates = [match for match in _DATE.finditer(normal) if _valid(match)]
    if len(dates) < 2:
        return text
    spans = [span for match in dates if (span := _updated_span(normal, match)) is not None]
    if not spans or len(spans) == len(dates):
        return text
    for start, end in reversed(spans):
        normal = normal[:start] + " " + normal[end:]
    return normal


def labels_updated(text: str) -> bool:
    """Whether every date on the line is labelled as the day the article changed ('更新：2025年6月9日',
    '2025/06/09 更新'): a line that dates the article only when no other date line does."""
    normal = _western(text)
    dates = [match for match in _DATE.finditer(normal) if _valid(match)]
    return bool(dates) and all(_updated_span(normal, match) is not None for match in dates)


def _updated_span(normal: str, match: re.Match[str]) -> tuple[int, int] | None:
    before = _UPDATED_BEFORE.search(normal[max(0, match.start() - MAX_UPDATED_LABEL):match.start()])
    if before is not None:
        start, end = match.start() - len(before.group()), match.end()
        if before["open"] and (close := _CLOSE_AFTER.match(normal[end:])) is not None:
            end += close.end()
        return start, end
    after = _UPDATED_AFTER.match(normal[match.end():])
    if after is None:
        return None
    start = match.start()
    if after.group().rstrip().endswith((")", "）")) and (opened := _OPEN_BEFORE.search(normal[:start])) is not None:
        start = opened.start()
    return start, match.end() + after.end()


def _valid(match: re.Match[str]) -> bool:
    try:
        dt.date(int(match["year"]), int(match["month"]), int(match["day"]))
    except ValueError:
        return False
    return True


def line_date(text: str) -> dt.date | None:
    """The date of a line that is a date (with a short label or category at most), else None."""
    text = without_updated(text)
    found = find_date(text.strip())
    if found is None:
        return None
    if _glued_to_particle(text.strip()):
        return None
    # A line of several dates, each with its label ('投稿日：… 最終更新日：…') is a date line: the first is the post's.
    others = _READING_FIELD.sub(" ", _TIME.sub(" ", _DATE.sub(" ", found[1])))
    rest = _BRACKETED_CATEGORY.sub(" ", _META_FIELD.sub(" ", " " + others)).strip(" :：|｜/-・·•()（）[]【】")
    # The label's length is its words': the spaces left where the date stood do not count.
    rest = re.sub(r"\s+", " ", rest)
    if _SENTENCE_MARK.search(rest):
        return None
    if (len(rest) <= MAX_DATE_LABEL * (1 + len(_DATE.findall(found[1]))) or _is_row_of_fields(rest)
            or _is_name_and_label(found[1]) or _is_byline_before(text) or _is_label_then_byline(text)):
        return found[0]
    return None


def _is_name_and_label(rest: str) -> bool:
    """What stands beside the date is a short word before it and one after it ('歌舞伎ジャーナル　<date>配信'): a
    dateline, who published and the label of the date, each a field of its own where the date parts them; a
    noun each ('東京都は <date> 発表した' is a sentence)."""
    fields = [field for field in re.split(r"\s{2,}", rest.strip()) if field]
    return len(fields) == 2 and all(len(field) <= MAX_DATE_LABEL and " " not in field
                                    and not re.search(r"[\u3041-\u3096]$", field) for field in fields)


# A byline set apart from the date after it by a spaced separator ('エネルギー通信 編集部 ・ 2025年9月5日', a forum
# post's 'by <name> » <date>'): a name of a word or two, no longer than a byline.
_BYLINE_BEFORE = re.compile(r"^[^\s。、，,．!！?？]{1,12}(?:\s[^\s。、，,．!！?？]{1,12})?\s+[・·•|｜/／»]\s+$")
MAX_BYLINE = 20


def _is_byline_before(text: str) -> bool:
    """A name, a spaced separator, then the date and nothing after it but the date's own label ('… · 2024.12.10 17:30
    更新'): an article's byline and date line."""
    sides = date_sides(text.strip())
    return (sides is not None and (not sides[1].strip() or is_date_label(sides[1]))
            and len(sides[0].strip()) <= MAX_BYLINE
            and _BYLINE_BEFORE.match(sides[0]) is not None)


def _is_label_then_byline(text: str) -> bool:
    """The date first, its own label after it, then who wrote it, a name of a word or two set off by a space
    ('2025/11/23 06:12 更新　スポーツ班'): an app's date line and byline on one line. A name is a noun: words ending
    in a verb's kana are a sentence ('2025年3月1日 公開 都は発表した')."""
    sides = date_sides(text.strip())
    if sides is None or sides[0].strip():
        return False
    words = sides[1].split()
    name = " ".join(words[1:])
    return (1 < len(words) <= 3 and is_date_label(words[0]) and len(name) <= MAX_BYLINE
            and _SENTENCE_MARK.search(name) is None and re.search(r"[\u3041-\u3096]$", name) is None)


def _is_row_of_fields(rest: str) -> bool:
    """What stands beside the date is a few short fields set apart by '｜' or '|' ('2025.12.12 配信 ｜
    特集：家計と経済', 'name｜<date>（水）｜6分で読めます'): a post's meta line, its category, feature, byline or
    reading time in a field of its own."""
    # The date printed between two fields leaves its place empty between their bars: no field of the row.
    fields = [field.strip() for field in _FIELD_SEPARATOR.split(_DATES_PLACE.sub("｜", rest))]
    return (1 < len(fields) <= MAX_DATE_FIELDS
            and all(0 < len(field) <= MAX_DATE_LABEL for field in fields))


# Between the dates of a row: '2025/10/15・2025/10/16', '2025年3月1日／3月2日' is no row (the second has no year).
_ROW_SEPARATOR = re.compile(r"^[\s・/／|｜、,]*$")


def date_row(text: str) -> list[dt.date]:
    """The dates of a line that is two or more dates and nothing but separators between them (a card's
    date line for two sources cited together), else an empty list."""
    normal = _ERA_YEAR.sub(_western_year, unicodedata.normalize("NFKC", text)).strip()
    dates: list[dt.date] = []
    end = 0
    for match in _DATE.finditer(normal):
        if not _ROW_SEPARATOR.match(normal[end:match.start()]):
            return []
        try:
            dates.append(dt.date(int(match["year"]), int(match["month"]), int(match["day"])))
        except ValueError:
            return []
        end = match.end()
    return dates if len(dates) > 1 and not normal[end:].strip() else []



# A date's own label, a word of its own beside the date ('2025-08-01 掲載', '配信日：', '公開日時', 'Posted on',
# '最終更新'): what was done to the page that day, no name.
_DATE_LABEL_WORD = re.compile(
    r"(?:^|(?<=\s))(?:(?:最終)?(?:公開|更新|掲載|配信|投稿|作成|発行|発表)(?:日時?|時刻)?|日付|日時"
    r"|(?:posted|updated|published)(?:\s+on)?)\s*[:：]?(?=\s|$)", re.IGNORECASE)


def without_date_labels(text: str) -> str:
    """What a date line prints beside its date (the date taken out) without the date's own label words."""
    if _DATE_LABEL_WORD.search(text) is None:
        return text
    return re.sub(r"[ \t]{2,}", " ", _DATE_LABEL_WORD.sub(" ", text)).strip()


# A date in brackets closing a line after a name: 'NHK(2025.10.03)' (NFKC-normalised).
_CLOSING_BRACKETED_DATE = re.compile(r"(?<=\S)\s*\((?P<date>[^()]{6,24})\)$")


def date_unbracketed(normal: str) -> str:
    """The line with a date in brackets at its end set off by a space instead ('NHK(2025.10.03)' →
    'NHK 2025.10.03'): the brackets set the date apart from the name, as a space or a bar does."""
    found = _CLOSING_BRACKETED_DATE.search(normal)
    if found is None or line_date(found["date"]) is None or find_date(found["date"]) is None:
        return normal
    return f"{normal[:found.start()]} {found['date']}"


# A date's own label before it: '公開日：', '配信 ', '掲載日時:', 'Posted on'.
DATE_OWN_LABEL = re.compile(r"(?:^|(?<=[\s|｜・/]))(?:(?:公開|更新|掲載|配信|投稿|作成|発行)[^\s:：|｜]{0,3}|日付|日時"
                            r"|(?:posted|updated|published)(?: on)?)\s*[:：]?\s*$", re.IGNORECASE)


def is_date_label(word: str) -> bool:
    """A date's own label alone ('掲載', '配信日', 'Posted on'): it names the field beside it, no publisher."""
    return DATE_OWN_LABEL.fullmatch(word.strip()) is not None


def last_day_of_newest_year(texts: list[str]) -> dt.date | None:
    """The last day of the year of the newest date ``texts`` mention (a card's web address among them), else None:
    the year a page that prints no date of its own stands in, for the dates it prints without their year."""
    found = [date for text in texts if (date := find_date(text)) is not None]
    return dt.date(max(found)[0].year, 12, 31) if found else None


@functools.lru_cache(maxsize=1)
def _newest_year_end(texts: tuple[str, ...]) -> dt.date | None:
    # Read once a page, however many year-less date lines it prints.
    return last_day_of_newest_year(list(texts))


# A month and a day with the weekday and no year, perhaps a time, the date's own label and a short byline after it:
# '7/8(火) 6:30配信', '7月8日（火）', '07.08 Tue 10:00 更新　編集部'. The weekday says it is a date.
_MONTH_DAY_LINE = re.compile(
    r"^(?:(?:公開|更新|掲載|配信|投稿)日?時?\s*[:：]?\s*)?(?P<month>[0-9]{1,2})\s*(?:[/.]|月)\s*(?P<day>[0-9]{1,2})\s*日?\s*"
    r"(?:\((?:[月火水木金土日](?:曜日?)?|(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]{0,6}\.?)\)"
    r"|(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]{0,6}\.?(?![A-Za-z]))"
    r"\s*(?:[0-9]{1,2}:[0-9]{2})?\s*(?:公開|更新|掲載|配信|投稿)?(?P<rest>(?:\s.*)?)$")


def is_month_day_line(text: str) -> bool:
    """A date line printing its month and day with the weekday and no year (``_MONTH_DAY_LINE``), a short name at
    most after it (who wrote it), no sentence."""
    return _month_day_line(text) is not None


def _month_day_line(text: str) -> re.Match[str] | None:
    found = _MONTH_DAY_LINE.match(unicodedata.normalize("NFKC", text).strip())
    if found is None:
        return None
    rest = found["rest"].strip()
    return found if len(rest) <= MAX_BYLINE and _SENTENCE_MARK.search(rest) is None else None


def month_day_line_date(text: str, texts: list[str]) -> dt.date | None:
    """The date of a year-less date line ('7/8(火) 6:30配信') in the year of the newest date ``texts`` mention, as
    a card's year-less date is read (``last_day_of_newest_year``); None when the line is none or nothing says the
    year."""
    found = _month_day_line(text)
    if found is None or (newest := _newest_year_end(tuple(texts))) is None:
        return None
    try:
        return dt.date(newest.year, int(found["month"]), int(found["day"]))
    except ValueError:
        return None



def with_year_written(text: str, texts: list[str]) -> str:
    """A field printing a year-less date and nothing else ('8/22(金)', '配信 8月22日（金）') with the year
    ``month_day_line_date`` reads written in before its month ('2025/8/22(金)', '配信 2025年8月22日（金）'), the
    date as printed kept; any other text as it is."""
    line = text.strip()
    found = _month_day_line(line)
    # Where the month stands in the folded line is where it stands as printed when folding keeps the length.
    if found is None or found["rest"].strip() or len(unicodedata.normalize("NFKC", line)) != len(line):
        return text
    date = month_day_line_date(line, texts)
    if date is None:
        return text
    at = found.start("month")
    return f"{line[:at]}{date.year}{'年' if '月' in line[at:] else '/'}{line[at:]}"
