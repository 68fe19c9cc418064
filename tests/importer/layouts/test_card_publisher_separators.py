"""A card's link line may set its publisher off the link's words with a separator mark
('続きを読む｜港町新聞', '元記事 / Minato Times'): the mark is punctuation, not part of the name."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from kiku.content.loading.loader import load_config
from kiku.content.model import DigestArticle
from kiku.importer.grammar.cards.card_link import read_card_link
from kiku.importer.pipeline import import_page
from tests.support.paths import REPO


@pytest.mark.parametrize(("line", "publisher"), [
    ("» 続きを読む｜港町新聞 出典: https://minato.example.jp/news/100th", "港町新聞"),
    ("続きを読む | Minato Times https://minato.example.jp/news/100th", "Minato Times"),
    ("元記事を読む ／ 湾岸タイムズ 出典：https://wangan.example.jp/articles/3021", "湾岸タイムズ"),
    ("さらに読む ⇒・港町新聞 出典/画像元: https://minato.example.jp/news/100th", "港町新聞"),
    # Fields set apart by a middle dot (U+00B7) or a bullet, as a newsletter's credit line prints them.
    ("— 湾岸タイムズ · 2025/5/2 · https://wangan.example.jp/articles/3021", "湾岸タイムズ"),
    ("― 港町新聞 • 2025.05.02 https://minato.example.jp/news/100th", "港町新聞"),
    # A mark inside the name is the name's own.
    ("続きを読む » 港町新聞｜くらし https://minato.example.jp/news/100th", "港町新聞｜くらし"),
])
def test_a_separator_before_the_publisher_is_not_part_of_its_name(line: str, publisher: str) -> None:
    link = read_card_link(line)
    assert link is not None
    assert link.publisher == publisher
    assert link.url is not None and link.url.startswith("https://") and link.url in line


_SEPARATED_PUBLISHER = """港町の朝市が100周年　観光客も増加

公開日 2025年5月12日

港町の朝市が今年で100周年を迎えました。記念の催しには多くの人が訪れています。

朝市の歩み

いつから続いている？

大正時代から

朝市が100周年、記念式典に300人

配信日 2025/05/10

・ 朝市の開設100周年を祝う式典が開かれ、約300人が参加した。

» 続きを読む｜港町新聞 出典: https://minato.example.jp/news/100th

にぎわいが戻ってきたのはうれしいですね。
"""


def test_a_card_whose_link_line_separates_its_publisher_with_a_bar_names_the_publisher(tmp_path: Path) -> None:
    page = tmp_path / "asaichi.txt"
    page.write_text(_SEPARATED_PUBLISHER, encoding="utf-8")
    article = import_page(page, load_config(REPO), scraped_from="asaichi.txt", import_day=dt.date(2026, 3, 9)).article
    assert isinstance(article, DigestArticle)
    assert [(card.title, card.publisher, card.published) for card in article.sections[0].sources] == [
        ("朝市が100周年、記念式典に300人", "港町新聞", dt.date(2025, 5, 10))]


@pytest.mark.parametrize(("line", "publisher"), [
    ("出典：湯けむり温泉予約センター｜PR｜https://yukemuri.example.com/lp?ref=digest", "湯けむり温泉予約センター"),
    ("via ことば塾オンライン / Sponsored / https://kotoba.example.com/start", "ことば塾オンライン"),
    ("via 港町新聞 / 地域 / https://minato.example.jp/news/100th", "港町新聞 / 地域"),  # a field not a sponsor's
])
def test_a_sponsor_label_in_a_field_after_the_publisher_is_no_part_of_its_name(line: str, publisher: str) -> None:
    link = read_card_link(line)
    assert link is not None
    assert link.publisher == publisher
