"""Each card-shape mutation prints a page's cards anew, found by the truth, keeping every string."""

from __future__ import annotations

import random

import pytest

from tests.support.page_variants.findable import lost_strings, page_text
from tests.support.page_variants.mutation import PageMutation
from tests.support.page_variants.registry import CARD_SHAPE_MUTATIONS

PAGE = """<html><body><article><h1>港の再開発、どこまで進んだ</h1>
<h2>計画の中身</h2>
<p>市は港の再開発計画をまとめました。</p>
<div class="src"><p><a href="https://minato.example.jp/a/1">港湾再開発の基本計画を決定 市議会</a></p>
<p>市は倉庫街を商業施設と公園に転換する計画を決めた。</p>
<p>2025年4月2日 みなと日報</p></div>
<p>完成は10年後の見込みです。</p>
<div class="src"><p><a href="https://umi.example.jp/b/2">倉庫街の跡地、公園の広さは東京ドーム2個分</a></p>
<p>うみ新聞</p><p>2025/04/03</p></div>
<p>広い公園になりそうです。</p>
</article></body></html>
"""
TRUTH = {
    "title": "港の再開発、どこまで進んだ",
    "sections": [{"heading": "計画の中身", "sources": [
        {"title": "港湾再開発の基本計画を決定 市議会", "url": "https://minato.example.jp/a/1",
         "publisher": "みなと日報", "published": "2025-04-02"},
        {"title": "倉庫街の跡地、公園の広さは東京ドーム2個分", "url": "https://umi.example.jp/b/2",
         "publisher": "うみ新聞", "published": "2025-04-03"}]}],
    "content": ["港の再開発、どこまで進んだ", "計画の中身", "市は港の再開発計画をまとめました。",
                "完成は10年後の見込みです。", "広い公園になりそうです。"],
}
ALWAYS = [mutation for mutation in CARD_SHAPE_MUTATIONS if "source_" not in mutation.name]


@pytest.mark.parametrize("mutation", ALWAYS, ids=[mutation.name for mutation in ALWAYS])
def test_every_card_is_printed_anew_with_its_text_and_the_article_is_left_alone(mutation: PageMutation) -> None:
    variant = mutation.apply(PAGE, random.Random(1), TRUTH)
    assert variant != PAGE
    assert lost_strings(TRUTH, PAGE, variant, is_html=True) == []
    assert '<div class="src"><p><a' not in variant.replace('<div class="src"><p><a href="https://minato', "")
    for text in TRUTH["content"][1:]:
        assert f"<p>{text}</p>" in variant or text == "計画の中身"
    assert "市は倉庫街を商業施設と公園に転換する計画を決めた。" in page_text(variant, is_html=True)


def test_a_page_without_truth_is_left_as_it_is() -> None:
    assert CARD_SHAPE_MUTATIONS[0].apply(PAGE, random.Random(1), None) == PAGE


def test_the_source_lines_are_joined_and_split() -> None:
    by_name = {mutation.name: mutation for mutation in CARD_SHAPE_MUTATIONS}
    joined = by_name["html_card_source_joined"].apply(PAGE, random.Random(1), TRUTH)
    assert "<p>うみ新聞</p>" not in joined and "うみ新聞" in joined and "2025/04/03" in joined
    split = by_name["html_card_source_split"].apply(PAGE, random.Random(1), TRUTH)
    assert "<p>2025年4月2日</p><p>みなと日報</p>" in split
    first = by_name["html_card_source_first"].apply(PAGE, random.Random(1), TRUTH)
    assert first.index("みなと日報") < first.index("港湾再開発の基本計画を決定")
