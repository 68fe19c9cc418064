"""A section with no question, no answer and no card (a heading marked up as the others are, over
paragraphs) holds only its text: its lines are its body, never comments, which remark on an answer or a card."""

from __future__ import annotations

from pathlib import Path

from tests.support.importing import digest_of
from tests.support.importing import import_text as _import

PAGE = """<html><body><article>
<h1>図書館の開館時間が延長に　平日は夜9時まで</h1>
<p>2025年10月1日</p>
<p>市立図書館の開館時間が、来月から平日に限って夜9時まで延びます。仕事帰りにも立ち寄りやすくなります。</p>
<h2 class="ttl"><span class="mk">■</span>延長の中身</h2>
<p>いつから変わる？</p>
<p>11月1日から平日のみ</p>
<p>土日の開館時間はこれまでどおりです。</p>
<div class="src"><p>市立図書館、平日の開館を夜9時まで延長</p><p>みどり新聞 2025/09/28</p>
<ul><li>市立図書館は11月から平日の閉館時刻を午後9時に延ばすと発表した。</li></ul>
<p><a href="https://midori.example.jp/news/0928">続きを読む</a></p></div>
<p>夜に本を借りられるのはうれしいですね。</p>
<h2 class="ttl"><span class="mk">■</span>これからの図書館</h2>
<p>開館時間の延長は、働く世代の利用を増やすねらいがあります。</p>
<p>まずは一度、夜の図書館を訪ねてみてはいかがでしょうか。</p>
</article></body></html>"""


def test_the_paragraphs_of_a_section_with_no_question_or_card_are_its_body(tmp_path: Path) -> None:
    article = digest_of(_import(tmp_path, "page.html", PAGE))
    closing = [section for section in article.sections if section.question is None and not section.sources]
    assert closing, [section.heading for section in article.sections]
    assert all(not section.comments for section in closing)
    assert any("夜の図書館" in text for section in closing for text in section.body)
