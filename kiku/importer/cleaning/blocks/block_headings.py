"""The headings of the site's blocks: a contents box, a related-articles list, the writer's profile,
a ranking; and a related-articles label before one title on its line. Each test is on the whole line,
normalised as ``chrome`` normalises it."""

from __future__ import annotations

import re

from kiku.importer.cleaning.chrome import ITEM_SENTENCE, ROW_SEPARATOR, SENTENCE, nfkc, normalise

# Block headings are phrases a site prints, not words an article may use as a section heading
# ('著者' or '関連項目' head real sections of encyclopedia articles).
TOC_HEADINGS = frozenset({"目次", "もくじ", "この記事の目次", "この記事のもくじ", "contents", "table of contents"})
# What a folded contents box's button says after its heading: '目次を開く ▼', 'もくじを表示'.
TOC_OPENERS = frozenset({"開く", "ひらく", "表示", "表示する", "見る", "みる", "show", "open", "expand"})
RELATED_HEADINGS = frozenset({
    "関連記事", "関連する記事", "関連ニュース", "あわせて読みたい", "合わせて読みたい", "こちらの記事もおすすめ",
    "おすすめ記事", "この記事を読んだ人におすすめ", "次に読みたい", "related", "related articles", "人気記事",
})
# A related article's label before its title on one line: any related-articles heading, or these
# shorter labels ('関連：…', '関連リンク｜…') that only ever stand before a title.
RELATED_LABELS = RELATED_HEADINGS | {"関連", "関連リンク"}
AUTHOR_HEADINGS = frozenset({
    "この記事を書いた人", "この記事の著者", "著者プロフィール", "執筆者プロフィール", "ライター紹介",
    "筆者紹介", "この記事の執筆者", "about the author",
})
# (The site's index of topics beside the article lists them alike: '関連するトピック', '関連キーワード'.)
POPULAR_HEADING = re.compile(
    r"(?:人気キーワード|注目キーワード|人気の記事|人気記事|ランキング|読まれている記事|よく読まれている|ranking"
    r"|関連(?:する|の)?(?:トピック|キーワード|タグ|テーマ))$"
)
# A related-article pointer written as a label and a title: '関連記事：…', '📌 あわせて読みたい：…',
# '🔗 関連記事｜…'; perhaps framed by the same mark at both ends: '― 関連：… ―'.
_RELATED_LABEL = re.compile(r"^(?:[^\w\s]\s*)?(?P<label>[^:：|｜]{2,20}?)\s*[:：|｜]\s*\S")
_FRAME = re.compile(r"^(?P<mark>[^\w\s「『（(【\[])\s*(?P<text>.+?)\s*(?P=mark)$")
MAX_LABEL_MODIFIER = 6
# No leading \s*: searched at every position, it would rescan a long run of spaces each time.
_TOGGLE = re.compile(r"\[(?:非表示|表示|閉じる|開く|hide|show)\]\s*$", re.IGNORECASE)
_OPENER = re.compile(r"^(?P<heading>.{1,16}?)\s*を?\s*(?P<verb>[^\sを]{1,6})$")


def is_related_label_line(text: str) -> bool:
    """A related-article heading used as a label before one title, on one line (no sentence)."""
    normal = nfkc(text).strip()
    framed = _FRAME.match(normal)
    match = _RELATED_LABEL.match(framed["text"] if framed else normal)
    return (match is not None and len(normal) <= 80 and not SENTENCE.search(normal)
            and _is_related_label(normalise(match["label"])))


def _is_related_label(label: str) -> bool:
    """A related-articles label, perhaps after a short modifier of it: '関連記事', '人気の関連記事',
    '今週のおすすめ記事' (a modifier ends in 'の' and is shorter than the heading it qualifies)."""
    if label in RELATED_LABELS:
        return True
    modifier, _, heading = label.rpartition("の")
    return 0 < len(modifier) <= MAX_LABEL_MODIFIER and heading in RELATED_HEADINGS and len(heading) >= 3


