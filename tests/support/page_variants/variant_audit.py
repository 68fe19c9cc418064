"""A page variant imported and scored with the audit's own code (``tests/support/import_audit``)."""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from kiku.importer.page import split_lines
from tests.support.import_audit import CaseAudit, PageGround, page_audit_or_refusal, scraped_from
from tests.support.import_cases import ImportCase
from tests.support.page_variants.chrome import CHROME_LINES
from tests.support.page_variants.findable import lost_strings
from tests.support.page_variants.mutation import PageMutation
from tests.support.page_variants.page_source import PageSource, read_source
from tests.support.page_variants.screen_reader import is_announcement


@dataclass(frozen=True)
class VariantOutcome:
    page: str
    mutation: str
    # None when the variant was not scored: ``skipped`` says why.
    audit: CaseAudit | None
    skipped: str | None = None
    # False when the variant's lines could not be matched with the page's, so its debris is the
    # page's debris as written (the bench counts such variants).
    debris_aligned: bool = True


def kind_of(case: ImportCase) -> str:
    return "text" if case.page.suffix.lower() == ".txt" else "html"


def mutated(source: PageSource, mutations: Sequence[PageMutation], rng: random.Random,
            truth: dict[str, Any] | None = None) -> str:
    text = source.text
    for mutation in mutations:
        text = mutation.apply(text, rng, truth)
    return text


def variant_ground(ground: PageGround, source: PageSource, variant: str) -> tuple[PageGround, bool]:
    """The page's ground for its variant: a debris line the variant rewrote counts as debris in
    its new words, and a chrome line it added counts too."""
    inserted = sorted(line for line in CHROME_LINES if line in variant and line not in source.text)
    if not source.is_html:
        # A screen reader's announcements (``screen_reader``): lines of their own the page did not hold.
        held = {line.text for line in split_lines(source.text)}
        inserted = sorted({*inserted, *(line.text for line in split_lines(variant)
                                        if is_announcement(line.text) and line.text not in held)})
    if source.is_html:
        return replace(ground, debris=(*ground.debris, *inserted)), True
    original = split_lines(source.text)
    kept = [line for line in split_lines(variant) if line.text not in inserted]
    if len(kept) != len(original):
        return replace(ground, debris=(*ground.debris, *inserted)), False
    debris = set(ground.debris)
    rewritten = [new.text for old, new in zip(original, kept, strict=True) if old.text in debris]
    return replace(ground, debris=tuple(dict.fromkeys((*ground.debris, *rewritten, *inserted)))), True


def audit_variant(case: ImportCase, ground: PageGround, mutations: Sequence[PageMutation], name: str,
                  workdir: Path, seed: int, require_change: bool = True) -> VariantOutcome:
    """``case``'s page rewritten by ``mutations`` (named ``name``), written under ``workdir``
    and scored; not scored when the rewrite left the page as it was or lost a truth string."""
    source = read_source(case.page)
    if source is None:
        return VariantOutcome(case.name, name, None, "the page does not read back to its bytes")
    variant = mutated(source, mutations, random.Random(f"{seed}-{case.name}-{name}"), ground.truth)
    if require_change and variant == source.text:
        return VariantOutcome(case.name, name, None, "unchanged")
    if ground.truth is not None:
        lost = lost_strings(ground.truth, source.text, variant, source.is_html)
        if lost:
            return VariantOutcome(case.name, name, None, f"truth strings lost: {lost[:2]}")
    encoded = source.encoded(variant)
    if encoded is None:
        return VariantOutcome(case.name, name, None, f"not writable as {source.encoding}")
    path = workdir / case.page.name
    path.write_bytes(encoded)
    variant_truth, aligned = variant_ground(ground, source, variant)
    audit = page_audit_or_refusal(case.name, path, variant_truth, scraped_from(case))
    return VariantOutcome(case.name, name, audit, debris_aligned=aligned)
