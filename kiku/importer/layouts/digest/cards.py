"""Source cards: the quoted article inside a digest section.

A card is anchored on its "さらに読む ⇒…出典/画像元: URL" line, which carries the
publisher and the URL; above it are the ✅ summary bullets, and above those, in some
layouts, the card title (often printed twice) and a ``公開日`` line.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from kiku.importer.cleaning.chrome import is_ad_label
from kiku.importer.grammar.cards.name_labels import label_before_name, sponsored_name
from kiku.importer.layouts.labels import (
    GLUED_CAPITALS,
    PREDICATE_END,
    PUBLISHED,
    QUESTION_END,
    READ_MORE,
    REMARK_END,
    SENTENCE_END,
    SUMMARY_BULLET,
    URL,
    parse_published,
    same_text,
)
from kiku.importer.page import Line
from kiku.importer.report import ImportReport


@dataclass(frozen=True, slots=True)
class CardLines:
    """A card found in a section's lines: ``start``..``end`` (inclusive) are the card's own lines."""

    start: int
    end: int
    url: str | None
    title: str | None
    publisher: str | None
    published: dt.date | None
    summary: tuple[str, ...]
    # Commentary glued to the URL on the same line ("…/15630313停戦交渉の難しさ…").
    glued_text: str | None


def find_card(lines: list[Line], report: ImportReport, field: str) -> CardLines | None:
    """The first card in ``lines`` (a section without its heading, question and answer)."""
    link_index = next((i for i, line in enumerate(lines) if READ_MORE.match(line.text)), None)
    if link_index is None:
        if any(SUMMARY_BULLET.match(line.text) for line in lines):
            report.warn(f"{field}: ✅ summary lines without a 'さらに読む … 出典/画像元:' link; kept as body text")
        return None
    match = READ_MORE.match(lines[link_index].text)
    assert match is not None
    url, glued_text = split_glued_url(match["rest"])
    publisher = publisher_name(match["publisher"])
    if url is None:
        report.warn(f"{field}.source: no http(s) URL in {lines[link_index].text!r}; the link was dropped")
    report.consume(lines[link_index], "read-more-link", f"{field}.source.publisher, {field}.source.url")

    first_bullet = link_index
    while first_bullet > 0 and SUMMARY_BULLET.match(lines[first_bullet - 1].text):
        first_bullet -= 1
    summary = tuple(_bullet(line) for line in lines[first_bullet:link_index])
    start, title, published = _title_and_date(lines, first_bullet, report, field)
    return CardLines(start, link_index, url, title, publisher, published, summary, glued_text or None)


def _bullet(line: Line) -> str:
    match = SUMMARY_BULLET.match(line.text)
    assert match is not None
    return match["text"].strip()


# What may stand above the ✅ bullets, top to bottom: D a 公開日 line, T the card title.
# Longest first; two T's must be the same text (the title printed twice). A title printed
# once with no date must read as a bare headline (no sentence ending, no predicate, no
# remark ending), so a remark above an untitled card stays a remark.
CARD_HEADS: tuple[str, ...] = ("TDT", "DTT", "TTD", "TT", "DT", "TD", "D", "T")


def _title_and_date(lines: list[Line], first_bullet: int, report: ImportReport,
                    field: str) -> tuple[int, str | None, dt.date | None]:
    """Read the card's head above its bullets; returns (first card line, title, date)."""
    for shape in CARD_HEADS:
        start = first_bullet - len(shape)
        if start < 0:
            continue
        head = lines[start:first_bullet]
        if not all(_is_date(line) if kind == "D" else _looks_like_headline(line.text)
                   for kind, line in zip(shape, head, strict=True)):
            continue
        if shape == "T" and not _is_bare_headline(head[0].text):
            continue
        titles = [line for kind, line in zip(shape, head, strict=True) if kind == "T"]
        if len(titles) == 2 and not same_text(titles[0].text, titles[1].text):
            continue
        published = None
        for kind, line in zip(shape, head, strict=True):
            if kind == "D":
                published = parse_published(line.text)
                report.consume(line, "published-date", f"{field}.source.published")
        for repeat in titles[1:]:
            report.consume(repeat, "repeated-card-title")
        return start, titles[0].text if titles else None, published
    return first_bullet, None, None


