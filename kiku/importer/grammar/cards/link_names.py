"""The publisher a card's link line prints around its URL, read apart from the link's own words: a name
after a label word ('via 毎日新聞 https://…'), a name and a date after the URL ('https://… 沖縄タイムス(2025年8月3日)'),
a name beside the link's label or arrow ('記事全文 ＞ 京都新聞'). ``card_link`` reads the line with these.
"""

from __future__ import annotations

import re

from kiku.importer.grammar.cards.name_labels import MAX_NAME, SOURCE_LABEL_SHAPE, SOURCE_LABEL_WORDS
from kiku.importer.grammar.cards.source_names import (
    ARROW,
    MAX_PUBLISHER,
    SENTENCE_MARKS,
    name_after_url,
    name_and_quoted_title,
)
from kiku.importer.grammar.lines.dates import find_date, line_date, without_date_labels
from kiku.importer.layouts.digest.cards import split_url_and_remark

# The short label of a link, made of these words: '記事全文', '元記事', '全文', '続き', '記事ページ'.
LINK_LABEL = r"(?:元記事|記事|全文|続き|本文|詳細|原文){1,2}(?:ページ)?"

_EMPTY_BRACKETS = re.compile(r"[（(]\s*[）)]")


def undated(name: str) -> str:
    """A name without the date printed beside it, the date's own label ('2025-08-01 掲載') and the comma, space or
    brackets around the date ('NHK、2025年1月15日', '沖縄タイムス(2025年8月3日)')."""
    if (dated := find_date(name)) is None:
        return name
    rest = without_date_labels(_EMPTY_BRACKETS.sub("", dated[1])).strip(" 　、,，・")
    return rest if any(char.isalnum() for char in rest) else ""  # a dash or a mark alone names no one


# A source label in brackets of its own, at either end of the publisher's name: '（出典）', '【引用元】', '[Source]'.
# ('（元記事）' names the link, not its source: a publisher may keep it.)
_SOURCE_WORDS = "|".join([*(word for word in SOURCE_LABEL_WORDS if word != "元記事"), SOURCE_LABEL_SHAPE])
BRACKETED_SOURCE_LABEL = re.compile(
    rf"^[（(【\[［〔]\s*+(?i:{_SOURCE_WORDS})\s*+[）)】\]］〕]|[（(【\[［〔]\s*+(?i:{_SOURCE_WORDS})\s*+[）)】\]］〕]$")


def cited_name(before_url: str, from_url: str) -> str | None:
    """The publisher of a line 'name URL date' (no label, no arrow: a card's citation, the date after the
    URL telling it from a sentence that cites a link), else None."""
    name = before_url.strip()
    url_end = re.match(r"\S+", from_url)
    after = from_url[url_end.end():] if url_end else ""
    quoted = name_and_quoted_title(name)
    if not name or (len(name) > MAX_NAME and quoted is None) or SENTENCE_MARKS.search(quoted[0] if quoted else name) \
            or line_date(after) is None:
        return None
    return name


# A name in brackets printed right after the URL, and nothing else: '（中国新聞デジタル）', '(RCC)'.
NAME_AFTER_URL = re.compile(rf"[（(]\s*(?P<name>[^（）()\s][^（）()]{{0,{MAX_PUBLISHER - 1}}})\s*[）)]")


# A line that is only a label word and a name before its URL: 'via 毎日新聞 ', 'from NHK '.
# The label word is lower-case Latin (a publisher's name is not), or ends in a colon.
_LABEL_WORD = re.compile(r"^(?:[a-z]{2,8}\s+|[^\s:：]{1,8}[:：]\s*+)(?=\S)")


def named_link(before_url: str) -> str | None:
    """The publisher of a line 'label name URL', else None (a sentence citing a link)."""
    label = _LABEL_WORD.match(before_url)
    if label is None:
        return None
    name = before_url[label.end():].strip()
    quoted = name_and_quoted_title(name)  # the title in quotes after the name may say anything
    if not name or (len(name) > MAX_PUBLISHER and quoted is None) \
            or SENTENCE_MARKS.search(quoted[0] if quoted else name):
        return None
    if REFERENCE_LABEL.fullmatch(label.group().strip().rstrip(":：")) and name.endswith((")", "）")):
        return None  # '参考: title (publisher) URL': a card on one line (``card_link._one_line_card``)
    return name


