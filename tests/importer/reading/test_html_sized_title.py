"""A saved page with no <h1> and no <title> (a note app's or a word processor's export) prints its title as a
paragraph set larger than any other text: that paragraph is the title, and the site's masthead clipped with the
page under it (a short name over a row of menu words) is the site's, not the article's lead."""

from __future__ import annotations

from pathlib import Path

from tests.support.importing import digest_of, import_text


def _p(text: str, size: str = "14px") -> str:
    return f"<p style='font-size:{size};margin:0'>{text}</p>"


_BODY = [
    _p("旧校舎の図書室、市民に開放へ　来月から週末だけ"),
    _p("わかば市民ニュース", "14px"),
    _p("ホーム ／ 行政 ／ 教育 ／ 催し", "14px"),
    _p("この春に閉校した旧校舎の図書室が、来月から市民に開放されます。"),
    _p("土曜と日曜の午後だけですが、約8000冊を自由に読むことができます。"),
    _p("開放の中身", "18px"),
    _p("Q) だれが使えるの？"),
    _p("A) 市内に住む人ならだれでも使えます。"),
    _p("貸し出しは1人3冊までで、期間は2週間です。"),
    "<div style='border:solid 1px'>",
    _p("［出典］わかば日報　2024年4月2日"),
    _p("旧校舎の図書室を週末開放　市教委が方針"),
    _p("市教委は、閉校した旧校舎の図書室を週末に開放すると発表した。"),
    _p("Pasted from &lt;<a href='https://wakaba.example.jp/news/2024/04/02/library'>"
       "https://wakaba.example.jp/news/2024/04/02/library</a>&gt;", "11px"),
    "</div>",
    _p("本の好きな子どもたちには、うれしい知らせですね。"),
]
_PAGE = ("<html><head><meta charset='utf-8'></head><body>"
         f"<div><div>{_p('旧校舎の図書室、市民に開放へ　来月から週末だけ', '26px')}</div>"
         f"<div>{''.join(_BODY[1:])}</div></div></body></html>")


def test_the_largest_first_paragraph_is_the_title_and_the_masthead_under_it_the_sites(tmp_path: Path) -> None:
    article = digest_of(import_text(tmp_path, "page.html", _PAGE))
    assert article.title == "旧校舎の図書室、市民に開放へ　来月から週末だけ"
    assert article.lead is not None
    assert "わかば市民ニュース" not in article.lead and "ホーム" not in article.lead
    assert article.lead.startswith("この春に閉校した")


def test_a_short_line_under_the_title_over_prose_stays_the_articles(tmp_path: Path) -> None:
    page = _PAGE.replace(_p("ホーム ／ 行政 ／ 教育 ／ 催し", "14px"), "")
    article = digest_of(import_text(tmp_path, "page.html", page))
    assert article.title == "旧校舎の図書室、市民に開放へ　来月から週末だけ"
    assert article.lead is not None and "わかば市民ニュース" in article.lead
