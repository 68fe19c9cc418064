"""Cards found by what their lines read as, after the readers that know a card by its box or its link line
(``layouts.digest.found_cards``): each is reported for an editor to check; prose with a link stays prose,
and a card a box reader read is left as it read it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from kiku.content.loading.loader import load_config
from kiku.content.model import DigestArticle
from kiku.importer.pipeline import ImportResult, import_page
from tests.support.paths import REPO

IMPORT_DAY = dt.date(2026, 4, 5)

_TWO_PLAIN_CARDS = """古い校舎を図書館に、町が改修計画を発表

2026年2月10日

廃校になった小学校の校舎を、町立図書館として使う計画が発表されました。

■ 改修の中身

どんな図書館になるの？

教室ごとにテーマを分けた図書館

校舎の雰囲気を残すことが大切にされています。

木の校舎を図書館に再生へ、町が基本計画
山里新聞 2026-02-08
https://yamazato.example.jp/articles/20260208-library

旧校舎の活用、住民説明会で賛成多数
里山ケーブルテレビ 2026-02-09
https://satoyama-catv.example.jp/news/4471

懐かしい校舎がまた使われるのはうれしいですね。

■ 開館の時期

いつ開館するの？

2027年春の予定

工事は今年の夏から始まります。
"""

_EXPECTED = [("木の校舎を図書館に再生へ、町が基本計画", "山里新聞", dt.date(2026, 2, 8),
              "https://yamazato.example.jp/articles/20260208-library"),
             ("旧校舎の活用、住民説明会で賛成多数", "里山ケーブルテレビ", dt.date(2026, 2, 9),
              "https://satoyama-catv.example.jp/news/4471")]


def _imported(tmp_path: Path, name: str, text: str) -> ImportResult:
    page = tmp_path / name
    page.write_text(text, encoding="utf-8")
    return import_page(page, load_config(REPO), scraped_from=name, import_day=IMPORT_DAY)


def _cards(result: ImportResult) -> list[list[tuple[str | None, str | None, dt.date | None, str]]]:
    article = result.article
    assert isinstance(article, DigestArticle)
    return [[(card.title, card.publisher, card.published, card.url) for card in section.sources]
            for section in article.sections]


def _found(result: ImportResult) -> list[str]:
    return [warning for warning in result.report.warnings if "read as a card by its lines alone" in warning]


def test_two_cards_of_plain_lines_in_one_section_are_two_cards(tmp_path: Path) -> None:
    result = _imported(tmp_path, "toshokan.txt", _TWO_PLAIN_CARDS)
    assert _cards(result) == [_EXPECTED, []]
    # The card the link-line reader had left untitled is reported, naming its first line.
    assert [warning.split(":")[0] for warning in _found(result)] == ["line 19"]
    consumed = {(dropped.line.number, dropped.rule) for dropped in result.report.dropped}
    assert {(19, "loose-card"), (20, "loose-card"), (21, "loose-card")} <= consumed


def test_the_same_cards_in_a_dump_without_blank_lines(tmp_path: Path) -> None:
    dense = "\n".join(line for line in _TWO_PLAIN_CARDS.splitlines() if line)
    assert _cards(_imported(tmp_path, "toshokan_dense.txt", dense)) == [_EXPECTED, []]


def test_prose_with_an_address_in_it_stays_a_remark(tmp_path: Path) -> None:
    prose = "詳しい使い方は市のサイト https://city.example.lg.jp/bousai/suii で紹介されていて、地図から選ぶだけです。"
    page = _TWO_PLAIN_CARDS.replace("懐かしい校舎がまた使われるのはうれしいですね。", prose)
    result = _imported(tmp_path, "toshokan_prose.txt", page)
    article = result.article
    assert isinstance(article, DigestArticle)
    assert _cards(result) == [_EXPECTED, []]
    assert article.sections[0].sources[1].comments == (prose,)


_BOXED_CARDS = """<!DOCTYPE html><html lang="ja"><head><meta charset="utf-8"><title>渡り鳥 | 干潟だより</title></head>
<body><div id="page"><div class="post-body">
<h1>干潟に渡り鳥が戻る季節、今年の飛来数はどうなる？</h1>
<div class="post-date">2026.04.02</div>
<p>春になり、干潟にシギやチドリの仲間が戻ってきました。観察会の予定も発表されています。</p>
<h2>飛来数が減っている理由</h2>
<p>なぜ飛来数が減っているの？</p>
<p>干潟の面積が縮んでいるため</p>
<p>埋め立てが進んだ地域では、餌となる貝やゴカイが減っています。</p>
<p><a href="https://umibe.example.jp/news/2026/0330-shigi">シギ・チドリ類の飛来数、10年で3割減</a>（湾岸ニュース・2026年3月30日）</p>
<p>観察を続ける市民団体の記録が役立っているそうです。</p>
<h2>観察会の予定</h2>
<p>観察会はいつ開かれるの？</p>
<p>4月下旬の大潮の日</p>
<section>
<strong>干潟観察会、4月26日に開催　参加者を募集</strong><br>
みなと市広報 2026年3月28日<br>
<a href="https://minato.example.lg.jp/kouhou/kansatsu2026">https://minato.example.lg.jp/kouhou/kansatsu2026</a>
</section>
<p>双眼鏡は会場で貸し出してもらえます。詳しくは<a href="https://minato.example.lg.jp/faq">市のよくある質問</a>に書かれていて、申し込みは電話でも受け付けています。</p>
</div></div></body></html>"""


def test_cards_a_box_reader_read_are_left_as_read(tmp_path: Path) -> None:
    result = _imported(tmp_path, "higata.html", _BOXED_CARDS)
    assert _cards(result) == [
        [("シギ・チドリ類の飛来数、10年で3割減", "湾岸ニュース", dt.date(2026, 3, 30),
          "https://umibe.example.jp/news/2026/0330-shigi")],
        [("干潟観察会、4月26日に開催\u3000参加者を募集", "みなと市広報", dt.date(2026, 3, 28),
          "https://minato.example.lg.jp/kouhou/kansatsu2026")]]
    assert _found(result) == []


_ONE_LINE_CARD = """<!DOCTYPE html><html lang="ja"><head><meta charset="utf-8"><title>夜の図書館 | 本の森ノート</title></head>
<body><main><article>
<h1>県立図書館が夜9時まで開館、仕事帰りに使える？</h1>
<p class="date">2026年1月15日</p>
<p>県立図書館の開館時間が延びました。平日の夜にも本を借りられるようになります。</p>
<h2>何が変わる？</h2>
<p>閉館時間は何時になったの？</p>
<p>平日は夜9時まで</p>
<p>仕事帰りに寄れるのはうれしい変更です。</p>
<div><p>2026年1月9日 · ひかり日日 · 県立図書館、夜9時まで開館を延長 · 〈リンク〉<a href="https://hikari.example.com/n/1188">https://hikari.example.com/n/1188</a></p><p>👉 県立図書館は平日の閉館時間を午後7時から午後9時に延ばすと発表した。</p><p>👉 利用者アンケートで夜間の開館を望む声が多かったという。</p></div>
<p>学習室も同じ時間まで使えるそうです。</p>
<h2>土日はどうなる？</h2>
<p>週末の開館時間も変わるの？</p>
<p>土日は今まで通り</p>
<p>週末は夕方6時に閉まります。</p>
</article></main></body></html>"""


def test_a_saved_pages_card_printed_on_one_line_with_its_summary_under_it(tmp_path: Path) -> None:
    result = _imported(tmp_path, "yoru.html", _ONE_LINE_CARD)
    assert _cards(result) == [[("県立図書館、夜9時まで開館を延長", "ひかり日日", dt.date(2026, 1, 9),
                                "https://hikari.example.com/n/1188")], []]
    article = result.article
    assert isinstance(article, DigestArticle)
    assert len(article.sections[0].sources[0].summary) == 2
    # The digest grammar reads this row itself (its link closes it after a label: ``field_row_link``), so the
    # fallback pass has nothing left to find.
    assert _found(result) == []


def test_the_publishers_name_alone_over_a_one_line_card_is_the_cards(tmp_path: Path) -> None:
    card = "木の校舎を図書館に再生へ、町が基本計画 — 2026/2/8 — 〔参照〕https://yamazato.example.jp/articles/0208"
    page = _TWO_PLAIN_CARDS.replace(
        "木の校舎を図書館に再生へ、町が基本計画\n山里新聞 2026-02-08\nhttps://yamazato.example.jp/articles/20260208-library",
        f"山里新聞\n\n{card}")
    result = _imported(tmp_path, "toshokan_name_first.txt", page)
    assert _cards(result) == [[("木の校舎を図書館に再生へ、町が基本計画", "山里新聞", dt.date(2026, 2, 8),
                                "https://yamazato.example.jp/articles/0208"), _EXPECTED[1]], []]
