"""A table whose rows are labelled fields, a header cell naming the one data cell beside it
('<tr><th>質問</th><td>…</td></tr>'), reads as its text dump's 'label：value' lines, as a <dt> and its
<dd> do: the label is not a line (a heading) of its own."""

from __future__ import annotations

from pathlib import Path

from kiku.importer.reading.html.page import read_html
from kiku.importer.report import ImportReport
from tests.support.importing import digest_of, import_text

_QA = ("<table class='faq'><tr><th>Q</th><td>{question}</td></tr>"
       "<tr><th>回答</th><td>{answer}</td></tr></table>")

_PAGE = ("<html><head><meta charset='utf-8'><title>村の図書館バス｜さとやま便り</title></head><body><main>"
         "<h1>村の図書館バス、月2回の巡回始まる</h1><p>公開日：2025年6月2日</p>"
         "<p>山あいの村で、本を積んだ図書館バスの巡回が始まりました。</p>"
         "<h2>何冊積んでいる?</h2>"
         + _QA.format(question="バスには何冊の本が積まれている?", answer="絵本から専門書まで約三千冊")
         + "<p>その場で借りたり返したりでき、子どもたちは毎回の巡回を楽しみにしているそうです。</p>"
         "<h2>どこを回る?</h2>"
         + _QA.format(question="バスはどこを回る?", answer="村の集会所と小学校の二か所")
         + "<p>町は利用が多ければ巡回の回数を増やすことも検討するとしています。</p></main></body></html>")


def test_a_header_cell_labels_the_data_cell_beside_it() -> None:
    kept = [line.text for line in read_html(_PAGE, ImportReport("page.html"))]
    assert "Q：バスには何冊の本が積まれている?" in kept
    assert "回答：絵本から専門書まで約三千冊" in kept
    assert "回答" not in kept


def test_labelled_rows_are_the_sections_question_and_answer(tmp_path: Path) -> None:
    article = digest_of(import_text(tmp_path, "bus.html", _PAGE))
    assert [(section.heading, section.question, section.answer) for section in article.sections] == [
        ("何冊積んでいる?", "バスには何冊の本が積まれている?", "絵本から専門書まで約三千冊"),
        ("どこを回る?", "バスはどこを回る?", "村の集会所と小学校の二か所")]


def test_a_header_row_over_columns_is_no_label() -> None:
    table = ("<html><body><main><table><tr><th>年</th><th>利用者</th></tr>"
             "<tr><td>2024</td><td>1200人</td></tr></table></main></body></html>")
    kept = [line.text for line in read_html(table, ImportReport("page.html"))]
    assert "年" in kept and not any("：" in line for line in kept)
