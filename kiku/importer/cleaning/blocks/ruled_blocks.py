"""Blocks a text dump sets off by their shape rather than their words, as an e-mail newsletter prints them:
the mail's header above the article, an ad framed by rule lines, and the footer under the last rule line.

    件名: 【…通信 vol.142】…          差出人: 編集部 <news@example.jp>     日付: 2025年12月12日(金)
    ━━━━ PR ━━━━  ·  [PR] …  ·  https://…  ·  ━━━━━━━━
    ━━━━━━━━  ·  <the site's name>  ·  配信停止：https://…  ·  Copyright (C) …
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import replace

from kiku.importer.cleaning.blocks.block_headings import is_block_heading
from kiku.importer.cleaning.chrome import is_ad_label, is_ad_line, nfkc
from kiku.importer.cleaning.lines.site_lines import is_mail_notice
from kiku.importer.grammar.lines.dates import line_date
from kiku.importer.page import Line
from kiku.importer.reading.text.hard_wrap import is_page_number

# A header field: a label of a word ('差出人', 'From', '宛先') and a colon, then its value.
_HEADER_FIELD = re.compile(r"^\s*[^\s:：]{1,8}\s*[:：]\s*\S")
_ADDRESS = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
MIN_HEADER_FIELDS = 3
# Opening the page, a sender's address and one more field are the header (a client that prints only 'From' and
# 'Subject'): the article never opens with its own 'label: value' lines.
MIN_OPENING_FIELDS = 2
# The mail's header is the page's first lines: this many at most.
MAX_HEADER_FIELDS = 8


def claim_mail_header(texts: Sequence[str], index: int) -> int:
    """A field of the mail's header near the page's top: a run of three 'label: value' lines or more among its
    first lines (two when the run opens the page), one of them an e-mail address ('差出人: 編集部
    <news@example.jp>'). Its date line is left for the article's date."""
    if index >= MAX_HEADER_FIELDS or not _HEADER_FIELD.match(texts[index]):
        return 0
    start = index
    while start > 0 and _HEADER_FIELD.match(texts[start - 1]):
        start -= 1
    end = index + 1
    while end < min(len(texts), start + MAX_HEADER_FIELDS) and _HEADER_FIELD.match(texts[end]):
        end += 1
    if end - start < (MIN_OPENING_FIELDS if start == 0 else MIN_HEADER_FIELDS) \
            or not any(_ADDRESS.search(text) for text in texts[start:end]):
        return 0
    return int(line_date(texts[index]) is None)


# A rule line: one glyph repeated, or two in turn, perhaps spaced out ('━━━━', '──────', '=====', '◇◇◇◇',
# '─ ─ ─ ─' as a mail client's plain text draws a dashed rule, '◆◇◆◇'): any symbol or mark, no letter or digit.
_RULE_CATEGORIES = frozenset({"So", "Sm", "Sk", "Pd", "Pc", "Po"})
_NOT_RULE_GLYPHS = frozenset("。、，,！？!?")
MIN_RULE = 4
# A label framed by rules: '━━ PR ━━', '=== 広告 ===', '◇◇◇◇　PR　◇◇◇◇', '＝＝ SPONSORED ＝＝'.
MIN_FRAME = 2
MAX_FRAMED_LABEL = 12
# An ad framed so holds a line or two and its link; a footer a few of the site's lines.
MAX_FRAMED_AD = 6
# A framed ad that is a card the site sells: its link line and a title, a summary or its seller's name beside it.
MIN_AD_CARD_LINES = 2
MAX_FOOTER = 10
# A footer is the site's names, links and labels: a sentence or two among them is a note (the next issue's
# topic, 'do not reply'); a sentence for every few lines is the article's closing words beside a copyright.
FOOTER_LINES_A_SENTENCE = 4


def _is_rule_glyph(char: str) -> bool:
    return unicodedata.category(char) in _RULE_CATEGORIES and char not in _NOT_RULE_GLYPHS


# A box's corners closing its bottom or top rule ('┗━━━━┛', '╰────╯').
BOX_CORNERS = "┌┐└┘┏┓┗┛╔╗╚╝╭╮╯╰┍┑┕┙┎┒┖┚╒╕╘╛╓╖╙╜"


def is_rule_line(text: str) -> bool:
    glyphs = "".join(text.split()).strip(BOX_CORNERS)
    if len(glyphs) < MIN_RULE or not all(_is_rule_glyph(char) for char in glyphs):
        return False
    return len(set(glyphs)) == 1 or (len(set(glyphs)) == 2 and glyphs == (glyphs[:2] * len(glyphs))[:len(glyphs)])


def framed_label(text: str) -> str | None:
    """The label a rule frames on both sides ('━━ 広告 ━━' → '広告'), else None: the line is a divider."""
    normal = nfkc(text).strip()
    if not normal or not _is_rule_glyph(normal[0]) or normal[-1] != normal[0]:
        return None
    glyph = normal[0]
    opening, closing = len(normal) - len(normal.lstrip(glyph)), len(normal) - len(normal.rstrip(glyph))
    label = normal[opening:len(normal) - closing].strip()
    if opening < MIN_FRAME or closing < MIN_FRAME or not 0 < len(label) <= MAX_FRAMED_LABEL:
        return None
    return label if any(char.isalnum() for char in label) else None


def claim_framed_ad(texts: Sequence[str], index: int) -> int:
    """An ad label framed by rules ('━━━━ PR ━━━━') and the lines up to the rule line that closes it: the ad's
    text and link, never the article's (the rules set the block apart). A block that is a card the site sells
    (``framed_ad_card``) stays, marked as an ad: only its label line is the rule's."""
    label = framed_label(texts[index])
    if label is None or not is_ad_label(label):
        return _claim_ruled_ad_block(texts, index)
    closing = _closing_rule(texts, index + 1)
    return 1 if closing is None or framed_ad_card(texts, index) else closing - index + 1


def framed_ad_card(texts: Sequence[str], index: int) -> bool:
    """The lines between an ad label framed by rules and the rule closing them are a card: one link line and a
    title, a summary or the seller's name beside it (an ad line and its link alone are a banner)."""
    label = framed_label(texts[index])
    closing = _closing_rule(texts, index + 1) if label is not None and is_ad_label(label) else None
    if closing is None:
        return False
    block = texts[index + 1:closing]
    links = sum(1 for text in block if _WEB.search(text))
    return links == 1 and len(block) - links >= MIN_AD_CARD_LINES


def with_framed_ads_marked(lines: Sequence[Line]) -> list[Line]:
    """The lines, those of a card framed as an ad (``framed_ad_card``) marked as an ad's and its first line as the
    head of a card's box, as a saved page marks its ad boxes: the rules set it apart and its label names it,
    whatever its words."""
    texts = [line.text for line in lines]
    marked = list(lines)
    for index in range(len(lines)):
        if framed_ad_card(texts, index):
            closing = _closing_rule(texts, index + 1) or index
            marked[index + 1:closing] = [replace(line, ad=True, heads_card_box=at == index + 1)
                                         for at, line in enumerate(marked[index + 1:closing], start=index + 1)]
    return marked


def _closing_rule(texts: Sequence[str], start: int) -> int | None:
    return next((at for at in range(start, min(len(texts), start + 1 + MAX_FRAMED_AD)) if is_rule_line(texts[at])),
                None)


def _claim_ruled_ad_block(texts: Sequence[str], index: int) -> int:
    """A rule line over a block whose first line opens with an ad's label ('＼PR／…', '【PR】…', '[広告] …'), up to
    the rule line closing it: the ad's text and link set apart by rules, as a plain-text mail prints its ad."""
    if not is_rule_line(texts[index]) or index + 1 >= len(texts) or not is_ad_line(texts[index + 1]):
        return 0
    closing = next((at for at in range(index + 2, min(len(texts), index + 2 + MAX_FRAMED_AD))
                    if is_rule_line(texts[at])), None)
    return 0 if closing is None else closing - index + 1


_COPYRIGHT = re.compile(r"(?i)^(?:©|Ⓒ|\(c\)|copyright\b)|all rights reserved")
_WEB = re.compile(r"https?://|www\.")


def holds_web_address(text: str) -> bool:
    """Whether ``text`` carries a link's address ('https://…', 'www.…')."""
    return _WEB.search(text) is not None
_SENTENCE = re.compile(r"[。．]\s*$")


def claim_ruled_footer(texts: Sequence[str], index: int) -> int:
    """The site's foot set off by a rule line: a few lines up to the next rule line or the page's end, among them
    the site's own mark (its copyright line, or a mail's note on its own delivery) and a link or an address of the
    site's ('配信停止：https://…'; none needed beside a mail's note when the block ends the page), a sentence at most
    for every few lines: the site's name, its links and notes, not the article's closing words."""
    if not is_rule_line(texts[index]):
        return 0
    rule = next((at for at in range(index + 1, len(texts)) if is_rule_line(texts[at])), len(texts))
    # A block of the site's own heading under the foot ('この記事を書いた人' · …) is judged by its rule.
    end = next((at for at in range(index + 2, rule) if is_block_heading(texts[at])), rule)
    block = texts[index + 1:end]
    if not 0 < len(block) <= MAX_FOOTER:
        return 0
    normal = [nfkc(text).strip() for text in block]
    # The site's notices ruled off right above its foot ('◇次号予告：…', '◇セミナーのご案内：…', its URL) are the
    # foot's too: labelled lines and web addresses only, one address at least.
    if end < len(texts) and _are_notices(normal) and (below := claim_ruled_footer(texts, end)):
        return end - index + below
    notice = any(is_mail_notice(text) for text in normal)
    # A mail's note on its own delivery in the block ending the page needs no address beside it: a saved mail's
    # links ('配信停止はこちら') lose their addresses.
    addressed = (notice and end == len(texts)) or any(_WEB.search(text) or _ADDRESS.search(text) for text in normal)
    footer = ((notice or any(_COPYRIGHT.search(text) for text in normal)) and addressed
              and sum(1 for text in normal if _SENTENCE.search(text)) <= max(1, len(normal) // FOOTER_LINES_A_SENTENCE))
    # The closing rule is the foot's, unless it opens a ruled ad of its own ('＝＝＝' · '＼PR／…' · URL · '＝＝＝').
    closing = end + 1 if end == rule < len(texts) and not _claim_ruled_ad_block(texts, end) else end
    return min(closing, len(texts)) - index if footer else 0


# A notice of the site's: a glyph perhaps, a short label and a colon, then its text ('◇次号予告：…').
_NOTICE = re.compile(r"^[^\w\s]{0,2}\s*[^\s:：。、「」]{1,10}[:：]\s*\S")
_URL_ALONE = re.compile(r"^(?:[^\w\s]{1,2}\s*)?(?:https?://|www\.)\S+$")


def _are_notices(normal: list[str]) -> bool:
    return (any(_URL_ALONE.match(text) for text in normal)
            and all(_NOTICE.match(text) or _URL_ALONE.match(text) for text in normal))


# A running header or footer is a short line: a publication's name, its issue, a chapter's title.
MAX_RUNNING_LINE = 40


def claim_running_header(texts: Sequence[str], index: int) -> int:
    """A short line printed again at every page break (the page's number right above or under each copy, or the
    page's first line): the running header or footer a PDF export repeats on each page, never the article's."""
    text = texts[index].strip()
    if not text or len(text) > MAX_RUNNING_LINE or is_page_number(text) or text.endswith(("。", "．")):
        return 0
    return int(_running_lines(texts).get(text, False))


# The page's running lines, judged once per page: a scan of the page per line was quadratic in its size.
# The debris pass asks for every line of one unchanged list, so the last list asked about is remembered.
_last_judged: list[tuple[Sequence[str], int, dict[str, bool]]] = []


def _running_lines(texts: Sequence[str]) -> dict[str, bool]:
    """Each stripped line of ``texts`` -> whether its copies make it a running header or footer."""
    if _last_judged and _last_judged[0][0] is texts and _last_judged[0][1] == len(texts):
        return _last_judged[0][2]
    copies: dict[str, list[int]] = {}
    for at, other in enumerate(texts):
        copies.setdefault(other.strip(), []).append(at)
    # The copy heading the first page stands at the page's top, no number above it.
    judged = {text: len(ats) >= MIN_RUNNING_COPIES and all(at == 0 or any(
        0 <= near < len(texts) and is_page_number(texts[near]) for near in (at - 1, at + 1)) for at in ats)
        for text, ats in copies.items()}
    _last_judged[:] = [(texts, len(texts), judged)]
    return judged


MIN_RUNNING_COPIES = 2
