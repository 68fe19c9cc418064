"""The name of a card's source printed apart from the link line's opening: after its URL
('https://…　東京新聞デジタル'), or on a line of its own behind a source label ('出典：NHK（2025年4月10日）').

The link line's reader (``card_link``) shares this module's arrows, source label and name limits.
"""

from __future__ import annotations

import datetime as dt
import re

from kiku.importer.grammar.cards.fields.segments import headline_and_name
from kiku.importer.grammar.cards.name_labels import MAX_NAME, SOURCE_LABEL_SHAPE
from kiku.importer.grammar.lines.dates import find_date, line_date
from kiku.importer.layouts.digest.cards import publisher_name

# No two quantifiers share a run of spaces: a line of thousands of spaces fails in linear time.
# Arrows that point on to the article: the arrows' rightward ones and every dingbat arrow (U+2794-27BF:
# ➔ ➜ ➡ ➤ ➨ …), triangles, guillemets, '>'. One may stand between a source label and the name ('出典 → NHK').
ARROW = r"(?:[⇒→⇨⇛⇢⇾⟶⟹⮕\u2794-\u27bf▶►▷▸▹»›≫》＞>]{1,2}|=>|->)"
URL_START = re.compile(r"https?://")
LEADING_SOURCE_LABEL = re.compile(
    rf"^(?:出典元|出典|画像元|引用元|引用|ソース|[Ss]ource|{SOURCE_LABEL_SHAPE}(?=\s*+[:：]))(?:\s*+[/／・]\s*+(?:出典|画像元|引用元))?"
    rf"(?:\s*+(?:[:：]|{ARROW})|(?=\s))\s*+"
)
MAX_PUBLISHER = 40
SENTENCE_MARKS = re.compile(r"[。、！？!?]")


def unwrapped(text: str) -> str:
    """'（朝日新聞）' → '朝日新聞'; 'ヨミドクター（読売新聞）' stays whole."""
    if len(text) >= 2 and text[0] in "（([【「" and text[-1] in "）)]】」":
        return text[1:-1].strip()
    return text


# A name printed after a link's URL, glued to it or after a space: no sentence, no date, no bracket or quote,
# and no word ending in kana as a phrase or a verb does ('…の難しさ', '…が続く'): a publisher's name ends in
# a noun ('東京新聞デジタル', 'NHK金沢放送局', '中日新聞Web').
_PHRASE_END = re.compile(r"[\u3041-\u3096]$")
_NOT_IN_NAME = re.compile(r"[。、！？!?「」『』（）()【】\[\]]")


def name_after_url(glued: str) -> str | None:
    """The publisher's name that is all a link line prints after its URL, else None."""
    name = glued.strip()
    if not 2 <= len(name) <= MAX_NAME or _NOT_IN_NAME.search(name) or _PHRASE_END.search(name) \
            or find_date(name) is not None or URL_START.search(name):
        return None
    return name


# A name printed on its own line after the link, behind a source label: '出典/画像元：NHKニュース'
# (a <figcaption> holding a <cite> under a saved page's card, or a text dump of it), perhaps followed by
# its date in brackets: 'NHK（2025年4月10日）', 'NHK (2025/4/10)'.
_NAME_AND_BRACKETED_DATE = re.compile(r"^(?P<name>.+?)\s*+[（(](?P<date>[^（）()]+)[）)]$")


def publisher_line(text: str) -> str | None:
    """The publisher a line names behind a source label (no URL, no sentence), else None."""
    named = dated_publisher_line(text)
    return named[0] if named is not None else None


def dated_publisher_line(text: str) -> tuple[str, dt.date | None] | None:
    """The publisher a line names behind a source label (no URL, no sentence) and the date printed in
    brackets after the name ('出典：NHK（2025年4月10日）'), else None."""
    label = LEADING_SOURCE_LABEL.match(text.strip())
    if label is None:
        return None
    name = text.strip()[label.end():].strip()
    if not name or len(name) > MAX_PUBLISHER or URL_START.search(name) or SENTENCE_MARKS.search(name):
        return None
    date = None
    if (dated := _NAME_AND_BRACKETED_DATE.match(name)) is not None \
            and (date := line_date(dated["date"])) is not None:
        name = dated["name"]
    named = publisher_name(unwrapped(name))
    return (named, date) if named is not None else None


# A publisher's name and the article's title in quotes after it: 'ロイター「日本製鉄、買収を完了」',
# '環境省『トキの野生復帰について』'. The name is short and no sentence; the title closes the text, perhaps quoting
# someone itself ('読売新聞「開始は「飛散前の秋」が目安」').
_NAME_QUOTED_TITLE = re.compile(
    rf"^(?P<name>[^「『\s][^「『]{{0,{MAX_NAME - 1}}}?)\s*+"
    r"[「『](?P<title>(?:[^「『」』]|「[^「『」』]*」){2,})[」』]$")


def name_and_quoted_title(text: str) -> tuple[str, str] | None:
    """(publisher, title) of a citation 'name「title」', else None."""
    match = _NAME_QUOTED_TITLE.match(text.strip())
    if match is None or SENTENCE_MARKS.search(match["name"]):
        return None
    return match["name"].strip(), match["title"].strip()


# A quotation's credit led by a dash, the quoted work's title, then its source after the last comma
# ('— 令和6年産…について、農林水産省', '— Night-time heat…、Journal of …'): the name is no sentence.
_CREDITED_TITLE = re.compile(r"^[―—─–]{1,2}[ \u3000]*(?P<title>.{8,})、[ \u3000]*(?P<name>[^、。！？!?「」]{2,40})$")


def credited_title(text: str) -> tuple[str, str] | None:
    """(publisher, title) of a dash-led credit '— title、name' or '— title／name', else None."""
    dash = _CREDIT_DASH.match(text.strip())
    # The slash first: a headline holds commas ('— 金利上昇、返済額を試算／日本経済新聞').
    if dash is not None and (slashed := headline_and_name(text.strip()[dash.end():])) is not None:
        return slashed[1], slashed[0]
    match = _CREDITED_TITLE.match(text.strip())
    return None if match is None else (match["name"].strip(), match["title"].strip())


_CREDIT_DASH = re.compile(r"^[―—─–]{1,2}[ \u3000]*")