def _is_date(line: Line) -> bool:
    return PUBLISHED.match(line.text) is not None


def _looks_like_headline(text: str) -> bool:
    return (len(text) >= 8 and not SENTENCE_END.search(text) and not re.search(r"ね[!！]?$", text)
            and not SUMMARY_BULLET.match(text) and not PUBLISHED.match(text))


def _is_bare_headline(text: str) -> bool:
    """A headline that cannot be a remark which lost its 。: no predicate or remark ending."""
    return not PREDICATE_END.search(text) and not REMARK_END.search(text) and not QUESTION_END.search(text)


def split_glued_url(rest: str) -> tuple[str | None, str]:
    """Split ``URL + commentary glued to it`` without losing a character of either."""
    split = split_url_and_remark(rest)
    return split.url, split.remark


@dataclass(frozen=True, slots=True)
class UrlAndRemark:
    url: str | None
    remark: str
    # Set when the split is a guess: the digits moved from the URL's end to the remark's start
    # ('…/10582133時間待ち…' → '…/1058213' + '3時間待ち…'); the editor must check them.
    guessed_digits: str | None = None


def split_url_and_remark(rest: str) -> UrlAndRemark:
    """Split ``URL + commentary glued to it`` without losing a character of either, saying when
    where the URL ends is a guess."""
    rest = rest.strip()
    match = URL.match(rest)
    if match is None:
        return UrlAndRemark(None, rest)
    url, tail = match.group(), rest[match.end():]
    opened = _unclosed_bracket(url)
    if opened is not None:
        # '…/k1001.html(NHK、2025年1月15日)': a URL's own brackets close within it ('…/Foo_(bar)'); one
        # that does not opens the name and date printed after the URL.
        url, tail = url[:opened], url[opened:] + tail
    extension = _PAGE_EXTENSION.search(url)
    if extension:
        # '….html8割という…': a page's path ends at its file extension; what is glued after it
        # (a number, a word in capitals) is the remark's.
        url, tail = url[:extension.end()], url[extension.end():] + tail
    guessed = None
    # An opening bracket after the URL starts a name or a note ('…/88（やまびこ日報）'), not a sentence
    # that lost its opening number to the URL; nor does a space (an ideographic one is no ASCII either).
    if tail and not tail[0].isascii() and tail[0] not in _OPENING_BRACKETS and not tail[0].isspace():
        capitals = GLUED_CAPITALS.search(url) or _GLUED_WORD.search(url)
        if capitals:
            url, tail = url[:capitals.start()], url[capitals.start():] + tail
        elif (short := _SHORT_LAST_SEGMENT.search(url)) and not short.group().startswith("0"):
            # "…/1322874/2週間ごとに…", "…/A3000000/28万円という", "…/120125/33という": a last
            # path segment of one or two digits glued to Japanese text is the number the
            # sentence opens with; the URL ended at its slash. Only a counter after the number
            # makes that sure; otherwise the editor is told the URL may have had that page.
            url, tail = url[:short.start()], short.group() + tail
            if not _COUNTER.match(tail, len(short.group())):
                guessed = short.group()
        elif (year := _YEAR_AFTER_SLASH.search(url)) and tail.startswith("年"):
            # "…/20250521-OYT1T50102/2027年度の打ち上げ": a year before 年 is a whole number; the
            # URL ended at its slash.
            url, tail = url[:year.start()], year.group() + tail
        elif url[-1].isdigit() and url[-2:-1].isalnum() and _PARTICLE.match(tail):
            # "…/article/421930930を超える": no sentence opens with a particle, so the number is the
            # sentence's; when the URL's digits end by repeating themselves, the repeat is the number
            # ('421930' + '930'), else a last segment of a few digits, else the shortest number that
            # can open it. Each a guess to check.
            segment = _DIGIT_SEGMENT.search(url)
            number = _repeated_ending(url) or (segment.group() if segment else None) or _opening_number(url)
            if number:
                url, tail, guessed = url[:-len(number)], number + tail, number
        elif url[-1].isdigit() and url[-2:-1].isalnum() and _COUNTER.match(tail):
            # "…?k=20250625005128月が…", "…/141234510倍という…": a sentence that opens with a
            # count ("8月", "10倍", "1日で") lost its number to the URL. A number does not start
            # with 0, so the shortest run of the URL's last digits that does not goes back, and
            # the editor is told: the URL may have ended in those digits after all.
            number = _opening_number(url)
            if number:
                url, tail, guessed = url[:-len(number)], number + tail, number
    return UrlAndRemark(url, _ACCESSIBILITY_NOTE.sub("", tail.strip(), count=1).strip(), guessed)


