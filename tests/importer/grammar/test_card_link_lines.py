"""A card's link line: its label, the publisher and the URL, wherever they stand and however they are set off."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiku.content.loading.loader import load_config
from kiku.content.model import DigestArticle
from kiku.importer.grammar.cards.card_link import is_link_label_alone, read_card_link
from kiku.importer.pipeline import ImportResult, import_page
from tests.support.paths import REPO


def test_a_multi_digit_guess_is_a_warning_naming_the_line(tmp_path: Path) -> None:
    result = _import(tmp_path, "page.txt", "\n".join([
        "京都市、宿泊税を最大1万円に", "京都市が宿泊税の上限を引き上げます。", "宿泊税の引き上げ", "宿泊税はいくらになる？",
        "最大1万円", "公開日:2025/03/05", "■ 京都市は宿泊税の上限を1泊1万円に引き上げる条例を可決した。",
        "記事全文 ＞ 京都新聞出典/画像元: https://www.kyoto-np.co.jp/articles/-/141234510倍という引き上げ幅は注目されています。"]))
    article = result.article
    assert isinstance(article, DigestArticle)
    card = article.sections[0].sources[0]
    assert (card.url, card.publisher) == ("https://www.kyoto-np.co.jp/articles/-/1412345", "京都新聞")
    assert card.comments == ("10倍という引き上げ幅は注目されています。",)
    assert ("line 8: the text glued to the URL starts with a count; '10' was read as its number (10倍という引き上げ幅は…), "
            "not as the URL's last digits (https://www.kyoto-np.co.jp/articles/-/1412345): check both") in result.report.warnings


@pytest.mark.parametrize(("line", "publisher", "url"), [
    ("記事全文 ＞ 京都新聞出典/画像元: https://www.kyoto-np.co.jp/articles/-/1", "京都新聞", "https://www.kyoto-np.co.jp/articles/-/1"),
    ("元記事 → 毎日新聞 https://mainichi.jp/articles/2", "毎日新聞", "https://mainichi.jp/articles/2"),
    ("続きを読む ⇒ 福井新聞ONLINE\u3000元記事：https://www.fukuishimbun.co.jp/articles/-/3", "福井新聞ONLINE",
     "https://www.fukuishimbun.co.jp/articles/-/3"),
    ("続きを読む ⇒ 産経新聞 ≫ 記事全文 https://www.sankei.com/article/4", "産経新聞", "https://www.sankei.com/article/4"),
    # A name that itself ends in one of the words is kept whole.
    ("さらに読む ⇒ 新聞記事 https://a.example/5", "新聞記事", "https://a.example/5"),
    # A label alone between an arrow and the URL names no publisher.
    ("→ 記事全文 https://a.example/6", None, "https://a.example/6"),
    ("» 元記事 https://a.example/7", None, "https://a.example/7"),
])
def test_the_link_label_is_not_the_publisher(line: str, publisher: str | None, url: str) -> None:
    link = read_card_link(line)
    assert link is not None
    assert (link.publisher, link.url) == (publisher, url)


def test_a_lower_case_label_word_before_the_publisher_and_url_is_a_link_line() -> None:
    link = read_card_link("from 山里日報 https://yamazato.example.jp/a/snow雪解けが早い年でした。")
    assert link is not None
    assert (link.url, link.publisher, link.glued_text) == (
        "https://yamazato.example.jp/a/snow", "山里日報", "雪解けが早い年でした。")


def test_a_sentence_citing_a_url_is_not_a_link_line() -> None:
    assert read_card_link("via 町の発表によれば、詳細は https://town.example.jp/x にある。") is None
    assert read_card_link("山里日報 https://yamazato.example.jp/a/77") is None


def test_a_link_label_and_an_arrow_before_the_publisher_are_not_the_publisher() -> None:
    link = read_card_link("続報はここから ≫ 湖畔タイムズ 出典：https://kohan.example.jp/n/5")
    assert link is not None
    assert (link.url, link.publisher) == ("https://kohan.example.jp/n/5", "湖畔タイムズ")


@pytest.mark.parametrize(("line", "publisher"), [
    ("続きはこちら → 湖畔タイムズ 元：https://kohan.example.jp/n/snow.html雪の量が違いますね。", "湖畔タイムズ"),
    ("元記事を見る ≫ 地元ケーブルニュース 元: https://kohan.example.jp/n/snow.html雪の量が違いますね。", "地元ケーブルニュース"),
    # '元' glued to the name is the name's end, not a label.
    ("元記事を見る ≫ 湖畔ネット地元: https://kohan.example.jp/n/snow.html雪の量が違いますね。", "湖畔ネット地元"),
])
def test_a_bare_moto_label_apart_from_the_name_is_not_the_publisher(line: str, publisher: str) -> None:
    link = read_card_link(line)
    assert link is not None
    assert (link.url, link.publisher, link.glued_text) == ("https://kohan.example.jp/n/snow.html", publisher, "雪の量が違いますね。")


def test_any_short_label_before_wo_yomu_opens_a_link_line() -> None:
    link = read_card_link(">> 記事全文を読む https://kawa.example.jp/news/1")
    assert link is not None
    assert (link.url, link.publisher) == ("https://kawa.example.jp/news/1", None)


def test_a_url_alone_on_its_line_is_a_link_naming_no_publisher() -> None:
    link = read_card_link("https://kawa.example.jp/news/2")
    assert link is not None
    assert (link.url, link.publisher, link.glued_text) == ("https://kawa.example.jp/news/2", None, "")
    assert read_card_link("詳しくは https://kawa.example.jp/ をご覧ください。") is None


def test_brackets_around_the_whole_publisher_are_not_part_of_its_name() -> None:
    bracketed = read_card_link("元記事を読む（港町新聞）» https://minato.example.jp/news/100th")
    assert bracketed is not None
    assert (bracketed.publisher, bracketed.url) == ("港町新聞", "https://minato.example.jp/news/100th")
    half_width = read_card_link("元記事を読む (Minato Times) » https://minato.example.jp/news/100th")
    assert half_width is not None and half_width.publisher == "Minato Times"
    # Brackets inside a name stay: they are part of what the site calls itself.
    inner = read_card_link("元記事を読む » 港町ニュース（出典：港町新聞） https://minato.example.jp/news/100th")
    assert inner is not None and inner.publisher == "港町ニュース（出典：港町新聞）"


def _import(tmp_path: Path, name: str, text: str) -> ImportResult:
    page = tmp_path / name
    page.write_text(text, encoding="utf-8")
    return import_page(page, load_config(REPO), scraped_from=name)


def test_a_publisher_named_after_the_link_behind_a_source_label_is_the_cards(tmp_path: Path) -> None:
    result = _import(tmp_path, "page.html", (
        "<html><head><title>日本酒がユネスコ無形文化遺産に</title></head><body><article>"
        "<h1>日本酒がユネスコ無形文化遺産に</h1><p>公開日：2024/12/06</p>"
        "<p>伝統的酒造りが無形文化遺産に登録されました。その意味をまとめました。</p>"
        "<h2>無形文化遺産に登録</h2><p>何が登録された？</p><p>こうじ菌を使った酒造り</p>"
        "<figure><div><p>「伝統的酒造り」無形文化遺産に登録決定</p><p>2024年12月5日</p>"
        "<ul><li>&#x2714; ユネスコの政府間委員会は伝統的酒造りを無形文化遺産に登録した。</li></ul>"
        '<p><a href="https://www3.nhk.or.jp/news/html/20241205/k1.html">&#x27A1; 元記事を読む</a></p></div>'
        "<figcaption>出典/画像元：<cite>NHKニュース</cite></figcaption></figure>"
        "<p>酒蔵の皆さんにとって大きな励みになりそうです。</p></article></body></html>"))
    article = result.article
    assert isinstance(article, DigestArticle)
    card = article.sections[0].sources[0]
    assert (card.url, card.publisher, card.title) == (
        "https://www3.nhk.or.jp/news/html/20241205/k1.html", "NHKニュース", "「伝統的酒造り」無形文化遺産に登録決定")
    assert not [warning for warning in result.report.warnings if "出典/画像元" in warning]


@pytest.mark.parametrize(("line", "publisher"), [
    ("→ 続きはこちら（引用元：北国日報）https://hokkoku.example.jp/a/7", "北国日報"),
    ("≫ 記事を読む (ソース: Minato Times) https://minato.example.jp/news/8", "Minato Times"),
])
def test_a_source_label_opening_the_publishers_brackets_is_not_the_publisher(line: str, publisher: str) -> None:
    link = read_card_link(line)
    assert link is not None
    assert link.publisher == publisher


@pytest.mark.parametrize(("line", "publisher", "url", "glued"), [
    ("続きはこちら ⇒ https://yamabiko.example.jp/n/88（やまびこ日報）", "やまびこ日報", "https://yamabiko.example.jp/n/88", ""),
    ("続きを読む → https://k.example.jp/a?id=5 (KTV高原テレビ)", "KTV高原テレビ", "https://k.example.jp/a?id=5", ""),
    ("続きを読む → https://k.example.jp/a/5（写真は、峠のバス停。）", None, "https://k.example.jp/a/5",
     "（写真は、峠のバス停。）"),
    # Behind a source label, with the writer's remark glued after the bracket.
    ("続きを読む → https://k.example.jp/a/6（出典：高原タイムス）峠道の雪は例年より早いですね。", "高原タイムス",
     "https://k.example.jp/a/6", "峠道の雪は例年より早いですね。"),
])
def test_a_name_in_brackets_right_after_the_url_is_the_publisher(
        line: str, publisher: str | None, url: str, glued: str) -> None:
    link = read_card_link(line)
    assert link is not None
    assert (link.publisher, link.url, link.glued_text) == (publisher, url, glued)


def test_a_source_label_set_off_the_publisher_by_a_space_is_not_the_name() -> None:
    link = read_card_link("詳しく見る → 引用元 山並タイムズ https://yamanami.example/news/chaya")
    assert link is not None
    assert (link.publisher, link.url) == ("山並タイムズ", "https://yamanami.example/news/chaya")
    glued = read_card_link("詳しく見る → 出典ナビ https://navi.example/a")
    assert glued is not None and glued.publisher == "出典ナビ"


def test_a_link_phrase_of_another_wording_opens_a_link_line() -> None:
    named = read_card_link("原典を見る » 山並タイムズ https://yamanami.example/news/chaya")
    assert named is not None and (named.publisher, named.url) == ("山並タイムズ", "https://yamanami.example/news/chaya")
    towards = read_card_link("全文へ ＞ 峠の里ニュース https://touge.example/a/1")
    assert towards is not None and towards.publisher == "峠の里ニュース"
    # a sentence that opens with what it looks at is no card's link line
    assert read_card_link("地図を見ると、峠は https://touge.example/map の先です。") is None


def test_a_link_opening_alone_on_its_line_joins_the_source_and_url_below_it(tmp_path: Path) -> None:
    """'記事全文 ＞' printed over '北陸日報 出典：https://…': one link line; the card keeps its date and bullets."""
    result = _import(tmp_path, "page.txt", "\n".join([
        "北陸の港でブリが豊漁", "富山や石川の港でブリの水揚げが増えています。", "豊漁の理由", "なぜ今年は多い？",
        "海水温の低下", "ブリの水揚げ、前年の2倍に", "掲載日 2025年12月3日", "◎ 氷見漁港では今季の水揚げが前年の2倍に達した。",
        "◎ 寒ブリの値段は落ち着いている。", "記事全文 ＞", "北陸日報 出典：https://hokuriku.example.jp/n/881",
        "年末の食卓がにぎやかになりそうです。", "値段はどうなる？", "卸値は前年よりやや安く推移しています。"]))
    article = result.article
    assert isinstance(article, DigestArticle)
    card = article.sections[0].sources[0]
    assert (card.url, card.publisher, card.title) == ("https://hokuriku.example.jp/n/881", "北陸日報", "ブリの水揚げ、前年の2倍に")
    assert card.summary == ("氷見漁港では今季の水揚げが前年の2倍に達した。", "寒ブリの値段は落ち着いている。")
    assert card.comments == ("年末の食卓がにぎやかになりそうです。",)
    assert [(dropped.line.number, dropped.rule, dropped.debris) for dropped in result.report.dropped
            if dropped.line.number == 10] == [(10, "read-more-link-label", False)]


def test_a_link_opening_alone_is_told_from_other_short_lines() -> None:
    """A link's own words or arrow, not a link to the next page nor a heading."""
    assert is_link_label_alone("続きを読む ⇒") and is_link_label_alone("元記事を読む")
    assert not is_link_label_alone("次のページを読む ⇒") and not is_link_label_alone("値段はどうなる？")


