"""Link targets that a saved page shows only as ``href``, written where a text dump prints them.

A card's link is often ``<a href="URL">さらに読む ⇒</a>`` with the URL nowhere in the
visible text; a reference's URL is often the ``href`` of its title. The rules below are
data: a line shape, and how the line's first http(s) target is written into it so the
text layout rules read it as they read a text dump. Only http(s) targets are ever used.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from kiku.importer.grammar.cards.card_link import LINK_OPENING, read_card_link
from kiku.importer.grammar.cards.link_names import REFERENCE_LABEL
from kiku.importer.layouts.labels import FOOTNOTE_BACK_MARK, URL


@dataclass(frozen=True, slots=True)
class Anchor:
    """A link on the line: its target and its visible text."""

    href: str
    text: str


# A footnote as a mirror prints it: numbered or not, led by its back-link mark ('1. ^ …', '2. ↑ …',
# '↑ …', '(4) ⤴ …'), or by its number in brackets ('[3] …').
_REFERENCE = re.compile(
    rf"^(?:(?:\d{{1,4}}[.．]\s*|[(（]\d{{1,4}}[)）]\s*)?{FOOTNOTE_BACK_MARK}|[\[［]\d{{1,4}}[\]］])\s*\S")
# A card's source line naming its publisher after a label, the publisher the link ('出典：<a>…</a>');
# not a sentence, not an encyclopedia's source line ('出典: フリー百科事典『ウィキペディア』').
_SOURCE_LABEL = re.compile(r"^(?:出典元|出典|画像元|引用元|ソース|[Ss]ource)\s*[:：]\s*[^『』。、]{1,40}$")
_HTTP = re.compile(r"^https?://[^\s<>\"']+$", re.IGNORECASE)
# A card printed as one line of text, its title the link: '参考：<a>title</a>（北海道新聞）'.
_LABELLED_TITLE = re.compile(rf"^{REFERENCE_LABEL.pattern}\s*[:：]\s*[^。]{{5,}}[（(][^（()）。]{{1,20}}[)）]$")


@dataclass(frozen=True, slots=True)
class LinkRule:
    name: str
    description: str
    shape: re.Pattern[str]
    write: Callable[[str, str], str]


def _appended(text: str, url: str) -> str:
    return f"{text} {url}"


LINK_RULES: tuple[LinkRule, ...] = (
    LinkRule("card-link-href", "a card's link ('さらに読む ⇒ ロイター', '続きを読む ⇒ 総務省消防庁', "
             "'≫元記事を読む（朝日新聞）'): its URL goes at the end of the line as printed", LINK_OPENING, _appended),
    LinkRule("source-label-href", "a card's source line '出典：<publisher>' whose publisher is the link: its URL "
             "goes at the end, as '出典：NHKニュース https://…' prints it", _SOURCE_LABEL, _appended),
    LinkRule("titled-card-href", "a card printed as a line of text, '参考：<title>（<publisher>）', its title the "
             "link: its URL goes at the end, as '参考：title（北海道新聞） https://…' prints it",
             _LABELLED_TITLE, _appended),
    LinkRule("reference-href", "a reference ('1. ^ …', '↑ …', '[3] …'): its first web link's URL goes at the end",
             _REFERENCE, _appended),
)


# Link text that only labels a link, whatever it leads to: a read-more phrase, a bare word
# ('元記事', '記事全文', '続き'), an arrow ('>>', '»'), or a phrase with its arrow ('続きを読む »').
_ARROWS = "⇒→➡➜➤▶►▷»›≫》＞>⇨=-"
_LABEL_WORDS = re.compile(r"(?:元記事|記事|全文|続き|本文|詳細|原文|ソース|出典){1,2}(?:ページ|へ)?")
# A card's meta text before its link label: a publisher and a date, not a sentence.
MAX_CARD_META = 60
SENTENCE_END = re.compile(r"[。！？!?]")


def is_link_label(text: str) -> bool:
    """Visible link text that names no target: '続きを読む »', '元記事', '>>', '記事を読む →'."""
    core = text.strip().strip(_ARROWS + " \u3000")
    if not core:
        return bool(text.strip())
    return _LABEL_WORDS.fullmatch(core) is not None or LINK_OPENING.fullmatch(core) is not None


def is_card_meta(text: str) -> bool:
    """A card's meta line: a publisher and a date, short and not a sentence."""
    return len(text) <= MAX_CARD_META and SENTENCE_END.search(text) is None


