"""Markup a documentation theme builds its pages from: a pictogram in a box of its own beside a callout's
text (no line's bullet: the callout's text stands alone), a character icon opening a link's text (no word of
the title), and a heading element whose text sits in a block inside it (still the heading)."""

from __future__ import annotations

from kiku.importer.reading.html.page import read_html
from kiku.importer.report import ImportReport

_URL = "https://kawaraban.example.net/2024/06/bridge-repaint"


def _lines(body: str) -> list[str]:
    page = f"<html><body><main><h1>橋の塗り替え、色は市民投票で</h1>{body}</main></body></html>"
    return [line.text for line in read_html(page, ImportReport("page.html"))]


def test_a_pictogram_box_beside_a_callouts_text_is_no_line_of_its_own() -> None:
    lines = _lines("<div class='callout'><div class='callout-mark' aria-hidden='true'>✏️</div>"
                   "<div class='callout-text'><p>投票は7月末まで受け付けます</p></div></div>")
    assert "✏️" not in lines and "投票は7月末まで受け付けます" in lines


def test_a_mark_hidden_from_screen_readers_before_inline_text_is_still_the_lines_bullet() -> None:
    lines = _lines("<p><span aria-hidden='true'>▶</span>投票は7月末まで受け付けます</p>")
    assert lines[-1].startswith("▶")


def test_a_character_icon_opening_a_links_text_is_no_part_of_the_title() -> None:
    lines = _lines(f"<p><a href='{_URL}'><i class='ico'>➚</i><em class='ttl'>橋の色、市民投票で若草色に決まる</em></a></p>")
    assert any(line.startswith("橋の色、市民投票で若草色に決まる") for line in lines)
    assert not any("➚" in line for line in lines)


def test_a_glyph_after_a_links_words_stays() -> None:
    lines = _lines(f"<p><a href='{_URL}'>橋の色が決まる<span>★</span></a></p>")
    assert any("★" in line for line in lines)


def test_a_heading_whose_text_sits_in_a_block_inside_it_is_a_heading() -> None:
    page = ("<html><body><main><h1>橋の塗り替え</h1><p>市内の古い橋が塗り替えられます。</p>"
            "<h2 id='a1'><span class='inner' style='display:block'></span><div class='hd'>工事の日程</div>"
            "<a href='#a1'>¶</a></h2><p>工事は秋に始まります。</p></main></body></html>")
    lines = read_html(page, ImportReport("page.html"))
    heading = next(line for line in lines if line.text == "工事の日程")
    assert heading.heading and heading.heading_markup.endswith("h2#")
    assert not next(line for line in lines if line.text == "工事は秋に始まります。").heading
