"""A bracketed source label before a card's title ('【出典】', '［引用元］') is a label, not the title."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiku.content.model import DigestArticle
from kiku.importer.grammar.cards.card_titles import source_label_before_title
from kiku.importer.pipeline import ImportResult
from tests.support.importing import import_text as _import


@pytest.mark.parametrize(("printed", "label", "title"), [
    ("【出典】横浜、19年ぶり4度目の優勝", "【出典】", "横浜、19年ぶり4度目の優勝"),
    ("［出典］ 監督が捨てた「伝統」", "［出典］", "監督が捨てた「伝統」"),
    ("【引用元】低反発バット2年目", "【引用元】", "低反発バット2年目"),
    ("[ 出典元 ]村営バス、毎日運行に", "[ 出典元 ]", "村営バス、毎日運行に"),
    ("（ソース）新幹線、計画運休へ", "（ソース）", "新幹線、計画運休へ"),
    ("(Source) Tokyo fares rise", "(Source)", "Tokyo fares rise"),
])
def test_a_bracketed_source_label_is_cut_off_the_title(printed: str, label: str, title: str) -> None:
    assert source_label_before_title(printed) == (label, title)


@pytest.mark.parametrize("printed", [
    "【速報】震度5強、交通に乱れ",  # the headline's own bracket
    "【独自】市の補助金、半年遅れ",
    "【出典】",  # a label alone: nothing to be the title
    "出典：横浜、19年ぶり4度目の優勝",  # no bracket: a link line's label, not this one
    "「出典」をめぐる論争",
])
def test_other_brackets_and_a_lone_label_stay_as_printed(printed: str) -> None:
    assert source_label_before_title(printed) is None


def _titles(result: ImportResult) -> list[str | None]:
    assert isinstance(result.article, DigestArticle)
    return [card.title for section in result.article.sections for card in section.sources]


def _trimmed(result: ImportResult) -> list[tuple[str, str | None, str | None]]:
    return [(item.line.text, item.removed, item.read_into) for item in result.report.dropped
            if item.rule == "source-label-before-title"]


HTML_PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>村の路線バスが復活</title></head><body>
<h1>村の路線バスが復活</h1><div class="entry">廃止された路線バスが、村の運営で戻ってきました。<br><br>
<b>▼ 毎日走るように</b><br>いつから毎日走る？<br><b>4月から土日も運行</b><br><br>
［出典］村営バス、4月から毎日運行に<br>・平日だけだった便を土日にも広げる。<br>・運賃は一律200円のまま据え置く。<br>
峠新報／2025年4月1日 <a href="https://toge.example.jp/n/12">&gt;&gt;</a><br><br>
週末の買い物も便利になりそうです。<br><br>
<b>▼ 住民の声</b><br>利用者はどう感じている？<br><b>通院が楽になった</b><br><br>
【引用元】北海道新聞｜村営バス、通院の足に<br>・村営バスで病院へ通う高齢者が増えた。<br>・家族の送り迎えも減ったという。<br>
2025年4月2日 <a href="https://doshin.example.jp/a/7">&gt;&gt;</a><br><br>
高齢の住民には欠かせない足です。<br></div></body></html>
"""


def test_a_saved_page_s_card_titles_lose_their_source_label(tmp_path: Path) -> None:
    result = _import(tmp_path, "page.html", HTML_PAGE)
    assert _titles(result) == ["村営バス、4月から毎日運行に", "村営バス、通院の足に"]
    article = result.article
    assert isinstance(article, DigestArticle)
    # A label and then a publisher before the title: both are cut, the publisher kept as the card's.
    assert article.sections[1].sources[0].publisher == "北海道新聞"
    assert _trimmed(result) == [
        ("［出典］村営バス、4月から毎日運行に", "［出典］", "sections[0].sources[0].title"),
        ("【引用元】北海道新聞｜村営バス、通院の足に", "【引用元】", "sections[1].sources[0].title")]


TEXT_PAGE = """村の路線バスが復活
廃止された路線バスが、村の運営で戻ってきました。
毎日走るように
いつから毎日走る？
4月から土日も運行
【出典】村営バス、4月から毎日運行に
✅ 平日だけだった便を土日にも広げる。
✅ 運賃は一律200円のまま据え置く。
さらに読む=>峠新報出典: https://toge.example.jp/n/12
週末の買い物も便利になりそうです。
"""


def test_a_text_dump_s_card_title_loses_its_source_label_too(tmp_path: Path) -> None:
    result = _import(tmp_path, "page.txt", TEXT_PAGE)
    assert _titles(result) == ["村営バス、4月から毎日運行に"]
    assert _trimmed(result) == [("【出典】村営バス、4月から毎日運行に", "【出典】", "sections[0].sources[0].title")]
