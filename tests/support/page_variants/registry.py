"""The named page mutations, and fixed-seed combinations of them."""

from __future__ import annotations

import random
from collections.abc import Sequence

from tests.support.page_variants import (
    chrome,
    html_attributes,
    html_cards,
    html_structure,
    text_dates,
    text_labels,
    text_lines,
)
from tests.support.page_variants.mutation import PageKind, PageMutation


def identity(page: str, rng: random.Random) -> str:
    return page


IDENTITY = "identity"

TEXT_MUTATIONS = (
    PageMutation("text_bullets", "text", text_lines.swap_bullets),
    PageMutation("text_bullet_dropped", "text", text_lines.drop_one_bullet),
    PageMutation("text_link_phrase", "text", text_lines.swap_link_phrase),
    PageMutation("text_link_glyph", "text", text_lines.swap_link_glyph),
    PageMutation("text_link_label_url", "text", text_lines.label_before_url),
    PageMutation("text_dates", "text", text_dates.reformat_dates),
    PageMutation("text_labels", "text", text_labels.swap_labels),
    PageMutation("text_dense", "text", text_lines.dense),
    PageMutation("text_spaced", "text", text_lines.spaced),
    PageMutation("text_crlf", "text", text_lines.crlf),
    PageMutation("text_chrome", "text", chrome.insert_text_chrome, inserts_chrome=True),
    PageMutation("text_newsletter", "text", chrome.frame_as_newsletter, inserts_chrome=True),
)
HTML_MUTATIONS = (
    PageMutation("html_hashed_names", "html", html_attributes.hash_names),
    PageMutation("html_no_classes", "html", html_attributes.drop_classes),
    PageMutation("html_wrapped", "html", html_structure.wrap_blocks),
    PageMutation("html_containers", "html", html_structure.swap_containers),
    PageMutation("html_charrefs", "html", html_structure.symbols_as_charrefs),
    PageMutation("html_time", "html", html_structure.dates_in_time),
    PageMutation("html_date_above_title", "html", html_structure.date_above_title),
    PageMutation("html_card_br", "html", html_cards.lines_with_breaks),
    PageMutation("html_card_list", "html", html_cards.lines_as_list),
    PageMutation("html_card_reorder", "html", html_cards.reordered_meta),
    PageMutation("html_chrome", "html", chrome.insert_html_chrome, inserts_chrome=True),
)
MUTATIONS = {mutation.name: mutation for mutation in (*TEXT_MUTATIONS, *HTML_MUTATIONS)}


def chain(mutations: Sequence[PageMutation]) -> tuple[PageMutation, ...]:
    """The mutations in the order they are applied: chrome insertion last."""
    return tuple(sorted(mutations, key=lambda mutation: mutation.inserts_chrome))


def combinations(kind: PageKind, count: int, size: int, seed: int) -> list[tuple[PageMutation, ...]]:
    """``count`` random sets of ``size`` mutations of one kind, the same for the same seed."""
    rng = random.Random(f"{seed}-{kind}")
    pool = [mutation for mutation in MUTATIONS.values() if mutation.kind == kind]
    return [chain(rng.sample(pool, size)) for _ in range(count)]


def combination_name(mutations: Sequence[PageMutation]) -> str:
    return "+".join(mutation.name for mutation in mutations)
