"""A periodical's issue line ('港町ウィークリー　#57') under the article's headline is the mail's or the post's
masthead, never the title; with the author's name under it, both stand between the title and the date."""

from __future__ import annotations

from pathlib import Path

from tests.support.importing import digest_of, import_text


def test_an_issue_line_over_a_byline_and_a_date_is_no_title(tmp_path: Path) -> None:
    page = [
        "市場の朝に旬の魚が戻る、春の漁が好調な理由とは", "港町ウィークリー　#57", "山田はなこ", "2025年5月1日",
        "春の漁が好調で、市場に旬の魚が戻ってきました。理由を整理します。",
        "◆ 漁が好調な理由", "なぜ今年は魚が多いのか？", "水温が例年より安定している",
        "漁師さんもほっとしているようです。",
        "春の漁、水揚げ量が前年の1.5倍に", "港町日報", "2025年4月28日", "https://minato.example.jp/news/88",
        "・ 県漁連は春の水揚げ量が前年の1.5倍になったと発表した。", "・ 水温の安定が理由とみられる。",
    ]
    article = digest_of(import_text(tmp_path, "page.txt", "\n\n".join(page)))
    assert article.title == page[0]
    assert article.lead == page[4]
