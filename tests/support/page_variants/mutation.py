"""What a page mutation is, and helpers the mutations share."""

from __future__ import annotations

import random
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal, TypeVar

Rewrite = Callable[[str, random.Random], str]
# A rewrite of the lines that print one field of the page's truth (a question, a heading, a card's
# publisher): it reads the truth to find them, as an editor who knows the page would.
FieldRewrite = Callable[[str, random.Random, Mapping[str, Any]], str]
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
    fields: FieldRewrite | None = None

    def applied(self, text: str, rng: random.Random, truth: Mapping[str, Any]) -> str:
        return self.rewrite(text, rng) if self.fields is None else self.fields(text, rng, truth)


def field_mutation(name: str, kind: PageKind, fields: FieldRewrite) -> PageMutation:
    """A mutation of the lines printing a field of the truth; without a truth it knows no such line."""
    return PageMutation(name, kind, lambda text, rng: text, fields=fields)


def injective_choice(keys: Sequence[str], pool: Sequence[T], rng: random.Random) -> dict[str, T]:
    """Each key mapped to a different member of ``pool`` (keys beyond the pool keep cycling it):
    a page that marks two roles with two glyphs still tells them apart."""
    shuffled = list(pool)
    rng.shuffle(shuffled)
    return {key: shuffled[index % len(shuffled)] for index, key in enumerate(sorted(keys))}


def is_symbol(char: str) -> bool:
    return unicodedata.category(char) in ("So", "Sm")
