"""Which of a digest page's first lines is its title; the lines above it are the site's masthead.

A site prints its name (and sometimes a tagline) above the article. The title is told by what
the family does with it: it is printed again further down, or the article's date line follows
it. Without either, the first line is the title. Only the first few lines are looked at.
"""

from __future__ import annotations

from collections import Counter

from kiku.importer.grammar.dates import line_date
from kiku.importer.layouts.labels import fold

# How far down the title may stand (a masthead is a line or two, a tagline, a menu).
MAX_MASTHEAD = 4


# A title is a headline: not a sentence that ends with a full stop, not a paragraph.
MAX_TITLE = 80
# A site's name, a menu or a category above the title is short.
MAX_LABEL = 12


def _reads_as_title(text: str) -> bool:
    return len(text) <= MAX_TITLE and not text.rstrip().endswith(("。", "．"))


def title_index(texts: list[str]) -> int:
    """The index of the title among ``texts`` (the page without its debris)."""
    head = range(min(MAX_MASTHEAD + 1, len(texts)))
    is_date = [line_date(texts[index]) is not None for index in head]
    counts = Counter(fold(text) for text in texts)
    for index in head:
        if not is_date[index] and counts[fold(texts[index])] >= 2:
            return index
    for index in head:
        if (not is_date[index] and index + 1 < len(texts) and line_date(texts[index + 1]) is not None
                and _reads_as_title(texts[index])):
            return index
    # No evidence: a site's name or a category printed above the title is a short label; the
    # title is the first line long enough to be a headline.
    headline = next((index for index in head if not is_date[index] and _reads_as_title(texts[index])
                     and len(texts[index]) > MAX_LABEL), None)
    if headline is not None and all(len(texts[index]) <= MAX_LABEL for index in head if index < headline):
        return headline
    return next((index for index in head if not is_date[index]), 0)