_OPENING_BRACKETS = "（【［〔「『"
# What a link's hidden text or icon says after it, read out by a scrape with the link's text: a note that the
# link opens elsewhere ('（新しいウィンドウで開く）', '外部サイト'), never the remark's words. Data, as chrome is.
_ACCESSIBILITY_NOTE = re.compile(
    r"^[（(]?\s*(?:新しい(?:ウィンドウ|タブ)で開(?:く|きます)|別(?:ウィンドウ|タブ)で開(?:く|きます)"
    r"|新規(?:ウィンドウ|タブ)で開(?:く|きます)|外部サイト(?:へ移動します|に移動します)?|外部リンク"
    r"|opens? in (?:a )?new (?:window|tab)|external link)\s*[）)]?", re.IGNORECASE)


def _opening_number(url: str) -> str | None:
    """The shortest run of the URL's last digits that can open a sentence (no leading 0), keeping
    at least one character of the URL's last path segment; None when there is none. A segment of
    letters then digits ('g=spo873') gives back its whole digit run when that can be a number:
    the change from letters to digits is where a code ends."""
    segment_start = max(url.rfind("/"), url.rfind("="), url.rfind("?"), url.rfind("&")) + 1
    coded = _CODE_THEN_DIGITS.search(url, segment_start)
    if coded and coded.group("digits")[0] != "0":
        return coded.group("digits")
    for size in range(1, min(_MAX_OPENING_DIGITS, len(url) - segment_start - 1) + 1):
        number = url[-size:]
        if not number.isdigit():
            return None
        if number[0] != "0":
            return number
    return None


# A page's file extension with something glued after it ('….html8', '….phpAI').
def _unclosed_bracket(url: str) -> int | None:
    """Where the first '(' that no ')' closes within ``url`` stands, else None."""
    depth_at: list[int] = []
    for index, char in enumerate(url):
        if char == "(":
            depth_at.append(index)
        elif char == ")" and depth_at:
            depth_at.pop()
    return depth_at[0] if depth_at else None


_PAGE_EXTENSION = re.compile(r"\.(?>shtml|html|htm|php|aspx|asp|jsp|cgi|pdf)(?=[A-Za-z0-9][^/?#]*$)", re.IGNORECASE)
# Counters that need a number before them, at the start of a glued remark ("8割", "3時間", "1日で",
# "2人", "5年", "9月", "300円", "40%"), not the words they also begin ('日本', '人気', '年金',
# '月曜', '円安', '割と', '時間帯' is still a count of hours).
_COUNTER = re.compile(
    r"(?:割(?![とにりも安高引])|時間|週間?|日(?![本中常曜米銀経])|年(?![金齢代収末始度内])|月(?![曜額刊])"
    r"|か月|カ月|ヶ月|円(?![安高相滑])|[%％]|倍|歳|人(?![気手口材間生工権物類々形])|件|回(?![答復収線転])|万|億)"
)
_SHORT_LAST_SEGMENT = re.compile(r"(?<=/)\d{1,2}$")
# A year as the URL's last segment, when 年 follows it: '…/2027' + '年度の打ち上げ'.
_YEAR_AFTER_SLASH = re.compile(r"(?<=/)(?:19|20)\d{2}$")
# A particle no sentence opens with: the digits before it are the sentence's number ('930を超える').
_PARTICLE = re.compile(r"[をがはにもとでのやへ]")
# A last path segment of a few digits that can be a number: '…/2027' before 'は特別な年'.
_DIGIT_SEGMENT = re.compile(r"(?<=/)[1-9]\d{0,3}$")
# A segment that is a code of letters followed by digits: 'spo873' (the digits at most 4).
_CODE_THEN_DIGITS = re.compile(r"(?<![A-Za-z0-9])[A-Za-z]{2,}(?P<digits>\d{1,4})$")


