"""The title of the box a section's question and answer are printed in ('ここが知りたい'), between the
section's heading element and the question: a label, neither the heading nor the question. A text dump
shows no box and no element: a short line over a heading there is still read as before."""

from __future__ import annotations

from pathlib import Path

from tests.support.importing import digest_of, import_text

_PAGE = """<html><head><meta charset="utf-8"><title>図書館の夜間開館 | まちの記録</title></head><body><main>
<h1>市立図書館が夜9時まで開館へ　平日の利用を広げる試み</h1>
<p>2026年1月15日</p>
<p>市立図書館が4月から平日の開館時間を延ばします。仕事帰りの利用を増やすのがねらいです。</p>
<h3>延長の中身</h3>
<div class="faqbox"><div class="faqbox-head">ここが知りたい</div>
<p class="faqbox-q">何時まで開くようになるのか？</p>
<p class="faqbox-a">平日は午後9時まで</p></div>
<p>市の発表によると、土日は今までどおりです。</p>
<div class="card"><p>図書館、平日は夜9時まで　4月から</p>
<p>・市は市立図書館の平日の閉館時間を午後9時に延ばすと発表した。</p>
<p><a href="https://machi.example.jp/news/lib-0114">元記事を読む »</a> まち新聞 2026年1月14日</p></div>
<h3>利用者の声</h3>
<div class="faqbox"><div class="faqbox-head">ここが知りたい</div>
<p class="faqbox-q">利用者はどう受け止めているのか？</p>
<p class="faqbox-a">働く世代を中心に歓迎の声</p></div>
<p>会社帰りに寄れるのはうれしいという声が多いようです。</p>
</main></body></html>"""


def test_a_box_title_between_the_heading_element_and_the_question_is_no_heading(tmp_path: Path) -> None:
    result = import_text(tmp_path, "library.html", _PAGE)
    sections = digest_of(result).sections
    assert [(section.heading, section.question, section.answer) for section in sections] == [
        ("延長の中身", "何時まで開くようになるのか？", "平日は午後9時まで"),
        ("利用者の声", "利用者はどう受け止めているのか？", "働く世代を中心に歓迎の声")]
    assert [dropped.line.text for dropped in result.report.dropped if dropped.rule == "question-box-label"] == [
        "ここが知りたい"] * 2


_TEXT = """市立図書館が夜9時まで開館へ　平日の利用を広げる試み
2026年1月15日
市立図書館が4月から平日の開館時間を延ばします。仕事帰りの利用を増やすのがねらいです。
延長の中身
何時まで開くようになるのか？
平日は午後9時まで
市の発表によると、土日は今までどおりです。
図書館、平日は夜9時まで　4月から
・市は市立図書館の平日の閉館時間を午後9時に延ばすと発表した。
元記事を読む » まち新聞 2026年1月14日 https://machi.example.jp/news/lib-0114
延長に合わせて、閲覧席も増やすそうです。
夜も開いてたら毎日行きたい…😊
利用者の声
利用者はどう受け止めているのか？
働く世代を中心に歓迎の声
会社帰りに寄れるのはうれしいという声が多いようです。
"""


def test_in_a_text_dump_a_short_line_over_the_heading_is_not_taken_for_its_box_title(tmp_path: Path) -> None:
    sections = digest_of(import_text(tmp_path, "library.txt", _TEXT)).sections
    assert [section.heading for section in sections] == ["延長の中身", "利用者の声"]
