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


MARKED_HEADINGS = """<html><head><meta charset="utf-8"><title>山の分校</title></head><body><div id="kiji">
<p class="big">山の分校、春から休校へ　児童ゼロで</p>
<p>2025年2月20日</p>
<p>山あいの分校が、この春から休校になります。通う児童がいなくなるためです。</p>
<p class="midashi">◆なぜ休校になるのか</p>
<p>児童は何人いた？</p>
<p>最後の一人が卒業</p>
{first}
<p>寂しくなりますね。</p>
<p class="midashi">◆校舎はどうなる</p>
<p>建物は残る？</p>
<p>地域の集会所に</p>
{second}
<p class="midashi">◆これからの見通し</p>
<p>町は、子どもが再び通うようになれば授業を再開できるよう、教室の備品を残しておくとしています。</p>
<p>分校の灯がまたともる日が来るといいですね。</p>
</div></body></html>"""


def test_a_marked_line_in_the_pages_heading_style_heads_a_section_not_a_conclusion(tmp_path: Path) -> None:
    """The page's heading style shows the last '◆' line is a heading over its paragraphs, not the one
    point of a conclusion that the site's trailing lines follow."""
    page = MARKED_HEADINGS.format(
        first=_card("分校の児童ゼロに、春から休校", "最後の児童が卒業し、分校は休校になる。", "山里新報",
                    "https://yamazato.example.jp/n/31"),
        second=_card("休校の校舎、集会所として活用へ", "町は校舎を地域の集会所として使う方針だ。", "高原タイムズ",
                     "https://kogen.example.jp/a/88"))
    result = import_text(tmp_path, "page.html", page)
    article = digest_of(result)
    assert [section.heading for section in article.sections] == ["なぜ休校になるのか", "校舎はどうなる", "これからの見通し"]
    last = article.sections[-1]
    assert (last.question, last.sources) == (None, ())
    # Its paragraphs are the section's text (whether read as a remark or as the body is not at stake here).
    assert last.comments + last.body == (
        "町は、子どもが再び通うようになれば授業を再開できるよう、教室の備品を残しておくとしています。",
        "分校の灯がまたともる日が来るといいですね。")
    assert article.conclusion == ()
    assert not [item for item in result.report.dropped if item.rule == "after-conclusion"]