@pytest.mark.parametrize(("line", "publisher", "url"), [
    # 'X は こちら' for any of the link's own label words, before an arrow and a name.
    ("本文はこちら ➤ 湖畔タイムズ 出典：https://kohan.example.jp/n/9", "湖畔タイムズ", "https://kohan.example.jp/n/9"),
    ("記事全文はこちら ▸ 出典：https://kohan.example.jp/n/10", None, "https://kohan.example.jp/n/10"),
    # Any dingbat arrow, and a source label pointing at the URL with an arrow rather than a colon.
    ("詳しく見る ➠ 北国日報 引用元⇒ https://hokkoku.example.jp/a/11", "北国日報", "https://hokkoku.example.jp/a/11"),
])
def test_the_link_may_be_labelled_here_and_point_with_any_arrow(line: str, publisher: str | None, url: str) -> None:
    link = read_card_link(line)
    assert link is not None
    assert (link.publisher, link.url) == (publisher, url)


@pytest.mark.parametrize(("line", "publisher", "url"), [
    ("🔖 続きを読む（港町タイムス）https://minato.example.jp/n/881", "港町タイムス", "https://minato.example.jp/n/881"),
    ("☀️ 全文を読む 高原日報 出典: https://kogen.example.jp/a/3", "高原日報", "https://kogen.example.jp/a/3"),
    ("✪ 記事を読む 湖北ニュース https://kohoku.example.jp/x", "湖北ニュース", "https://kohoku.example.jp/x"),
])
def test_any_symbol_glyph_may_lead_a_read_more_phrase(line: str, publisher: str, url: str) -> None:
    link = read_card_link(line)
    assert link is not None
    assert (link.publisher, link.url) == (publisher, url)


