"""Which of a digest page's first lines is its title; the lines above it are the site's masthead.

A site prints its name, a tagline and a menu above the article. The title is told by what the
family does with it, weighed over the first few lines rather than taken as the first one:

- it is printed again further down (strong; a byline under the date line of a longer headline, printed again in
  an author box at the foot, is not), or the article's date line follows it (strong),
  right under it or under a byline (a name shorter than the title: '年金ウォッチ｜社労士が解説');
  a word or two over the date is the post's category, not its title, and a date line over a
  longer headline is that headline's;
- the lead follows it: a paragraph, with a full stop in it, right under it or under a byline;
- it reads as a headline: no full stop at its end, no bullet mark before it, longer than a
  site's name or a menu label;
- a site's line is split by ``｜``/``|`` into its name and tagline, or closes on a periodical's issue
  number ('… 第214号', '… vol.142'), or has the site's menu (a row
  of short words) right under it; a menu row itself is short words, not a headline, and no byline;
- a mailing list's tag before the subject ('[kiku-news 412] …') is the list's: trimmed off the title;
- a saved page marks its title up (``<h1>``, or the ``<title>``'s text in heading markup) (strong);
- a line that only opens another, longer line of the head is that headline clipped (a mail's subject,
  '件名: 【…通信 Vol.48】ペットと一緒に避難できる？', over the article's full heading): not the title;
- a field of a header (a run of 'label: value' lines), a line holding a web address, or a row of share
  buttons is no title (nor a longer headline that takes the date line over it from the title);
- other things equal, the earlier line (the masthead is a line or two).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

from kiku.importer.cleaning.lines.link_lines import is_share_words_row
from kiku.importer.cleaning.rows.share_rows import is_share_row
from kiku.importer.grammar.lines.dates import is_month_day_line, line_date
from kiku.importer.grammar.lines.features import split_marker
from kiku.importer.layouts.labels import fold

# How far down the title may stand (a masthead is a line or two, a tagline, a menu).
MAX_MASTHEAD = 4

# A title is a headline: not a sentence that ends with a full stop, not a paragraph.
MAX_TITLE = 80
# A site's name, a menu or a category above the title is short.
MAX_LABEL = 12
# A post's category printed over its date line is a word or two ('くらし', 'ダイヤ改正', 'お金と仕事').
MAX_CATEGORY = 8

# Evidence, in the grammar's units (``grammar.page.line_fit``).
REPEATED = 4.0
DATE_BELOW = 3.0
LEAD_BELOW = 2.0
HEADLINE = 1.0
SITE_LINE = -2.0
# A periodical's issue number names the issue, not the article: the mail's or the post's masthead, whatever stands
# under it (a byline and a date under a subtitle), never its headline.
ISSUE_LINE = -4.0
MENU_BELOW = -1.0
MENU_ROW = -1.0
PER_LINE_DOWN = -0.5
MARKED_TITLE = 3.0
CLIPPED_COPY = -4.0
HEADER_FIELD = -4.0

# A site's name and its tagline: 'AIトレンド速報 ｜ 生成AIのまとめ', 'TechMatome+ | テクノロジーの今'.
_SITE_SEPARATOR = re.compile(r"\S\s*[|｜]\s*\S")
# A periodical's name closed by its issue number, set off by a space: 'からだ便り　メールマガジン　第214号',
# '食卓ウォッチ通信 vol.142', 'Weekly Letter No. 8', '週刊ニュースレター #142' (a headline's '台風10号' is glued to its
# word).
_ISSUE_NUMBER = re.compile(r"\s(?:第\s*[0-9]+\s*号|vol\.?\s*[0-9]+|no\.\s*[0-9]+|[#№]\s*[0-9]+)\s*$", re.IGNORECASE)
# A menu: three or more short words and nothing like a sentence ('検索 ログイン 会員登録').
MAX_MENU_WORD = 6
_MENU_WORD_SPLIT = re.compile(r"\s+")
_SENTENCE_MARK = re.compile(r"[。、，,!！?？]")


def _reads_as_title(text: str) -> bool:
    """A headline: not a sentence, not a paragraph, not a bulleted line (a key point under the title), no web
    address (a reader's or a mail's header field: 'URL Source: https://…'), no row of share buttons under the
    title (however long: 'X(旧Twitter)でポスト　Facebookでシェア　LINEで送る' names services and verbs, not news)."""
    return (len(text) <= MAX_TITLE and not text.rstrip().endswith(("。", "．"))
            and split_marker(text.strip())[0] is None and _WEB_ADDRESS.search(text) is None
            and not is_share_words_row(text) and not is_share_row(text))


# A web address, or a host's name alone on its line ('example-news.jp': a reader tool prints the site's over the title).
_WEB_ADDRESS = re.compile(r"https?://|www\.|^\s*[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}\s*$", re.IGNORECASE)


def _reads_as_lead(text: str) -> bool:
    return len(text) > MAX_LABEL and "。" in text and not _dated(text)


def is_menu_row(text: str) -> bool:
    """Three or more short words separated by spaces, none with a sentence's punctuation."""
    words = [word for word in _MENU_WORD_SPLIT.split(text.strip()) if word]
    return (len(words) >= 3 and all(len(word) <= MAX_MENU_WORD for word in words)
            and not _SENTENCE_MARK.search(text))


