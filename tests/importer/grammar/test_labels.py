"""Labels by shape: a short word and a colon before a question or answer, a short line over bullets, a term and its description, an ad label on a card's title."""

from __future__ import annotations

from pathlib import Path

from kiku.content.checking.text_fields import iter_text_fields
from kiku.importer.reading.html_page import read_html
from kiku.importer.report import ImportReport
from tests.support.importing import digest_of as _digest
from tests.support.importing import import_text as _import

LABELLED_QA = """公開日:2025/06/02
川の水位、今年はどうなる
梅雨入りを前に、川の水位の見通しをまとめます。
水位の見通し
問い：今年の水位は高い？
答え：例年並みの見込み
水位、例年並みの見込み
2025/06/01
▶ 上流のダムは例年並みの貯水量となっている。
▶ 大雨の予報はまだ出ていない。
via 川辺新聞 https://kawabe.example.jp/a/rain大雨の季節はこれからです。
"""


def test_a_short_word_and_a_colon_before_a_question_or_answer_is_a_label(tmp_path: Path) -> None:
    section = _digest(_import(tmp_path, "page.txt", LABELLED_QA)).sections[0]
    assert (section.heading, section.question, section.answer) == ("水位の見通し", "今年の水位は高い？", "例年並みの見込み")
    assert [(card.url, card.publisher) for card in section.sources] == [("https://kawabe.example.jp/a/rain", "川辺新聞")]


LABELLED_DIGEST = LABELLED_QA.replace("梅雨入りを前に、川の水位の見通しをまとめます。\n",
                                      "梅雨入りを前に、川の水位の見通しをまとめます。\nざっくり\n◇ 水位は例年並み\n◇ 大雨はこれから\n") + \
    "堤防の点検\n点検は毎年春に行われています。\nひとこと\n雨の季節、川には近づかないようにしましょう。\n"


def test_a_short_line_over_bullets_is_a_label_and_a_last_short_line_heads_the_closing(tmp_path: Path) -> None:
    article = _digest(_import(tmp_path, "page.txt", LABELLED_DIGEST))
    assert article.key_points == ("水位は例年並み", "大雨はこれから")
    assert [section.heading for section in article.sections] == ["水位の見通し", "堤防の点検"]
    assert article.outro == ("雨の季節、川には近づかないようにしましょう。",)
    assert all("ひとこと" not in text and "ざっくり" not in text for _, text in iter_text_fields(article))


def test_a_short_term_and_its_description_read_as_one_labelled_line() -> None:
    html_text = ("<html><body><article><h1>川の水位</h1><h2>水位の見通し</h2><dl><dt>問い</dt><dd>高い？</dd>"
                 "<dt>答え</dt><dd>例年並み</dd><dt>水位は、上流の雨で変わる。</dt><dd>注意</dd></dl>"
                 "</article></body></html>")
    texts = [line.text for line in read_html(html_text, ImportReport("page.html"))]
    assert texts[-4:] == ["問い：高い？", "答え：例年並み", "水位は、上流の雨で変わる。", "注意"]


def test_a_card_titled_with_an_ad_label_is_kept_and_flagged(tmp_path: Path) -> None:
    page = LABELLED_QA + (
        "［広告］川辺の家、今なら査定無料\n2025/06/01\n▶ 川沿いの土地が高く売れる。\n▶ 相談は何度でも。\n"
        "via 不動産ナビ https://fudosan.example.jp/ad/river\n【PR】川の日、水辺の掃除に参加しよう\nページの先頭へ\n")
    section = _digest(_import(tmp_path, "page.txt", page)).sections[0]
    assert [(card.title, card.off_topic) for card in section.sources] == [
        ("水位、例年並みの見込み", False), ("［広告］川辺の家、今なら査定無料", True)]
    texts = [text for _, text in iter_text_fields(_digest(_import(tmp_path, "page.txt", page)))]
    assert not any("水辺の掃除" in text for text in texts)


_VOICES_PAGE = """港の朝市、三年ぶりに再開
2025年5月3日
港の朝市が三年ぶりに再開しました。
どんな声がある？
地元の人はどう思っている？
おおむね歓迎
港新聞｜朝市、5月から毎週日曜に
2025年5月1日
・漁協は5月から毎週日曜に朝市を開くと発表した。
・出店は鮮魚店など20店。
続きを読む ⇒ 出典：https://minato.example.jp/a/1
「朝の楽しみが戻った」（70代女性）
「駐車場が足りない」（40代男性）
— 港町観光協会 (@minato_kanko) 2025年5月2日
"""


def test_a_numbered_question_label_is_trimmed(tmp_path: Path) -> None:
    page = _VOICES_PAGE.replace("地元の人はどう思っている？", "Q1. 地元の人はどう思っている？").replace(
        "おおむね歓迎", "A1. おおむね歓迎")
    section = _digest(_import(tmp_path, "asaichi.txt", page)).sections[0]
    assert (section.question, section.answer) == ("地元の人はどう思っている？", "おおむね歓迎")



MARKED_LABEL_DIGEST = """運河の遊覧船、夜の便が始まる？
運河の遊覧船に夜の便ができます。料金や時間をまとめました。
▽ 3行でわかる
★ 夜の便は金曜と土曜だけ運航する
★ 料金は昼の便より500円高い
★ 乗り場は駅の東口に移る
夜の便の中身
いつから乗れる？
来月の第1金曜から
観光協会が発表しました。
夜の便、来月から運航
2025/06/01
● 市の観光協会は、運河の遊覧船に夜の便を設けると発表した。
● 運航は金曜と土曜の夜に限る。
続きを読む ⇒運河新聞出典/画像元: https://unga.example.jp/a/night
夜景が楽しみですね。
― 最後におさらいしましょう ―
◎ 夜の便は来月から、金曜と土曜に運航
◎ 料金は昼より高く、予約はウェブで
"""


def test_a_marked_or_framed_short_line_over_points_marked_alike_is_their_label(tmp_path: Path) -> None:
    result = _import(tmp_path, "page.txt", MARKED_LABEL_DIGEST)
    article = _digest(result)
    # The label's own glyph differs from its points' ('▽' over '★'), or a mark frames it ('― … ―').
    assert article.key_points == ("夜の便は金曜と土曜だけ運航する", "料金は昼の便より500円高い", "乗り場は駅の東口に移る")
    assert article.conclusion == ("夜の便は来月から、金曜と土曜に運航", "料金は昼より高く、予約はウェブで")
    consumed = [(item.line.text, item.rule) for item in result.report.dropped if item.rule.endswith("-label")]
    assert consumed == [("▽ 3行でわかる", "key-points-label"), ("― 最後におさらいしましょう ―", "conclusion-label")]


def test_a_short_point_marked_like_the_points_under_it_stays_a_point(tmp_path: Path) -> None:
    page = MARKED_LABEL_DIGEST.replace("▽ 3行でわかる\n", "★ 夜も運航\n")
    article = _digest(_import(tmp_path, "page.txt", page))
    assert article.key_points[:2] == ("夜も運航", "夜の便は金曜と土曜だけ運航する")
