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
from collections.abc import Collection, Hashable, Iterable

_NOT_CONTENT = re.compile(r"[\s、。,.!！?？「」『』（）()【】\[\]:：・…\-—―/／\"“”'’0-9０-９]+")
_HIRAGANA_PAIR = re.compile(r"^[ぁ-ゖー]{2}$")

# Measured on the 17 import cases (bench/import_audit.py): every real card scores >= 0.26
# (its summary against the rest of the page; >= 0.16 against its own section and title
# alone); the ads whose title is on topic score <= 0.08 on every measure.
OFF_TOPIC_THRESHOLD = 0.12
# Cues of an advertisement's summary (offers, prices, sign-ups), whatever is advertised.
_PROMOTION_CUES = (
    "今なら", "キャンペーン", "初回", "限定", "無料", "円分", "ポイント", "還元", "会員登録", "登録は",
    "申し込み", "申込", "定期コース", "解約", "お得", "割引", "クーポン", "送料", "実施中", "特典", "口コミ",
    "累計販売", "お試し", "プレゼント", "最安", "off", "円から", "特価", "セール", "予約で", "業界最", "お得に",
    "受付中", "今すぐ",
)
# A summary with this many different cues, that shares little with its section, is an ad.
PROMOTION_CUES_FOR_AD = 3
# An ad under a title of its own shares only generic words (今年, 全国, 価格) with the page, in
# its summary and its title alike; a real card is about the page in one or the other. Measured
# on the import cases (bench/import_audit.py): real cards score >= 0.14 on the summary and,
# below 0.2 there, >= 0.43 on the title; ads with their own title score <= 0.12 and <= 0.19.
WEAK_SUMMARY = 0.2
WEAK_TITLE = 0.3


def content_bigrams(text: str) -> frozenset[str]:
    pairs: set[str] = set()
    for chunk in _NOT_CONTENT.split(text):
        for index in range(len(chunk) - 1):
            pair = chunk[index:index + 2]
            if not _HIRAGANA_PAIR.match(pair):
                pairs.add(pair)
    return frozenset(pairs)


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


def off_topic_reason(title: str | None, summary: Iterable[str], section_text: Iterable[str],
                     page: PageBigrams | None = None, card_lines: Collection[Hashable] = ()) -> str | None:
    """Why the card reads as an ad (its summary is about something else), or None for a real card.

    ``page`` is the whole page; ``card_lines`` are this card's own lines, left out of it.
    """
    summary = list(summary)
    section_text = list(section_text)
    if not summary:
        return None
    about_page = summary_relevance(None, summary, section_text, page, card_lines)
    if about_page < OFF_TOPIC_THRESHOLD:
        return f"the summary is not about {title or 'the section'!r}"
    if title and about_page < WEAK_SUMMARY and summary_relevance(
            None, [title], section_text, page, card_lines) < WEAK_TITLE:
        return f"neither the summary nor the title {title!r} is about the section or the page"
    about_section = coverage(content_bigrams(" ".join(summary)), content_bigrams(" ".join(section_text)))
    if promotion_cues(summary) >= PROMOTION_CUES_FOR_AD and about_section < OFF_TOPIC_THRESHOLD:
        return "the card reads as an ad (offers and sign-ups) and is not about the section"
    return None


def is_off_topic(title: str | None, summary: Iterable[str], section_text: Iterable[str],
                 page_text: Iterable[str] = ()) -> bool:
    """The summary is about something else than its card, its section and ``page_text``: an ad."""
    page = PageBigrams(enumerate(page_text))
    return off_topic_reason(title, summary, section_text, page) is not None
