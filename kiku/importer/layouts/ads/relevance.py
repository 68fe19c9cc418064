"""How much one text is about another: character-bigram overlap, and the words of offers.

Japanese has no spaces, so words are approximated by overlapping character pairs. Pairs of
pure hiragana are mostly particles and endings (「ている」, 「ました」) shared by any two
texts, so they are left out; what remains is names and content words. Nothing here knows
the topics of any page: the measures are the overlap alone, and the language of promotions.
These are the measures ``off_topic`` weighs into its one decision whether a card is an ad.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Collection, Hashable, Iterable

_NOT_CONTENT = re.compile(r"[\s、。,.!！?？「」『』（）()【】\[\]:：・…\-—―/／\"“”'’0-9０-９]+")
_HIRAGANA = frozenset(chr(code) for code in range(ord("ぁ"), ord("ゖ") + 1)) | {"ー"}

# Cues of an advertisement's summary (offers, prices, sign-ups, product rankings), whatever is
# advertised. A news summary may hold one or two of them ('最大', '人気'); an ad holds several.
_PROMOTION_CUES = (
    "今なら", "キャンペーン", "初回", "限定", "無料", "円分", "ポイント", "還元", "会員登録", "登録は",
    "申し込み", "申込", "定期コース", "解約", "お得", "おトク", "割引", "クーポン", "送料", "実施中", "特典", "口コミ",
    "累計販売", "お試し", "プレゼント", "最安", "off", "円から", "特価", "セール", "予約で", "業界最",
    "受付中", "今すぐ", "今だけ", "年会費", "入会", "ランキング", "人気", "最大", "円引き", "%引き", "半額", "早割",
    "比較", "月額", "乗り換え", "査定", "お取り寄せ", "おすすめ", "節約", "注文", "公式サイト", "お届け",
    "狙い目", "もれなく", "いまなら", "特別価格",
)
# A publisher that names itself a shop or a school sells to its reader: a news digest cites the press,
# agencies and offices, never a store ('…公式ストア', '…専門店', '…ドライビングスクール').
_SELLER_NAME = re.compile(r"ストア|ショップ|専門店|通販|スクール|買取|(?:公式|オンライン)(?:サイト|ストア|ショップ)")


# Words any news page may say whatever it is about (the year, the country, prices, news itself):
# an ad borrows them to look like its page, so they are no evidence that two texts share a topic.
_GENERIC_WORDS = (
    "今年", "今季", "今回", "今後", "今月", "今週", "昨年", "来年", "全国", "各地", "国内", "日本", "速報", "最新",
    "情報", "価格", "値段", "料金", "相場", "傾向", "影響", "話題", "注目", "まとめ", "一覧", "特集", "チェック",
    "ニュース", "記事", "サービス", "どうなる", "見通し", "増加", "減少", "上昇", "下落", "過去最高", "過去最多",
)
_GENERIC = re.compile("|".join(map(re.escape, sorted({*_GENERIC_WORDS, *_PROMOTION_CUES}, key=len, reverse=True))))


def distinctive_bigrams(text: str) -> frozenset[str]:
    """The content bigrams of what ``text`` says beyond generic news words and the language of offers:
    the words that tell one topic from another (an ad's 中古車 and 査定, not its 今年, 全国 and 価格)."""
    return frozenset(pair for pair in content_bigrams(_GENERIC.sub(" ", text))
                     if pair[0] not in _HIRAGANA and pair[1] not in _HIRAGANA)


def content_bigrams(text: str) -> frozenset[str]:
    pairs: set[str] = set()
    for chunk in _NOT_CONTENT.split(text):
        pairs.update(chunk[index:index + 2] for index in range(len(chunk) - 1))
    return frozenset(pair for pair in pairs if not (pair[0] in _HIRAGANA and pair[1] in _HIRAGANA))


def coverage(part: frozenset[str], whole: frozenset[str]) -> float:
    """The share of ``part``'s pairs that occur in ``whole`` (0 when ``part`` is empty)."""
    if not part:
        return 0.0
    return len(part & whole) / len(part)


class PageBigrams:
    """Each line's content bigrams and how many lines hold each: read once per page, so "the rest
    of the page without this card's lines" costs a card its own lines, not the whole page again."""

    def __init__(self, lines: Iterable[tuple[Hashable, str]]) -> None:
        """``lines``: each line as (what identifies it, its text)."""
        by_line = [(line, content_bigrams(text)) for line, text in lines]
        self._pairs_of = dict(by_line)
        self._lines_with = Counter(pair for _, pairs in by_line for pair in pairs)

    def coverage_without(self, part: frozenset[str], excluded_lines: Collection[Hashable] = ()) -> float:
        """The share of ``part``'s pairs that occur in a line of the page outside ``excluded_lines``."""
        if not part:
            return 0.0
        own = Counter(pair for line in set(excluded_lines) for pair in self._pairs_of.get(line, frozenset()) & part)
        return sum(1 for pair in part if self._lines_with[pair] > own[pair]) / len(part)


def promotion_cues(summary: Iterable[str]) -> int:
    """How many different promotion cues the summary holds."""
    # A price given as its range is a price: '1万円台から' reads as the cue '円から'.
    text = unicodedata.normalize("NFKC", " ".join(summary)).lower().replace("円台", "円")
    return sum(1 for cue in _PROMOTION_CUES if cue in text)


def topic_words(text_pairs: frozenset[str], topic: Iterable[str]) -> frozenset[str]:
    """The content words (pairs of kanji, katakana or Latin letters: no kana particle or ending)
    that ``text_pairs`` shares with the topic lines."""
    return frozenset(pair for pair in text_pairs & content_bigrams(" ".join(topic))
                     if pair[0] not in _HIRAGANA and pair[1] not in _HIRAGANA)


def names_a_seller(publisher: str | None) -> bool:
    """The card's publisher names a shop, a store or a school (``_SELLER_NAME``)."""
    return publisher is not None and _SELLER_NAME.search(unicodedata.normalize("NFKC", publisher)) is not None
