"""An app prints its tabs as one-word lines, the current one among them, over the article's counted buttons
('コメント 8'): with the button's count under it the run is the app's menu, not the article's title."""

from __future__ import annotations

from pathlib import Path

from kiku.importer.cleaning.shapes import claim_menu_run
from tests.support.importing import digest_of, import_text


def test_a_run_of_one_word_lines_closed_by_a_counted_button_is_a_menu() -> None:
    texts = ["速報", "野球", "サッカー", "競馬", "コメント 8", "プロ野球の新人王が決定　投手2人が争う"]
    assert claim_menu_run(texts, 0) == 5
    # Short lines of the article with no button among them stay.
    assert claim_menu_run(["野球", "サッカー", "競馬", "いずれも週末に試合がある。"], 0) == 0


PAGE = """＜ スポーツ通信 ＞
速報
野球
サッカー
競馬
コメント 8
プロ野球の新人王が決定　投手2人が争った末に
2025年11月26日
プロ野球の新人王が発表されました。セ・リーグ、パ・リーグともに投手が選ばれています。
■ 新人王の顔ぶれ
Q：誰が選ばれたの？
A：両リーグとも先発投手
今季はルーキーの投手が活躍しました。
新人王は記者投票で決まり、今年は両リーグとも大差がつきました。
"""


def test_the_title_under_the_menu_is_the_article_s(tmp_path: Path) -> None:
    article = digest_of(import_text(tmp_path, "app.txt", PAGE))
    assert article.title == "プロ野球の新人王が決定　投手2人が争った末に"
