"""Encyclopedia pages whose source line does not head the article: a mirror that credits Wikipedia
in a sentence of its own or only in its footer. The title is the one the licence statement names,
else the short line the lead opens with; a page with an encyclopedia's licence or footnotes is
never refused for want of a source line."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from kiku.content.model import EncyclopediaArticle
from kiku.importer.page import ImportFailed
from tests.support.importing import import_text

_DAY = dt.date(2025, 7, 1)


def _article(tmp_path: Path, page: str, name: str = "page.txt") -> EncyclopediaArticle:
    result = import_text(tmp_path, name, page, date=_DAY)
    assert isinstance(result.article, EncyclopediaArticle)
    return result.article


# No line crediting Wikipedia as this layout knows it: the site says it copied the article in a
# sentence of its own, and its licence line names no article.
_CREDITED_IN_A_SENTENCE = """霧ヶ峰高原 | ひらけ百科
ひらけ百科 > 地理 > 霧ヶ峰高原
霧ヶ峰高原
本ページはウィキペディア日本語版の記事を2025年7月1日に写したものです。内容は元の記事と異なることがあります。
霧ヶ峰高原（きりがみねこうげん）は、長野県の中部に広がる高原である[1]。
標高1,600メートル前後のなだらかな草原が続く。
地理 [編集]
夏にはニッコウキスゲの群落が草原を黄色に染める[2]。
出典 [編集]
^ 諏訪市「霧ヶ峰の自然」 https://suwa.example.jp/kirigamine 2025年6月1日閲覧。
^ 長野県『高原の花』2019年。
本文は CC BY-SA 4.0 のもとで利用できます。
ひらけ百科について｜お問い合わせ
"""


def test_a_page_crediting_wikipedia_in_a_sentence_is_read_by_the_title_its_lead_opens_with(tmp_path: Path) -> None:
    result = import_text(tmp_path, "kirigamine.txt", _CREDITED_IN_A_SENTENCE, date=_DAY)
    article = result.article
    assert isinstance(article, EncyclopediaArticle)
    assert article.title == "霧ヶ峰高原"
    assert article.lead == ("霧ヶ峰高原（きりがみねこうげん）は、長野県の中部に広がる高原である[1]。\n\n"
                            "標高1,600メートル前後のなだらかな草原が続く。")
    assert [section.heading for section in article.sections] == ["地理"]
    assert [reference.url for reference in article.references] == ["https://suwa.example.jp/kirigamine", None]
    assert article.attribution.notice == "本文は CC BY-SA 4.0 のもとで利用できます。"
    dropped = {item.line.text: item.rule for item in result.report.dropped}
    assert dropped["本ページはウィキペディア日本語版の記事を2025年7月1日に写したものです。内容は元の記事と異なることがあります。"] \
        == "above-lead"
    assert any("the name the lead opens with" in warning for warning in result.report.warnings)


@pytest.mark.parametrize("back_matter", [
    # footnotes and no licence line
    "出典 [編集]\n^ 長野県『高原の花』2019年。\n",
    # a licence line and no footnotes
    "本文は CC BY-SA 4.0 のもとで利用できます。\n",
])
def test_either_footnotes_or_a_licence_line_is_enough_to_read_the_page(tmp_path: Path, back_matter: str) -> None:
    page = "霧ヶ峰高原\n霧ヶ峰高原（きりがみねこうげん）は、長野県の中部に広がる高原である。\n" + back_matter
    assert _article(tmp_path, page).title == "霧ヶ峰高原"


def test_prose_with_neither_footnotes_nor_a_licence_line_is_still_refused(tmp_path: Path) -> None:
    page = "霧ヶ峰高原\n霧ヶ峰高原（きりがみねこうげん）は、長野県の中部に広がる高原である。\n夏は涼しい。\n"
    with pytest.raises(ImportFailed, match="no recognisable layout"):
        import_text(tmp_path, "page.txt", page, date=_DAY)


# The credit and the licence statement printed in the site's footer, under the footnotes.
_CREDITED_IN_THE_FOOTER = """よむ辞典
くらしの百科 ＞ 鉄道 ＞ 碓氷峠
碓氷峠 (鉄道)
碓氷峠（うすいとうげ）は、群馬県と長野県の境にある峠である。
歴史［編集］
1893年に信越本線の横川駅と軽井沢駅の間が開通した[1]。
注釈［編集］
↑ 鉄道史学会『碓氷線百年』2001年。
出典：フリー百科事典『ウィキペディア（Wikipedia）』
{statement}
よむ辞典について｜利用規約
"""


@pytest.mark.parametrize("statement", [
    # naming the article: its title
    "この記事は、ウィキペディアの「碓氷峠 (鉄道)」の記事を素材として、GNUフリー文書利用許諾契約書の下で転載しています。",
    # naming none: the short line the lead opens with, less its disambiguation in brackets
    "文章は GNUフリー文書利用許諾契約書 の下で利用できます。",
])
def test_a_credit_in_the_footer_does_not_head_the_article(tmp_path: Path, statement: str) -> None:
    result = import_text(tmp_path, "usui.txt", _CREDITED_IN_THE_FOOTER.format(statement=statement), date=_DAY)
    article = result.article
    assert isinstance(article, EncyclopediaArticle)
    assert article.title == "碓氷峠 (鉄道)"
    assert article.lead == "碓氷峠（うすいとうげ）は、群馬県と長野県の境にある峠である。"
    assert [section.heading for section in article.sections] == ["歴史"]
    assert len(article.references) == 1
    assert (article.attribution.license, article.attribution.notice) == ("GNU Free Documentation License", statement)
    consumed = {item.line.text: item.rule for item in result.report.dropped if not item.debris}
    assert consumed["出典：フリー百科事典『ウィキペディア（Wikipedia）』"] == "wikipedia-source"


def test_a_label_over_the_licence_statement_is_the_trailers(tmp_path: Path) -> None:
    page = _CREDITED_IN_THE_FOOTER.format(
        statement="【利用条件】\nこの記事は、ウィキペディアの「碓氷峠 (鉄道)」の記事を素材として、CC BY-SA 4.0 の下で転載しています。"
    ).replace("注釈［編集］\n↑ 鉄道史学会『碓氷線百年』2001年。\n", "注釈［編集］\n↑ 鉄道史学会『碓氷線百年』2001年。\n関連項目\n横川駅\n")
    page = page.replace("出典：フリー百科事典『ウィキペディア（Wikipedia）』\n", "")
    result = import_text(tmp_path, "usui.txt", page, date=_DAY)
    dropped = {item.line.text: item.rule for item in result.report.dropped}
    assert dropped["【利用条件】"] == "dictionary-trailer"
