"""How long an article takes to read, counted in characters as Japanese readers count it.

Japanese has no words to count; reading speed is measured in characters (文字) per minute. Adult
readers manage roughly 500–600 characters a minute on ordinary prose (the figure Japanese
publishers and blog platforms quote). A digest is dense: kanji-heavy news prose, foreign names in
katakana and Latin, numbers. kiku uses the slow end, **500 characters a minute**, so the estimate
never promises a shorter read than the article is. The count is of visible characters: spaces,
Markdown markup and link destinations are left out.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable

from kiku.content.model import Article, DigestArticle

CHARACTERS_PER_MINUTE = 500
# What a reader does not read: link destinations, Markdown emphasis and link brackets, whitespace.
NOT_READ = re.compile(r"\]\([^)\s]*\)|[*_`\[\]#>]|\s+")
_LINK_DESTINATION = re.compile(r"\]\([^)\s]*\)")
_MARKUP_CHARACTERS = "*_`[]#>"


def visible_characters(texts: Iterable[str | None]) -> int:
    """The number of characters a reader reads in ``texts`` (Markdown source): what ``NOT_READ``
    leaves of each, summed."""
    # Counted without a regular expression walking every character (a third of an article page's
    # context): the texts joined by a line break (not read, and no link destination spans one),
    # link destinations cut out, then every character but whitespace and markup counted.
    text = "\n".join(text for text in texts if text)
    if "](" in text:
        text = _LINK_DESTINATION.sub("", text)
    read = sum(map(len, text.split()))  # str.split's whitespace is the \s of re's str patterns
    return read - sum(map(text.count, _MARKUP_CHARACTERS))


def reading_minutes(characters: int) -> int:
    """Whole minutes to read ``characters`` at ``CHARACTERS_PER_MINUTE``; at least 1."""
    return max(1, math.ceil(characters / CHARACTERS_PER_MINUTE))


def reading_time_label(article: Article) -> str:
    """``約3分（1,234字）``: the minutes to read ``article`` and the characters they cover."""
    characters = visible_characters(_texts(article))
    return f"約{reading_minutes(characters)}分（{characters:,}字）"


def _texts(article: Article) -> Iterable[str | None]:
    yield article.title
    yield article.lead
    if isinstance(article, DigestArticle):
        yield article.intro
        yield from article.key_points
        for section in article.sections:
            yield section.heading
            yield section.question
            yield section.answer
            yield from section.comments
            for card in section.sources:
                if not card.off_topic:
                    yield card.title
                    yield from card.summary
                yield from card.comments
            yield from section.body
            yield from section.reaction
        yield from article.outro
        yield from article.conclusion
    else:
        for encyclopedia_section in article.sections:
            yield encyclopedia_section.heading
            yield from encyclopedia_section.body
