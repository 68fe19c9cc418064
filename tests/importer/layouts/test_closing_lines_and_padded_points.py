"""The page's closing: a glyph-marked label over the last sentences heads them even when the site's own line
asking the reader something follows them (a question with nothing under it heads no section); a page that
dates itself only under its text by the day it was last updated ('最終更新 …') is dated by that line, not by its
newest card. Key points numbered with zero-padded numbers ('01 …', '02 …') are one list."""

from __future__ import annotations

from pathlib import Path

from tests.support.importing import digest_of, import_text

_SECTIONS = """■ 利用者の変化
どんな人が使っている？
仕事帰りの会社員が多い
・夜7時以降の来館者は前年の2倍になった。
・学習席は夜も満席が続いている。
→ https://machi-shimbun.example.jp/news/2024/06/library-night （まち新聞 2024年6月18日）
夜の図書館は静かで集中しやすいそうです。

■ 今後の課題
職員は足りている？
当面は交代制で対応する
・職員の残業が増えているという。
→ https://machi-shimbun.example.jp/news/2024/06/library-staff （まち新聞 2024年6月19日）
"""
_HEAD = "図書館の夜間開館、利用者が増える\n\n市立図書館が平日の夜9時まで開館を延ばしました。仕事帰りの利用者が増えています。\n\n"
_CLOSING = ["夜間開館は、働く人の学びを支える取り組みです。", "続けられる仕組みづくりが求められます。"]


def test_a_marked_closing_label_heads_the_last_sentences_above_the_sites_question(tmp_path: Path) -> None:
    page = _HEAD + _SECTIONS + "\n🍀 おしまいに\n" + "\n".join(_CLOSING) + "\nこの記事はお役に立ちましたか？\n"
    article = digest_of(import_text(tmp_path, "library.txt", page))
    assert list(article.outro) + list(article.conclusion) == _CLOSING


def test_a_last_updated_line_under_the_text_dates_the_page(tmp_path: Path) -> None:
    page = _HEAD + _SECTIONS + "\n" + "\n".join(_CLOSING) + "\n\n最終更新 2024-06-21\n"
    assert str(digest_of(import_text(tmp_path, "library.txt", page)).date) == "2024-06-21"


def test_zero_padded_numbers_number_the_key_points(tmp_path: Path) -> None:
    points = ["01 平日の開館が夜9時までに延びた", "02 夜の来館者は前年の2倍になった", "03 職員は交代制で対応する"]
    page = _HEAD.replace("\n\n■", "\n\n") + "\n".join(points) + "\n\n" + _SECTIONS
    result = import_text(tmp_path, "library.txt", page)
    article = digest_of(result)
    assert list(article.key_points) == [point[3:] for point in points]
    assert not [warning for warning in result.report.warnings if "neither in the article" in warning]
    assert [section.heading for section in article.sections] == ["利用者の変化", "今後の課題"]
