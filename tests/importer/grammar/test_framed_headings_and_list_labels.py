"""Labels and frames a page prints around its parts, read by their shape: a heading framed by brackets
('【…】'), a question and its answer labelled by a word and a slash ('問い／…', '答え／…'), a list's label
framed by its glyph over numbered points ('◆要点◆' over '①…'), a label printed as the first line of its own
list ('■ 今週の要点' over '■ …'), and a card's labelled link line after a card of field lines."""

from __future__ import annotations

from pathlib import Path

from tests.support.importing import digest_of, import_text

PAGE = """市営プール、夏休みの利用者が過去最多　猛暑で家族連れが急増
更新 2025.08.28（木）
猛暑が続いた今年の夏、市営プールの利用者が過去最多になりました。混雑の理由と市の対応をまとめます。
◆要点◆
①夏休み期間の利用者は前年より3割多く、過去最多となった。
②午後の時間帯は入場制限がかかる日も多かった。
③市は来年に向けて、開場時間の延長を検討している。
【過去最多となった利用者】
問い／どれくらい利用者が増えたのか？
答え／前年の3割増で過去最多
市の発表によると、特にお盆の時期に利用が集中しました。
📄 市営プール利用者、過去最多に　猛暑で家族連れ増える
掲載日 2025.08.25
・夏休み期間の利用者は延べ12万人で、前年を3割上回った。
・午後は入場制限がかかる日が続いた。
ソース：湖畔日報　https://www.kohan-nippo.example/a/2025/0825
暑い日は涼しい場所に人が集まるのも当然ですね。
【来年に向けた対策】
問い／市はどのような対策を考えているのか？
答え／開場時間の延長と予約制の導入
混雑を和らげる方法が検討されています。
📄 市営プール、来夏は朝7時から開場へ
掲載日 2025.08.27
・市は来年の夏、開場時間を2時間早める方針を示した。
・混雑する日には予約制の導入も検討する。
ソース：湖畔日報　https://www.kohan-nippo.example/a/2025/0827
📄 プールの予約制、隣の市では好評
・予約制を入れた隣の市では、待ち時間がほぼなくなった。
・予約はスマートフォンから前日まで受け付ける。
ソース：https://www.tonari-times.example/p/55
早朝に泳げるのはうれしい人も多そうです。
"""


def test_framed_headings_slash_labels_and_a_framed_label_over_numbered_points(tmp_path: Path) -> None:
    result = import_text(tmp_path, "page.txt", PAGE)
    article = digest_of(result)
    assert [section.heading for section in article.sections] == ["過去最多となった利用者", "来年に向けた対策"]
    assert [section.question for section in article.sections] == [
        "どれくらい利用者が増えたのか？", "市はどのような対策を考えているのか？"]
    assert [section.answer for section in article.sections] == ["前年の3割増で過去最多", "開場時間の延長と予約制の導入"]
    assert article.key_points[0].startswith("夏休み期間の利用者は")
    assert len(article.key_points) == 3
    # A card's labelled link line ('ソース：湖畔日報　https://…') closes its card: no field of the next one.
    assert [[card.url for card in section.sources] for section in article.sections] == [
        ["https://www.kohan-nippo.example/a/2025/0825"],
        ["https://www.kohan-nippo.example/a/2025/0827", "https://www.tonari-times.example/p/55"]]
    trimmed = {(item.rule, item.removed) for item in result.report.dropped}
    assert ("heading-brackets", "【】") in trimmed
    assert not [warning for warning in result.report.warnings if "neither in the article" in warning]


LABELLED_LIST = """週末の天気、台風の影響に注意
2025年9月12日
週末は台風が近づく見込みです。
■ 今週の要点
■ 土曜の夕方から雨と風が強まり、交通機関に乱れが出るおそれがある。
■ 日曜の朝には台風が最も近づき、沿岸では高潮に警戒が必要になる。
それでは詳しく見ていきます。
▼ 雨のピーク
雨が最も強まるのはいつ？
土曜の夜から日曜の朝
気象台は早めの備えを呼びかけています。
"""


def test_a_label_printed_as_the_first_line_of_its_own_list(tmp_path: Path) -> None:
    article = digest_of(import_text(tmp_path, "page.txt", LABELLED_LIST))
    assert [point[:6] for point in article.key_points] == ["土曜の夕方か", "日曜の朝には"]


def test_a_question_and_its_answer_behind_kana_words_and_a_wide_space_lose_them(tmp_path: Path) -> None:
    """'たずね　…？' over 'こたえる　…': two words of a few letters, a different one on each, then a space."""
    page = PAGE.replace("問い／", "たずね\u3000").replace("答え／", "こたえる\u3000")
    article = digest_of(import_text(tmp_path, "page.txt", page))
    assert [(section.question, section.answer) for section in article.sections] == [
        ("どれくらい利用者が増えたのか？", "前年の3割増で過去最多"),
        ("市はどのような対策を考えているのか？", "開場時間の延長と予約制の導入")]


def test_a_question_opening_on_a_word_and_a_space_keeps_it_when_its_answer_does_not(tmp_path: Path) -> None:
    page = PAGE.replace("問い／どれくらい", "利用者は　どれくらい").replace("答え／前年", "前年")
    article = digest_of(import_text(tmp_path, "page.txt", page))
    assert article.sections[0].question == "利用者は　どれくらい利用者が増えたのか？"
