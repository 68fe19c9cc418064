"""The licence statement of a mirror: by the licence's short name, in English quotes, or naming the article as its Wikipedia kiji."""

from __future__ import annotations

from pathlib import Path

from kiku.content.model import EncyclopediaArticle
from tests.support.importing import import_text as _import

GLOSSARY_FRAME = """こども理科じてん
じてん ＞ か行 ＞ 火山湖
火山湖
よみ：かざんこ
分野：地学（ちがく）
― ここからウィキペディア（Wikipedia）の記事 ―
火山湖は、火山の火口にできた湖である[1]。
成因[編集]
噴火のあとの火口に水がたまってできる[注 1]。
注釈
注 1. 雨水や地下水がたまる。
出典
1. 「火山湖とは」高原町 https://kogen.example.jp/kazanko/
2. 山田一郎『湖の科学』https://books.example.jp/lake/
123-4.html
本文はウィキペディア日本語版「火山湖」の記事に基づき、CC BY-SA 4.0 および GFDL のもとで利用しています。
この用語をもっと知る：噴火｜火口
"""


def test_a_frame_naming_the_licence_by_its_short_name_is_an_encyclopedia_page(tmp_path: Path) -> None:
    article = _import(tmp_path, "page.txt", GLOSSARY_FRAME).article
    assert isinstance(article, EncyclopediaArticle)
    assert (article.title, article.lead) == ("火山湖", "火山湖は、火山の火口にできた湖である[1]。")
    assert [section.heading for section in article.sections] == ["成因"]
    assert [reference.url for reference in article.references] == [
        None, "https://kogen.example.jp/kazanko/", "https://books.example.jp/lake/123-4.html"]
    assert article.attribution.notice == GLOSSARY_FRAME.splitlines()[-2]


def test_a_licence_line_in_english_names_the_article_in_quotes(tmp_path: Path) -> None:
    page = GLOSSARY_FRAME.replace(
        "本文はウィキペディア日本語版「火山湖」の記事に基づき、CC BY-SA 4.0 および GFDL のもとで利用しています。",
        'Text from the Wikipedia article "火山湖" is available under the Creative Commons '
        "Attribution-ShareAlike License 4.0.")
    article = _import(tmp_path, "page.txt", page).article
    assert isinstance(article, EncyclopediaArticle)
    assert article.title == "火山湖"
    assert article.attribution.license == "Creative Commons Attribution-ShareAlike"


_STATEMENT = ("本文の一部は、ウィキペディア日本語版の記事「潮見台灯台」をもとに、"
              "クリエイティブ・コモンズ 表示-継承 4.0 国際（CC BY-SA 4.0）の下で利用しています。")


_ENGLISH_THEN_STATEMENT = f"""うみべ辞典 ― 海辺の百科
潮見台灯台（Wikipedia）
出典：フリー百科事典『ウィキペディア（Wikipedia）』最終更新 2025年2月12日 (水) 06:21

潮見台灯台（しおみだいとうだい）は、海辺県潮見市にある灯台である[1]。

歴史[編集]

1901年に初めて点灯した。

脚注[編集]

↑ 「潮見台灯台の歩み」潮見市 https://shiomi.example.jp/toudai/history.html

All text is available under the terms of the Creative Commons Attribution-ShareAlike License.
{_STATEMENT}
"""


def test_the_statement_naming_the_article_as_its_wikipedia_kiji_is_the_licence_kept_word_for_word(
        tmp_path: Path) -> None:
    result = _import(tmp_path, "toudai.txt", _ENGLISH_THEN_STATEMENT)
    article = result.article
    assert isinstance(article, EncyclopediaArticle)
    assert article.title == "潮見台灯台"
    assert article.attribution.notice == _STATEMENT
    assert article.attribution.license == "Creative Commons Attribution-ShareAlike"


_LICENCE = "本文は CC BY-SA 4.0 と GFDL の二つのライセンスのもとで使うことができます。"
_COPY = "このページは、ウィキペディアの潮見台灯台 (改訂履歴) の記事を再掲したものです。"


def test_a_statement_in_two_lines_licence_then_copied_article_is_kept_whole(tmp_path: Path) -> None:
    """The line naming the article names no licence: the licence line over it is the same statement's,
    not the site's footer, and both are the notice, word for word."""
    page = _ENGLISH_THEN_STATEMENT.replace(_STATEMENT, f"{_LICENCE}\n{_COPY}")
    article = _import(tmp_path, "toudai.txt", page).article
    assert isinstance(article, EncyclopediaArticle)
    assert article.attribution.notice == f"{_LICENCE}\n{_COPY}"
    assert article.attribution.license == "Creative Commons Attribution-ShareAlike"


def test_a_licence_line_beside_a_statement_naming_its_own_licence_is_the_sites_footer(tmp_path: Path) -> None:
    page = _ENGLISH_THEN_STATEMENT.replace(_STATEMENT, f"{_LICENCE}\n{_STATEMENT}")
    result = _import(tmp_path, "toudai.txt", page)
    assert isinstance(result.article, EncyclopediaArticle)
    assert result.article.attribution.notice == _STATEMENT
    assert {item.line.text: item.rule for item in result.report.dropped}[_LICENCE] == "site-license-footer"


_HTML_MIRROR = f"""<html><body><div id="wrap"><div id="body"><h1>潮見台灯台</h1>
<p>出典: フリー百科事典『ウィキペディア（Wikipedia）』</p>
<p>潮見台灯台（しおみだいとうだい）は、海辺県潮見市にある灯台である。明治時代に建てられ、今も船を導いている[1]。</p>
<h2>歴史</h2><p>1898年に初めて点灯した。戦後に建て替えられ、現在の塔は二代目である。</p>
<h2>脚注</h2><ol><li>「灯台のあゆみ」海辺県 https://umibe.example.jp/toudai</li></ol>
</div>
<section class="credit"><p>{_LICENCE}</p><p>{_COPY}</p></section>
</div><footer><a href="/about">このサイトについて</a></footer></body></html>
"""


def test_a_two_line_statement_in_a_box_outside_the_article_is_kept(tmp_path: Path) -> None:
    """Neither line names both Wikipedia and a licence, yet the pair is the attribution: not the box's chrome."""
    article = _import(tmp_path, "page.html", _HTML_MIRROR).article
    assert isinstance(article, EncyclopediaArticle)
    assert article.attribution.notice == f"{_LICENCE}\n{_COPY}"


_COPY_IN_OTHER_WORDS = "この項目は、ウィキペディアの「潮見台灯台」（編集の記録）を書き直したものです。"


def test_the_copied_article_in_other_words_beside_its_licence_line_is_kept_whole(tmp_path: Path) -> None:
    """Whatever words name the copy ('（版の履歴）を元に', '（編集の記録）を書き直した'), a line naming Wikipedia beside
    the licence line is the same statement, kept with it out of the box."""
    page = _HTML_MIRROR.replace(_COPY, _COPY_IN_OTHER_WORDS)
    article = _import(tmp_path, "page.html", page).article
    assert isinstance(article, EncyclopediaArticle)
    assert article.attribution.notice == f"{_LICENCE}\n{_COPY_IN_OTHER_WORDS}"
    assert article.attribution.license == "Creative Commons Attribution-ShareAlike"