# A label word and its colon, nothing else: 'リンク：', 'URL: ', '記事 :'.
_LABEL_ALONE = re.compile(r"\s*+[^\s:：]{1,8}\s*+[:：]\s*+")


def label_before_named_url(before_url: str, from_url: str) -> bool:
    """Whether a line is a label word, its URL, and the source's name after the URL, in brackets or not
    ('リンク：https://… （山形新聞）', 'URL: https://… 中国新聞'): a card's link line, as a bare URL is.
    A label before a URL and nothing else ('配信停止はこちら：https://…') names no source: a site's link."""
    if _LABEL_ALONE.fullmatch(before_url) is None:
        return False
    after = split_url_and_remark(from_url).remark.strip()
    bracket = NAME_AFTER_URL.fullmatch(after)
    if bracket is not None:
        return not SENTENCE_MARKS.search(undated(bracket["name"]))
    return name_after_url(after) is not None


# A publisher behind a short link label and an arrow: '記事全文はこちら >> NHK NEWS WEB'.
_LABEL_BEFORE_ARROW = re.compile(rf"^[^。、！？!?]{{1,12}}?\s*+{ARROW}\s*+(?=\S)")


# The words of the link itself, printed after the publisher in saved pages: '日本経済新聞 記事ページへ'.
# 'リンク' / 'Link' only set apart by a space: glued on, it ends a name ('スポンサーリンク').
_LINK_WORDS = re.compile(r"\s*(?:記事ページへ|記事ページ|元記事へ|記事へ|こちら)\s*$"
                         r"|\s+(?:リンク|Link|link)\s*$|^(?:リンク|Link|link)$")
# The link's label or an arrow beside the publisher, apart from it by a space, an arrow or a colon:
# '記事全文 ＞ 京都新聞', '福井新聞ONLINE　元記事：', '京都新聞 ≫'. A name that ends in one of the
# words ('…新聞記事') is kept whole.
_LEADING_LINK_LABEL = re.compile(rf"^(?:{LINK_LABEL}\s*+(?:{ARROW}|[:：])|{LINK_LABEL}\s+|{ARROW})\s*+")
_TRAILING_LINK_LABEL = re.compile(rf"(?:\s+{LINK_LABEL}|\s*+{ARROW}(?:\s*+{LINK_LABEL})?)$")
# A read-more phrase after the name, glued to it or not, its arrow already cut: '食と農業ジャーナル元記事を読む',
# 'NHK 続きを見る'. A link's label says what the reader does, never who published the article.
_TRAILING_READ_MORE = re.compile(
    rf"\s*+(?:{LINK_LABEL}を(?:読む|見る|開く)|(?:さらに|もっと)(?:読む|見る)|(?:詳しく|{LINK_LABEL})は(?:こちら|コチラ)"
    r"|[Rr]ead [Mm]ore)\s*+$")
# A label and an arrow are short: the name's end is read within this many characters.
_TAIL = 16


def without_link_label(text: str) -> str:
    """The publisher without the link's own words and arrows, wherever they stand beside it."""
    name = _LINK_WORDS.sub("", _LEADING_LINK_LABEL.sub("", text.strip())).strip().rstrip(":：").rstrip()
    head, tail = name[:-_TAIL], name[-_TAIL:]
    bare = (head + _TRAILING_LINK_LABEL.sub("", tail)).strip() or name
    bare = _TRAILING_READ_MORE.sub("", bare).strip() or bare
    # A label of any words still before an arrow: '記事全文はこちら >> NHK NEWS WEB'.
    labelled = _LABEL_BEFORE_ARROW.match(bare)
    return bare[labelled.end():].strip() if labelled else bare


# A label that says what the line cites, not who published it: '参考', '参考リンク', '出典'.
REFERENCE_LABEL = re.compile(rf"(?i:参考|{'|'.join(SOURCE_LABEL_WORDS)})(?:リンク|記事|資料|サイト|URL)?")
