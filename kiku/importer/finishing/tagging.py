"""Tags from the site's vocabulary, suggested by the terms that occur in the article."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from kiku.content.model import Tag

# A term in the title, lead, key points, headings or conclusion is enough; elsewhere a
# passing mention is not, so a tag also needs this many mentions in the whole article.
MIN_MENTIONS = 4


def suggest_tags(texts: Iterable[str], prominent_texts: Iterable[str],
                 vocabulary: Mapping[str, Tag]) -> tuple[str, ...]:
    """Keys of the tags the article is about, most mentioned first.

    Ties keep the vocabulary's order, so the same article always gets the same tags.
    """
    article_text = "\n".join(texts)
    prominent_text = "\n".join(prominent_texts)
    counts: dict[str, int] = {}
    for key, tag in vocabulary.items():
        terms = [term for term in (tag.terms or (tag.ja,)) if term]
        mentions = sum(article_text.count(term) for term in terms)
        if mentions >= MIN_MENTIONS or any(term in prominent_text for term in terms):
            counts[key] = mentions
    order = {key: position for position, key in enumerate(vocabulary)}
    return tuple(sorted(counts, key=lambda key: (-counts[key], order[key])))
