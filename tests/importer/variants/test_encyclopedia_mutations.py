"""The encyclopedia mutations print a mirror's edit links, footnote marks and footnotes' heading as
another mirror does, keep every truth string findable, and leave a page naming no Wikipedia alone."""

from __future__ import annotations

import random
import re

import pytest

from tests.support.page_variants.findable import lost_strings
from tests.support.page_variants.registry import MUTATIONS

TEXT_PAGE = """ことば箱
大雪山
出典: フリー百科事典『ウィキペディア（Wikipedia）』
目次
1 地形
2 脚注
大雪山（たいせつざん）は、北海道の中央部にある火山群である[1]。
地形 [編集]
旭岳を最高峰とする山々が連なる[2]。
脚注 [編集]
^ a b 上川町「大雪山の自然」 https://kamikawa.example.jp/taisetsu 2025年5月1日閲覧。
^ 北海道山岳会『北の山』2012年。
この記事は、ウィキペディアの大雪山 (改訂履歴) の記事を複製、再配布したものにあたり、GNU Free Documentation Licenseというライセンスの下で提供されています。
"""
HTML_PAGE = """<html><body><h1>大雪山</h1><p>出典: フリー百科事典『ウィキペディア（Wikipedia）』</p>
<p>大雪山（たいせつざん）は、北海道の中央部にある火山群である<sup>[1]</sup>。</p>
<h2><span class="mw-headline">地形</span><span class="editsection">[<a href="/edit?s=1">編集</a>]</span></h2>
<p>旭岳を最高峰とする山々が連なる。</p>
<h2><span class="mw-headline">脚注</span></h2>
<ol><li><a href="#cite_ref-1">↑</a> <a href="https://kamikawa.example.jp/taisetsu">「大雪山の自然」</a></li></ol>
</body></html>
"""
TRUTH = {"title": "大雪山", "sections": ["地形"],
         "content": ["大雪山（たいせつざん）は、北海道の中央部にある火山群である[1]。"]}


def _variant(name: str, page: str, seed: int) -> str:
    variant = MUTATIONS[name].rewrite(page, random.Random(seed))
    assert variant != page
    assert lost_strings(TRUTH, page, variant, is_html=page.startswith("<")) == []
    return variant


@pytest.mark.parametrize("seed", range(4))
def test_text_edit_links_are_another_mirrors_and_the_heading_stays(seed: int) -> None:
    variant = _variant("text_ency_edit_marks", TEXT_PAGE, seed)
    heading = next(line for line in variant.splitlines() if line.startswith("地形"))
    assert heading != "地形 [編集]" and heading.startswith("地形")
    references = next(line for line in variant.splitlines() if line.startswith("脚注"))
    assert references[len("脚注"):] == heading[len("地形"):]


@pytest.mark.parametrize("seed", range(8))
def test_text_footnotes_are_labelled_alike_and_numbered_by_place(seed: int) -> None:
    variant = _variant("text_ency_footnote_marks", TEXT_PAGE, seed)
    first, second = (line for line in variant.splitlines() if "大雪山の自然" in line or "北の山" in line)
    label = first.removesuffix("a b 上川町「大雪山の自然」 https://kamikawa.example.jp/taisetsu 2025年5月1日閲覧。")
    assert label != first and label != "^ "
    assert second == label.replace("1", "2") + "北海道山岳会『北の山』2012年。"


def test_the_references_heading_and_its_contents_entry_change_together() -> None:
    variant = _variant("text_ency_references_heading", TEXT_PAGE, 1)
    word = next(line for line in variant.splitlines() if line.endswith(" [編集]") and not line.startswith("地形"))
    assert word.removesuffix(" [編集]") != "脚注"
    assert f"2 {word.removesuffix(' [編集]')}\n" in variant


@pytest.mark.parametrize("name", ["html_ency_edit_marks", "html_ency_footnote_marks", "html_ency_references_heading"])
def test_a_saved_pages_marks_change_inside_their_elements(name: str) -> None:
    variant = _variant(name, HTML_PAGE, 3)
    assert 'href="/edit?s=1"' in variant and 'href="#cite_ref-1"' in variant
    assert variant.count("<h2>") == HTML_PAGE.count("<h2>")


@pytest.mark.parametrize("name", sorted(name for name in MUTATIONS if "_ency_" in name))
def test_a_page_naming_no_wikipedia_is_left_alone(name: str) -> None:
    page = HTML_PAGE if name.startswith("html") else TEXT_PAGE
    plain = page.replace("『ウィキペディア（Wikipedia）』", "『百科』").replace("ウィキペディアの", "百科の")
    assert MUTATIONS[name].rewrite(plain, random.Random(1)) == plain


@pytest.mark.parametrize("seed", range(4))
def test_the_contents_box_is_numbered_and_headed_as_another_mirror_does(seed: int) -> None:
    page = TEXT_PAGE.replace("1 地形\n2 脚注\n", "1 地形\n1.1 旭岳\n2 脚注\n")
    variant = _variant("text_ency_contents", page, seed)
    lines = variant.splitlines()
    start = next(index for index, line in enumerate(lines) if line.startswith(("目次", "もくじ", "Contents")))
    entries = lines[start + 1:start + 4]
    assert lines[start:start + 4] != ["目次", "1 地形", "1.1 旭岳", "2 脚注"]
    assert [entry[-2:] for entry in entries] == ["地形", "旭岳", "脚注"]
    assert entries[1].startswith("1.1") and entries[2].startswith("2")


@pytest.mark.parametrize("name", ["text_ency_source_credit", "html_ency_source_credit"])
def test_the_credit_line_is_another_mirrors_and_its_revision_stays(name: str) -> None:
    page = TEXT_PAGE if name.startswith("text") else HTML_PAGE
    dated = page.replace("『ウィキペディア（Wikipedia）』", "『ウィキペディア（Wikipedia）』 (2025/05/01 09:00 UTC 版)", 1)
    variant = _variant(name, dated, 2)
    assert "出典: フリー百科事典『ウィキペディア（Wikipedia）』" not in variant
    assert variant.count(" (2025/05/01 09:00 UTC 版)") == 1


@pytest.mark.parametrize("seed", range(4))
def test_a_footnotes_long_url_wraps_onto_the_next_line(seed: int) -> None:
    variant = _variant("text_ency_wrapped_url", TEXT_PAGE, seed)
    lines = variant.splitlines()
    at = next(index for index, line in enumerate(lines) if "大雪山の自然" in line)
    assert "".join(lines[at:at + 2]).replace("」 https", "」https").endswith(
        "「大雪山の自然」https://kamikawa.example.jp/taisetsu 2025年5月1日閲覧。") or lines[at + 1].startswith("https://")
    assert len(lines) == len(TEXT_PAGE.splitlines()) + 1


@pytest.mark.parametrize("seed", range(4))
def test_a_dumps_edit_linked_headings_are_numbered_in_order(seed: int) -> None:
    variant = _variant("text_ency_section_numbers", TEXT_PAGE, seed)
    headings = [line for line in variant.splitlines() if line.endswith("[編集]")]
    assert [re.sub(r"[^0-9]", "", heading.split("地形")[0].split("脚注")[0]) for heading in headings] == ["1", "2"]


@pytest.mark.parametrize("seed", range(6))
def test_a_saved_pages_section_headings_are_numbered_inside_their_elements(seed: int) -> None:
    variant = _variant("html_ency_section_numbers", HTML_PAGE, seed)
    numbers = re.findall(r'<h2><span class="secno">\(?([0-9])[^<]*</span>', variant)
    assert numbers == ["1", "2"]
    assert "<h1>大雪山</h1>" in variant
