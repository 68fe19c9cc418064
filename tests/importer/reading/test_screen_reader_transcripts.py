"""A page saved as a screen reader's transcript: the role announced before each element ('見出し レベル 2',
'リンク', 'リスト 2項目' … 'リストの終わり', '領域 …' … '領域の終わり') is the page's markup read aloud,
kept as what it says (a heading, a list item, a link, a card's box) and never left in the article."""

from __future__ import annotations

from pathlib import Path

from kiku.importer.page import Line
from kiku.importer.reading.text.screen_reader import is_transcript, read_transcript
from kiku.importer.report import ImportReport
from tests.support.importing import digest_of, import_text


def _lines(*texts: str) -> list[Line]:
    return [Line(number, text) for number, text in enumerate(texts, start=1)]


def test_english_announcements_mark_the_lines_they_announce_and_are_consumed() -> None:
    report = ImportReport("page.txt")
    lines = _lines("Heading level 1", "Night buses return to the harbour line", "Graphic", "bus photo",
                   "List 2 items", "・Four buses an hour", "・Last bus at 1 a.m.", "End of list",
                   "Button", "Share", "Visited link", "https://example.org/news/bus")
    assert is_transcript([*lines, Line(20, "heading level 2"), Line(21, "Timetable")])
    read = read_transcript(lines, report)
    assert [(line.text, line.heading, line.list_item, line.link_only) for line in read] == [
        ("Night buses return to the harbour line", True, False, False),
        ("・Four buses an hour", False, True, False),
        ("・Last bus at 1 a.m.", False, True, False),
        ("https://example.org/news/bus", False, False, True),
    ]
    rules = {item.line.text: (item.rule, item.debris) for item in report.dropped}
    assert rules["Heading level 1"] == ("screen-reader-role", False)
    assert rules["bus photo"] == ("image-alt-text", True)
    assert rules["Share"] == ("screen-reader-control", True)


def test_a_sentence_after_an_image_announcement_is_the_article_s_an_image_with_no_alt_text() -> None:
    read = read_transcript(_lines("画像", "港の朝市は今年で30回目を迎えました。"), ImportReport("page.txt"))
    assert [line.text for line in read] == ["港の朝市は今年で30回目を迎えました。"]


def test_a_heading_announced_on_its_own_line_opens_it_and_is_trimmed() -> None:
    report = ImportReport("page.txt")
    read = read_transcript(_lines("見出し、レベル2、朝市の歴史"), report)
    assert [(line.text, line.heading) for line in read] == [("朝市の歴史", True)]
    assert report.dropped[0].removed == "見出し、レベル2、"


def test_a_region_closed_by_a_link_is_a_card_box_headed_by_its_first_line() -> None:
    read = read_transcript(_lines("ランドマーク 関連記事", "朝市の出店者を募集", "2025年4月1日",
                                  "https://example.jp/ichi", "ランドマークの終わり", "領域 お知らせ",
                                  "雨天でも開催します。", "領域の終わり"), ImportReport("page.txt"))
    assert [line.heads_card_box for line in read] == [True, False, False, False]


def test_a_dump_that_mentions_one_heading_announcement_is_no_transcript() -> None:
    assert not is_transcript(_lines("リンク", "見出し レベル 2", "読み上げソフトの設定を見直しました。"))


PAGE = """ナビゲーション ランドマーク
リンク
まちニュース
メイン ランドマーク
見出し レベル 1
図書館の電子書籍、貸し出しが3倍に　スマホで借りられる仕組みとは
リンク
編集部
2025年2月14日
グラフィック
トップ写真
市立図書館が始めた電子書籍の貸し出しが、開始から1年で3倍に増えました。
見出し レベル 2
電子書籍の借り方
Q. どうやって借りるの?
A. 図書館カードの番号でログインするだけ
専用サイトで本を選ぶと、その場で読み始められます。
グループ 出典
電子図書館の利用者が前年の3倍に
配信元：みなと新報
2025年2月10日
・貸出数は月平均4000冊を超えた。
リンク
https://minato-shimpo.example.jp/news/20250210/ebook
グループの終わり
返却の手間がないのは便利ですね。
見出し レベル 2
人気のジャンル
Q. どんな本が読まれている?
A. 実用書と児童書が上位を占める
夜間や休館日にも借りられる点が好評です。
グループ 出典
配信元：市立図書館
2025年1月31日
・児童書の貸出は全体の4割を占めた。
リンク
https://library.example.lg.jp/ebook/report
グループの終わり
子どもと一緒に選べるのもいいところです。
見出し レベル 2
まとめ
電子書籍は、図書館をもっと身近にしてくれそうです。
ボタン
シェア
"""


def test_a_transcript_page_imports_as_the_page_it_reads_aloud(tmp_path: Path) -> None:
    result = import_text(tmp_path, "transcript.txt", PAGE)
    article = digest_of(result)
    assert article.title == "図書館の電子書籍、貸し出しが3倍に　スマホで借りられる仕組みとは"
    assert [section.heading for section in article.sections] == ["電子書籍の借り方", "人気のジャンル", "まとめ"]
    first, second = (section.sources[0] for section in article.sections[:2])
    assert (first.title, first.publisher) == ("電子図書館の利用者が前年の3倍に", "みなと新報")
    assert (second.title, second.publisher) == (None, "市立図書館")
    written = repr(article)
    for announcement in ("見出し レベル", "リンク", "グループ", "ランドマーク", "トップ写真", "シェア"):
        assert announcement not in written
    assert not [warning for warning in result.report.warnings if "neither in the article" in warning]


def test_one_heading_announced_with_lists_opened_and_closed_is_a_transcript() -> None:
    assert is_transcript(_lines("見出し レベル 1", "朝市が30回目", "リスト 2項目", "・一つ目の点です", "・二つ目の点です",
                                "リストの終わり", "リスト 2項目", "・三つ目", "・四つ目", "リストの終わり"))
    assert not is_transcript(_lines("見出し レベル 1", "朝市が30回目", "リスト 2項目", "・一つ目の点です"))
