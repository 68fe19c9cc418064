"""A page that styles its section headings by a class: a last section of prose after a card, with no question under its heading, is still a section."""

from __future__ import annotations

from pathlib import Path

from tests.support.importing import digest_of, import_text


def _card(title: str, bullet: str, publisher: str, url: str) -> str:
    return (f"<div class='kiji'><div>{title}</div><div>掲載日 2025/06/01</div><div>◎ {bullet}</div>"
            f"<div>記事を読む ＞ {publisher} <a href='{url}'>{url}</a></div></div>")


PAGE = """<html><head><meta charset="utf-8"><title>港町の朝市</title></head><body><table><tr><td class="honbun">
<div class="ttl-big">港町の朝市、三年ぶりに再開</div>
<div>公開日：2025/06/02</div>
<div>港町の朝市が三年ぶりに再開されることになりました。</div>
<div class="sec-ttl">朝市が戻ってくる</div>
<div>再開の日はいつ？</div>
<div>6月の第一日曜日から</div>
{first}
<div>待ち遠しいですね。</div>
<div class="sec-ttl">店は何軒並ぶ</div>
<div>どんな店が出る？</div>
<div>漁師と農家の二十店ほど</div>
{second}
<div class="sec-ttl">町の台所を次の世代へ</div>
<div>朝市は長く町の台所として親しまれてきましたが、担い手の高齢化が続いています。</div>
<div>若い出店者をどう増やすかが、これからの課題になりそうです。</div>
<div>◎ 朝市は6月の第一日曜日に再開</div>
<div>◎ 出店は漁師と農家の二十店ほど</div>
</td></tr></table></body></html>"""


def test_the_last_line_in_the_pages_heading_style_heads_a_section_of_prose(tmp_path: Path) -> None:
    page = PAGE.format(first=_card("朝市、6月に再開へ", "漁協は朝市を再開すると発表した。", "港新聞",
                                   "https://minato.example.jp/n/1"),
                       second=_card("朝市に農家も出店", "地元の農家も朝市に出店する。", "海辺タイムス",
                                    "https://umi.example.jp/a/7"))
    article = digest_of(import_text(tmp_path, "page.html", page))
    assert [section.heading for section in article.sections] == ["朝市が戻ってくる", "店は何軒並ぶ", "町の台所を次の世代へ"]
    last = article.sections[-1]
    assert (last.question, last.sources) == (None, ())
    assert last.body[0] == "朝市は長く町の台所として親しまれてきましたが、担い手の高齢化が続いています。"
    assert article.conclusion == ("朝市は6月の第一日曜日に再開", "出店は漁師と農家の二十店ほど")
