"""Lines read after the conclusion: the site's trailing lines are dropped with a warning, but the article's own text (a heading element among them) is kept and the warning says where."""

from __future__ import annotations

from pathlib import Path

from tests.support.importing import digest_of, import_text

PAGE = """港町の朝市、再開へ　三年ぶりに
公開日：2025/06/02
港町の朝市が三年ぶりに再開されることになりました。
朝市はいつ始まる？
再開の日はいつ？
6月の第一日曜日から
◇ 漁協は6月の第一日曜日から朝市を再開すると発表した。
◇ 出店は地元の漁師と農家の二十店ほどになる。
続きを読む ⇒ 港新聞 https://minato.example.jp/n/1
久しぶりのにぎわいが楽しみですね。
まとめ
◇ 朝市は6月から再開
◇ 出店は二十店ほど
港町だより編集部　海辺の暮らしを伝えています。
この記事が気に入ったらフォローしてみませんか？
"""


def test_the_sites_lines_after_the_conclusion_are_dropped_with_a_warning(tmp_path: Path) -> None:
    result = import_text(tmp_path, "page.txt", PAGE)
    article = digest_of(result)
    assert article.conclusion == ("朝市は6月から再開", "出店は二十店ほど")
    assert article.sections[0].body == ()
    assert [item.line.number for item in result.report.dropped if item.rule == "after-conclusion"] == [14, 15]
    assert ("lines 14-15 after the conclusion read as the site's trailing lines and dropped: check them "
            "(港町だより編集部　海辺の暮らしを伝えています。)") in result.report.warnings


# A card whose source the reader cannot make out (its link inside a sentence): its bullets look like the
# conclusion, and everything after them like the site's trailing lines. (Over a sentence, between two
# sentences, the heading element would head a section of its own: ``between_sentences``.)
HTML_PAGE = """<html><head><meta charset="utf-8"><title>港町の朝市、再開へ</title></head><body><main><article>
<h1>港町の朝市、再開へ　三年ぶりに</h1>
<p>公開日：2025/06/02</p>
<p>港町の朝市が三年ぶりに再開されることになりました。</p>
<h2>朝市はいつ始まる？</h2>
<p>再開の日はいつ？</p>
<p>6月の第一日曜日から</p>
<div><p>朝市、6月に再開</p><ul><li>◇ 漁協は6月の第一日曜日から朝市を再開すると発表した。</li></ul>
<p>記事は<a href="https://minato.example.jp/n/1">港新聞のサイト</a>で読めます。</p></div>
<h2>場所はどこになる？</h2>
<p>港の北側の臨時駐車場</p>
</article></main></body></html>"""


def test_a_heading_element_after_the_conclusion_is_the_articles_text_kept_with_a_warning(tmp_path: Path) -> None:
    result = import_text(tmp_path, "page.html", HTML_PAGE)
    article = digest_of(result)
    assert article.conclusion == ("漁協は6月の第一日曜日から朝市を再開すると発表した。",)
    assert article.sections[-1].body[-3:] == (
        "記事は港新聞のサイトで読めます。", "場所はどこになる？", "港の北側の臨時駐車場")
    assert not [item for item in result.report.dropped if item.rule == "after-conclusion"]
    assert ("lines 9-11 after the conclusion hold a heading: the article's text in an order the importer could "
            "not read; kept as the last section's body: move them where they belong (記事は港新聞のサイトで読めます。)"
            ) in result.report.warnings