# A quotation's credit led by a dash may name the quoted work's title before its source and date
# ('— title、publisher（date）'): longer than a meta line, still no sentence.
_CREDIT = re.compile(r"^[―—─–]{1,2}[ \u3000]*\S")
MAX_CREDIT = 160


def _is_credit(text: str) -> bool:
    return _CREDIT.match(text) is not None and len(text) <= MAX_CREDIT and SENTENCE_END.search(text) is None


def is_bare_link(text: str, anchors: Sequence[Anchor]) -> bool:
    """The line is nothing but a web link's label ('元記事', '>>')."""
    return any(anchor.text == text and _HTTP.match(anchor.href) and is_link_label(text) for anchor in anchors)


def _label_last(text: str, anchor: Anchor, url: str) -> str | None:
    """A card's link line printed 'publisher date label' (the label a link to the card's page):
    written as a text dump prints it, 'label → publisher date URL'."""
    label = anchor.text
    if not label or not text.endswith(label):
        return None
    meta = text[:-len(label)].strip()
    if not is_card_meta(meta) and not _is_credit(meta):
        return None
    opening = label if LINK_OPENING.match(label) else f"{label} →"
    return " ".join(part for part in (opening, meta, url) if part)


# A link naming the site it leads to before its read-more phrase: 'オリコンニュースで続きを読む'.
_NAMED_LABEL = re.compile(r"^(?P<name>[^\s。、！？!?「」]{2,20}?)で(?P<label>\S.{1,20})$")


def _publisher_then_label(text: str, anchors: Sequence[Anchor]) -> str | None:
    """A line that is one link, its text the publisher and a read-more phrase ('…で続きを読む'): written
    as a text dump prints it, the URL after it ('オリコンニュースで続きを読む https://…')."""
    line = text.strip()
    anchor = next((anchor for anchor in anchors if anchor.text.strip() == line and _HTTP.match(anchor.href)), None)
    match = _NAMED_LABEL.match(line) if anchor is not None else None
    # The phrase names what is read ('続きを', '全文を'): a bare verb ('…データで見る') ends a title.
    if anchor is None or match is None or not is_link_label(match["label"]) \
            or _LABEL_WORDS.search(match["label"]) is None:
        return None
    return f"{line} {anchor.href}"


def with_link_targets(text: str, hrefs: list[str], anchors: Sequence[Anchor] = (),
                      rules: tuple[LinkRule, ...] = LINK_RULES) -> str:
    """``text`` with its first http(s) link target written in, when a rule's line shows no URL."""
    if not hrefs or URL.search(text):
        return text
    labels = [anchor for anchor in anchors if _HTTP.match(anchor.href) and is_link_label(anchor.text)]
    if labels and (written := _label_last(text, labels[-1], labels[-1].href)) is not None:
        return written
    if (named := _publisher_then_label(text, anchors)) is not None:
        return named
    url = next((href for href in hrefs if _HTTP.match(href)), None)
    if url is None:
        return text
    rule = next((rule for rule in rules if rule.shape.match(text)), None)
    return rule.write(text, url) if rule else text


def cited_publisher_first(text: str, cites: Sequence[str]) -> str:
    """A card's link line whose publisher is a ``<cite>`` printed after the URL ('記事を読む ≫ URL
    <cite>日本経済新聞</cite>'), written as a text dump prints it: the publisher before the URL."""
    cite = next((cite for cite in reversed(cites) if cite and text.endswith(" " + cite)), None)
    if cite is None:
        return text
    before = text[:-len(cite)].rstrip()
    url = URL.search(before)
    if url is None or url.end() != len(before) or read_card_link(text) is None:
        return text
    return f"{before[:url.start()].rstrip()} {cite} {url.group()}".strip()
