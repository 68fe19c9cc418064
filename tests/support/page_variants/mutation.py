"""What a page mutation is, and helpers the mutations share."""

from __future__ import annotations

import random
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Literal, TypeVar

Rewrite = Callable[[str, random.Random], str]
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


def injective_choice(keys: Sequence[str], pool: Sequence[T], rng: random.Random) -> dict[str, T]:
    """Each key mapped to a different member of ``pool`` (keys beyond the pool keep cycling it):
    a page that marks two roles with two glyphs still tells them apart."""
    shuffled = list(pool)
    rng.shuffle(shuffled)
    return {key: shuffled[index % len(shuffled)] for index, key in enumerate(sorted(keys))}


def is_symbol(char: str) -> bool:
    return unicodedata.category(char) in ("So", "Sm")
