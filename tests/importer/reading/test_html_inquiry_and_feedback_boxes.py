"""The boxes a municipal or corporate CMS closes a page with: whom to ask about it (an office, a phone
line) and a poll on whether it helped. They are chrome after the article's text, whatever they are
classed, and no section of the article."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiku.importer.reading.html.page import read_html
from kiku.importer.report import ImportReport
from tests.support.importing import digest_of, import_text

_ARTICLE = ("<html><head><meta charset='utf-8'><title>粗大ごみの出し方が変わります</title></head><body><main>"
            "<h1>粗大ごみの出し方が変わります</h1><p>公開日：2025年4月1日</p>"
            "<p>4月から粗大ごみの収集はインターネットでも申し込めるようになりました。</p>"
            "<h2>何が変わる?</h2><p>Q. 申し込みはどうする?</p><p>A. 電話かインターネットで</p>"
            "<p>収集日の1週間前までに申し込んでください。</p>")


@pytest.mark.parametrize(("box", "rule"), [
    ("<div class='x1'><h3>この記事についてのお問合せ</h3><p>環境部 清掃課<br>電話：011-222-3333</p></div>",
     "inquiry-box"),
    ("<section class='contact-info'><p>生活環境課 ごみ係</p><p>内線 402</p></section>", "inquiry-box"),
    ("<div class='x2'><p>このページは分かりやすかったですか？</p><label><input type='radio' name='q'>はい</label>"
     "<label><input type='radio' name='q'>いいえ</label></div>", "page-feedback"),
    ("<div class='x3'><p>ご意見をお聞かせください</p><label><input type='checkbox'>見つけやすかった</label>"
     "<label><input type='checkbox'>内容が役立った</label></div>", "page-feedback"),
])
def test_an_inquiry_box_or_a_page_poll_is_chrome(tmp_path: Path, box: str, rule: str) -> None:
    page = _ARTICLE + box + "</main></body></html>"
    report = ImportReport("page.html")
    kept = [line.text for line in read_html(page, report)]
    assert kept[-1] == "収集日の1週間前までに申し込んでください。"
    assert rule in {item.rule for item in report.dropped}
    article = digest_of(import_text(tmp_path, "gomi.html", page))
    assert [section.heading for section in article.sections] == ["何が変わる?"]


def test_a_box_of_text_with_one_check_box_stays() -> None:
    page = _ARTICLE + ("<div><p>申し込みの際は、品目と数を正確にお伝えください。</p>"
                       "<label><input type='checkbox'>確認しました</label></div></main></body></html>")
    kept = [line.text for line in read_html(page, ImportReport("page.html"))]
    assert "申し込みの際は、品目と数を正確にお伝えください。" in kept
