"""One builder for the number a layout prints before its headings, with each layout's options."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiku.importer.layouts.labels import HEADING_NUMBER, heading_number, heading_number_pattern, headings_numbered
from tests.support.importing import digest_of, import_text

_ENCYCLOPEDIA = heading_number_pattern(sub_sections=True, space_ends=True)


@pytest.mark.parametrize(("text", "rest"), [
    ("2． 料金の改定", "料金の改定"), ("(3)今後の予定", "今後の予定"), ("⑦ 住民の声", "住民の声"), ("4 ） 課題", "課題"),
])
def test_a_digest_number_closes_with_a_mark_or_a_bracket_or_is_circled(text: str, rest: str) -> None:
    found = HEADING_NUMBER.match(text)
    assert found is not None and text[found.end():] == rest


def test_a_digest_number_closed_by_a_space_alone_is_the_headings_own_word() -> None:
    assert HEADING_NUMBER.match("6 月の降水量") is None


@pytest.mark.parametrize(("text", "rest"), [
    ("5 植生", "植生"), ("２．１ 高山帯", "高山帯"), ("3) 交通", "交通"), ("（6）脚注", "脚注"),
])
def test_an_encyclopedia_number_may_be_dotted_or_closed_by_a_space(text: str, rest: str) -> None:
    found = _ENCYCLOPEDIA.match(text)
    assert found is not None and text[found.end():] == rest


def test_an_encyclopedia_has_no_circled_numbers() -> None:
    assert _ENCYCLOPEDIA.match("③ 観光") is None


def test_only_an_encyclopedia_reads_a_dotted_number_as_one() -> None:
    digest = HEADING_NUMBER.match("4.2 山岳")
    assert digest is not None and digest[0] == "4."


@pytest.mark.parametrize(("text", "rest"), [
    ("【パート2】 出店者の声", "出店者の声"), ("［第3］今後の予定", "今後の予定"), ("〈No.4〉課題", "課題"),
])
def test_a_number_in_brackets_of_any_shape_may_follow_a_counting_word(text: str, rest: str) -> None:
    found = HEADING_NUMBER.match(text)
    assert found is not None and text[found.end():] == rest


def test_a_bracketed_word_of_four_letters_or_a_date_is_no_number() -> None:
    assert HEADING_NUMBER.match("【2025年】の振り返り") is None
    assert HEADING_NUMBER.match("【スタッフ1】の声") is None


@pytest.mark.parametrize(("text", "number", "rest"), [
    ("第三章　港の再整備", 3, "港の再整備"), ("第12回：住民の声", 12, "住民の声"), ("第十一部 これから", 11, "これから"),
    ("その2 出店者の声", 2, "出店者の声"), ("Part 3 課題", 3, "課題"), ("STEP.4：申し込み", 4, "申し込み"),
])
def test_a_counting_word_numbers_a_heading_set_off_by_a_space_or_a_colon(text: str, number: int, rest: str) -> None:
    found = heading_number(text)
    assert found is not None and found[0] == number and text[found[1].end():] == rest


@pytest.mark.parametrize("text", ["第1四半期の決算", "第二話が好評", "その後の港", "Partner企業の声"])
def test_a_counted_word_glued_to_the_heading_is_its_own(text: str) -> None:
    assert heading_number(text) is None


def test_headings_counted_in_order_lose_their_counter(tmp_path: Path) -> None:
    page = [
        "港の朝市、10年目の春", "2025年4月2日",
        "港の朝市が10年目を迎えました。経緯をまとめました。",
        "第一回　朝市が始まったわけ", "なぜ朝市が始まったのか？", "→ 漁港のにぎわいを取り戻すため",
        "市の説明はこうです。",
        "朝市の10年", "港町新聞", "2025年3月30日", "https://minato.example.jp/news/10",
        "・ 朝市は2015年に漁協が始めた。", "・ 毎週日曜に開かれている。",
        "第二回　これからの課題", "これから何が必要なのか？", "→ 出店者の世代交代",
        "出店者の声です。",
        "朝市の出店者、高齢化進む", "湾岸テレビ", "2025年3月31日", "https://wangan.example.jp/a/77",
        "・ 出店者の半数が70歳以上になった。", "・ 若手の出店を募っている。",
    ]
    article = digest_of(import_text(tmp_path, "page.txt", "\n\n".join(page)))
    assert [section.heading for section in article.sections] == ["朝市が始まったわけ", "これからの課題"]
    # One heading alone so counted, or counted out of order, is no list: its words stay.
    assert not headings_numbered(["第二回　朝市", "第一回　課題"])
