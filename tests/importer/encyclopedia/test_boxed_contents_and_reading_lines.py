"""A dictionary site's copy of a Wikipedia article: the headword's reading in brackets under the title, a contents
list drawn in a box ('┏ 目次 ┓' … '┗━━┛'), headings closed by a pencil and the edit word ('地理　✎編集')."""

from __future__ import annotations

from pathlib import Path

from kiku.content.model import EncyclopediaArticle
from tests.support.importing import import_text

_PAGE = """ことば広場百科 ｜ 調べものの入り口
ホーム ＞ 百科 ＞ 地理 ＞ 霞ヶ浦

霞ヶ浦
【かすみがうら】
出典：フリー百科事典『ウィキペディア（Wikipedia）』 最終更新 2025年5月2日（金）08:40 UTC

霞ヶ浦（かすみがうら）は、茨城県南東部に広がる湖で、日本で2番目に大きい湖である[1]。

┏ 目次 ┓
　1　地理
　2　利用
　3　脚注
┗━━━━┛

地理　✎編集

湖は西浦、北浦などからなり、利根川へと流れ出る[2]。

利用　✎編集

湖の水は農業用水や工業用水として使われている。

脚注　✎編集

^ 「霞ヶ浦の概要」 みずうみ資料館. https://lake.example.org/kasumigaura/ 2025年4月1日閲覧。
^ 湖沼研究会『関東の湖』湖畔書房、2018年、12-20頁。
"""


def test_the_title_the_headings_and_the_references_are_read_around_the_frame(tmp_path: Path) -> None:
    article = import_text(tmp_path, "page.txt", _PAGE).article
    assert isinstance(article, EncyclopediaArticle)
    assert article.title == "霞ヶ浦"
    assert [section.heading for section in article.sections] == ["地理", "利用"]
    assert len(article.references) == 2
    assert article.lead is not None and "目次" not in article.lead and "┗" not in article.lead
