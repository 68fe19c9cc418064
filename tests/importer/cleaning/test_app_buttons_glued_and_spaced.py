"""An app's buttons as a text dump prints them: a pictogram glued to its button's word ('🔖保存'), an arrow before
a share button ('↗ 共有'), a desk's byline with its follow button after it on its row, and a promotion closed by
its button set off by an ideographic space. A pictogram glued to any other word marks a list's item."""

from __future__ import annotations

import pytest

from kiku.importer.cleaning.calls import is_closing_button_call
from kiku.importer.cleaning.rows import is_icon_button_row
from kiku.importer.cleaning.site_lines import claim_head_desk


@pytest.mark.parametrize(("text", "bar"), [
    ("⭐保存　💬コメント 12", True),
    ("❤ いいね 31　📝 コメント 4　↗ 共有", True),
    ("📍港町　🏠商店街", False),  # pictograms marking a list's places
    ("▲ 上昇　▼ 下落", False),  # arrows marking a rise and a fall
    ("⭐保存　港町の地図", False),
])
def test_glued_pictograms_and_an_arrow_before_a_share_button_make_a_button_bar(text: str, bar: bool) -> None:
    assert is_icon_button_row(text) is bar


def test_a_desk_s_byline_with_its_follow_button_in_the_head_is_the_byline() -> None:
    head = ["秋祭りの山車、修理を終えて試し曳き", "港町ウォッチ取材班　フォローする", "秋祭りを前に、山車の修理が終わりました。"]
    assert [claim_head_desk(head, index) for index in range(len(head))] == [0, 1, 0]
    assert claim_head_desk(["秋祭りの山車", "港町ウォッチ取材班　山車の話"], 1) == 0


@pytest.mark.parametrize(("text", "call"), [
    ("会員限定の割引クーポン配信中　今すぐチェック", True),
    ("会員限定の割引クーポン配信中　来週から", False),
    ("今すぐチェック", False),  # the button alone, no promotion before it
])
def test_a_promotion_closed_by_its_button_after_an_ideographic_space_is_a_call(text: str, call: bool) -> None:
    assert is_closing_button_call(text) is call
