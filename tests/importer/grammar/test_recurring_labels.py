"""A few words the page prints again at the same place of each of its units (the title of the box each
section's remark is printed in) label those units: never a section's heading, whatever they look like. A
card's publisher printed alone may recur as well (two cards of one paper): it stays the cards' publisher."""

from __future__ import annotations

from pathlib import Path

from kiku.importer.grammar.recurring import label_key
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
