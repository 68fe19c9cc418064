"""Who wrote the article and how readers reacted to it, told by shape: a credit whose one-character role is set off
by a middle dot or an English credit, an editorial desk's name alone in the page's head (further down, such a name
may be a card's publisher), and a reaction bar of one pictogram's count beside the site's buttons."""

from __future__ import annotations

import pytest

from kiku.importer.cleaning.lines.site_lines import claim_head_desk, is_credit_line
from kiku.importer.cleaning.rows.block_rows import is_reaction_row


@pytest.mark.parametrize(("text", "credited"), [
    ("絵・みなと町イラスト班", True), ("著・港野しおり", True), ("Written by Shiori Minatono", True),
    ("Story by 港町ジャーナル", True),
    ("文・写真", False),  # two roles, no name
    ("絵・文字で伝える工夫", False),  # a role word opening a phrase
    ("by the way, it rained", False), ("by 港町新報", False),  # a card's source may say 'by …'
    ("文・港野しおりが取材しました。", False),
])
def test_a_credit_by_a_dotted_role_or_an_english_label(text: str, credited: bool) -> None:
    assert is_credit_line(text) is credited


def test_a_desk_s_name_alone_in_the_head_is_the_byline() -> None:
    head = ["港町ウォッチ", "秋祭りの山車、修理を終えて試し曳き", "2025年9月12日", "港町ウォッチ取材班",
            "秋祭りを前に、山車の修理が終わりました。"]
    assert [claim_head_desk(head, index) for index in range(len(head))] == [0, 0, 0, 1, 0]


def test_a_desk_s_name_under_the_text_or_a_link_is_no_byline() -> None:
    # Below the first sentence: a card's publisher, read by the card.
    page = ["秋祭りの山車、修理を終えて試し曳き", "秋祭りを前に、山車の修理が終わりました。", "山車の歴史",
            "港町タイムス編集局", "https://minato.example/news/1"]
    assert claim_head_desk(page, 3) == 0
    linked = ["秋祭りの山車", "https://minato.example/news/1", "港町タイムス編集局"]
    assert claim_head_desk(linked, 2) == 0
    assert claim_head_desk(["秋祭りの山車", "編集部からのお知らせ"], 1) == 0


@pytest.mark.parametrize(("text", "bar"), [
    ("☆ 42　シェアする", True), ("💬 7", True), ("♥ 1,024 いいね", True),
    ("◆ 3　祭りの準備", False),  # a numbered heading
    ("★5つの理由", False), ("☆ 4 おすすめの屋台", False),
])
def test_one_pictogram_s_count_beside_the_site_s_buttons_is_a_reaction_bar(text: str, bar: bool) -> None:
    assert is_reaction_row(text) is bar


@pytest.mark.parametrize(("text", "bar"), [
    ("シェア 1,024　返信 8", True),
    ("コメント 12 ブックマーク 40 保存", True),
    ("返信 3 参加者 12", False),  # a word that is no button of the site's: a sentence's words
    ("いいね 7", False),  # one count alone may be any figure's
])
def test_the_site_s_buttons_as_words_each_with_its_count_are_a_reaction_bar(text: str, bar: bool) -> None:
    assert is_reaction_row(text) is bar
