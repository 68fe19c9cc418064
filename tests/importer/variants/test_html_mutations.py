"""Each saved-page mutation rewrites a crafted page and keeps every truth string findable."""

from __future__ import annotations

import random
import re

import pytest

from tests.support.page_variants.chrome import CHROME_LINES
from tests.support.page_variants.findable import lost_strings, page_text
from tests.support.page_variants.registry import MUTATIONS

PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>桜の開花まとめ</title>
<style>.card-title{font-weight:bold}</style><script>var tag = "<div class='x'>";</script></head>
<body><div id="wrap" class="layout main">
<h1 class="entry-title">桜の開花、今年は早い？</h1>
<p class="entry-date">公開日：2025/03/19</p>
<p class="lead">各地で桜の開花が平年より早まっています。</p>
<h2 id="s1">なぜ早い？</h2>
<div class="card">
<p class="card-title">東京で桜開花、平年より5日早く</p>
<p class="card-pub">みやこ新聞</p>
<p class="card-date">2025年3月18日</p>
<p class="card-link">✅ <a href="https://news.example.jp/sakura/0318">記事を読む</a></p>
</div>
<p><a href="#s1">▲ 上へ</a></p>
</div></body></html>
"""
TRUTH = {
    "title": "桜の開花、今年は早い？",
    "sections": [{"heading": "なぜ早い？", "sources": [
        {"url": "https://news.example.jp/sakura/0318", "publisher": "みやこ新聞"}]}],
    "content": ["各地で桜の開花が平年より早まっています。", "東京で桜開花、平年より5日早く"],
}


def _rewritten(name: str, page: str = PAGE, seed: int = 5) -> str:
    variant = MUTATIONS[name].rewrite(page, random.Random(seed))
    assert variant != page
    assert lost_strings(TRUTH, page, variant, is_html=True) == []
    return variant


def _body(page: str) -> str:
    return page[page.index("<body"):]


def test_hashed_names_rename_every_class_and_id_and_follow_in_page_links() -> None:
    variant = _rewritten("html_hashed_names")
    names = re.findall(r'(?:class|id)="([^"]*)"', _body(variant))
    assert names and all(token.startswith("sc-") for name in names for token in name.split())
    (section_id,) = re.findall(r'<h2 id="([^"]*)"', variant)
    assert f'href="#{section_id}"' in variant
    assert ".card-title{" in variant and "<div class='x'>" in variant


def test_no_classes_drops_every_class_attribute() -> None:
    variant = _rewritten("html_no_classes")
    assert "class=" not in _body(variant) and 'id="s1"' in variant


def test_wrapped_blocks_sit_in_more_divs() -> None:
    variant = _rewritten("html_wrapped")
    assert variant.count("<div>") > PAGE.count("<div>")
    assert variant.count("<div") - variant.count("</div") == PAGE.count("<div") - PAGE.count("</div")


@pytest.mark.parametrize("seed", range(4))
def test_containers_are_renamed_with_their_closing_tags(seed: int) -> None:
    variant = _rewritten("html_containers", seed=seed)
    body = _body(variant)
    assert "<div" not in body and "<article" not in body
    assert body.count("<section") == body.count("</section") == _body(PAGE).count("<div")


def test_symbols_become_character_references() -> None:
    variant = _rewritten("html_charrefs")
    assert "&#9989;" in variant and "✅" not in variant
    assert page_text(variant, is_html=True).count("✅") == 1


def test_dates_on_short_lines_are_marked_up_as_time() -> None:
    variant = _rewritten("html_time")
    assert '<time datetime="2025-03-19">2025/03/19</time>' in variant
    assert '<time datetime="2025-03-18">2025年3月18日</time>' in variant


def test_the_date_line_moves_above_the_title() -> None:
    variant = _rewritten("html_date_above_title")
    assert variant.index("公開日：2025/03/19") < variant.index("<h1")


def test_a_cards_lines_are_broken_by_br() -> None:
    variant = _rewritten("html_card_br")
    assert "東京で桜開花、平年より5日早く<br>\nみやこ新聞<br>\n2025年3月18日" in variant


def test_a_cards_lines_become_list_items() -> None:
    variant = _rewritten("html_card_list")
    assert "<li>みやこ新聞</li><li>2025年3月18日</li>" in variant


def test_a_cards_publisher_and_date_change_places_but_its_title_stays_first() -> None:
    variant = _rewritten("html_card_reorder")
    assert variant.index("東京で桜開花") < variant.index("2025年3月18日") < variant.index("みやこ新聞")


@pytest.mark.parametrize("seed", range(4))
def test_a_chrome_block_is_added_inside_the_body(seed: int) -> None:
    variant = _rewritten("html_chrome", seed=seed)
    body = variant[variant.index("<body"):variant.index("</body>")]
    assert any(line in body for line in CHROME_LINES)


def test_a_cards_publisher_printed_before_its_date_follows_it() -> None:
    page = PAGE.replace('<p class="card-pub">みやこ新聞</p>\n<p class="card-date">2025年3月18日</p>',
                        '<p class="card-meta"><cite>みやこ新聞</cite>　<time datetime="2025-03-18">2025年3月18日</time></p>')
    variant = _rewritten("html_card_reorder", page=page)
    assert '<time datetime="2025-03-18">2025年3月18日</time>　<cite>みやこ新聞</cite>' in variant


LINK_CARD_PAGE = PAGE.replace(
    '<p><a href="#s1">▲ 上へ</a></p>',
    '<a class="embed" href="https://news.example.jp/sakura/0317"><div class="embed-box"><h5>大阪でも桜が開花</h5>'
    '<p>大阪で桜の開花が発表された。</p></div></a><p><a href="#s1">▲ 上へ</a></p>')


def test_a_link_wrapping_blocks_gets_two_or_three_more_boxes_inside_it() -> None:
    variant = MUTATIONS["html_link_card_wrappers"].rewrite(LINK_CARD_PAGE, random.Random(5))
    assert lost_strings(TRUTH, LINK_CARD_PAGE, variant, is_html=True) == []
    assert re.search(r'0317">(?:<div>){2,3}<div class="embed-box">.*?</div>(?:</div>){2,3}</a>', variant)
    assert '<a href="#s1">▲ 上へ</a>' in variant  # a link around text alone stays as it is
    assert MUTATIONS["html_link_card_wrappers"].rewrite(PAGE, random.Random(5)) == PAGE