def test_a_symbol_glyph_before_words_that_are_no_read_more_phrase_makes_no_link() -> None:
    assert read_card_link("★ 港町の朝市 https://minato.example.jp/n/881") is None


@pytest.mark.parametrize(("line", "publisher", "url"), [
    # a source label of other words, shaped as the known ones: a two-kanji noun and 元 or 源, then a colon
    ("続きを読む → 港町タイムス　配信元: https://minato.example.jp/n/7", "港町タイムス", "https://minato.example.jp/n/7"),
    ("続きを読む 高原日報オンライン提供元: https://kogen.example.jp/a/3", "高原日報オンライン", "https://kogen.example.jp/a/3"),
    (">> 詳しくはこちら（取材元：湖北ニュース）https://kohoku.example.jp/x", "湖北ニュース", "https://kohoku.example.jp/x"),
    ("詳しく見る≫配信元：https://kohoku.example.jp/y（湖北ニュース）", "湖北ニュース", "https://kohoku.example.jp/y"),
])
def test_a_source_label_is_known_by_its_shape_not_by_a_list(line: str, publisher: str, url: str) -> None:
    link = read_card_link(line)
    assert link is not None
    assert (link.publisher, link.url) == (publisher, url)


@pytest.mark.parametrize(("line", "publisher", "title"), [
    ("参考記事：港の朝市、春から毎週開催に（みなと日報） https://minato.example.jp/n/7", "みなと日報", "港の朝市、春から毎週開催に"),
    ("参考資料: 潮見市の観光統計 2024年版 (潮見市役所) https://city.example.lg.jp/stat", "潮見市役所", "潮見市の観光統計 2024年版"),
])
def test_a_reference_label_then_a_title_and_its_publisher_in_brackets_is_a_card_on_one_line(
        line: str, publisher: str, title: str) -> None:
    link = read_card_link(line)
    assert link is not None
    assert (link.publisher, link.title, link.published) == (publisher, title, None)


def test_a_publishers_name_before_a_title_with_a_name_in_brackets_is_no_one_line_card() -> None:
    # Only a label that says what is cited stands in the publisher's place; a name there is the publisher.
    assert read_card_link("みなと日報: 港の朝市、春から毎週開催に（潮見市） https://minato.example.jp/n/7") is None
