"""A card whose link prints its own address, not a headline, is read by the shapes of its box's other
lines, whatever the box's tags and their order (``cards.url_boxes``): a date line is its source, a
headline its title, sentences its summary; a word standing alone is the box's label, never its publisher."""

from __future__ import annotations

from kiku.importer.reading.html.page import read_html
from kiku.importer.report import ImportReport

_URL = "https://yamabiko.example.org/report/2024/glacier"


def _lines(body: str) -> list[str]:
    page = f"<html><body><article><h1>氷河の後退を追う</h1><p>観測の結果が出ました。</p>{body}</article></body></html>"
    return [line.text for line in read_html(page, ImportReport("page.html"))]


def test_a_collapsible_box_with_the_address_first_is_a_card_and_its_label_no_publisher() -> None:
    box = (f'<section class="callout"><header>Reference</header><div><a href="{_URL}">{_URL}</a></div>'
           "<div><i>山彦観測所</i> — 2024/11/03</div><div><b>北アルプスの氷河、10年で3割縮小</b></div>"
           "<ol><li>観測所は衛星写真と現地調査を比べ、縮小の速さを示した。</li></ol></section>")
    assert _lines(box)[2:] == ["北アルプスの氷河、10年で3割縮小", "・観測所は衛星写真と現地調査を比べ、縮小の速さを示した。",
                               f"→ 山彦観測所 — 2024/11/03 {_URL}"]


def test_a_row_of_cells_in_any_order_is_a_card() -> None:
    row = (f"<table><tr><td>2024年11月3日</td><td>観測所は衛星写真と現地調査を比べた。</td><td>山彦観測所</td>"
           f'<td>北アルプスの氷河、10年で3割縮小</td><td><a href="{_URL}">{_URL}</a></td></tr></table>')
    assert _lines(row)[2:] == ["北アルプスの氷河、10年で3割縮小", "・観測所は衛星写真と現地調査を比べた。",
                               f"→ 山彦観測所 2024年11月3日 {_URL}"]


def test_a_short_headline_beside_a_named_date_line_is_the_title() -> None:
    box = (f'<div><p>氷河の縮小速度を測る</p><p><a href="{_URL}">{_URL}</a></p><p>yamabiko ・ 2024-11-03</p>'
           "<ul><li>衛星写真と現地調査を比べた。</li></ul></div>")
    assert _lines(box)[2:] == ["氷河の縮小速度を測る", "・衛星写真と現地調査を比べた。", f"→ yamabiko ・ 2024-11-03 {_URL}"]


def test_a_redirect_printing_another_address_is_left_to_the_text_layout() -> None:
    box = (f'<div><p><b>北アルプスの氷河、10年で3割縮小</b></p><p><a href="https://redirect.example.com/?u={_URL}">'
           f"{_URL}</a></p><p>山彦観測所 2024/11/03</p><ul><li>衛星写真と現地調査を比べた。</li></ul></div>")
    assert not any(line.startswith("→") for line in _lines(box))


def test_a_list_row_of_fields_set_apart_by_ideographic_spaces_is_a_card_in_any_order() -> None:
    row = ("<ul><li><span>2024/11/03</span>　<span>観測所は衛星写真と現地調査を比べた。</span>　"
           f'<span><a href="{_URL}">北アルプスの氷河、10年で3割縮小</a></span>　<span>山彦観測所</span></li></ul>'
           "<h2>これからの観測</h2>" + "".join(f"<p>{month}月にも同じ地点で測ります。</p>" for month in range(4, 11)))
    assert _lines(row)[2:5] == ["北アルプスの氷河、10年で3割縮小", "・観測所は衛星写真と現地調査を比べた。",
                               f"→ 2024/11/03 山彦観測所 {_URL}"]


def test_the_header_row_over_a_card_row_names_its_fields_and_is_no_line() -> None:
    table = ("<table><tr><th>見出し</th><th>媒体</th><th>URL</th></tr>"
             f'<tr><td>北アルプスの氷河、10年で3割縮小</td><td>山彦観測所</td><td><a href="{_URL}">{_URL}</a></td></tr></table>'
             + "".join(f"<p>{month}月にも同じ地点で測ります。</p>" for month in range(4, 11)))
    assert _lines(table)[2:4] == ["北アルプスの氷河、10年で3割縮小", f"→ 山彦観測所 {_URL}"]


def test_an_address_printed_over_a_card_that_ends_in_its_link_line_only_repeats_it() -> None:
    box = (f'<aside><p><a href="{_URL}">{_URL}</a></p><p><b>北アルプスの氷河、10年で3割縮小</b></p>'
           "<ul><li>観測所は衛星写真と現地調査を比べた。</li></ul>"
           f'<p>元記事はこちら ＞ 山彦観測所 2024/11/03 <a href="{_URL}">{_URL}</a></p></aside>'
           + "".join(f"<p>{month}月にも同じ地点で測ります。</p>" for month in range(4, 11)))
    lines = _lines(box)
    assert _URL not in lines and lines[2] == "北アルプスの氷河、10年で3割縮小"
    assert lines[4].endswith(f"山彦観測所 2024/11/03 {_URL}")


def test_a_headline_cards_address_printed_again_among_its_fields_belongs_to_its_link() -> None:
    row = (f'<ul><li><span><a href="{_URL}">北アルプスの氷河、10年で3割縮小</a></span>　<span>2024/11/03</span>　'
           f"<span>山彦観測所</span>　<span>{_URL}</span>　<span>観測所は衛星写真と現地調査を比べた。</span></li></ul>"
           + "".join(f"<p>{month}月にも同じ地点で測ります。</p>" for month in range(4, 11)))
    assert _lines(row)[2:5] == ["北アルプスの氷河、10年で3割縮小", "・観測所は衛星写真と現地調査を比べた。",
                                f"→ 2024/11/03 山彦観測所 {_URL}"]


def test_a_label_in_a_new_bracket_beside_the_address_is_the_link_lines_label() -> None:
    row = (f'<table><tr><td>北アルプスの氷河、10年で3割縮小</td><td>〈リンク〉<a href="{_URL}">{_URL}</a></td>'
           "<td>山彦観測所（2024/11/03）</td><td>観測所は衛星写真と現地調査を比べた。</td></tr></table>")
    assert _lines(row)[2:] == ["北アルプスの氷河、10年で3割縮小", "・観測所は衛星写真と現地調査を比べた。",
                               f"→ 〈リンク〉 山彦観測所（2024/11/03） {_URL}"]


def test_words_printed_before_each_value_are_the_fields_labels_not_the_publisher() -> None:
    box = (f'<div><p><a href="{_URL}">{_URL}</a></p><p>提供</p><p>山彦観測所（2024年11月3日）</p>'
           "<p>件名</p><p>北アルプスの氷河、10年で3割縮小</p><p>要旨</p><p>観測所は衛星写真と現地調査を比べた。</p></div>")
    assert _lines(box)[2:] == ["北アルプスの氷河、10年で3割縮小", "・観測所は衛星写真と現地調査を比べた。",
                               f"→ 山彦観測所（2024年11月3日） {_URL}"]