def _repeated_ending(url: str) -> str | None:
    """The URL's last 2 to 4 digits when the digits before them repeat them ('421930930' → '930')."""
    for size in (4, 3, 2):
        ending, before = url[-size:], url[-2 * size:-size]
        if ending.isdigit() and ending == before and ending[0] != "0" and url[-2 * size - 1:-2 * size].isalnum():
            return ending
    return None
# A number opening a sentence glued to a URL has at most this many digits ('10月', '300円').
_MAX_OPENING_DIGITS = 4
# A word glued after a URL's last slash: "…/20250224-OYT1T50031/AfDの伸びは" ("AfD", "EU", "NATO").
_GLUED_WORD = re.compile(r"(?<=/)[A-Z][A-Za-z]{1,7}$")


# A colon or a spaced dash sets a tagline off the name; a vertical bar does not: the card prints
# the site's name as the site titles itself ('神戸新聞NEXT｜兵庫の地元ニュース'), kept whole.
_BRACKETED_NAME = re.compile(r"[（(](?P<name>[^（）()]+)[）)]")
_TAGLINE_SEPARATOR = re.compile(r"\s*[:：]\s*|\s+[-–—]\s+")
_EMPTY_BRACKETS = re.compile(r"\s*(?:[（(]\s*[)）]|[\[［【]\s*[\]］】])")
# Between a name and its date, or before a quotation's source ('― 北陸タイムス').
_SEPARATORS = " \u3000/／|｜・·•･:：-–—―"
_TRAILING_BRACKETED = re.compile(
    r"(?P<name>.+?)\s*[（(\[［【〔]\s*(?P<field>[^（()）\[\]［］【】〔〕]{1,12}?)\s*[）)\]］】〕]")
_TRAILING_FIELD = re.compile(r"(?P<name>.+?)\s*[/／|｜]\s*(?P<field>[^/／|｜]{1,12})")
_RELATIVE_AGE = re.compile(r"[\s\u3000]*(?:[0-9０-９]{1,3}\s*(?:秒|分|時間|日|週間|か月|ヶ月|カ月)前|一?昨日)$")


def publisher_name(raw: str) -> str | None:
    """The publisher's name without the site's tagline.

    'ロイター 経済、株価、ビジネス、国際、政治ニュース' → 'ロイター';
    '朝日新聞+:世界のいまを伝えるウェブメディア' → '朝日新聞+'; 'The New York Times' is kept whole.
    """
    # A separator or brackets left after the date was taken out ('毎日新聞／2025年3月30日',
    # '日本経済新聞（2025/03/14）'), or left before the name after the link's words were
    # ('続きを読む｜時事ドットコム'), and an age printed in place of a date ('NHKニュース　2日前'),
    # are not the name.
    name = _EMPTY_BRACKETS.sub("", _RELATIVE_AGE.sub("", raw.strip())).strip(_SEPARATORS)
    # A sponsor label in a field of its own after the name, where the date would stand ('○○事務局 / 広告').
    if (labelled := _TRAILING_FIELD.fullmatch(name)) is not None and is_ad_label(labelled["field"]):
        name = labelled["name"].strip(_SEPARATORS)
    # Or in brackets after it ('○○ショップ（スポンサー）', '○○ [PR]').
    elif (bracketed := _TRAILING_BRACKETED.fullmatch(name)) is not None and is_ad_label(bracketed["field"]):
        name = bracketed["name"].strip(_SEPARATORS)
    parts = _TAGLINE_SEPARATOR.split(name, maxsplit=1)
    # A separator inside brackets is part of the name: 'Yahoo!ニュース（出典：時事通信）'; after a sponsor
    # label it sets the label off the advertiser's name ('PR：…'), which is kept as printed.
    if len(parts) == 2 and parts[0] and parts[0].count("（") + parts[0].count("(") <= (
            parts[0].count("）") + parts[0].count(")")) and sponsored_name(name) is None:
        name = parts[1] if label_before_name(parts[0], parts[1]) else parts[0]
    head, space, tail = name.partition(" ")
    if space and head and re.search(r"[、，,]", tail):
        name = head
    # Brackets around the whole name set it off the link text ('元記事を読む（日本経済新聞）»'): not its name.
    if (whole := _BRACKETED_NAME.fullmatch(name)) is not None:
        name = whole["name"].strip()
    return name or None
