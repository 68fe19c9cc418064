"""A whole card printed on one line, its fields between any separator a card prints (a slash, a dot or a
dash with spaces, a bar) and its link among them wherever it stands, perhaps after a bracketed label: each
field is read by its shape, not by its place in the line."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from kiku.importer.grammar.cards.card_link import read_card_link
from kiku.importer.grammar.cards.field_row_link import read_field_row
from kiku.importer.grammar.cards.fields.reading import read_barred_line
from tests.support.importing import digest_of, import_text


def test_the_link_may_stand_between_the_title_and_the_publisher() -> None:
    link = read_card_link("2024.9.14 ／ 商店街の夜市、今年は3日間に延長 ／ ＜URL＞https://yoichi.example.jp/a/77 ／ 北浜日報")
    assert link is not None
    assert (link.url, link.title, link.publisher, link.published) == (
        "https://yoichi.example.jp/a/77", "商店街の夜市、今年は3日間に延長", "北浜日報", dt.date(2024, 9, 14))


def test_the_link_may_open_the_line_and_the_date_stand_in_the_publishers_brackets() -> None:
    row = read_field_row("【記事】https://yoichi.example.jp/b/12 · 港北タイムズ（2024/9/2） · 夜市の出店者、市内から広く募集")
    assert row is not None
    assert (row.url, row.title, row.publisher, row.published) == (
        "https://yoichi.example.jp/b/12", "夜市の出店者、市内から広く募集", "港北タイムズ", dt.date(2024, 9, 2))



def test_the_link_may_close_the_line_after_a_bracketed_label() -> None:
    link = read_card_link("港北タイムズ（2024/9/2） — 夜市の会場、駅前広場まで広がる — 〈記事〉https://yoichi.example.jp/d/5")
    assert link is not None
    assert (link.url, link.title, link.publisher, link.published) == (
        "https://yoichi.example.jp/d/5", "夜市の会場、駅前広場まで広がる", "港北タイムズ", dt.date(2024, 9, 2))


def test_a_link_line_closing_on_its_url_without_a_title_is_left_to_the_grammar() -> None:
    assert read_field_row("北浜日報 ／ 2024.9.14 ／ https://yoichi.example.jp/a/77") is None


def test_a_read_more_phrase_before_a_title_glued_to_its_url_is_no_field_of_a_row() -> None:
    link = read_card_link("元記事を読む — 夜市の会場、駅前広場まで広がる、港北タイムズ（2024年9月2日） https://yoichi.example.jp/d/5")
    assert link is not None
    assert (link.title, link.publisher) == ("夜市の会場、駅前広場まで広がる", "港北タイムズ")

def test_a_sentence_citing_a_link_between_separators_is_no_card_row() -> None:
    assert read_field_row("詳しくは https://yoichi.example.jp/c/3 を見てください。 ／ 北浜日報 ／ 2024.9.14") is None
    assert read_field_row("北浜日報 ／ https://yoichi.example.jp/c/3 ／ 港北タイムズ") is None


_PAGE = """商店街の夜市が3日間に　今年の見どころ
2024年9月20日
今年の夜市は、会期が3日間に延びます。出店の数も過去最多になる見込みです。
会期が延びた理由
なぜ3日間になったのか？
来場者の増加に応えるため
商店街の振興会が発表しました。
2024.9.14 ／ 商店街の夜市、今年は3日間に延長 ／ ＜URL＞https://yoichi.example.jp/a/77 ／ 北浜日報
・北浜商店街の夜市は今年、会期を3日間に延ばす。
・昨年は2日間で延べ2万人が訪れた。
出店の募集
だれが出店できるのか？
市内の事業者と個人
個人の出店も受け付けるそうです。
【記事】https://yoichi.example.jp/b/12 · 港北タイムズ（2024/9/2） · 夜市の出店者、市内から広く募集
・振興会は市内の事業者と個人から出店者を募集している。
"""


def test_cards_printed_as_shuffled_rows_keep_their_fields(tmp_path: Path) -> None:
    sections = digest_of(import_text(tmp_path, "yoichi.txt", _PAGE)).sections
    assert [[(card.title, card.publisher, card.published, card.url) for card in section.sources]
            for section in sections] == [
        [("商店街の夜市、今年は3日間に延長", "北浜日報", dt.date(2024, 9, 14), "https://yoichi.example.jp/a/77")],
        [("夜市の出店者、市内から広く募集", "港北タイムズ", dt.date(2024, 9, 2), "https://yoichi.example.jp/b/12")]]


def test_a_name_over_a_one_line_card_that_names_it_again_is_the_cards_not_a_heading(tmp_path: Path) -> None:
    page = _PAGE.replace("2024.9.14 ／", "▼読んだ記事\n北浜日報\n2024.9.14 ／").replace("【記事】https", "▼読んだ記事\n港北タイムズ\n【記事】https")
    sections = digest_of(import_text(tmp_path, "yoichi.txt", page)).sections
    assert [section.heading for section in sections] == ["会期が延びた理由", "出店の募集"]
    assert [[card.publisher for card in section.sources] for section in sections] == [["北浜日報"], ["港北タイムズ"]]


def test_a_title_printed_again_under_a_one_line_card_is_the_cards_not_a_heading(tmp_path: Path) -> None:
    page = _PAGE.replace("・北浜商店街の夜市は", "商店街の夜市、今年は3日間に延長\n・北浜商店街の夜市は")
    sections = digest_of(import_text(tmp_path, "yoichi.txt", page)).sections
    assert [section.heading for section in sections] == ["会期が延びた理由", "出店の募集"]
    assert [(card.title, card.summary) for card in sections[0].sources] == [
        ("商店街の夜市、今年は3日間に延長", ("北浜商店街の夜市は今年、会期を3日間に延ばす。", "昨年は2日間で延べ2万人が訪れた。"))]


_ONE_LINE_HEADS = """川沿いの桜並木、今年の見頃は
2024年3月30日
川沿いの桜並木が、例年より早く見頃を迎えそうです。
開花が早い理由
なぜ今年は早いのか？
暖かい日が続いたため
気象台の発表を見てみましょう。
🌸北浜日報｜桜の開花、平年より5日早く（2024/3/22）
桜の開花、平年より5日早く
▶ 気象台は22日、桜の開花を発表した。
▶ 平年より5日早い開花となった。
続きを読む https://sakura.example.jp/a/1
"""


def test_a_marked_line_printing_a_cards_head_behind_one_bar_heads_the_card(tmp_path: Path) -> None:
    sections = digest_of(import_text(tmp_path, "sakura.txt", _ONE_LINE_HEADS)).sections
    assert [section.heading for section in sections] == ["開花が早い理由"]
    assert [(card.title, card.publisher, card.published, card.summary) for card in sections[0].sources] == [
        ("桜の開花、平年より5日早く", "北浜日報", dt.date(2024, 3, 22), ("気象台は22日、桜の開花を発表した。", "平年より5日早い開花となった。"))]


def test_one_bar_cutting_through_a_bracket_is_no_barred_head() -> None:
    assert read_barred_line("北浜日報｜桜の開花、平年より5日早く（2024/3/22）") is not None
    assert read_barred_line("[北浜日報｜2024/3/22] 桜の開花、平年より5日早く") is None
    assert read_barred_line("・出典｜「桜の開花（速報）」（北浜日報、2024年3月22日付）") is None
    assert read_barred_line("北浜日報｜桜の開花、平年より5日早く") is None
