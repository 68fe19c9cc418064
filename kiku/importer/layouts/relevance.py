"""Is a source card's summary about its title and its section? Character-bigram overlap.

Japanese has no spaces, so words are approximated by overlapping character pairs. Pairs of
pure hiragana are mostly particles and endings (「ている」, 「ました」) shared by any two
texts, so they are left out; what remains is names and content words. Nothing here knows
the topics of any page: the measure is the overlap alone, plus the language of promotions
for an ad whose own title is an ad too (its title and summary then agree with each other).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Collection, Hashable, Iterable, Sequence
from dataclasses import dataclass

from kiku.importer.cleaning.chrome import is_ad_line

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
)
# A summary about the page (its words found in the section or elsewhere on the page) is a real
# card, unless it is an ad that happens to share the page's words: many cues and little of its
# own section (measured on the import corpus, bench/import_audit.py: real cards score >= 0.2 or
# hold at most two cues).
WEAK_SUMMARY = 0.2
PROMOTION_CUES_FOR_AD = 3
OFF_TOPIC_THRESHOLD = 0.12
# Below WEAK_SUMMARY the card is weighed on three kinds of evidence that it is about something
# else, and flagged when they add up to AD_EVIDENCE. An ad under a news-like title shares only
# generic words (今年, 全国, 速報, 価格) with the page, and a real card may be worded quite
# differently from its title and section, so no single measure decides:
# - the summary shares almost nothing with the page (strong) or little (weak);
# - the title is not about the page either (an untitled card has no title to vouch for it);
# - the summary or the title speaks the language of offers (each cue counts, up to three): an
#   ad's title that shares generic words with the page may be its offer ('…人気の宿ランキング
#   価格も比較') over a summary about yet another thing.
# On the import corpus, real cards below WEAK_SUMMARY weigh <= 1.5 (one, in batch 6, 2.75) and ads >= 2.
AD_EVIDENCE = 2.0
_SUMMARY_EVIDENCE = ((0.07, 2.0), (OFF_TOPIC_THRESHOLD, 1.5), (WEAK_SUMMARY, 0.5))
_TITLE_EVIDENCE = ((0.15, 1.5), (0.25, 1.0))
UNTITLED_EVIDENCE = 1.0
# A title this much about the page vouches for a card that holds no promotion cue at all.
TITLE_VOUCHES = 0.5
# A summary saying this many words of its own section's heading, question and answer, with no
# word of an offer anywhere on its card, is about the section under a title not wholly foreign to
# the page ('食卓の春、また一段と重く' over a summary on food prices in a section on them).
SECTION_WORDS_VOUCH = 2
CUE_EVIDENCE = 0.75
MAX_CUES_COUNTED = 3


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


def summary_relevance(title: str | None, summary: Iterable[str], section_text: Iterable[str],
                      page: PageBigrams | None = None, card_lines: Collection[Hashable] = ()) -> float:
    """How much the summary is about the card's title, its section or the rest of its page
    (``page`` without ``card_lines``), from 0 to 1 (the page is a safety net for an untitled
    card in a short section)."""
    summary_pairs = content_bigrams(" ".join(summary))
    scores = [coverage(summary_pairs, content_bigrams(" ".join(section_text)))]
    if page is not None:
        scores.append(page.coverage_without(summary_pairs, card_lines))
    if title:
        scores.append(coverage(content_bigrams(title), summary_pairs))
    return max(scores)


def promotion_cues(summary: Iterable[str]) -> int:
    """How many different promotion cues the summary holds."""
    text = unicodedata.normalize("NFKC", " ".join(summary)).lower()
    return sum(1 for cue in _PROMOTION_CUES if cue in text)


def topic_words(text_pairs: frozenset[str], topic: Iterable[str]) -> frozenset[str]:
    """The content words (pairs of kanji, katakana or Latin letters: no kana particle or ending)
    that ``text_pairs`` shares with the topic lines."""
    return frozenset(pair for pair in text_pairs & content_bigrams(" ".join(topic))
                     if pair[0] not in _HIRAGANA and pair[1] not in _HIRAGANA)


def off_topic_reason(title: str | None, summary: Iterable[str], section_text: Iterable[str],
                     page: PageBigrams | None = None, card_lines: Collection[Hashable] = (),
                     topic: Sequence[str] = ()) -> str | None:
    """Why the card reads as an ad (its summary is about something else), or None for a real card.

    ``page`` is the whole page; ``card_lines`` are this card's own lines, left out of it.
    ``topic`` is what the page and the section say they are about: the page's title first, then
    the section's heading, question and answer.
    """
    summary = list(summary)
    if not summary:
        return None
    if title and is_ad_line(title):
        return f"the card's title is marked as an ad ({title!r})"
    summary_pairs = content_bigrams(" ".join(summary))
    reason = _weighed_reason(title, summary, summary_pairs, list(section_text), page, card_lines,
                             _Vouching.of(title, summary_pairs, topic))
    if reason is None and not title and topic and not topic_words(summary_pairs, topic):
        # No title vouches for the card, so its summary is judged on its own: sharing only
        # generic words (今年, 全国, 増え) with the page, and not one word of what the page and the
        # section are about, it is about something else.
        return ("the card has no title and its summary shares no word with the page's title or the section's "
                "heading, question and answer")
    return reason


@dataclass(frozen=True, slots=True)
class _Vouching:
    """What the page's topic says for a card: words of the page's title in its summary (unless
    they are only the words its own title shares with the page title: an ad's title is written
    to hold what its summary shares), and words of its section's heading, question or answer in
    its summary."""

    shares_title: bool
    shares_section: bool
    # How many content words of its section's heading, question and answer the summary says.
    section_words: int = 0

    @staticmethod
    def of(title: str | None, summary_pairs: frozenset[str], topic: Sequence[str]) -> _Vouching:
        if not topic:
            return _Vouching(shares_title=False, shares_section=False)
        in_summary = topic_words(summary_pairs, topic[:1])
        in_title = topic_words(content_bigrams(title), topic[:1]) if title else frozenset()
        echoed = bool(in_title) and in_summary <= in_title
        in_section = topic_words(summary_pairs, topic[1:])
        return _Vouching(shares_title=bool(in_summary) and not echoed, shares_section=bool(in_section),
                         section_words=len(in_section))


def _is_quotation(title: str) -> bool:
    """A title that is someone's words in quotes ('「もう限界」') says who spoke, not what about."""
    text = title.strip()
    return len(text) > 2 and text[0] in "「『“\"" and text[-1] in "」』”\"" and not _QUOTE_INSIDE.search(text[1:-1])


