"""Each text-page mutation rewrites a crafted page and keeps every truth string findable."""

from __future__ import annotations

import random
import re
import unicodedata

import pytest

from kiku.importer.page import split_lines
from tests.support.page_variants.chrome import CHROME_LINES
from tests.support.page_variants.findable import lost_strings
from tests.support.page_variants.registry import MUTATIONS

PAGE = """地域ニュース帳｜トップ｜くらし

路線バスの減便、春から広がる理由

運転手の不足で、各地の路線バスが本数を減らしています。

配信日：2025/04/02

■ 運転手が足りない？
◆ 二種免許を持つ人が減っている
◆ 残業の上限規制で1人の乗務が短くなった

【地方】路線バス、4月から2割減便へ
掲載日：2025年3月28日
● 県内の路線バス会社3社が、4月から平日の便を約2割減らすと発表した。
続きを読む → https://news.example.jp/bus/0328 （出典：みなと新聞）

© 2025 地域ニュース帳
"""
TRUTH = {
    "title": "路線バスの減便、春から広がる理由",
    "sections": [{"heading": "運転手が足りない？", "sources": [
        {"url": "https://news.example.jp/bus/0328", "publisher": "みなと新聞"}]}],
    "content": ["運転手の不足で、各地の路線バスが本数を減らしています。", "◆ 二種免許を持つ人が減っている",
                "県内の路線バス会社3社が、4月から平日の便を約2割減らすと発表した。"],
}


def _rewritten(name: str, page: str = PAGE, seed: int = 7) -> str:
    variant = MUTATIONS[name].rewrite(page, random.Random(seed))
    assert variant != page
    assert lost_strings(TRUTH, page, variant, is_html=False) == []
    return variant


@pytest.mark.parametrize("seed", range(5))
def test_bullets_are_swapped_and_two_glyphs_stay_two(seed: int) -> None:
    variant = _rewritten("text_bullets", seed=seed)
    heading = next(line for line in variant.splitlines() if line.endswith("運転手が足りない？"))
    point = next(line for line in variant.splitlines() if line.endswith("二種免許を持つ人が減っている"))
    assert heading[:1] != point[:1] or heading == "運転手が足りない？"
    assert "◆ 二種免許" not in variant


def test_the_link_phrase_is_another_sites() -> None:
    variant = _rewritten("text_link_phrase")
    link = next(line for line in variant.splitlines() if "https://news.example.jp/bus/0328" in line)
    assert not link.startswith("続きを読む →")
    assert link.endswith("https://news.example.jp/bus/0328 （出典：みなと新聞）")


@pytest.mark.parametrize("seed", range(3))
def test_the_link_line_is_a_label_the_url_and_the_source_in_brackets(seed: int) -> None:
    variant = _rewritten("text_link_label_url", seed=seed)
    link = next(line for line in variant.splitlines() if "https://news.example.jp/bus/0328" in line)
    assert re.fullmatch(r"(?:リンク|URL|記事URL|記事)：https://news\.example\.jp/bus/0328 （みなと新聞）", link)
    named_first = PAGE.replace("続きを読む → https://news.example.jp/bus/0328 （出典：みなと新聞）",
                               "さらに読む ⇒ みなと新聞 出典：https://news.example.jp/bus/0328")
    assert "（みなと新聞）" in MUTATIONS["text_link_label_url"].rewrite(named_first, random.Random(seed))


_DAY = re.compile(r"(20\d\d)\D{1,2}(\d{1,2})\D{1,2}(\d{1,2})日?$")


def _days(page: str) -> list[tuple[int, ...]]:
    found = (_DAY.search(unicodedata.normalize("NFKC", line)) for line in page.splitlines())
    return [tuple(int(part) for part in match.groups()) for match in found if match]


