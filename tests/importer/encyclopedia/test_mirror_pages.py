"""Mirror pages: the article only, its sections under toggles, its references, its title printed again, the frame's fields up to a handover sentence."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiku.content.model import EncyclopediaArticle
from kiku.importer.pipeline import ImportResult
from tests.support.importing import import_text as _import

_MIRROR_PAGE = """しおみペディア
潮見台灯台
出典: フリー百科事典『ウィキペディア（Wikipedia）』
「潮見灯台」はこの項目へ転送されています。
Shiomidai Lighthouse
[IMG]
所在地　　　海辺県潮見市1-1
点灯　　　　1902年
高さ　　　　24m
潮見台灯台（しおみだいとうだい）は、海辺県潮見市にある灯台である[1]。
歴史
1902年に初めて点灯した[2]。
脚注
^ a b 「灯台のあゆみ」海辺県
https://umibe.example.jp/toudai/history 2025年5月1日閲覧。
^ 潮見市史編さん委員会『潮見市史』2001年。
関連項目
灯台の一覧
外部リンク
・潮見台灯台 公式サイト
最終更新 2025年6月2日 (月) 08:14
文章はクリエイティブ・コモンズ 表示-継承 4.0 国際 (CC BY-SA 4.0) ライセンスの下で利用できます。この記事は、ウィキペディア日本語版の「潮見台灯台」を転載したものです。
"""


def test_a_mirror_page_keeps_the_article_only(tmp_path: Path) -> None:
    result = _import(tmp_path, "toudai.txt", _MIRROR_PAGE)
    article = result.article
    assert isinstance(article, EncyclopediaArticle)
    assert article.lead == "潮見台灯台（しおみだいとうだい）は、海辺県潮見市にある灯台である[1]。"
    assert [section.heading for section in article.sections] == ["歴史"]
    assert [reference.url for reference in article.references] == ["https://umibe.example.jp/toudai/history", None]
    rules = {item.line.text: (item.rule, item.debris) for item in result.report.dropped}
    assert rules["Shiomidai Lighthouse"] == ("infobox-caption", True)
    assert rules["関連項目"] == ("wiki-back-matter", False)
    assert rules["・潮見台灯台 公式サイト"] == ("wiki-back-matter", False)


def test_a_toggle_after_a_heading_marks_it_and_is_not_its_text(tmp_path: Path) -> None:
    page = ("山の湖\n出典: フリー百科事典『ウィキペディア（Wikipedia）』\n山の湖は、高原にある湖である[1]。\n"
            "地形 [表示]\n湖は火山の噴火でできた。\n生き物 [hide]\n固有の魚が住む。水草が茂る[要出典]\n"
            "脚注 [表示]\n^ 「山の湖」高原町 https://kogen.example.jp/lake\n"
            "この記事は、ウィキペディアの山の湖 (改訂履歴) の記事を複製、再配布したものにあたり、"
            "GNU Free Documentation Licenseというライセンスの下で提供されています。\n")
    article = _import(tmp_path, "page.txt", page).article
    assert isinstance(article, EncyclopediaArticle)
    assert [section.heading for section in article.sections] == ["地形", "生き物"]
    assert [reference.url for reference in article.references] == ["https://kogen.example.jp/lake"]


@pytest.mark.parametrize("space", [" ", "", "\u3000 ", "  "])
def test_an_edit_icon_after_a_heading_marks_it_and_is_not_its_text(tmp_path: Path, space: str) -> None:
    """A mirror prints the edit link as its icon alone (a pencil or a pen), glued or after a space or
    two of any width."""
    page = ("山の湖\n出典: フリー百科事典『ウィキペディア（Wikipedia）』\n山の湖は、高原にある湖である[1]。\n"
            f"地形{space}✏\n湖は火山の噴火でできた。\n生き物🖊\n固有の魚が住む。\n"
            "脚注\n^ 「山の湖」高原町 https://kogen.example.jp/lake\n"
            "この記事は、ウィキペディアの山の湖 (改訂履歴) の記事を複製、再配布したものにあたり、"
            "GNU Free Documentation Licenseというライセンスの下で提供されています。\n")
    article = _import(tmp_path, "page.txt", page).article
    assert isinstance(article, EncyclopediaArticle)
    assert [section.heading for section in article.sections] == ["地形", "生き物"]


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


def test_a_word_on_the_line_after_a_reference_url_is_not_the_url_s_rest(tmp_path: Path) -> None:
    page = GLOSSARY_FRAME.replace("123-4.html\n", "").replace(
        "本文はウィキペディア日本語版", "Text note.\n本文はウィキペディア日本語版")
    article = _import(tmp_path, "page.txt", page).article
    assert isinstance(article, EncyclopediaArticle)
    assert article.references[-1].url == "https://books.example.jp/lake/"


def _encyclopedia(result: ImportResult) -> EncyclopediaArticle:
    assert isinstance(result.article, EncyclopediaArticle)
    return result.article


_LICENCE = ("このページの本文は、ウィキペディアの記事「潮見台灯台」を素材として使用しています。"
            "文章はクリエイティブ・コモンズ・表示・継承ライセンス 4.0（CC BY-SA 4.0）の下で利用可能です。")


_TITLE_AGAIN_PAGE = f"""うみべ辞典 ― 海辺の百科
潮見台灯台（Wikipedia）
出典：フリー百科事典『ウィキペディア（Wikipedia）』最終更新 2025年2月12日 (水) 06:21

