"""The digest grammar: line features, card link lines, the title, and the whole-page reading."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from kiku.content.loading.loader import load_config
from kiku.content.model import DigestArticle, EncyclopediaArticle
from kiku.importer.grammar.cards.card_link import read_card_link
from kiku.importer.grammar.lines.dates import line_date
from kiku.importer.grammar.lines.features import split_marker
from kiku.importer.grammar.page.decode import best_reading
from kiku.importer.grammar.page.title import title_index
from kiku.importer.pipeline import import_page
from tests.support.paths import IMPORT_FIXTURES, REPO


@pytest.mark.parametrize(("text", "marker", "rest"), [
    ("💡 要点", "💡", "要点"), ("✅要約", "✅", "要約"), ("✔ 確認", "✔", "確認"), ("👉 次へ", "👉", "次へ"),
    ("● 点", "●", "点"), ("・中黒", "・", "中黒"), ("◆ 菱形", "◆", "菱形"), ("▶ 再生", "▶", "再生"),
    ("&#x2705; 参照", "✅", "参照"), ("&#9670; 菱形", "◆", "菱形"), ("🧪 見たことのない記号", "🧪", "見たことのない記号"),
    ("- 箇条", "-", "箇条"),
])
def test_any_symbol_or_emoji_bullet_is_a_marker(text: str, marker: str, rest: str) -> None:
    assert split_marker(text) == (marker, rest)


@pytest.mark.parametrize("text", [
    "【速報】地震", "「引用」で始まる", "①東京", "※注記", "#タグ", "2025年の話", "-5度の朝", "©2025", "〒100-0001",
])
def test_text_that_only_starts_with_a_symbol_has_no_marker(text: str) -> None:
    assert split_marker(text) == (None, text)


@pytest.mark.parametrize(("text", "date"), [
    ("公開日:2025/03/19", dt.date(2025, 3, 19)), ("公開日：２０２５/０３/１９", dt.date(2025, 3, 19)),
    ("2025年3月19日", dt.date(2025, 3, 19)), ("2025.03.19", dt.date(2025, 3, 19)),
    ("掲載日 2025-3-9", dt.date(2025, 3, 9)), ("更新日：２０２５年５月２９日", dt.date(2025, 5, 29)),
    ("2025.07.28 健康・医療", dt.date(2025, 7, 28)), ("配信日：2025/6/25 (水) 10:30", dt.date(2025, 6, 25)),
    ("投稿日：２０２５年１０月２日　カテゴリー：住宅・不動産", dt.date(2025, 10, 2)),
])
def test_a_date_line_in_any_form(text: str, date: dt.date) -> None:
    assert line_date(text) == date


@pytest.mark.parametrize("text", [
    "2025年3月18日、プーチン大統領とトランプ大統領は電話会談を行いました。", "2025/02/30", "第2025回",
])
def test_a_sentence_with_a_date_or_an_impossible_date_is_not_a_date_line(text: str) -> None:
    assert line_date(text) is None


@pytest.mark.parametrize(("text", "url", "publisher", "glued"), [
    ("さらに読む ⇒ロイター 経済、株価出典/画像元: https://jp.reuters.com/a/", "https://jp.reuters.com/a/", "ロイター", ""),
    ("続きを読む → NHKニュース 出典：https://www3.nhk.or.jp/a.html", "https://www3.nhk.or.jp/a.html", "NHKニュース", ""),
    ("元記事を読む ＞ ヨミドクター（読売新聞） https://www.yomiuri.co.jp/m/1/", "https://www.yomiuri.co.jp/m/1/",
     "ヨミドクター（読売新聞）", ""),
    ("→ 元記事を読む　ウェザーニュース出典: https://weathernews.jp/s/1/", "https://weathernews.jp/s/1/",
     "ウェザーニュース", ""),
    ("続きを読む »日本経済新聞出典/画像元: https://www.nikkei.com/a/罰則がないですね。", "https://www.nikkei.com/a/",
     "日本経済新聞", "罰則がないですね。"),
    ("さらに読む ⇒出典ナビ元気新聞出典: https://example.jp/a", "https://example.jp/a", "出典ナビ元気新聞", ""),
    ("続きを読む ⇒時事出典/画像元: https://www.jiji.com/jc/article?k=20250625005128月が手厚い。",
     "https://www.jiji.com/jc/article?k=2025062500512", "時事", "8月が手厚い。"),
    ("元記事を読む » 東京新聞 https://www.tokyo-np.co.jp/article/391540人手不足は課題です。",
     "https://www.tokyo-np.co.jp/article/391540", "東京新聞", "人手不足は課題です。"),
    ("続きを読む ⇒読売新聞出典: https://www.yomiuri.co.jp/world/20250224-OYT1T50031/AfDの伸びは不満の表れ。",
     "https://www.yomiuri.co.jp/world/20250224-OYT1T50031/", "読売新聞", "AfDの伸びは不満の表れ。"),
    ("引用元 >> NHK https://www3.nhk.or.jp/news/a.html", "https://www3.nhk.or.jp/news/a.html", "NHK", ""),
    ("さらに詳しく ⇒時事ドットコム出典/画像元: https://www.jiji.com/a", "https://www.jiji.com/a", "時事ドットコム", ""),
    ("元記事を読む » Yahoo!ニュース（出典：時事通信） https://news.yahoo.co.jp/articles/3f9a",
     "https://news.yahoo.co.jp/articles/3f9a", "Yahoo!ニュース（出典：時事通信）", ""),
    ("元記事を読む → 朝日新聞デジタル（出典元：https://www.asahi.com/articles/A.html）",
     "https://www.asahi.com/articles/A.html", "朝日新聞デジタル", ""),
    ("続きを読む ⇒NHKニュース出典元: https://www3.nhk.or.jp/news/a.html紙のカルテで乗り切った。",
     "https://www3.nhk.or.jp/news/a.html", "NHKニュース", "紙のカルテで乗り切った。"),
    ("記事を読む ≫ 日本経済新聞 ソース: https://www.nikkei.com/a/", "https://www.nikkei.com/a/", "日本経済新聞", ""),
])
def test_a_card_link_line_in_its_variants(text: str, url: str, publisher: str, glued: str) -> None:
    link = read_card_link(text)
    assert link is not None and (link.url, link.publisher, link.glued_text) == (url, publisher, glued)


def test_a_date_printed_with_the_publisher_is_the_cards_date() -> None:
    link = read_card_link("≫元記事を読む（朝日新聞 2025/3/5） https://www.asahi.com/articles/A.html")
    assert link is not None
    assert (link.publisher, link.published, link.url) == ("朝日新聞", dt.date(2025, 3, 5),
                                                          "https://www.asahi.com/articles/A.html")


@pytest.mark.parametrize("text", ["出典：気象庁の発表", "さらに読む", "詳しくは気象庁のサイトをご覧ください。"])
def test_a_line_that_only_names_a_source_is_not_a_link_line(text: str) -> None:
    assert read_card_link(text) is None


def test_the_title_is_the_line_printed_again_or_the_one_the_date_follows() -> None:
    assert title_index(["サイト名", "本当のタイトル", "リード。", "本当のタイトル"]) == 1
    assert title_index(["サイト名｜まとめ", "タイトル", "配信日：2025/6/25", "リード。"]) == 1
    assert title_index(["2025.07.28 経済", "タイトル", "リード。"]) == 1
    assert title_index(["タイトル", "リード。", "見出し"]) == 0
    assert title_index(["健康・医療", "熱中症の救急搬送、7月は過去最多ペース", "全国で猛暑日が続いています。"]) == 1


def test_the_decoder_takes_the_reading_that_explains_the_whole_sequence() -> None:
    # Two parts: 0 may repeat, 1 must end; line 1 fits part 1 a little better alone, but then the
    # page could not end, so the whole reading puts it in part 0 and says the margin.
    fits = [[0.0, -5.0], [0.0, 0.5], [-5.0, 0.0]]
    reading = best_reading(fits, {0: {0: 0.0, 1: 0.0}, 1: {1: -2.0}}, {0: 0.0}, {1: 0.0})
    assert reading is not None and reading.parts == (0, 0, 1)
    assert reading.margins[1][:2] == (0, 1) and reading.margins[1][2] == pytest.approx(1.5)


def test_a_margin_is_the_sum_it_adds_up_to_not_its_float_error() -> None:
    """Ten lines each fitting part 0 better by 0.1: the margin is 1.0 (the report's threshold for an
    unsure line), not the 0.9999999999999999 that adding 0.1 ten times gives."""
    fits = [[0.1, 0.0]] * 10
    reading = best_reading(fits, {0: {0: 0.0}, 1: {1: 0.0}}, {0: 0.0, 1: 0.0}, {0: 0.0, 1: 0.0})
    assert reading is not None and reading.parts == (0,) * 10
    assert [margin for _, _, margin in reading.margins] == [1.0] * 10


def _marked_with(page: Path, replacements: dict[str, str], tmp_path: Path) -> DigestArticle:
    text = page.read_text(encoding="utf-8")
    for old, new in replacements.items():
        text = text.replace(old, new)
    changed = tmp_path / page.name
    changed.write_text(text, encoding="utf-8")
    article = import_page(changed, load_config(REPO), scraped_from=page.name).article
    assert isinstance(article, DigestArticle)
    return article


@pytest.mark.parametrize("glyphs", [("🧭", "🪴"), ("◇", "▷"), ("➤", "◉"), ("&#x2714;", "&#x25CF;")])
def test_a_page_with_markers_never_seen_reads_the_same(glyphs: tuple[str, str], tmp_path: Path) -> None:
    page = IMPORT_FIXTURES / "digest_typhoon_two_cards.txt"
    original = _marked_with(page, {}, tmp_path)
    changed = _marked_with(page, {"✅": glyphs[0], "💡": glyphs[1]}, tmp_path)
    assert [(section.heading, len(section.sources)) for section in changed.sections] == [
        (section.heading, len(section.sources)) for section in original.sections]
    assert changed.conclusion == original.conclusion and len(changed.conclusion) == 2
    assert [card.summary for section in changed.sections for card in section.sources] == [
        card.summary for section in original.sections for card in section.sources]


def test_the_label_may_come_before_the_publisher() -> None:
    link = read_card_link("出典：NHKニュース https://www3.nhk.or.jp/news/a.html")
    assert link is not None and (link.publisher, link.url) == ("NHKニュース", "https://www3.nhk.or.jp/news/a.html")


def _import_text(tmp_path: Path, lines: list[str]) -> tuple[DigestArticle, list[str], list[str]]:
    page = tmp_path / "page.txt"
    page.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = import_page(page, load_config(REPO), scraped_from="page.txt")
    assert isinstance(result.article, DigestArticle)
    return result.article, result.report.warnings, [item.line.text for item in result.report.dropped if item.debris]


CARD = ["公開日:2025/08/28", "✅ 気象庁は台風10号が上陸するおそれがあると発表した。",
        "さらに読む ⇒ウェザーニュース出典/画像元: https://weathernews.jp/s/topics/202508/270155/"]


def test_unknown_lines_after_the_conclusion_are_dropped_with_a_warning_not_refused(tmp_path: Path) -> None:
    article, warnings, dropped = _import_text(tmp_path, [
        "台風10号の進路", "台風が接近しています。", "台風の進路", "どこへ向かう？", "九州南部", *CARD, "早めの備えを。",
        "💡 台風は九州南部へ。", "この記事が気に入ったらフォローしてね", "みなと気象ノート 編集室"])
    assert article.conclusion == ("台風は九州南部へ。",)
    assert dropped[-2:] == ["この記事が気に入ったらフォローしてね", "みなと気象ノート 編集室"]
    assert any(warning.startswith("lines 11-12 after the conclusion") for warning in warnings)


def test_a_card_before_any_heading_gets_a_section_not_a_refusal(tmp_path: Path) -> None:
    article, warnings, _ = _import_text(tmp_path, ["台風10号の進路", "台風が接近しています。", *CARD, "早めの備えを。"])
    (section,) = article.sections
    assert section.heading == "台風10号の進路" and len(section.sources) == 1
    assert any("a source card before the first heading" in warning for warning in warnings)


def test_a_digest_without_any_date_line_is_dated_by_its_text_with_a_warning(tmp_path: Path) -> None:
    card = ["✅ 気象庁は台風10号が上陸するおそれがあると発表した。",
            "さらに読む ⇒ウェザーニュース出典/画像元: https://weathernews.jp/s/topics/202508/270155/"]
    article, warnings, _ = _import_text(tmp_path, [
        "台風10号の進路", "台風が接近しています。", "台風の進路", "どこへ向かう？", "九州南部", *card,
        "気象庁は2025年8月27日に会見を開きました。"])
    assert article.date == dt.date(2025, 8, 27)
    assert any("dated by the newest date the text mentions (2025-08-27)" in warning for warning in warnings)


def test_an_encyclopedia_mirror_without_a_source_line_is_read_by_its_licence_statement(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text("\n".join([
        "用語辞典ナビ", "全固体電池", "全固体電池は、固体の電解質を用いた二次電池である[1]。", "歴史[編集]",
        "2011年に研究が進んだ。", "脚注", "↑ “全固体電池とは”. 日本経済新聞. https://www.nikkei.com/a/ 2025年3月1日閲覧。",
        "この記事は、ウィキペディアの「全固体電池」（改訂履歴）の記事を転載したものであり、"
        "クリエイティブ・コモンズ 表示-継承 4.0 国際（CC BY-SA 4.0）ライセンスの下で提供されています。",
    ]) + "\n", encoding="utf-8")
    result = import_page(page, load_config(REPO), scraped_from="page.txt")
    article = result.article
    assert isinstance(article, EncyclopediaArticle)
    assert (article.title, [section.heading for section in article.sections]) == ("全固体電池", ["歴史"])
    assert [reference.url for reference in article.references] == ["https://www.nikkei.com/a/"]
    assert article.date == dt.date(2025, 3, 1)
    assert article.attribution.notice is not None and article.attribution.notice.endswith("提供されています。")


def test_a_printed_q_and_a_label_is_trimmed_from_the_question_and_the_answer(tmp_path: Path) -> None:
    card = ["✅ 気象庁は台風10号が上陸するおそれがあると発表した。",
            "さらに読む ⇒ウェザーニュース出典/画像元: https://weathernews.jp/s/topics/202508/270155/"]
    article, _, _ = _import_text(tmp_path, ["台風10号の進路", "公開日:2025/08/28", "台風が接近しています。",
                                            "台風の進路", "Q. どこへ向かう？", "A：九州南部", *card])
    (section,) = article.sections
    assert (section.question, section.answer) == ("どこへ向かう？", "九州南部")


def test_list_and_chapter_numbers_are_markers_but_a_decimal_or_a_year_is_not() -> None:
    assert split_marker("1．何が変わる？") == ("1．", "何が変わる？")
    assert split_marker("(2) 駅前に新しい図書館") == ("(2)", "駅前に新しい図書館")
    assert split_marker("③ 申し込みは来月から") == ("③", "申し込みは来月から")
    assert split_marker("【第2章】専門家に聞く、次の一手は？") == ("【第2章】", "専門家に聞く、次の一手は？")
    assert split_marker("1.5倍に増えた。") == (None, "1.5倍に増えた。")
    assert split_marker("2025年の見通し") == (None, "2025年の見通し")
    assert split_marker("【速報】大雨の見通し") == (None, "【速報】大雨の見通し")


def test_the_articles_date_may_stand_under_the_key_points(tmp_path: Path) -> None:
    article, _, _ = _import_text(tmp_path, [
        "台風10号の進路", "台風が接近しています。", "◇ 九州南部に上陸のおそれ", "◇ 早めの備えを", "掲載日：令和7年8月29日",
        "どこへ向かう？!", "気象庁の予報では、台風は北へ進みます。", *CARD])
    assert article.date == dt.date(2025, 8, 29)
    assert [section.heading for section in article.sections] == ["どこへ向かう？!"]
    assert article.key_points == ("九州南部に上陸のおそれ", "早めの備えを")
