"""Is a source card's summary about its title and its section? Character-bigram overlap.

Japanese has no spaces, so words are approximated by overlapping character pairs. Pairs of
pure hiragana are mostly particles and endings (「ている」, 「ました」) shared by any two
texts, so they are left out; what remains is names and content words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_NOT_CONTENT = re.compile(r"[\s、。,.!！?？「」『』（）()【】\[\]:：・…\-—―/／\"“”'’0-9０-９]+")
_HIRAGANA_PAIR = re.compile(r"^[ぁ-ゖー]{2}$")

# Measured on the seed pages: real cards share >= 0.21 of their summary's pairs with their
# section and >= 0.33 of their title's pairs with their summary; the ad card shares 0.04.
OFF_TOPIC_THRESHOLD = 0.12


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


def summary_relevance(title: str | None, summary: Iterable[str], section_text: Iterable[str]) -> float:
    """How much the summary is about the card's title or its section, from 0 to 1."""
    summary_pairs = content_bigrams(" ".join(summary))
    section_pairs = content_bigrams(" ".join(section_text))
    scores = [coverage(summary_pairs, section_pairs)]
    if title:
        scores.append(coverage(content_bigrams(title), summary_pairs))
    return max(scores)


def is_off_topic(title: str | None, summary: Iterable[str], section_text: Iterable[str]) -> bool:
    summary = list(summary)
    return bool(summary) and summary_relevance(title, summary, section_text) < OFF_TOPIC_THRESHOLD
