"""A source card's link line, in any of its variants.

    さらに読む ⇒ロイター 経済、株価…出典/画像元: https://jp.reuters.com/…
    続きを読む → NHKニュース 出典：https://www3.nhk.or.jp/…
    元記事を読む » 毎日新聞 https://mainichi.jp/…
    さらに読む=>朝日新聞+出典: https://globe.asahi.com/article/15630313停戦交渉の難しさ…

A link line opens with a read-more phrase or an arrow, or names its source with a label
(``出典``, ``出典元``, ``画像元``, ``引用元``, ``ソース``, or ``元`` standing apart) right before the URL, or
both. The publisher is what stands between the opening and the label (or the URL); a publisher
whose name contains 出典 or 元 is kept whole, because only a label followed by ``:`` and the URL
(or the line's end) counts. The publisher's name around the URL is read apart from the link's own
words in ``link_names``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import unicodedata
from dataclasses import dataclass

from kiku.importer.grammar.cards.field_row_link import read_field_row
from kiku.importer.grammar.cards.link_names import (
    BRACKETED_SOURCE_LABEL,
    LINK_LABEL,
    NAME_AFTER_URL,
    REFERENCE_LABEL,
    cited_name,
    label_before_named_url,
    named_link,
    undated,
    without_link_label,
)
from kiku.importer.grammar.cards.name_labels import MAX_NAME, SOURCE_LABEL_SHAPE, SOURCE_LABEL_WORDS
from kiku.importer.grammar.cards.source_names import (
    ARROW,
    LEADING_SOURCE_LABEL,
    MAX_PUBLISHER,
    SENTENCE_MARKS,
    URL_START,
    credited_title,
    name_after_url,
    name_and_quoted_title,
    unwrapped,
)
from kiku.importer.grammar.lines.dates import find_date, line_date, without_updated
from kiku.importer.layouts.digest.cards import publisher_name, split_url_and_remark

# 'さらに読む', '続きを読む', '元記事を見る', 'さらに詳しく', '詳しくはこちら', 'Read more'.
_PHRASE = (rf"(?:さらに|つづきを|もっと|記事の続きを|ニュースを|{LINK_LABEL}を)?"
           r"(?:読む|見る|みる|開く|チェック(?:する)?)|(?:さらに|もっと)詳しく|詳しく(?:見る|読む)"
           rf"|(?:詳しく|{LINK_LABEL})は(?:こちら|コチラ)|[Rr]ead [Mm]ore"
           # A word or two naming what is read, then the verb, before an arrow or alone: 'ソースを見る >>',
           # '原典を読む'; a longer object ('次のページを読む') leads elsewhere than the card's article.
           rf"|[^\s、。,.!?！？「」の]{{1,3}}を(?:読む|見る)(?=\s*+(?:{ARROW}|$))"
           # A bare label standing before an arrow, perhaps with 'へ' (to it): '記事全文 ＞', '元記事 →', '全文へ »'.
           rf"|{LINK_LABEL}へ?(?=\s*+{ARROW})"
           # Or right before the URL: '→ 記事全文 https://…' (a label names no publisher).
           rf"|{LINK_LABEL}へ?(?=\s*+https?://)")
# The lead may be two arrows a space apart, a page's link marker before the label's own: '→ » 続きを読む'.
_OPENING = re.compile(
    rf"^(?P<lead>(?:{ARROW}\s*+){{1,2}})?(?:(?P<phrase>{_PHRASE})\s*+)?"
    rf"(?P<arrow>{ARROW})?\s*+"
)
_PHRASE_START = re.compile(rf"(?:{_PHRASE})")
# Any symbol or emoji may lead a read-more phrase as an arrow does ('👉 記事を読む', '★ 続きを読む'): the phrase
# after it, not which glyph it is, makes the line a link; an emoji's selectors and joiners go with it.
_GLYPH_CATEGORIES = frozenset({"So", "Sm", "Sk"})
_GLYPH_TAIL_CATEGORIES = frozenset({"Mn", "Me", "Cf"})
MAX_LEAD_GLYPHS = 2
# A line that opens like a card's link: a read-more phrase, or an arrow.
LINK_OPENING = re.compile(rf"^(?:{ARROW}\s*)?(?:{_PHRASE})|^{ARROW}")
# The label may open a bracket that closes after the URL: '朝日新聞（出典元：https://…）'. '元' alone is
# a label only apart from the name before it ('共同通信 元: https://…'; '…地元:' is a name's end).
_LABEL = re.compile(
    rf"(?P<bracket>[（(]\s*+)?(?:出典元|出典|画像元|引用元|引用|ソース|[Ss]ource|(?<![^\s（(])元|{SOURCE_LABEL_SHAPE}(?=\s*+[:：]))"
    rf"(?:\s*+[/／・]\s*+(?:出典|画像元|引用元))?\s*+(?:[:：]|{ARROW})\s*+"
)
_BARE_URL = re.compile(r"^\s*https?://[^\s　]+\s*$")


@dataclass(frozen=True, slots=True)
class CardLink:
    url: str | None
    publisher: str | None
    # Commentary glued to the URL on the same line ("…/15630313停戦交渉の難しさ…").
    glued_text: str
    # A date printed with the publisher: '≫元記事を読む（朝日新聞 2025/3/5）'.
    published: dt.date | None = None
    # The digits moved from the URL's end to the glued text's start, a guess to be checked.
    guessed_digits: str | None = None
    # Further sources cited on the same line, each after a separator: '… https://a ／ BCN+R https://b'.
    more: tuple[CardLink, ...] = ()
    # The card's title, when the whole card is printed on its line ('name: title (date) URL').
    title: str | None = None
    # The publisher was read from brackets right after the read-more phrase ('記事を読む（朝日新聞）'), where a
    # link as often notes where it leads ('記事を読む（外部サイト）'): a name line of the card's own names it
    # over this one (``names_publisher``).
    in_link_brackets: bool = False

    @property
    def names_publisher(self) -> bool:
        """Whether the line names the card's publisher as a card's own name line cannot override."""
        return self.publisher is not None and not self.in_link_brackets


def _lead_glyph_end(text: str) -> int:
    """Where the symbol glyphs leading ``text`` end (0 when it opens with none)."""
    end = 0
    while end < min(len(text), MAX_LEAD_GLYPHS) and unicodedata.category(text[end]) in _GLYPH_CATEGORIES:
        end += 1
    while end and end < len(text) and unicodedata.category(text[end]) in _GLYPH_TAIL_CATEGORIES:
        end += 1
    return end


# The site named before the phrase, joined by 'で': 'オリコンニュースで続きを読む ›'.
_NAMED_PHRASE = re.compile(rf"^(?P<name>[^\s。、！？!?「」]{{2,{MAX_NAME}}}?)で(?={LINK_LABEL}を(?:読む|見る|開く))")


def read_card_link(text: str) -> CardLink | None:
    """The card link on this line, or None when the line is not one."""
    if (row := read_field_row(text)) is not None:
        return CardLink(url=row.url, publisher=row.publisher, glued_text=row.remark, published=row.published,
                        guessed_digits=row.guessed_digits, title=row.title)
    glyph_end = _lead_glyph_end(text)
    if glyph_end and _PHRASE_START.match(text[glyph_end:].lstrip()):
        return read_card_link(text[glyph_end:].lstrip())
    site = _NAMED_PHRASE.match(text)
    if site is not None:
        link = read_card_link(text[site.end():])
        return None if link is None else dataclasses.replace(link, publisher=link.publisher or site["name"])
    if _BARE_URL.match(text):
        # A URL alone on its line after a card's summary: the link, naming no publisher; a remark may be
        # glued to its end ('https://…/0000/システムの…'), split off as on any link line.
        bare = split_url_and_remark(text)
        bracket = NAME_AFTER_URL.fullmatch(bare.remark.strip())
        if bracket is not None and not SENTENCE_MARKS.search(undated(bracket["name"])):
            # 'https://…(文部科学省)': the source's name (and date) in brackets glued to the URL.
            bracketed_date = find_date(bracket["name"])
            return CardLink(url=bare.url, publisher=publisher_name(undated(bracket["name"])), glued_text="",
                            published=bracketed_date[0] if bracketed_date else None)
        if (glued_name := name_after_url(bare.remark)) is not None:
            return CardLink(url=bare.url, publisher=glued_name, glued_text="")
        return CardLink(url=bare.url, publisher=None, glued_text=bare.remark, guessed_digits=bare.guessed_digits)
    opening = _OPENING.match(text)
    assert opening is not None  # every part of it is optional
    in_brackets = False
    has_opening = bool(opening["lead"] or opening["phrase"] or opening["arrow"])
    rest = text[opening.end():]
    label = _last_label(rest)
    url_at = URL_START.search(rest)
    if label is not None:
        publisher_text, tail = rest[:label.start()], rest[label.end():]
        if url_at is not None and url_at.start() < label.start():
            return None  # a URL before the label: a sentence citing a link, not a card's link line
    elif has_opening and url_at is not None and (opening["phrase"] or url_at.start() <= 60):
        # 'さらに読む ⇒出典/画像元: ロイター https://…' (a saved page's href written in after the name).
        publisher_text, tail = LEADING_SOURCE_LABEL.sub("", rest[:url_at.start()]), rest[url_at.start():]
        in_brackets = bool(opening["phrase"]) and _WHOLLY_BRACKETED.fullmatch(publisher_text.strip()) is not None
    elif (leading := LEADING_SOURCE_LABEL.match(rest)) is not None and url_at is not None \
            and url_at.start() - leading.end() <= MAX_PUBLISHER:
        # '出典：NHKニュース https://…': the label first, then the publisher, then the URL.
        publisher_text, tail = rest[leading.end():url_at.start()], rest[url_at.start():]
    elif url_at is not None and (named := named_link(rest[:url_at.start()])) is not None:
        # 'via 毎日新聞 https://…': a short label word, the publisher, then the URL.
        publisher_text, tail = named, rest[url_at.start():]
    elif url_at is not None and (credit := _CREDIT_DASH.match(rest)) is not None \
            and url_at.start() - credit.end() <= MAX_PUBLISHER:
        # '― 琉球新報 2025/09/12 https://…': a quotation's credit line, led by a dash: its source, its date.
        publisher_text, tail = rest[credit.end():url_at.start()], rest[url_at.start():]
    elif url_at is not None and label_before_named_url(rest[:url_at.start()], rest[url_at.start():]):
        # 'リンク：https://… （山形新聞）': a label word alone before the URL, the source named after it.
        publisher_text, tail = "", rest[url_at.start():]
    elif url_at is not None and _SOURCE_WORD_ALONE.fullmatch(rest[:url_at.start()]):
        # '参照 → https://…', '参考：https://…': a source label alone before the URL, its title and name under it.
        publisher_text, tail = "", rest[url_at.start():]
    elif url_at is not None and _ICON.fullmatch(rest[:url_at.start()]):
        # '🔗 https://…（出典：NHK）': the line opens with its URL, at most an icon before it.
        publisher_text, tail = "", rest[url_at.start():]
    elif url_at is not None and (cited := cited_name(rest[:url_at.start()], rest[url_at.start():])) is not None:
        # '教育新聞　https://…　2025.11.28': a card's citation, its publisher, URL and date.
        publisher_text, tail = cited, rest[url_at.start():]
    else:
        return _one_line_card(text)
    if not has_opening and label is not None and len(publisher_text) > 60:
        return None  # a long sentence that happens to name its source
    split = split_url_and_remark(tail)
    url, glued = split.url, split.remark
    if label is not None and label["bracket"] and glued[:1] in "）)":
        glued = glued[1:].lstrip()  # the bracket the label opened
    if url is None and tail.strip():
        return None  # a label followed by text, not a link: '出典: 気象庁の発表'
    if not publisher_text.strip() and (named_after := NAME_AFTER_URL.match(glued)) is not None \
            and not SENTENCE_MARKS.search(undated(named_after["name"])):
        # 'さらに読む » https://…（中国新聞）', '… https://…（元記事：中国新聞）初日から…': the publisher in
        # brackets right after the URL, perhaps behind a label, perhaps with its date ('(NHK、2025年1月15日)');
        # a remark glued after the bracket stays one.
        publisher_text, glued = named_after["name"], glued[named_after.end():].lstrip()
    elif not publisher_text.strip() and (after_url := name_after_url(glued)) is not None:
        # 'https://…　東京新聞デジタル', 'https://…/312245新潟日報': the publisher printed after the URL.
        publisher_text, glued = after_url, ""
    publisher_text = without_updated(publisher_text)
    dated = find_date(publisher_text)
    if dated is not None:
        dated = (dated[0], undated(publisher_text))
        publisher_text = dated[1]
    elif glued and (date_after := line_date(glued)) is not None:
        # the card's date printed after its URL ('… https://… 2025.11.28'), perhaps with its source's name
        # ('https://… 沖縄タイムス(2025年8月3日)')
        named = undated(glued)
        if not publisher_text.strip() and 0 < len(named) <= MAX_NAME and not SENTENCE_MARKS.search(named):
            publisher_text = named
        dated, glued = (date_after, ""), ""
    # A source label opening the name's brackets is not the name: '（出典：埼玉新聞）' names 埼玉新聞; nor is
    # a source label in brackets of its own beside the name: '総務省統計局（出典）', '【出典】埼玉新聞'.
    unlabelled = BRACKETED_SOURCE_LABEL.sub("", without_field_labels(publisher_text).strip()).strip()
    publisher = without_link_label(LEADING_SOURCE_LABEL.sub("", unwrapped(unlabelled), count=1))
    title = None
    if (quoted := name_and_quoted_title(publisher) or credited_title(publisher)) is not None:
        publisher, title = quoted
    more, glued = _more_sources(glued)
    return CardLink(url=url, publisher=publisher_name(publisher), glued_text=glued,
                    published=dated[0] if dated else None, guessed_digits=split.guessed_digits, more=more,
                    title=title, in_link_brackets=in_brackets)


# A word or two in a bracket: a field's label when a value is glued behind it ('［発信元］NHK').
_BRACKET_WORD = re.compile(r"[【［\[〔〈《]\s*[^【】［］\[\]〔〕〈〉《》\s]{1,8}\s*[】］\]〕〉》]")
MIN_FIELD_LABELS = 2


def without_field_labels(text: str) -> str:
    """``text`` without its bracketed labels when it prints each field behind a label of its own, one glued to
    its value ('［URL］ ［発信元］NHK ［日付］' → 'NHK'): a card printing all its fields so labels them, whatever
    the words; a name in brackets alone ('【NHK】') is no label."""
    labels = list(_BRACKET_WORD.finditer(text))
    glued = any(label.end() < len(text) and not text[label.end()].isspace() and text[label.end()] not in "【［[〔〈《"
                for label in labels)
    if len(labels) < MIN_FIELD_LABELS or not glued:
        return text
    return " ".join(_BRACKET_WORD.sub(" ", text).split())


# Text in one pair of brackets and nothing else: '（外部サイト）', '(NHK)'.
_WHOLLY_BRACKETED = re.compile(r"[（(][^（()）]+[）)]")


# What sets a further source off the URL before it: a slash, a bar, a middle dot, a comma.
_SOURCE_SEPARATOR = re.compile(r"^\s*[／/|｜・、,]\s*")


def _more_sources(glued: str) -> tuple[tuple[CardLink, ...], str]:
    """The sources cited after the first on its line ('／ BCN+R https://…'), each a short name and its URL
    after a separator, and what is glued after the last of them."""
    more: list[CardLink] = []
    while (separator := _SOURCE_SEPARATOR.match(glued)) is not None \
            and (url_at := URL_START.search(glued, separator.end())) is not None:
        name = glued[separator.end():url_at.start()].strip()
        if len(name) > MAX_NAME or SENTENCE_MARKS.search(name):
            break
        split = split_url_and_remark(glued[url_at.start():])
        more.append(CardLink(url=split.url, publisher=publisher_name(name) if name else None, glued_text=""))
        glued = split.remark
    return tuple(more), glued


# The dash that credits a quotation to its source ('― 琉球新報', '—NHK').
_CREDIT_DASH = re.compile(r"^[―—]{1,2}\s*+(?=\S)")
# Nothing before a line's URL but an icon and spaces: '🔗 ', '▶ ', ''.
_ICON = re.compile(r"[^\w\s（(【\[「『]{0,3}\s*")


# A word that labels a card as a source ('参照', '参考', '出典'), then a colon or an arrow, before the URL.
_SOURCE_WORD_ALONE = re.compile(
    rf"\s*(?:{'|'.join(SOURCE_LABEL_WORDS)})\s*+(?:[:：]|{ARROW})\s*+", re.IGNORECASE)


def _last_label(rest: str) -> re.Match[str] | None:
    """The label that introduces the URL (or ends the line): the last one that is followed by one."""
    found = None
    for match in _LABEL.finditer(rest):
        after = rest[match.end():]
        if not after.strip() or URL_START.match(after):
            found = match
    return found


def is_link_label_alone(text: str) -> bool:
    """A link's opening printed alone on its line ('元記事を読む', '続きを読む ⇒', '≫'): its source and URL
    are on the next line ('共同通信 出典/画像元: https://…')."""
    opening = _OPENING.fullmatch(text.strip())
    return opening is not None and bool(opening["phrase"] or opening["arrow"] or opening["lead"])


def named_after_link_label(text: str) -> str:
    """A name line led by the link's label ('続きを読む ⇒ 労働新報ウェブ', its URL on the next line) names what
    follows the label; any other line is returned as it stands."""
    opening = _OPENING.match(text.strip())
    rest = text.strip()[opening.end():] if opening is not None and opening["phrase"] else ""
    return rest if rest and URL_START.search(rest) is None else text


def is_bare_url(text: str) -> bool:
    return _BARE_URL.match(text) is not None


def needs_url(link: CardLink | None, text: str) -> bool:
    """A link line that ends in its label with the URL still to come (printed on the next line)."""
    return link is not None and link.url is None and not link.glued_text and text.rstrip().endswith((":", "："))


# A card printed on one line: 'publisher: title (date) URL' ('神奈川新聞: 日産、… (2025/07/15) https://…').
_CARD_NAME = re.compile(r"^(?P<name>[^:：]{2,20}?)\s*+[:：]")
_LAST_URL = re.compile(r"https?://\S+\s*$")
MIN_TITLE = 5


def _one_line_card(text: str) -> CardLink | None:
    """The card a line prints whole (publisher, title, date in brackets, URL), else None. Read by cuts
    from both ends, not by one pattern, so that a long line is read in linear time."""
    line = text.strip()
    named, url_at = _CARD_NAME.match(line), _LAST_URL.search(line)
    if named is None or url_at is None or SENTENCE_MARKS.search(named["name"]):
        return None
    between = line[named.end():url_at.start()].strip()
    opening = max(between.rfind("("), between.rfind("（"))
    if opening < 0 or not between.endswith((")", "）")):
        return None
    title, bracketed = between[:opening].strip(), between[opening + 1:-1].strip()
    published, name = line_date(bracketed), named["name"]
    if published is None and REFERENCE_LABEL.fullmatch(name.strip()) and 0 < len(bracketed) <= MAX_NAME \
            and not SENTENCE_MARKS.search(bracketed):
        # '参考：title（北海道新聞） URL': a label in the publisher's place, the publisher in brackets.
        name = bracketed
    elif published is None:
        return None
    if len(title) < MIN_TITLE or title.endswith(("。", "．")) or URL_START.search(title):
        return None
    split = split_url_and_remark(url_at.group())
    return CardLink(url=split.url, publisher=publisher_name(name), glued_text=split.remark,
                    published=published, guessed_digits=split.guessed_digits, title=title)