_QUOTE_INSIDE = re.compile(r"[」』”]")


def _weighed_reason(title: str | None, summary: list[str], summary_pairs: frozenset[str],
                    section_text: list[str], page: PageBigrams | None, card_lines: Collection[Hashable],
                    vouching: _Vouching) -> str | None:
    shares_title = vouching.shares_title
    cues = promotion_cues(summary)
    section_pairs = content_bigrams(" ".join(section_text))
    about_section = coverage(summary_pairs, section_pairs)
    about_page = _about_page(summary_pairs, about_section, page, card_lines)
    if about_page >= WEAK_SUMMARY:
        if cues >= PROMOTION_CUES_FOR_AD and about_section < OFF_TOPIC_THRESHOLD:
            return "the card reads as an ad (offers and sign-ups) and is not about the section"
        return None
    title_pairs = content_bigrams(title) if title else frozenset()
    title_about_page = _about_page(title_pairs, coverage(title_pairs, section_pairs), page, card_lines)
    card_cues = promotion_cues([*summary, title or ""])
    vouched = (title_about_page >= TITLE_VOUCHES
               or (vouching.section_words >= SECTION_WORDS_VOUCH and title_about_page > 0)
               or (vouching.shares_section and title_about_page >= _TITLE_EVIDENCE[0][0]))
    # One word of an offer in a title about the page ('…電話予約で運行') over a summary with none
    # that shares a word of its section is a news title, not an ad's.
    title_word_only = (card_cues == 1 and not cues and vouching.shares_section
                       and title_about_page >= TITLE_VOUCHES)
    if title and ((not card_cues and vouched) or title_word_only):
        # No word of an offer anywhere on the card, under a title about the page (or a summary
        # sharing a word of its own section under a title not foreign to the page): a real
        # card worded unlike its page, not an ad.
        return None
    # A title worded unlike the page is evidence only when the summary does not vouch for the
    # card itself: a summary that shares words of the page's own title, even few, outweighs it.
    # A quotation for a title names no topic, so it is no evidence either way.
    title_evidence = (UNTITLED_EVIDENCE if not title else 0.0 if shares_title or _is_quotation(title)
                      else _evidence(title_about_page, _TITLE_EVIDENCE))
    weight = _evidence(about_page, _SUMMARY_EVIDENCE) + title_evidence
    if weight + CUE_EVIDENCE * min(card_cues, MAX_CUES_COUNTED) < AD_EVIDENCE:
        return None
    if weight + CUE_EVIDENCE * min(cues, MAX_CUES_COUNTED) < AD_EVIDENCE:  # the title's offer decided
        return f"the title {title!r} reads as an offer and the summary is hardly about the section or the page"
    if about_page < OFF_TOPIC_THRESHOLD:
        return f"the summary is not about {title or 'the section'!r}"
    if title and title_evidence:
        return f"neither the summary nor the title {title!r} is about the section or the page"
    return "the card reads as an ad (offers and sign-ups) and is not about the section"


def _about_page(pairs: frozenset[str], about_section: float, page: PageBigrams | None,
                card_lines: Collection[Hashable]) -> float:
    """How much of ``pairs`` the section (``about_section``) or the rest of the page says."""
    return max(about_section, page.coverage_without(pairs, card_lines)) if page is not None else about_section


def _evidence(score: float, steps: tuple[tuple[float, float], ...]) -> float:
    """The weight of the first step whose bound ``score`` is under (0 when it is under none)."""
    return next((weight for bound, weight in steps if score < bound), 0.0)


def is_off_topic(title: str | None, summary: Iterable[str], section_text: Iterable[str],
                 page_text: Iterable[str] = (), topic: Sequence[str] = ()) -> bool:
    """The summary is about something else than its card, its section and ``page_text``: an ad."""
    page = PageBigrams(enumerate(page_text))
    return off_topic_reason(title, summary, section_text, page, topic=topic) is not None
