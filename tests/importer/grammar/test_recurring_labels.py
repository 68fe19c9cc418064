"""A few words the page prints again at the same place of each of its units (the title of the box each
section's remark is printed in) label those units: never a section's heading, whatever they look like. A
card's publisher printed alone may recur as well (two cards of one paper): it stays the cards' publisher."""

from __future__ import annotations

from pathlib import Path

from kiku.importer.grammar.lines.recurring import label_key, recurring_prefixes, without_recurring_prefix
from tests.support.importing import digest_of, import_text

_BOXED_REMARKS = """港の朝市が土曜にも開かれる　春から週2回に
2026年2月3日
港の朝市が4月から土曜日にも開かれることになりました。観光客の増加に応える試みです。
土曜開催の中身
朝市はいつ開かれるのか？
日曜と土曜の朝6時から
漁協の発表によると、出店数は日曜と同じです。
港の朝市、土曜にも開催へ　4月から
・漁協は港の朝市を4月から土曜日にも開くと発表した。
元記事を読む » 港町新報 2026年2月2日 https://minato.example.jp/news/asaichi-0202
◇担当記者のメモ
取材した朝は、開始前から長い列ができていました。
出店者の思い
出店者はどう受け止めているのか？
負担は増えるが売り上げに期待
漁師の方々は、準備の負担が増えることを心配しています。
朝市の出店者、週2回に期待と不安
・出店者の多くは売り上げの増加を期待する一方、人手の確保を課題に挙げた。
元記事を読む » 港町新報 2026年2月3日 https://minato.example.jp/news/asaichi-0203
◇担当記者のメモ
それでも、皆さん笑顔で準備を進めていたのが印象的です。
交通の対策
車で行っても大丈夫か？
臨時駐車場が用意される
市は土曜日も臨時駐車場を開くそうです。
朝市の日に臨時駐車場　市が準備
・市は朝市の開催日に合わせ、港の空き地を臨時駐車場として開放する。
元記事を読む » 湾岸タイムス 2026年2月1日 https://wangan.example.jp/articles/parking-0201
◇担当記者のメモ
朝の道路は混みやすいので、早めの到着がおすすめです。
おわりに
週2回になる朝市、春の楽しみがまた一つ増えそうです。
"""


def test_a_box_label_printed_in_each_section_is_no_heading(tmp_path: Path) -> None:
    sections = digest_of(import_text(tmp_path, "asaichi.txt", _BOXED_REMARKS)).sections
    assert [section.heading for section in sections] == ["土曜開催の中身", "出店者の思い", "交通の対策"]


def test_two_cards_of_one_publisher_keep_it(tmp_path: Path) -> None:
    sections = digest_of(import_text(tmp_path, "asaichi.txt", _BOXED_REMARKS)).sections
    assert [[card.publisher for card in section.sources] for section in sections] == [
        ["港町新報"], ["港町新報"], ["湾岸タイムス"]]


def test_what_sets_a_label_off_is_not_its_words() -> None:
    assert label_key("〔参考〕") == label_key("【参考】") == label_key("◆参考◆") == "参考"
    assert label_key("📎 参照した記事") == "参照した記事"


_PREFIXED_PUBLISHERS = """商店街の夜市が3日間に　今年の見どころ
2024年9月20日
今年の夜市は、会期が3日間に延びます。出店の数も過去最多になる見込みです。
会期が延びた理由
なぜ3日間になったのか？
来場者の増加に応えるため
商店街の振興会が発表しました。
［読んだ記事］北浜日報｜2024-09-14
『商店街の夜市、今年は3日間に延長』
https://yoichi.example.jp/a/77
・北浜商店街の夜市は今年、会期を3日間に延ばす。
出店の募集
だれが出店できるのか？
市内の事業者と個人
個人の出店も受け付けるそうです。
［読んだ記事］北浜日報｜2024-09-02
『夜市の出店者、市内から広く募集』
https://yoichi.example.jp/b/12
・振興会は市内の事業者と個人から出店者を募集している。
"""


def test_a_bracketed_label_printed_before_each_publisher_is_not_its_name(tmp_path: Path) -> None:
    sections = digest_of(import_text(tmp_path, "yoichi.txt", _PREFIXED_PUBLISHERS)).sections
    assert [[card.publisher for card in section.sources] for section in sections] == [["北浜日報"], ["北浜日報"]]


