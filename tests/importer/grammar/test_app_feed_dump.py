"""A news app's feed copied as text: its menu row and current tab, a dateline of a name, a date and its label,
an age and a plus button under it, one-line cards ('🗞name｜title（date）') over their bullets and URL, pictograms
glued to the question and answer, a reaction bar, a pointer past an ad, an ad card 'label｜name｜title', and
a comment printed without its writer under a counted heading."""

from __future__ import annotations

from pathlib import Path

from kiku.importer.cleaning.debris import strip_debris
from kiku.importer.grammar.lines.dates import line_date
from kiku.importer.page import Line
from kiku.importer.report import ImportReport
from tests.support.importing import digest_of, import_text

FEED = """ヨミトク
トップ　国内　経済　テック　くらし　天気
テック
量子コンピューター国産機が稼働　研究機関で共同利用へ
テック通信　2025/09/12(金) 07:15配信
5時間前
＋お気に入り
国産の量子コンピューターが研究機関で稼働を始め、大学や企業との共同利用が計画されています。
【ざっくり】
▶研究機関が国産機を公開
▶大学や企業が共同で使える
▌量子計算でできること
🔎何ができるようになるのか?
💬新しい材料や薬の探索が速くなる
量子コンピューターは、従来の計算機では時間がかかる計算を短時間で解く可能性があります。
🗞東西新聞｜国産量子コンピューター、本格稼働へ（2025/9/10）
・研究機関が記者会見で稼働を発表した。
https://www.tozai-np.example.jp/articles/20250910-quantum
当面は研究目的での利用に限られる見通しです。
この記事をどう思う？　😀 412　🤔 57
▽ 記事はこの下に続きます
▌実用化への道のり
🔎いつ一般に使えるのか?
💬実用化にはまだ数年かかる
誤りを訂正する技術の確立が、実用化に向けた大きな課題です。
スポンサー｜クラウド学院｜今なら受講料半額！AI講座を無料体験
・オンラインで学べる講座です。
https://ads.example.net/click?id=5521
🗞北日本新聞｜量子技術の人材育成、大学で講座開設（2025/8/28）
・大学が量子技術の講座を新たに開いた。
https://www.kitanihon.example.jp/news/20250828-ryoshi
量子技術に詳しい人材の育成も急がれています。
コメント（31）
早く身近な研究に使われるといいですね。
関連ニュース
スパコン新機種、来春に導入
"""


def test_a_menu_row_its_tab_an_age_and_a_plus_button_are_not_the_title(tmp_path: Path) -> None:
    digest = digest_of(import_text(tmp_path, "feed.txt", FEED))
    assert digest.title == "量子コンピューター国産機が稼働　研究機関で共同利用へ"
    assert digest.date.isoformat() == "2025-09-12"


def test_pictograms_glued_to_question_and_answer_are_labels(tmp_path: Path) -> None:
    digest = digest_of(import_text(tmp_path, "feed.txt", FEED))
    assert [section.question for section in digest.sections] == ["何ができるようになるのか?", "いつ一般に使えるのか?"]
    assert digest.sections[0].answer == "新しい材料や薬の探索が速くなる"


def test_a_card_on_one_line_names_its_publisher_title_and_date(tmp_path: Path) -> None:
    digest = digest_of(import_text(tmp_path, "feed.txt", FEED))
    card = digest.sections[0].sources[0]
    assert (card.publisher, card.title, card.published.isoformat() if card.published else None) == (
        "東西新聞", "国産量子コンピューター、本格稼働へ", "2025-09-10")


def test_an_ad_card_names_its_advertiser_between_label_and_title(tmp_path: Path) -> None:
    digest = digest_of(import_text(tmp_path, "feed.txt", FEED))
    ad = digest.sections[1].sources[0]
    assert (ad.publisher, ad.off_topic) == ("クラウド学院", True)


def _kept(*texts: str) -> list[str]:
    lines = [Line(number, text) for number, text in enumerate(texts, start=1)]
    return [line.text for line in strip_debris(lines, ImportReport("page.txt"))]


def test_a_reaction_bar_a_pointer_past_an_ad_and_an_unsigned_comment_are_chrome() -> None:
    kept = _kept("本文です。", "この記事をどう思う？　😀 412　🤔 57", "▽ 記事はこの下に続きます", "本文の続きです。",
                 "コメント（31）", "早く身近な研究に使われるといいですね。", "関連ニュース", "スパコン新機種、来春に導入")
    assert kept == ["本文です。", "本文の続きです。"]


def test_a_row_of_words_in_a_sentence_or_in_english_is_no_menu() -> None:
    lines = ("本文です。", "the quick brown fox jumps", "東京　大阪　名古屋", "国産機が稼働　研究機関で共同利用へ",
             "掲載日：2025年4月1日", "新駅 “開業遅れ” 原因は 資材の 不足", "◆ 今後の見通し", "#交通 #鉄道 #新駅 #開業")
    assert _kept(*lines)[:6] == list(lines[:6])


def test_a_menu_row_with_its_current_tab_and_a_headed_word_row_are_chrome() -> None:
    kept = _kept("ヨミトク", "トップ　国内　経済　テック　くらし　天気", "テック", "本文です。",
                 "この言葉の仲間", "量子ビット　超伝導　誤り訂正　量子暗号")
    assert kept == ["ヨミトク", "本文です。"]


def test_a_name_a_date_and_its_label_make_a_dateline_but_a_sentence_does_not() -> None:
    assert line_date("テック通信　2025/09/12 07:15配信") is not None
    assert line_date("東京都議会は　2025年9月12日　可決しました") is None
