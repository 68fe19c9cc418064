"""The key points are one list, marked with one glyph: a line under them marked with another glyph
('● …' then '■ …') starts what follows them, the first section's heading over its question."""

from __future__ import annotations

from pathlib import Path

from tests.support.importing import digest_of as _digest
from tests.support.importing import import_text as _import

_TEXT = """まちかどニュース｜身近な話題をわかりやすく
商店街に無料の休憩所、春に開設へ　授乳室も備える
掲載 2025.02.14（金）　カテゴリ：まち・くらし
駅前の商店街に、誰でも使える休憩所ができることになりました。費用は組合と市が分担し、3月から開放されます。施設の中身と狙いを紹介します。
【2つのポイント】
◎空き店舗を改装し、3月から無料で開放
◎授乳室と車いす用トイレも備える
▍休憩所の中身はどうなっている？
〈質問〉商店街の休憩所には、何が備えられるのですか？
〈回答〉授乳室と車いす用トイレ、無料のお茶
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
    assert section.heading == "休憩所の中身はどうなっている？"
    assert section.question == "商店街の休憩所には、何が備えられるのですか？"
    assert section.answer == "授乳室と車いす用トイレ、無料のお茶"
