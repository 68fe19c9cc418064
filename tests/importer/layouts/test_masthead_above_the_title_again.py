"""Between the page's title and the article's own copy of it stands the sender's or the site's head: a name, an
address, the list's links to the other letters, an issue's banner. Those lines are dropped and reported; a
sentence there (the article's description printed under the page's title) is the article's lead and stays."""

from __future__ import annotations

from pathlib import Path

from tests.support.importing import digest_of, import_text

PAGE = """<html><head><meta charset="utf-8"><title>[minato 31] 港町の朝市、三年ぶりに再開へ</title></head><body>
<h1>港町の朝市、三年ぶりに再開へ</h1>
{head}
<pre>
＝＝＝＝＝＝＝＝＝＝＝＝＝＝＝＝＝＝
　港町だより　第31号
＝＝＝＝＝＝＝＝＝＝＝＝＝＝＝＝＝＝

港町の朝市、三年ぶりに再開へ

配信日：2025年6月2日（月）

{lead}

出店の顔ぶれと、にぎわいを取り戻すための工夫を、二つの問いから見ていきます。

＜今号のポイント＞

　＊ 朝市は6月の第一日曜日から再開

　＊ 出店は地元の漁師と農家の二十店ほど

────────────────

■ 朝市はいつ始まる?

Ｑ．再開の日はいつ?

Ａ．6月の第一日曜日から

漁協は、岸壁の補修が終わったことを受けて朝市の再開を決めました。

　[資料1] 2025年5月28日付｜港新聞
　「港町の朝市、6月に再開」
　　漁協は6月の第一日曜日から朝市を再開すると発表した。出店は地元の漁師と農家の二十店ほどになる。
　　<a href="https://minato.example.jp/n/1">https://minato.example.jp/n/1</a>

────────────────

■ 結び

朝市の再開は、港町ににぎわいを取り戻す一歩です。
</pre></body></html>"""

HEAD = """<b>港町だより編集室</b>
<a href="mailto:desk@minato.example.jp">desk @ minato.example.jp</a><br>
<i>2025年 6月 2日 (月) 07:30:00 JST</i>
<ul><li>前の号: <a href="30.html">[minato 30] 灯台の修復、秋に完了</a></li>
<li>次の号: <a href="32.html">[minato 32] 夏祭りの日程が決まる</a></li></ul>"""
LEAD = "港町の朝市が三年ぶりに再開されることになりました。"


def test_the_senders_head_above_the_title_again_is_dropped_and_reported(tmp_path: Path) -> None:
    result = import_text(tmp_path, "page.html", PAGE.format(head=HEAD, lead=LEAD))
    article = digest_of(result)
    assert article.lead is not None and article.lead.startswith(LEAD)
    assert article.key_points == ("朝市は6月の第一日曜日から再開", "出店は地元の漁師と農家の二十店ほど")
    masthead = [item.line.text for item in result.report.dropped if item.rule == "before-repeated-title"]
    assert masthead == ["港町だより編集室 desk @ minato.example.jp", "・前の号: [minato 30] 灯台の修復、秋に完了",
                        "・次の号: [minato 32] 夏祭りの日程が決まる", "港町だより　第31号"]


TEASER = "朝市のにぎわいが戻ってきます。三年ぶりの再開に向けた準備を追いました。"


def test_a_sentence_above_the_title_again_is_the_articles_lead(tmp_path: Path) -> None:
    result = import_text(tmp_path, "page.html", PAGE.format(head=f"<p>{TEASER}</p>", lead=LEAD))
    article = digest_of(result)
    assert article.lead is not None and article.lead.startswith(f"{TEASER}\n\n")
    masthead = [item.line.text for item in result.report.dropped if item.rule == "before-repeated-title"]
    assert masthead == ["港町だより　第31号"]