# The corners of a box drawn around the contents, its heading on the top rule ('┏ 目次 ┓').
_BOX_EDGES = "┌┐┏┓╔╗╭╮┍┑┎┒╒╕╓╖─━═ \u3000"


def is_toc_heading(text: str) -> bool:
    return normalise(_TOGGLE.sub("", nfkc(text)).strip(_BOX_EDGES)) in TOC_HEADINGS


def is_toc_opener(text: str) -> bool:
    """A folded contents box's button: its heading and the verb that opens it, perhaps an arrow
    ('この記事のもくじを開く ▼'). Folded, it lists no entries, so the line alone is chrome."""
    opener = _OPENER.match(normalise(text).strip("▼▽▲△▸▾+＋ "))
    return opener is not None and opener["verb"] in TOC_OPENERS and opener["heading"].strip() in TOC_HEADINGS


def is_related_heading(text: str) -> bool:
    """A related-articles heading, or one named for whose list it is: '<the site's name>のおすすめ記事'; bare or
    set off by any decoration ('▼ 関連記事', 'ーーー あわせて読みたい ーーー', '■ 関連ニュース ■')."""
    normal = _undecorated(normalise(text))
    if normal in RELATED_HEADINGS or _READ_ALONG.fullmatch(_LEADING_GLYPHS.sub("", normal)):
        return True
    owner, _, heading = normal.rpartition("の")
    return heading in RELATED_HEADINGS and 0 < len(owner) <= MAX_LIST_OWNER and not ITEM_SENTENCE.search(owner)


MAX_LIST_OWNER = 20
# 'Read along with it' in any tense or voice, alone on the line ('あわせて読まれています', '合わせて読みたい記事'):
# what follows is the site's list of other articles.
_READ_ALONG = re.compile(r"(?:あわせて|合わせて|一緒に)(?:読|よ)[みまむめ][^\s。、！？!?]{0,8}")
_LEADING_GLYPHS = re.compile(r"^[^\w\s]+\s*")
# What sets a heading off at either end: a run of marks ('▼', '■■', '＜'), or a rule drawn with a dash or a
# long-vowel bar ('ーーー', '――', '==') that no word opens or closes with.
_DECORATION = r"(?:[^\w\s]+|[ー―─━=~〜]{2,})"
_DECORATED = re.compile(rf"^{_DECORATION}?\s*(?P<text>.+?)\s*{_DECORATION}?$")


def _undecorated(normal: str) -> str:
    match = _DECORATED.match(normal)
    return match["text"] if match else normal


# The same heading in other words: the article's writer named by any of its words ('この記事の筆者',
# '本記事の執筆者', 'ライタープロフィール', '筆者について').
_AUTHOR_HEADING = re.compile(r"^(?:(?:この|本|当)記事の(?:筆者|著者|執筆者|書き手|ライター|編集者)"
                             r"|(?:筆者|著者|執筆者|書き手|ライター)(?:紹介|プロフィール|について|情報))$")


def is_author_heading(text: str) -> bool:
    normal = normalise(text)
    return normal in AUTHOR_HEADINGS or _AUTHOR_HEADING.match(normal) is not None


def is_author_line(text: str) -> bool:
    """The author heading and the writer's name on one line: 'この記事を書いた人：編集部（記者）'."""
    head, colon, name = normalise(text).partition(":")
    return bool(colon) and head.strip() in AUTHOR_HEADINGS and 0 < len(name.strip()) <= 40 and "。" not in name


def is_popular_heading(text: str) -> bool:
    """A ranking's heading: short, and not a row of links that happens to end with 'ランキング'."""
    normal = normalise(text)
    return len(normal) <= 20 and not ROW_SEPARATOR.search(normal) and POPULAR_HEADING.search(normal) is not None


def is_block_heading(text: str) -> bool:
    return (is_toc_heading(text) or is_related_heading(text) or is_author_heading(text)
            or is_popular_heading(text))
