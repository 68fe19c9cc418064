"""A Wikipedia article inside another dictionary's frame: which part is the article, its bracketed footnotes, the licence line; a digest merely quoting Wikipedia is no encyclopedia page."""

from __future__ import annotations

from pathlib import Path

from kiku.content.model import DigestArticle, EncyclopediaArticle
from tests.support.importing import import_text as _import

UNDATED_DIGEST = """商店街に戻ったにぎわい
古い商店街に若い店主の店が増えています。
空き店舗はどうなった
空き店舗は減った？
3年で半分に
市の家賃補助を使って、空き店舗に新しい店が入りました。
さらに読む ⇒空き店舗に新店続々、家賃補助が後押し出典/画像元: https://town.example.jp/shoutengai/1
補助は最初の2年だけなので、その後が課題です。
"""


FRAMED_ARTICLE = """ことばの森 オンライン
ことばの森 ＞ 自然 ＞ 霧島連山
霧島連山 の解説
山岳ことば辞典 の解説
きりしまれんざん【霧島連山】宮崎・鹿児島県境の火山群。
地名よみかた帳 の解説
霧島連山
きりしまれんざん。
Wikipedia（ウィキペディア） の解説
霧島連山
霧島連山（きりしまれんざん）は、宮崎県と鹿児島県の県境に連なる火山群である[1]。
火山
新燃岳は2011年に大きな噴火を起こした[2]。
登山
えびの高原が登山の拠点となっている[1]。
脚注
[1] 山の資料館「霧島の山々」 https://yama.example.org/kirishima
[2] 火山の記録室『新燃岳2011』2012年
「霧島連山」の関連ワード：新燃岳　高千穂峰
出典：Wikipedia「霧島連山」 本文はGNU Free Documentation Licenseのもとで利用しています。
ことばの森｜運営者｜お問い合わせ
"""


def test_the_wikipedia_article_is_found_under_other_dictionaries_entries(tmp_path: Path) -> None:
    result = _import(tmp_path, "page.txt", FRAMED_ARTICLE)
    article = result.article
    assert isinstance(article, EncyclopediaArticle)
    assert article.title == "霧島連山"
    assert article.lead == "霧島連山（きりしまれんざん）は、宮崎県と鹿児島県の県境に連なる火山群である[1]。"
    assert [section.heading for section in article.sections] == ["火山", "登山"]
    assert article.attribution.notice == "出典：Wikipedia「霧島連山」 本文はGNU Free Documentation Licenseのもとで利用しています。"
    assert article.attribution.license == "GNU Free Documentation License"
    # The other dictionaries' entries, the second printing of the title among them, are the frame's.
    dropped = {item.line.text for item in result.report.dropped if item.debris}
    assert {"きりしまれんざん【霧島連山】宮崎・鹿児島県境の火山群。", "きりしまれんざん。",
            "Wikipedia（ウィキペディア） の解説"} <= dropped


def test_footnotes_numbered_in_brackets_are_references(tmp_path: Path) -> None:
    article = _import(tmp_path, "page.txt", FRAMED_ARTICLE).article
    assert isinstance(article, EncyclopediaArticle)
    assert [(reference.id, reference.text, reference.url) for reference in article.references] == [
        (1, "山の資料館「霧島の山々」", "https://yama.example.org/kirishima"),
        (2, "火山の記録室『新燃岳2011』2012年", None)]


def test_a_digest_quoting_wikipedia_in_brackets_is_not_an_encyclopedia_page(tmp_path: Path) -> None:
    quoting = UNDATED_DIGEST.replace("市の家賃補助を使って", "ウィキペディア「商店街」によれば空き店舗は全国の課題で、市の家賃補助を使って")
    assert isinstance(_import(tmp_path, "page.txt", quoting + "商店街\n").article, DigestArticle)


LICENCE_TRAILER = """出典: フリー百科事典『ウィキペディア（Wikipedia）』 (2025/10/01 08:00 UTC 版)
潮見台
潮見台（しおみだい）は、架空の港町にある高台である[1]。
脚注
^ 港町史編さん室『潮見台の歩み』2020年
ウィキペディア
All text is available under the terms of the GNU Free Documentation License.
この記事は、ウィキペディアの潮見台 (改訂履歴) の記事を複製、再配布したものにあたり、GNU Free Documentation Licenseというライセンスの下で提供されています。
"""


def test_a_licence_line_naming_no_article_beside_the_statement_is_the_sites_footer(tmp_path: Path) -> None:
    result = _import(tmp_path, "page.txt", "辞書サイト\n" + LICENCE_TRAILER)
    article = result.article
    assert isinstance(article, EncyclopediaArticle)
    assert article.attribution.notice is not None and article.attribution.notice.startswith("この記事は、ウィキペディアの潮見台")
    assert [(item.rule, item.debris) for item in result.report.dropped
            if item.line.text.startswith("All text is available")] == [("site-license-footer", True)]


def test_a_licence_line_naming_no_article_is_the_statement_when_the_page_has_no_other(tmp_path: Path) -> None:
    alone = LICENCE_TRAILER.rsplit("この記事は", 1)[0]
    article = _import(tmp_path, "page.txt", "辞書サイト\n" + alone).article
    assert isinstance(article, EncyclopediaArticle)
    assert article.attribution.notice == "All text is available under the terms of the GNU Free Documentation License."