def _dated(text: str) -> bool:
    """A date line, whether or not it prints the year ('7/8(火) 6:30配信')."""
    return line_date(text) is not None or is_month_day_line(text)


def title_evidence(texts: list[str], index: int, counts: Counter[str], marked: bool = False) -> float:
    """How much ``texts[index]`` reads as the page's title (the higher, the likelier); ``marked``:
    the saved page marks the line up as a heading."""
    text = texts[index]
    below = texts[index + 1] if index + 1 < len(texts) else ""
    evidence = PER_LINE_DOWN * index + (MARKED_TITLE if marked else 0.0)
    if counts[fold(text)] >= 2 and not _byline_under_dated_headline(texts, index):
        evidence += REPEATED
    date_at = index + 1 if below and _dated(below) else index + 2 if _byline_then_date(texts, index) \
        else None
    # (a word or two over the date is the post's category printed over its date)
    if (date_at is not None and _reads_as_title(text) and len(text) > MAX_CATEGORY
            and not _heads_a_headline(texts, date_at, text)):
        evidence += DATE_BELOW
    if _reads_as_lead(below) or (_byline_under(texts, index) and _reads_as_lead(_at(texts, index + 2))):
        evidence += LEAD_BELOW
    if _reads_as_title(text) and len(text) > MAX_LABEL and not is_menu_row(text):
        evidence += HEADLINE
    if _ISSUE_NUMBER.search(unicodedata.normalize("NFKC", text)):
        evidence += ISSUE_LINE
    elif _SITE_SEPARATOR.search(text):
        evidence += SITE_LINE
    if below and is_menu_row(below):
        evidence += MENU_BELOW
    if is_menu_row(text):
        evidence += MENU_ROW
    if _clipped_copy(texts, index):
        evidence += CLIPPED_COPY
    if _in_field_run(texts, index):
        evidence += HEADER_FIELD
    return evidence


# A header's field: a label of a word or two, a colon, its value ('Published Time: …', '件名：…', 'URL Source: …').
_FIELD_LINE = re.compile(r"^\s*[^\s:：]{1,14}(?:\s[^\s:：]{1,14})?\s*[:：]\s*\S")


def _in_field_run(texts: list[str], index: int) -> bool:
    """The line and one beside it are header fields: a mail's or a reader tool's header, not the title."""
    return _FIELD_LINE.match(texts[index]) is not None and any(
        0 <= near < len(texts) and _FIELD_LINE.match(texts[near]) is not None for near in (index - 1, index + 1))


# A field's label before the text ('件名:', 'Subject:'), and a bracketed tag before it ('【…通信 Vol.48】', '[PR]').
_FIELD_LABEL = re.compile(r"^[^\s:：]{1,8}\s*[:：]\s*")
_BRACKET_TAGS = re.compile(r"^(?:\s*(?:【[^】]{0,30}】|\[[^\]]{0,30}\]|［[^］]{0,30}］))+\s*")
# A clipped copy keeps enough of the headline to be told as one: no site's name or word of a menu.
MIN_CLIPPED = 8


