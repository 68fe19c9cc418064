"""A box a chrome rule would drop by its class or its first word ('関連記事', 'related') that is one
source card: it links out to one web page only, and prints a date and a summary sentence.

    <table class="kanren"><tr><th>関連記事</th><td><a href="https://…"><b>headline</b></a></td></tr>
      <tr><th>日付</th><td>令和7年10月8日</td></tr><tr><th>要旨</th><td>a sentence of the article。</td></tr></table>

A list of related articles links to several pages and quotes none of them; a box holding one
linked article with its date and a summary of it is the article's source, however it is named."""

from __future__ import annotations

import re

from bs4 import Tag

from kiku.importer.grammar.lines.dates import find_date

# A card is short: a headline, a date, a publisher, a few summary lines.
MAX_CARD_TEXT = 800
_WEB = re.compile(r"^\s*https?://", re.IGNORECASE)
_SENTENCE = re.compile(r"[。．]")


def one_source_card(element: Tag) -> bool:
    """The box links out to one web page, and prints a date and a sentence (the card's summary)."""
    targets = {str(link["href"]).strip() for link in element.find_all("a", href=True)
               if not str(link["href"]).strip().startswith("#")}
    if len(targets) != 1 or not _WEB.match(next(iter(targets))):
        return False
    text = element.get_text(" ", strip=True)
    return len(text) <= MAX_CARD_TEXT and find_date(text) is not None and _SENTENCE.search(text) is not None
