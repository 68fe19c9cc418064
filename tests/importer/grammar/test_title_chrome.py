"""The site's chrome over the title (a menu row, an author's row with its follow button, a list's tag) is no title."""

from __future__ import annotations

from pathlib import Path

from kiku.importer.grammar.page.title import list_tag, title_index
from tests.support.importing import digest_of as _digest
from tests.support.importing import import_text as _import


def test_a_menu_row_of_section_names_is_no_headline() -> None:
    # Long enough to pass for a headline, but a row of short words (section names) split by spaces.
    texts = ["まちかど通信", "ホーム　政治　社会　文化　天気　科学　くらし", "アプリ版", "商店街に新しい朝市、毎週日曜に開催へ",
             "5/11(日) 8:00更新　地域取材班", "♡いいね　💬返信 12　↗共有", "駅前の商店街で、毎週日曜の朝市が始まります。"]
    assert title_index(texts) == 3


def test_the_headline_over_an_author_row_and_the_lead_is_the_title() -> None:
    # The site's name over a category and a date; under the headline the author's row with its follow button.
    texts = ["ポケットTIMES", "アプリ版", "まち・交通", "2024年3月2日(土) 9:00公開",
             "路面電車の延伸計画、住民説明会で賛否が分かれた理由と今後の日程",
             "まちだより編集班　フォロー", "市が進める路面電車の延伸計画について、説明会が開かれました。"]
    assert title_index(texts) == 4


def test_a_list_s_tag_before_the_subject_is_trimmed(tmp_path: Path) -> None:
    assert list_tag("[hoken-ml 0078] 秋のワクチン接種、予約はいつから始まる？") == "[hoken-ml 0078]"
    assert list_tag("［港:12］ 朝市の新しい顔ぶれが決まりました、三店が参加") == "［港:12］"
    # A bracketed label with no number is the headline's own, and a tag over a short word is no subject.
    assert list_tag("[速報] 秋のワクチン接種、予約はいつから始まる？") is None
    assert list_tag("[hoken-ml 0078] 目次") is None
    page = ("[hoken-ml 0078] 秋のワクチン接種、予約はいつから始まる？\n2025年9月1日\n"
            "今年も秋のワクチン接種の時期が近づいてきました。\n予約の始まり\n問い：予約はいつから？\n答え：9月15日からです。\n")
    article = _digest(_import(tmp_path, "page.txt", page))
    assert article.title == "秋のワクチン接種、予約はいつから始まる？"
