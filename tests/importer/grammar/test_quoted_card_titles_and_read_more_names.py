"""A card's title printed wholly in quotation marks ('『…』') cites another's work: a card's head even where it
stands between two sentences (a remark of the card above, the card's own summary), never a section's heading.
And the read-more phrase of a link line glued to the publisher's name ('…新報続きを読む≫URL') is the link's
label, not a part of the name."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiku.importer.grammar.cards.card_link import read_card_link
from tests.support.importing import digest_of, import_text

_TWO_QUOTED_CARDS_AFTER_A_REMARK = """山あいの村に移住者が増えている理由は？
山あいの村で、都市部からの移住者がこの5年で2倍に増えました。
村の取り組みと、暮らしの実際をまとめました。
■住まいはどう探す？
Q. 移住者は住まいをどう見つけている？
A. 村の空き家バンクを使う人が多い
『空き家バンク登録、5年で3倍に　村が改修費を補助』
村は空き家の改修費を最大100万円補助する制度を設けた。
引用元：山里タイムス（2025/4/2）記事を読む≫https://yama.example.jp/news/akiya-bank
補助があるのは心強いですね。
『移住者向けのお試し住宅、予約が半年先まで埋まる』
村が用意したお試し住宅は、1週間から滞在できる。
春と秋は予約が取りにくく、半年先まで埋まっているという。
引用元：北国新報（2025/5/20）記事を読む≫https://kita.example.jp/articles/otameshi
まずは短く暮らしてみるのがよさそうです。
■仕事は見つかる？
Q. 村で仕事は見つかる？
A. 農業と観光の求人が中心
村内の求人は農業と観光が中心で、リモートで働き続ける移住者も少なくありません。
▼まとめ
◇移住者は5年で2倍に増えた。
◇空き家バンクとお試し住宅が後押ししている。
"""


def test_a_quoted_title_under_a_remark_heads_a_second_card_of_the_section(tmp_path: Path) -> None:
    article = digest_of(import_text(tmp_path, "iju.txt", _TWO_QUOTED_CARDS_AFTER_A_REMARK))
    assert [section.heading for section in article.sections] == ["住まいはどう探す？", "仕事は見つかる？"]
    sources = article.sections[0].sources
    assert [source.url for source in sources] == ["https://yama.example.jp/news/akiya-bank",
                                                  "https://kita.example.jp/articles/otameshi"]
    assert [source.publisher for source in sources] == ["山里タイムス", "北国新報"]
    assert "移住者向けのお試し住宅、予約が半年先まで埋まる" in (sources[1].title or "")
    assert sources[1].summary == ("村が用意したお試し住宅は、1週間から滞在できる。",
                                  "春と秋は予約が取りにくく、半年先まで埋まっているという。")


@pytest.mark.parametrize(("line", "publisher"), [
    ("出典：港町新報（2025/3/4）続きを読む≫https://minato.example.jp/a/1", "港町新報"),
    ("引用元：山里タイムス 記事を見る → https://yama.example.jp/x/9", "山里タイムス"),
    ("出典：湾岸タイムズ元記事を読む＞https://wangan.example.jp/articles/3", "湾岸タイムズ"),
])
def test_a_read_more_phrase_after_the_name_is_no_part_of_it(line: str, publisher: str) -> None:
    link = read_card_link(line)
    assert link is not None
    assert link.publisher == publisher
