"""A card title's meta prefix in brackets: the publisher beside the date ('[日本経済新聞｜2025/10/08] title',
'〔NHK 2025年6月1日〕 title') and, on a page that prints its cards so, the publisher alone in the same brackets
on a card that gives no date ('[ゴールドウェル] title'). A bracket of the headline's own ('【速報】', '［独自］') stays
where no card of the page names its publisher so."""

from __future__ import annotations

import re
import unicodedata

from kiku.importer.cleaning.chrome import is_ad_label
from kiku.importer.grammar.cards.card_meta import card_date
from kiku.importer.grammar.cards.name_labels import MAX_NAME, is_source_label
from kiku.importer.grammar.lines.dates import find_date

# The brackets a card's meta prefix is printed in, whatever their shape (NFKC folds the full-width ones).
_META_BRACKETS = "()[]〔〕〈〉《》【】"
_PREFIX = re.compile(r"^\s*(?P<open>[(\[〔〈《【（［])(?P<inner>[^()\[\]〔〕〈〉《》【】（）［］]{1,40})"
                     r"[)\]〕〉》】）］]\s*(?P<rest>\S.*)$")
_NOT_IN_NAME = re.compile(r"[。、，,．!！?？「」『』:：|｜/／]")


def publisher_beside_date(head: str) -> str | None:
    """The publisher a title's dated prefix names beside its date, else None."""
    meta = card_date(unicodedata.normalize("NFKC", head).strip().strip(_META_BRACKETS))
    return meta.publisher if meta is not None else None


def prefix_bracket(head: str) -> str | None:
    """The opening bracket of a dated prefix ('[' of '[name｜date]'), NFKC-folded, else None."""
    opening = unicodedata.normalize("NFKC", head).strip()[:1]
    return opening if opening and opening in _META_BRACKETS else None


def named_prefix(title: str, brackets: set[str]) -> tuple[str, str] | None:
    """(publisher, title) of a title opening with a name alone in one of ``brackets`` (the page's dated prefixes'
    bracket): a short name, no date, no label word, no sentence mark; else None."""
    match = _PREFIX.match(title)
    if match is None or unicodedata.normalize("NFKC", match["open"]) not in brackets:
        return None
    name = unicodedata.normalize("NFKC", match["inner"]).strip()
    if not 2 <= len(name) <= MAX_NAME or _NOT_IN_NAME.search(name) or find_date(name) is not None \
            or is_source_label(name) or is_ad_label(name):
        return None
    return name, match["rest"].strip()