def test_a_bracketed_word_is_a_recurring_label_only_before_other_text_in_several_units() -> None:
    lines = ["【速報】北浜日報", "本文です。", "本文です。", "【速報】港北タイムズ"]
    assert recurring_prefixes(lines) == frozenset({"速報"})
    assert recurring_prefixes(lines[:3]) == frozenset()  # once
    assert recurring_prefixes(["【速報】北浜日報", "本文です。", "本文です。", "【速報】北浜日報"]) == frozenset()
    two_papers = ["【速報】北浜日報", "本文です。", "本文です。", "【速報】北浜日報", "本文です。", "本文です。", "【速報】港北タイムズ"]
    assert recurring_prefixes(two_papers) == frozenset({"速報"})
    assert recurring_prefixes(["【速報】北浜日報", "【速報】港北タイムズ"]) == frozenset()  # one unit's list
    assert without_recurring_prefix("【速報】北浜日報", frozenset({"速報"})) == "北浜日報"
    assert without_recurring_prefix("【速報】", frozenset({"速報"})) == "【速報】"


_LABELLED_CARDS = _BOXED_REMARKS.replace("◇担当記者のメモ\n", "").replace(
    "港の朝市、土曜にも開催へ", "🔖 読み比べた記事\n港の朝市、土曜にも開催へ").replace(
    "朝市の出店者、週2回", "🔖 読み比べた記事\n朝市の出店者、週2回").replace(
    "朝市の日に臨時駐車場", "🔖 読み比べた記事\n朝市の日に臨時駐車場")


def test_a_label_printed_over_each_card_is_neither_its_title_nor_a_remark(tmp_path: Path) -> None:
    result = import_text(tmp_path, "asaichi.txt", _LABELLED_CARDS)
    sections = digest_of(result).sections
    assert [[(card.title, card.publisher) for card in section.sources] for section in sections] == [
        [("港の朝市、土曜にも開催へ　4月から", "港町新報")], [("朝市の出店者、週2回に期待と不安", "港町新報")],
        [("朝市の日に臨時駐車場　市が準備", "湾岸タイムス")]]
    assert not any("読み比べた記事" in text for section in sections for text in (*section.comments, *section.body))
    assert [dropped.line.text for dropped in result.report.dropped if dropped.rule == "recurring-card-label"] == [
        "🔖 読み比べた記事"] * 3


# The same page with its labels set off by a separator glyph or by one glyph either side, not by brackets.
_SEPARATED_LABELS = _PREFIXED_PUBLISHERS.replace("［読んだ記事］", "出どころ → ").replace(
    "なぜ3日間になったのか？", "ギモン｜なぜ3日間になったのか？").replace(
    "だれが出店できるのか？", "ギモン｜だれが出店できるのか？").replace(
    "来場者の増加に応えるため", "コタエ｜来場者の増加に応えるため").replace(
    "市内の事業者と個人\n", "コタエ｜市内の事業者と個人\n")


def test_a_label_set_off_by_a_separator_glyph_is_trimmed_from_questions_answers_and_publishers(
        tmp_path: Path) -> None:
    result = import_text(tmp_path, "yoichi.txt", _SEPARATED_LABELS)
    sections = digest_of(result).sections
    assert [(section.question, section.answer) for section in sections] == [
        ("なぜ3日間になったのか？", "来場者の増加に応えるため"), ("だれが出店できるのか？", "市内の事業者と個人")]
    assert [[card.publisher for card in section.sources] for section in sections] == [["北浜日報"], ["北浜日報"]]
    trimmed = [dropped.removed for dropped in result.report.dropped if dropped.rule == "recurring-label"]
    assert trimmed == ["出どころ →"] * 2


def test_a_label_between_two_glyphs_or_before_a_separator_recurs_as_a_bracketed_one_does() -> None:
    filler = ["本文です。", "本文です。"]
    assert recurring_prefixes(["◆典拠◆ 北浜日報", *filler, "◆典拠◆ 港北タイムズ"]) == frozenset({"典拠"})
    assert recurring_prefixes(["Topic ＞ 夜市の会期", *filler, "Topic ＞ 出店の募集"]) == frozenset({"Topic"})
    assert recurring_prefixes(["見出し：夜市の会期", *filler, "見出し：出店の募集"]) == frozenset({"見出し"})
    # A link's scheme is no label, nor is a time of day.
    assert recurring_prefixes(["https://a.example.jp/1", *filler, "https://b.example.jp/2"]) == frozenset()
    assert recurring_prefixes(["18:30 開場", *filler, "19:00 開演"]) == frozenset()
    assert without_recurring_prefix("Topic ＞ 夜市の会期", frozenset({"Topic"})) == "夜市の会期"
    assert without_recurring_prefix("Topic ＞", frozenset({"Topic"})) == "Topic ＞"
