"""A related-articles list inside the article, its heading set off by any decoration ('◆ 関連記事', '＝＝ 合わせて
読みたい ＝＝') and its titles unmarked, one of them asking ('…はなぜ？'): the site's, dropped whole, while the real
section after it (a heading over a labelled question) is kept."""

from __future__ import annotations

from kiku.importer.cleaning.debris import strip_debris
from kiku.importer.page import Line
from kiku.importer.report import ImportReport


def _strip(*texts: str) -> tuple[list[str], list[str]]:
    report = ImportReport("page.txt")
    kept = strip_debris([Line(number, text) for number, text in enumerate(texts, start=1)], report)
    return [line.text for line in kept], [item.line.text for item in report.dropped]


_FIRST_SECTION = ("▍新しい図書館が開館", "Q：どんな図書館？", "A：自習席が300席ある",
                  "駅から歩いて5分の場所にできました。")
_NEXT_SECTION = ("▍夜9時まで開館", "Q：開館時間は？", "A：平日は夜9時まで", "仕事帰りにも寄れるのがうれしいです。")


def test_a_decorated_heading_and_its_titles_are_dropped_the_next_section_kept() -> None:
    for heading in ("◆ 関連記事", "＝＝ 合わせて読みたい ＝＝", "―― 関連ニュース ――"):
        listed = (heading, "市立博物館、来春にリニューアル", "公園の遊具はなぜ撤去される？")
        kept, dropped = _strip(*_FIRST_SECTION, *listed, *_NEXT_SECTION)
        assert kept == [*_FIRST_SECTION, *_NEXT_SECTION], heading
        assert dropped == list(listed)


def test_on_a_page_of_unlabelled_questions_a_title_over_a_question_stays_a_heading() -> None:
    kept, _ = _strip("駅から歩いて5分の場所にできました。", "◆ 関連記事", "夜9時まで開館",
                     "開館時間はいつまで？", "平日は夜9時まで開いています。")
    assert kept[-3:] == ["夜9時まで開館", "開館時間はいつまで？", "平日は夜9時まで開いています。"]
