"""A share row whose buttons carry a service's note in brackets ('X(旧Twitter)でポスト'), or name a service and any
verb of posting ('Xで投稿'), is still the site's share row: dropped, and never read as the article's title over the lead."""

from __future__ import annotations

from pathlib import Path

from kiku.importer.cleaning.lines.link_lines import is_share_words_row
from kiku.importer.grammar.page.title import title_index
from tests.support.importing import digest_of, import_text


def test_a_button_with_a_note_in_brackets_is_a_share_button() -> None:
    assert is_share_words_row("𝕏(旧ツイッター)でポスト　Facebookでシェア　LINEで送る")
    assert is_share_words_row("Threads(スレッズ)でシェア　はてブ")
    assert not is_share_words_row("市(旧町役場)で説明会　申し込みは不要")


def test_a_service_and_the_verb_of_posting_to_it_is_a_share_button() -> None:
    assert is_share_words_row("Xで投稿　Threadsで共有する　Blueskyで投稿")
    assert not is_share_words_row("Xで見る　Amazonで見る")


def test_a_share_row_longer_than_the_title_takes_neither_the_title_nor_its_date() -> None:
    """Kept by the site's line rules or not, a row of share buttons between the date and the lead is no headline:
    the date line over it stays the title's."""
    texts = ["まちの話題", "路線バスが2割減便！通勤の足はどうなる？", "更新日：2025.11.04",
             "Blueskyで投稿　Facebookでシェア　はてブ　LINEで送る　リンクをコピー",
             "市内の路線バスが、来春から平日の便を2割減らします。"]
    assert title_index(texts) == 1


_SHARE_ROW_UNDER_THE_TITLE = """まちの話題
ホーム ＞ くらし ＞ 交通
路線バスが減便へ、通勤の足はどうなる？
更新日：2025.11.04
𝕏(旧ツイッター)でポスト　Facebookでシェア　LINEで送る
市内の路線バスが、来春から平日の便を2割減らします。
運転手の不足が理由で、通勤や通学への影響が心配されています。
■どれくらい減る？
Q. 何便減るの？
A. 平日の便が約2割
朝夕の便も一部が減ります。
路線バス、来春から2割減便　運転手不足で
配信日：2025年10月30日
・市営バスは来年4月から、平日の便を約2割減らすと発表した。
・運転手の不足が続いているため。
続きを読む ⇒ 港町新報　https://minato.example.jp/news/bus-genbin
朝の便が減るのは困りますね。
"""


def test_a_share_row_with_noted_buttons_is_dropped_and_the_title_kept(tmp_path: Path) -> None:
    article = digest_of(import_text(tmp_path, "bus.txt", _SHARE_ROW_UNDER_THE_TITLE))
    assert article.title == "路線バスが減便へ、通勤の足はどうなる？"
    assert "共有" not in (article.lead or "")
