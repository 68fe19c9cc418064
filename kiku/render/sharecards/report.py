"""What writing a site's share cards did: a module of its own, so that the report of a build (kept
in the build cache, ``kiku.unchanged``) loads without importing Pillow and the card drawing code."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class CardReport:
    """What writing the cards did."""

    written: int
    drawn: int
    from_cache: int
