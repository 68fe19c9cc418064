"""The key points are one list, marked with one glyph: a line under them marked with another glyph
('● …' then '■ …') starts what follows them, the first section's heading over its question."""

from __future__ import annotations

from pathlib import Path

from tests.support.importing import digest_of as _digest
from tests.support.importing import import_text as _import

_TEXT = """商店街に無料の休憩所、春に開設へ
2025年2月14日
駅前の商店街に、誰でも使える休憩所ができることになりました。
★この記事のポイント
●空き店舗を改装し、3月から無料で開放
●授乳室と車いす用トイレも備える
■どんな休憩所になるの？
質問：休憩所はどこにできるのですか？
回答：駅前通りの空き店舗を改装
商店街の組合が市と協力して整備します。
港町日報｜2025.02.13
駅前商店街に無料休憩所　空き店舗を改装、3月開設
→商店街の空き店舗を改装し、無料の休憩所を3月に開設すると発表した。
→授乳室や車いす用のトイレを備える。
元記事を読む https://minato.example.jp/news/rest-area
買い物の合間に休めるのはうれしいですね。
"""


def test_a_line_marked_otherwise_under_the_key_points_heads_the_first_section(tmp_path: Path) -> None:
    article = _digest(_import(tmp_path, "rest.txt", _TEXT))
    assert article.key_points == ("空き店舗を改装し、3月から無料で開放", "授乳室と車いす用トイレも備える")
    section = article.sections[0]
    assert section.heading == "どんな休憩所になるの？"
    assert section.question == "休憩所はどこにできるのですか？"
    assert section.answer == "駅前通りの空き店舗を改装"