def _clipped_copy(texts: list[str], index: int) -> bool:
    """``texts[index]``, without a field's label and bracketed tags, opens a longer headline of the head (a
    paragraph that opens with the title's words is the lead, not the title's fuller copy)."""
    core = fold(_BRACKET_TAGS.sub("", _FIELD_LABEL.sub("", texts[index].strip())))
    if len(core) < MIN_CLIPPED:
        return False
    return any(other != index and len(fold(texts[other])) > len(core) and fold(texts[other]).startswith(core)
               and _reads_as_title(texts[other]) for other in range(min(len(texts), MAX_MASTHEAD + 2)))


# A byline is a name: short, no sentence.
MAX_BYLINE = 20


def _byline_then_date(texts: list[str], index: int) -> bool:
    """Under ``texts[index]``, a name shorter than it (the author's or the blog's), then a date line:
    a site's name over the title is shorter than the title, so it is not read as the title's byline."""
    return _byline_under(texts, index) and _dated(_at(texts, index + 2))


def _byline_under_dated_headline(texts: list[str], index: int) -> bool:
    """``texts[index]`` is a name under the date line of a longer headline: that headline's byline, whose repeat (the
    writer's name again in an author box at the foot) is no headline's."""
    return (index >= 2 and len(texts[index]) <= MAX_LABEL and _dated(texts[index - 1])
            and _reads_as_title(texts[index - 2]) and len(texts[index - 2]) > len(texts[index]))


def _at(texts: list[str], index: int) -> str:
    return texts[index] if index < len(texts) else ""


def _byline_under(texts: list[str], index: int) -> bool:
    """Right under ``texts[index]``, a name shorter than it, no sentence, no date (a byline, or an author's row
    with its follow button: '編集部　フォローする'); a row of three or more short words is a toolbar, not a name."""
    if index + 2 >= len(texts):
        return False
    name = texts[index + 1]
    return (len(name) <= MAX_BYLINE and not is_menu_row(name) and len(name) < len(texts[index])
            and not _SENTENCE_MARK.search(name)
            and not name.rstrip().endswith(("。", "．")) and not _dated(name))


def _heads_a_headline(texts: list[str], date_at: int, text: str) -> bool:
    """The date line stands over a headline longer than ``text`` (a post's date printed above its
    title, under the site's name or a category): the date is that headline's, not ``text``'s."""
    following = texts[date_at + 1] if date_at + 1 < len(texts) else ""
    return (_reads_as_title(following) and len(following) > max(MAX_LABEL, len(text))
            and not _reads_as_lead(following) and not _dated(following))


def title_index(texts: list[str], marked: frozenset[int] = frozenset(), page_title: int | None = None) -> int:
    """The index of the title among ``texts`` (the page without its debris): the line of the
    first few, not a date, that the evidence favours most (the earlier one on a tie).
    ``marked``: the indexes of the lines a saved page marks up as headings; ``page_title``: the
    index of the line it marks up as its title, taken further down when no line above it is prose
    (a database's banner, its action bar and the document's field table over the subject: the
    site's and the document's fields, none of them the article's text)."""
    if page_title is not None and page_title > MAX_MASTHEAD and _reads_as_title(texts[page_title]) \
            and not any(_reads_as_lead(text) for text in texts[:page_title]):
        return page_title
    head = [index for index in range(min(MAX_MASTHEAD + 1, len(texts)))
            if not _dated(texts[index]) and _reads_as_title(texts[index])]
    if not head:
        return next((index for index in range(min(MAX_MASTHEAD + 1, len(texts)))
                     if not _dated(texts[index])), 0)
    counts = Counter(fold(text) for text in texts)
    return max(head, key=lambda index: (title_evidence(texts, index, counts, index in marked), -index))


# A mailing list's tag before a subject: the list's name and the message's number in brackets ('[kiku-news 412]',
# '［ml:0078］'), printed by the list, not the writer.
_LIST_TAG = re.compile(r"^\s*[\[［][^\]］\s]{1,30}[\s:_-]?[0-9]{1,6}[\]］]\s*(?=\S)")


def list_tag(text: str) -> str | None:
    """The list's tag that opens a title ('[kiku-news 412] 下水汚泥が…'), None when none does or the rest is no
    headline."""
    found = _LIST_TAG.match(text)
    if found is None:
        return None
    rest = text[found.end():]
    return found.group().strip() if len(rest) > MAX_LABEL and _reads_as_title(rest) else None