潮見台灯台

潮見台灯台（しおみだいとうだい）は、海辺県潮見市にある灯台である[1]。

歴史

1901年に初めて点灯した。

観光

春と秋に内部が公開される[2]。

脚注

1. 「潮見台灯台の歩み」潮見市 https://shiomi.example.jp/toudai/
history.html
2. 潮見市観光協会『灯台めぐり』2020年。

{_LICENCE}
"""


def test_the_title_printed_again_under_the_source_line_is_not_a_section(tmp_path: Path) -> None:
    result = _import(tmp_path, "toudai.txt", _TITLE_AGAIN_PAGE)
    article = _encyclopedia(result)
    assert article.title == "潮見台灯台"
    assert article.lead == "潮見台灯台（しおみだいとうだい）は、海辺県潮見市にある灯台である[1]。"
    assert [section.heading for section in article.sections] == ["歴史", "観光"]
    # A numbered reference whose URL wraps onto the next line keeps the whole URL.
    assert [reference.url for reference in article.references] == [
        "https://shiomi.example.jp/toudai/history.html", None]
    assert article.attribution.notice == _LICENCE
    assert article.attribution.license == "Creative Commons Attribution-ShareAlike"
    rules = {item.line.text: (item.rule, item.debris) for item in result.report.dropped}
    # The title printed again over the lead is the article's; the one with the site's suffix is its frame.
    assert rules["潮見台灯台"] == ("repeated-title", False)
    assert rules["潮見台灯台（Wikipedia）"] == ("dictionary-header", True)


_HANDOVER_PAGE = """時事ことば帳｜ニュースの用語を解説
トップ ＞ 用語一覧 ＞ 潮見台灯台
潮見台灯台
読み方：しおみだいとうだい
以下はウィキペディア（Wikipedia）の記事からの引用です。
潮見台灯台（しおみだいとうだい）は、海辺県潮見市にある灯台である[1]。
歴史
1901年に初めて点灯した。
観光
春と秋に内部が公開される[1]。
脚注
↑ 「潮見台灯台の歩み」潮見市 https://shiomi.example.jp/toudai/history.html
本ページの引用部分は、ウィキペディア日本語版「潮見台灯台」の記事を、クリエイティブ・コモンズ 表示-継承 4.0 ライセンス（CC BY-SA 4.0）に基づいて利用しています。
"""


def test_a_frames_fields_up_to_a_handover_sentence_ending_in_a_full_stop_are_its_own(tmp_path: Path) -> None:
    result = _import(tmp_path, "toudai2.txt", _HANDOVER_PAGE)
    article = _encyclopedia(result)
    assert article.title == "潮見台灯台"
    assert article.lead == "潮見台灯台（しおみだいとうだい）は、海辺県潮見市にある灯台である[1]。"
    assert [section.heading for section in article.sections] == ["歴史", "観光"]
    rules = {item.line.text: item.rule for item in result.report.dropped}
    assert rules["読み方：しおみだいとうだい"] == "dictionary-header"
    assert rules["以下はウィキペディア（Wikipedia）の記事からの引用です。"] == "dictionary-header"


_INFOBOX_PAGE = """かぜの百科
青葉大橋
出典: フリー百科事典『ウィキペディア（Wikipedia）』 最終更新 2025年4月9日 (水) 10:20
青葉大橋
所在地　海辺県青葉市
全長　1,240 m
形式　斜張橋
開通　1998年
青葉大橋（あおばおおはし）は、海辺県青葉市にある斜張橋である[1]。
歴史
1998年に開通した。
脚注
^ 「青葉大橋の記録」海辺県
この記事は、ウィキペディアの青葉大橋 (改訂履歴) の記事を複製、再配布したものにあたり、GNU Free Documentation Licenseというライセンスの下で提供されています。
"""


def test_label_value_rows_under_the_title_again_are_an_infobox_and_its_caption(tmp_path: Path) -> None:
    result = _import(tmp_path, "bridge.txt", _INFOBOX_PAGE)
    article = result.article
    assert isinstance(article, EncyclopediaArticle)
    assert (article.title, article.lead) == ("青葉大橋", "青葉大橋（あおばおおはし）は、海辺県青葉市にある斜張橋である[1]。")
    rules = {item.line.number: (item.rule, item.debris) for item in result.report.dropped}
    assert 2 not in rules  # the title above the source line is the article's
    assert rules[4] == ("infobox-caption", False)
    assert [rules[number] for number in range(5, 9)] == [("wiki-infobox", True)] * 4


_SEE_ALSO_FIRST = """鳴沢氷穴
出典: フリー百科事典『ウィキペディア（Wikipedia）』 (2025/06/10 03:20 UTC 版)
鳴沢氷穴（なるさわひょうけつ）は、山梨県南都留郡鳴沢村にある溶岩洞窟である[1]。
地形 [編集]
青木ヶ原の溶岩流が冷えて固まる際にできた竪穴型の洞窟で、内部は一年中0度前後に保たれる。
利用 [編集]
昭和初期までは天然の冷蔵庫として蚕の卵の保存に使われた[2]。
外部リンク [編集]
・鳴沢村観光案内
関連項目 [編集]
富岳風穴
溶岩洞
脚注 [編集]
^ 鳴沢村「鳴沢氷穴」2025年5月1日閲覧。
^ 富士山麓研究会『溶岩洞の記録』1998年。
この記事は、ウィキペディアの鳴沢氷穴 (改訂履歴) の記事を複製、再配布したものにあたり、GNU Free Documentation Licenseの下で提供されています。
"""


def test_back_matter_before_the_footnotes_is_no_section(tmp_path: Path) -> None:
    """外部リンク and 関連項目 printed above 脚注 (as many mirrors order them) are back matter as they are below it."""
    result = _import(tmp_path, "hyouketsu.txt", _SEE_ALSO_FIRST)
    article = result.article
    assert isinstance(article, EncyclopediaArticle)
    assert [section.heading for section in article.sections] == ["地形", "利用"]
    assert article.sections[1].body == ("昭和初期までは天然の冷蔵庫として蚕の卵の保存に使われた[2]。",)
    assert len(article.references) == 2
    rules = {item.line.text: (item.rule, item.debris) for item in result.report.dropped}
    for line in ("外部リンク [編集]", "・鳴沢村観光案内", "関連項目 [編集]", "富岳風穴", "溶岩洞"):
        assert rules[line] == ("wiki-back-matter", False)


_FIELDS_OVER_SOURCE_PAGE = """ことばの森｜用語辞典
ホーム > 自然 > 鳴門の渦潮
鳴門の渦潮
よみ: なるとのうずしお
分野：地理
出典：フリー百科事典『ウィキペディア（Wikipedia）』（2025/08/11 03:20 UTC 版）
鳴門の渦潮（なるとのうずしお）は、鳴門海峡に発生する渦潮である[1]。
成因
潮の干満で海峡の両側に水位差が生じ、速い流れが渦を生む。
脚注
^ 「渦潮のしくみ」鳴門市 https://naruto.example.jp/uzushio 2025年7月1日閲覧。
"""


def test_a_frames_labelled_fields_between_the_headword_and_the_source_line_are_not_the_title(
        tmp_path: Path) -> None:
    result = _import(tmp_path, "uzushio.txt", _FIELDS_OVER_SOURCE_PAGE)
    article = _encyclopedia(result)
    assert article.title == "鳴門の渦潮"
    assert article.lead == "鳴門の渦潮（なるとのうずしお）は、鳴門海峡に発生する渦潮である[1]。"
    rules = {item.line.text: item.rule for item in result.report.dropped}
    assert rules["よみ: なるとのうずしお"] == "dictionary-header"
    assert rules["分野：地理"] == "dictionary-header"