@pytest.mark.parametrize("seed", range(6))
def test_date_lines_change_format_and_label_but_not_day(seed: int) -> None:
    variant = _rewritten("text_dates", seed=seed)
    assert _days(variant) == _days(PAGE) == [(2025, 4, 2), (2025, 3, 28)]
    dated = [line for line in variant.splitlines() if _DAY.search(unicodedata.normalize("NFKC", line))]
    assert dated != ["配信日：2025/04/02", "掲載日：2025年3月28日"]
    assert dated[0] != dated[1][:len(dated[0])] or dated[0][:3] != dated[1][:3]


def test_an_update_label_is_kept() -> None:
    page = "題名\n\n更新日：2025/04/02\n本文です。\n"
    variant = MUTATIONS["text_dates"].rewrite(page, random.Random(3))
    assert "更新日：" in variant and _days(variant) == [(2025, 4, 2)]


@pytest.mark.parametrize("seed", range(4))
def test_date_lines_print_their_year_in_both_calendars_and_keep_their_label(seed: int) -> None:
    variant = _rewritten("text_dates_two_calendars", seed=seed)
    dated = [line for line in variant.splitlines() if "令和7年" in line]
    assert [line[:4] for line in dated] == ["配信日：", "掲載日："]
    assert all("（2025年）" in line or "2025年（令和7年）" in line for line in dated)
    assert [line.endswith(day) for line, day in zip(dated, ("4月2日", "3月28日"), strict=True)] == [True, True]


def test_a_year_before_the_era_is_left_as_printed() -> None:
    page = "題名\n\n公開日：2018/04/02\n本文です。\n"
    assert MUTATIONS["text_dates_two_calendars"].rewrite(page, random.Random(1)) == page


def test_dense_removes_blank_lines_and_reads_the_same_lines() -> None:
    variant = _rewritten("text_dense")
    assert "\n\n" not in variant
    assert [line.text for line in split_lines(variant)] == [line.text for line in split_lines(PAGE)]


def test_spaced_adds_blank_lines_and_reads_the_same_lines() -> None:
    variant = _rewritten("text_spaced")
    assert "掲載日：2025年3月28日\n\n●" in variant
    assert [line.text for line in split_lines(variant)] == [line.text for line in split_lines(PAGE)]


# Wrapped at 60 columns (30 full-width characters); the last paragraph's full row is followed by
# a blank line, which removed would make the next line read as its continuation.
WRAPPED = (
    "山あいの町で冬の祭りが三年ぶりに開かれ、雪の広場には朝から多\n"
    "くの人が集まった。\n"
    "\n"
    "ことしは見物客がとても多く、駅から会場までの道は夕方まで混み\n"
    "合ったという話でした。町は来年も同じ時期に祭りを開く予定で\n"
    "す。\n"
    "町の観光協会によると、ことしの見物客は去年の倍を超え、駅前\n"
    "\n"
    "の案内所も混み合った。\n"
)


def test_blank_lines_are_kept_where_removing_them_would_join_wrapped_lines() -> None:
    assert len(split_lines(WRAPPED)) != len(split_lines(WRAPPED.replace("\n\n", "\n")))
    assert MUTATIONS["text_dense"].rewrite(WRAPPED, random.Random(1)) == WRAPPED


def test_crlf_ends_every_line_with_crlf() -> None:
    variant = _rewritten("text_crlf")
    assert variant.count("\r\n") == PAGE.count("\n") and "\r\n" in variant


@pytest.mark.parametrize("seed", range(4))
def test_a_chrome_block_is_added_at_the_top_or_bottom(seed: int) -> None:
    variant = _rewritten("text_chrome", seed=seed)
    added = [line for line in variant.splitlines() if line in CHROME_LINES]
    assert added
    assert variant.startswith(added[0]) or variant.rstrip().endswith(added[-1])
    assert PAGE.strip() in variant


def test_the_page_is_framed_as_a_newsletter_s_text_and_every_added_line_is_chrome() -> None:
    variant = _rewritten("text_newsletter")
    assert variant.startswith("From: ") and PAGE.strip() in variant
    added = [line for line in variant.splitlines() if line.strip() and line not in PAGE]
    assert added and all(line in CHROME_LINES for line in added)
    assert MUTATIONS["text_newsletter"].rewrite(variant, random.Random(1)) == variant


