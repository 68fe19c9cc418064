"""The named page mutations, and fixed-seed combinations of them."""

from __future__ import annotations

import random
from collections.abc import Sequence

from tests.support.page_variants import (
    badges,
    card_rows,
    card_shapes,
    chrome,
    encyclopedia,
    field_labels,
    field_marks,
    html_attributes,
    html_cards,
    html_structure,
    link_notes,
    mirror_frame,
    pdf_pages,
    screen_reader,
    shuffled_fields,
    text_cards,
    text_dates,
    text_labels,
    text_lines,
)
from tests.support.page_variants.mutation import PageKind, PageMutation, field_mutation, unchanged


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
    PageMutation("text_dates_two_calendars", "text", text_dates.both_calendars),
    PageMutation("text_labels", "text", text_labels.swap_labels),
    PageMutation("text_dense", "text", text_lines.dense),
    PageMutation("text_spaced", "text", text_lines.spaced),
    PageMutation("text_crlf", "text", text_lines.crlf),
    PageMutation("text_ency_edit_marks", "text", encyclopedia.swap_text_edit_marks),
    PageMutation("text_ency_footnote_marks", "text", encyclopedia.swap_text_footnote_marks),
    PageMutation("text_ency_references_heading", "text", encyclopedia.swap_text_references_heading),
    PageMutation("text_ency_contents", "text", encyclopedia.swap_text_contents),
    PageMutation("text_ency_wrapped_url", "text", encyclopedia.wrap_text_reference_urls),
    PageMutation("text_ency_source_credit", "text", encyclopedia.swap_source_credit),
    PageMutation("text_ency_section_numbers", "text", encyclopedia.number_text_headings),
    PageMutation("text_ency_added_contents", "text", encyclopedia.add_text_contents),
    field_mutation("text_one_line_cards", "text", text_cards.one_line_cards),
    field_mutation("text_card_shuffled", "text", shuffled_fields.text_shuffled),
    PageMutation("text_ency_glyphed_headings", "text", encyclopedia.glyph_text_headings),
    PageMutation("text_chrome", "text", chrome.insert_text_chrome, inserts_chrome=True),
    PageMutation("text_newsletter", "text", chrome.frame_as_newsletter, inserts_chrome=True),
    PageMutation("text_mail_magazine", "text", chrome.frame_as_mail_magazine, inserts_chrome=True),
    PageMutation("text_pdf_export", "text", pdf_pages.as_pdf_export, inserts_chrome=True),
    field_mutation("text_qa_labels", "text", field_labels.relabel_questions("text")),
    field_mutation("text_publisher_labels", "text", field_labels.label_publishers("text")),
    field_mutation("text_ad_labels", "text", field_labels.relabel_ads("text")),
    field_mutation("text_heading_marks", "text", field_marks.mark_headings("text")),
    field_mutation("text_updated_dates", "text", field_marks.add_updated_dates("text")),
    field_mutation("text_updated_date_lines", "text", field_marks.add_updated_date_lines("text")),
    PageMutation("text_screen_reader", "text", unchanged, inserts_chrome=True,
                 truth_rewrite=screen_reader.announce_roles),
)
HTML_MUTATIONS = (
    PageMutation("html_hashed_names", "html", html_attributes.hash_names),
    PageMutation("html_no_classes", "html", html_attributes.drop_classes),
    PageMutation("html_wrapped", "html", html_structure.wrap_blocks),
    PageMutation("html_link_card_wrappers", "html", html_structure.wrap_link_cards),
    PageMutation("html_containers", "html", html_structure.swap_containers),
    PageMutation("html_charrefs", "html", html_structure.symbols_as_charrefs),
    PageMutation("html_time", "html", html_structure.dates_in_time),
    PageMutation("html_date_above_title", "html", html_structure.date_above_title),
    PageMutation("html_card_br", "html", html_cards.lines_with_breaks),
    PageMutation("html_card_list", "html", html_cards.lines_as_list),
    PageMutation("html_card_reorder", "html", html_cards.reordered_meta),
    PageMutation("html_ency_edit_marks", "html", encyclopedia.swap_html_edit_marks),
    PageMutation("html_ency_footnote_marks", "html", encyclopedia.swap_html_footnote_marks),
    PageMutation("html_ency_references_heading", "html", encyclopedia.swap_html_references_heading),
    PageMutation("html_ency_source_credit", "html", encyclopedia.swap_source_credit),
    PageMutation("html_ency_section_numbers", "html", encyclopedia.number_html_headings),
    PageMutation("html_chrome", "html", chrome.insert_html_chrome, inserts_chrome=True),
    PageMutation("html_ency_mirror_frame", "html", mirror_frame.frame_mirror_column, inserts_chrome=True),
    field_mutation("html_qa_labels", "html", field_labels.relabel_questions("html")),
    field_mutation("html_publisher_labels", "html", field_labels.label_publishers("html")),
    field_mutation("html_ad_labels", "html", field_labels.relabel_ads("html")),
    field_mutation("html_heading_marks", "html", field_marks.mark_headings("html")),
    field_mutation("html_updated_dates", "html", field_marks.add_updated_dates("html")),
    field_mutation("html_heading_kickers", "html", field_marks.kick_headings),
    field_mutation("html_link_screen_reader_notes", "html", link_notes.note_card_links),
    field_mutation("html_qa_badges", "html", badges.badge_questions),
    field_mutation("html_points_label_in_lead", "html", badges.points_label_in_lead),
)


def _card_shape(name: str, shape: card_shapes.Shape) -> PageMutation:
    return PageMutation(name, "html", unchanged, truth_rewrite=card_shapes.shape_rewrite(shape))


# Each card of a saved page printed in another markup a CMS uses (``card_shapes``).
CARD_SHAPE_MUTATIONS = (
    _card_shape("html_card_table", card_shapes.as_table),
    _card_shape("html_card_dl", card_shapes.as_definition_list),
    _card_shape("html_card_figure", card_shapes.as_figure),
    _card_shape("html_card_preview", card_shapes.as_preview),
    _card_shape("html_card_link_block", card_shapes.as_link_block),
    _card_shape("html_card_quote", card_shapes.as_quotation),
    _card_shape("html_card_source_first", card_shapes.source_first),
    _card_shape("html_card_source_joined", card_shapes.sources_joined),
    _card_shape("html_card_source_split", card_shapes.sources_split),
    _card_shape("html_card_details", card_rows.as_details),
    _card_shape("html_card_row", card_rows.as_row),
    _card_shape("html_card_label_table", card_rows.as_label_table),
    _card_shape("html_card_header_table", card_rows.as_header_table),
    _card_shape("html_card_shuffled", shuffled_fields.as_shuffled),
)
MUTATIONS = {mutation.name: mutation for mutation in (*TEXT_MUTATIONS, *HTML_MUTATIONS, *CARD_SHAPE_MUTATIONS)}


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
