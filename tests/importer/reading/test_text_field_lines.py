"""A whole card printed as labelled lines in a text dump ('記事名：…', '媒体：…', 'URL：https://…') reads as
its card; a run of labelled facts with a link and no title nor summary stays as it is."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from kiku.importer.page import Line
from kiku.importer.reading.cards.text.field_lines import read_field_lines
from kiku.importer.report import ImportReport
from tests.support.importing import digest_of, import_text

PAGE = """離島フェリーが冬ダイヤに　島の暮らしへの影響は
公開 2025年12月2日
離島を結ぶフェリーが、燃料費の高騰を理由に冬の便を減らします。
何が変わる？
便はどれだけ減るの？
1日3往復から2往復に
まずは運航会社の発表を伝えた記事です。
記事名：離島フェリー、冬ダイヤで1日2往復に　燃料高で減便
媒体：潮騒ニュース
更新：H31/3/28
あらまし：運航会社は12月から便数を減らすと発表した。
◎ 燃料費の高騰が続いているためだという。
元記事：https://shiosai.example.jp/a/88
通院の予定が組みにくくなりそうです。
町は運航会社と協議を続けるとしています。
"""


def test_a_card_printed_as_labelled_lines_reads_as_its_card(tmp_path: Path) -> None:
    article = digest_of(import_text(tmp_path, "page.txt", PAGE))
    [section] = article.sections
    [card] = section.sources
    assert (card.title, card.publisher, card.published, card.url) == (
        "離島フェリー、冬ダイヤで1日2往復に　燃料高で減便", "潮騒ニュース", dt.date(2019, 3, 28),
        "https://shiosai.example.jp/a/88")
    assert card.summary == ("運航会社は12月から便数を減らすと発表した。", "燃料費の高騰が続いているためだという。")
    assert card.comments[0] == "通院の予定が組みにくくなりそうです。"


def test_labelled_facts_with_a_link_and_no_title_nor_summary_stay_as_they_are() -> None:
    texts = ["所在地：長崎県五島市", "開業：1958年", "運営：五島汽船", "公式サイト：https://goto.example.jp/"]
    lines = [Line(number, text) for number, text in enumerate(texts, start=1)]
    assert [line.text for line in read_field_lines(lines, ImportReport("page.txt"))] == texts


def test_labelled_lines_in_another_order_read_as_the_same_card() -> None:
    texts = ["URL：https://yamabiko.example.jp/k/12", "要旨：県は来春から山間部の路線バスを予約制に切り替える。",
             "日時：2025/02/14", "記事：山あいの路線バス、来春から予約制に", "出所：やまびこ日報"]
    lines = [Line(number, text) for number, text in enumerate(texts, start=1)]
    assert [line.text for line in read_field_lines(lines, ImportReport("page.txt"))] == [
        "山あいの路線バス、来春から予約制に", "・県は来春から山間部の路線バスを予約制に切り替える。",
        "→ やまびこ日報 2025/02/14 https://yamabiko.example.jp/k/12"]


BRACKETED_PAGE = """山あいの路線バスが予約制に　住民の足はどう変わる
公開 2025年11月4日
県内の山あいを走る路線バスが、来春から予約制に切り替わります。
何が変わる？
予約はどうするの？
前日までに電話かアプリで予約します。
まずは県の発表を伝えた記事です。
〔掲載日〕2025/10/30
〔媒体〕やまびこ日報
〔見出し〕山あいの路線バス、来春から予約制に　空席の便を減らす
〔リンク〕https://yamabiko.example.jp/k/31
・県は利用の少ない便を予約のあった時だけ走らせる。
・運賃は変わらない。
〔掲載日〕2025/10/12
〔媒体〕峠テレビ
〔リンク〕https://touge-tv.example.jp/n/7
・予約制の試行で、乗客一人あたりの費用が下がったという。
通院の予定が組みにくくなりそうです。
町は県と協議を続けるとしています。
"""


def test_a_card_whose_every_field_has_its_bracketed_label_line_reads_as_its_card(tmp_path: Path) -> None:
    article = digest_of(import_text(tmp_path, "page.txt", BRACKETED_PAGE))
    [section] = article.sections
    assert [(card.title, card.publisher, card.published, card.url) for card in section.sources] == [
        ("山あいの路線バス、来春から予約制に　空席の便を減らす", "やまびこ日報", dt.date(2025, 10, 30),
         "https://yamabiko.example.jp/k/31"),
        (None, "峠テレビ", dt.date(2025, 10, 12), "https://touge-tv.example.jp/n/7")]


def test_a_marked_link_line_after_a_labelled_run_closes_it_and_is_no_summary() -> None:
    texts = ["日時：2025/02/14", "記事：山あいの路線バス、来春から予約制に", "出所：やまびこ日報",
             "URL：https://yamabiko.example.jp/k/12", "・県は来春から山間部の路線バスを予約制に切り替える。",
             "→ 峠テレビ 2025/02/11 https://touge-tv.example.jp/n/3"]
    lines = [Line(number, text) for number, text in enumerate(texts, start=1)]
    assert [line.text for line in read_field_lines(lines, ImportReport("page.txt"))] == [
        "山あいの路線バス、来春から予約制に", "・県は来春から山間部の路線バスを予約制に切り替える。",
        "→ やまびこ日報 2025/02/14 https://yamabiko.example.jp/k/12",
        "→ 峠テレビ 2025/02/11 https://touge-tv.example.jp/n/3"]
