"""What a page mutation is, and helpers the mutations share."""

from __future__ import annotations

import random
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal, TypeVar

Rewrite = Callable[[str, random.Random], str]
# A rewrite that finds what to print anew by the page's ground truth (its cards' URLs, publishers
# and dates), so that the variant provably keeps the page's meaning.
TruthRewrite = Callable[[str, random.Random, Mapping[str, Any]], str]
PageKind = Literal["text", "html"]
T = TypeVar("T")


@dataclass(frozen=True)
class PageMutation:
    name: str
    kind: PageKind
    rewrite: Rewrite
    # Adds chrome lines (from ``chrome.CHROME_BLOCKS``), which the variant counts as debris; applied
    # last in a combination so that no other rewrite changes them.
    inserts_chrome: bool = False
    truth_rewrite: TruthRewrite | None = None

    def apply(self, page: str, rng: random.Random, truth: Mapping[str, Any] | None) -> str:
        """The page rewritten; a rewrite by the truth leaves a page without one as it is."""
        if self.truth_rewrite is not None:
            return page if truth is None else self.truth_rewrite(page, rng, truth)
        return self.rewrite(page, rng)


def unchanged(page: str, rng: random.Random) -> str:
    return page


def field_mutation(name: str, kind: PageKind, fields: TruthRewrite) -> PageMutation:
    """A mutation of the lines printing a field of the truth (a question, a heading, a card's publisher);
    without a truth it knows no such line."""
    return PageMutation(name, kind, unchanged, truth_rewrite=fields)


def injective_choice(keys: Sequence[str], pool: Sequence[T], rng: random.Random) -> dict[str, T]:
    """Each key mapped to a different member of ``pool`` (keys beyond the pool keep cycling it):
    a page that marks two roles with two glyphs still tells them apart."""
    shuffled = list(pool)
    rng.shuffle(shuffled)
    return {key: shuffled[index % len(shuffled)] for index, key in enumerate(sorted(keys))}


def is_symbol(char: str) -> bool:
    return unicodedata.category(char) in ("So", "Sm")
