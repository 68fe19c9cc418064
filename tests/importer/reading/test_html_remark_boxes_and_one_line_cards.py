"""A box of remarks opened by a line naming who they come from ('店長より' · remarks): the line is the
site's persona, dropped as a speaker's name is, and does not head a section of its own. A card printed
on one line, '参考サイト: <a>title</a>(source)', gets its URL written after it, as a text dump prints a card
on one line, and reads as a card titled by the link, its source the name in brackets."""

from __future__ import annotations

from pathlib import Path

from kiku.importer.reading.html.page import read_html
from kiku.importer.report import ImportReport
from tests.support.importing import digest_of, import_text

_URL = "https://www.onsen-kumiai.example.jp/guide/"

_PAGE = ("<html><head><meta charset='utf-8'><title>温泉街の足湯が復活｜ゆけむり通信</title></head><body><main>"
         "<h1>温泉街の足湯が復活 3年ぶりに無料開放</h1><p>公開日：2025年10月3日</p>"
         "<p>改修のため閉じていた温泉街の足湯が、3年ぶりに無料で開放されました。</p>"
         "<h2>いつから入れる?</h2><p>Q. 足湯はいつから入れる?</p><p>A. 10月1日から毎日</p>"
         f"<p class='ref'>参考サイト:<a href='{_URL}'>温泉街の足湯めぐりガイド</a>(温泉組合)</p>"
         "<div class='voice'><p class='who'>店長より</p><p>散策の途中に気軽に立ち寄ってもらえたらうれしいです。</p></div>"
         "<h2>どこにある?</h2><p>Q. 足湯はどこにある?</p><p>A. 駅前の広場</p>"
         "<p>駅を出てすぐの広場にあり、タオルは観光案内所で買えます。</p></main></body></html>")


def test_a_line_naming_who_the_remarks_come_from_is_dropped() -> None:
    report = ImportReport("page.html")
    kept = [line.text for line in read_html(_PAGE, report)]
    assert "店長より" not in kept
    assert "散策の途中に気軽に立ち寄ってもらえたらうれしいです。" in kept
    assert ("speaker-name", "店長より") in [(item.rule, item.line.text) for item in report.dropped]


def test_a_remark_box_line_does_not_head_a_section_and_a_one_line_card_reads(tmp_path: Path) -> None:
    article = digest_of(import_text(tmp_path, "onsen.html", _PAGE))
    assert [section.heading for section in article.sections] == ["いつから入れる?", "どこにある?"]
    [card] = article.sections[0].sources
    assert (str(card.url), card.publisher) == (_URL, "温泉組合")


def test_a_time_over_a_box_of_text_is_not_a_speaker() -> None:
    page = ("<html><body><main><h1>足湯の話</h1><div><p>10月より</p><p>足湯は10月から毎日開いています。"
            "</p><p>タオルは観光案内所で買えます。</p></div></main></body></html>")
    kept = [line.text for line in read_html(page, ImportReport("page.html"))]
    assert "10月より" in kept