@pytest.mark.parametrize("seed", range(2))
def test_the_page_is_framed_as_a_mail_magazine_and_every_added_line_is_chrome(seed: int) -> None:
    variant = _rewritten("text_mail_magazine", seed=seed)
    assert PAGE.strip() in variant and "第37号" in variant.split(PAGE.strip())[0]
    added = [line for line in variant.splitlines() if line.strip() and line not in PAGE]
    assert added and all(line in CHROME_LINES for line in added)
    assert MUTATIONS["text_mail_magazine"].rewrite(variant, random.Random(1)) == variant


QA_PAGE = """題名の行

Q. なぜ減便するの？
A. 運転手が足りないから

路線バス、4月から2割減便へ
出典：みなと新聞 https://news.example.jp/bus/0328
"""
QA_TRUTH = {"title": "題名の行", "sections": [{"heading": "なぜ減便するの？", "sources": [
    {"url": "https://news.example.jp/bus/0328", "publisher": "みなと新聞"}]}], "content": ["運転手が足りないから"]}


@pytest.mark.parametrize("seed", range(4))
def test_source_and_question_labels_are_another_sites_words(seed: int) -> None:
    variant = MUTATIONS["text_labels"].rewrite(QA_PAGE, random.Random(seed))
    assert lost_strings(QA_TRUTH, QA_PAGE, variant, is_html=False) == []
    lines = variant.splitlines()
    assert lines[2].endswith("なぜ減便するの？") and not lines[2].startswith("Q. ")
    assert lines[3].endswith("運転手が足りないから") and not lines[3].startswith("A. ")
    assert not lines[6].startswith("出典：") and lines[6].endswith("：みなと新聞 https://news.example.jp/bus/0328")


def test_an_encyclopedia_mirrors_source_line_is_kept() -> None:
    page = "出典: フリー百科事典『ウィキペディア（Wikipedia）』\n本文。\n"
    assert MUTATIONS["text_labels"].rewrite(page, random.Random(1)) == page


@pytest.mark.parametrize("seed", range(4))
def test_one_bullet_glyph_is_dropped_and_the_others_kept(seed: int) -> None:
    variant = _rewritten("text_bullet_dropped", seed=seed)
    glyphs = [glyph for glyph in "■◆●" if f"{glyph} " in variant]
    assert len(glyphs) == 2


def test_a_link_phrase_alone_on_its_line_is_left_whole() -> None:
    page = PAGE.replace("続きを読む → https://news.example.jp/bus/0328", "元記事を読む\nhttps://news.example.jp/bus/0328")
    assert MUTATIONS["text_link_phrase"].rewrite(page, random.Random(1)) == page


@pytest.mark.parametrize("name", ["text_bullets", "text_bullet_dropped"])
def test_the_glyph_of_a_link_line_is_kept(name: str) -> None:
    page = PAGE.replace("続きを読む → https://", "▷ 続きを読む https://")
    variant = MUTATIONS[name].rewrite(page, random.Random(3))
    assert "▷ 続きを読む https://news.example.jp/bus/0328" in variant


@pytest.mark.parametrize("seed", range(4))
def test_a_link_lines_arrow_is_another_arrow(seed: int) -> None:
    page = PAGE.replace("続きを読む → https://", "▶ 続きを読む：みなと新聞 https://")
    variant = MUTATIONS["text_link_glyph"].rewrite(page, random.Random(seed))
    assert lost_strings(TRUTH, page, variant, is_html=False) == []
    link = next(line for line in variant.splitlines() if "https://" in line)
    assert link[:1] in "▷➤👉→⇒»" and link[1:].startswith(" 続きを読む：みなと新聞 https://news.example.jp/bus/0328")
    assert variant.count("◆ ") == 2
