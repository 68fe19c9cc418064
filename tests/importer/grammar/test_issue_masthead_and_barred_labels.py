"""A mail magazine's masthead (its name closed by the issue number, the sending date, a note on the mail, a
contents label) over the title printed twice; a label framed whole by angle brackets; a source's or an ad's
label set off its name by a bar, an icon before it."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path

import pytest

from kiku.importer.grammar.cards.card_meta import CardDate, card_date
from kiku.importer.grammar.cards.name_labels import labelled_name
from kiku.importer.grammar.lines.features import split_marker
from kiku.importer.grammar.lines.publisher_passes import is_bracketed_label
from kiku.importer.grammar.page.title import title_evidence, title_index
from tests.support.importing import digest_of, import_text


def test_a_line_closed_by_an_issue_number_is_the_periodical_s_name() -> None:
    title = "冬の港町、朝市に行列　若手漁師の店が人気"
    texts = ["みなと通信　第58号", "2026年1月9日配信", "このメールは読者の皆さまにお届けしています。", "▼本日の話題",
             title, title, "寒さが厳しくなるなか、行列ができています。"]
    assert title_index(texts) == 4
    assert title_index(["みなと通信 vol.58", *texts[1:]]) == 4
    # A headline's number glued to its word is no issue number.
    glued, spelled = (["九州に接近する台風10号", "2026年1月9日"], ["九州に接近する台風十号", "2026年1月9日"])
    assert title_evidence(glued, 0, Counter()) == title_evidence(spelled, 0, Counter())


@pytest.mark.parametrize(("text", "label"), [
    ("＜参考にした記事＞", True),
    ("〈出典〉", True),
    ("【関連】", True),
    ("＜3＞朝市の今", False),  # a chapter's number before its heading
    ("＜港町＞の朝市", False),  # the bracket closes before the line does
])
def test_a_line_framed_whole_by_angle_brackets_is_a_label_not_a_bulleted_line(text: str, label: bool) -> None:
    assert is_bracketed_label(text) is label
    if label:
        assert split_marker(text) == (None, text)


def test_a_source_or_ad_label_before_a_bar_is_no_name() -> None:
    assert labelled_name("引用元｜北海ニュース") == "北海ニュース"
    assert labelled_name("スポンサー｜ぬくぬく布団店") == "ぬくぬく布団店"
    assert labelled_name("北海ニュース｜道内の話題") is None  # a name and its tagline
    assert card_date("🗞 引用元｜北海ニュース｜2026/1/7") == CardDate(dt.date(2026, 1, 7), "北海ニュース")
    assert card_date("📎 北海ニュース・2026/1/7") == CardDate(dt.date(2026, 1, 7), "北海ニュース")


MAGAZINE = """＊＊＊＊＊＊＊＊＊＊＊＊＊＊＊＊

みなと通信　第58号

2026年1月9日（金）配信

＊＊＊＊＊＊＊＊＊＊＊＊＊＊＊＊

このメールは、みなと通信の読者の皆さまにお届けしています。

▼本日の話題

冬の港町、朝市に行列　若手漁師の店が人気

冬の港町、朝市に行列　若手漁師の店が人気

寒さが厳しくなるなか、港の朝市に早朝から行列ができています。若手漁師が開いた店が人気を集めています。

＜1＞行列の理由

問い：なぜ行列ができるのですか?

答え：とれたての魚を安く買えるから

店主は地元の若手漁師です。

＜参考にした記事＞

朝市に行列　若手漁師の店が人気

→ 港の朝市で、若手漁師が開いた店に早朝から行列ができている。

みなと新報／2026.01.08 更新

https://minato-shimpo.example/n/412

（編集部より）一度行ってみたいですね。

＜2＞これからの課題

問い：課題はありますか?

答え：人手の確保が難しい

平日の店番をどう回すかが課題です。

＜参考にした記事＞

朝市の人手不足、平日の店番が課題

→ 平日の店番を担う人手が足りず、営業日を絞る店もある。

港町タイムス／2026.01.07 更新

https://minato-times.example/n/90
"""


def test_a_magazine_s_masthead_over_its_title_printed_twice(tmp_path: Path) -> None:
    result = import_text(tmp_path, "letter.txt", MAGAZINE)
    article = digest_of(result)
    assert article.title == "冬の港町、朝市に行列　若手漁師の店が人気"
    assert article.date == dt.date(2026, 1, 9)
    assert article.lead is not None and article.title not in article.lead
    assert [section.heading for section in article.sections] == ["行列の理由", "これからの課題"]
    cards = [section.sources[0] for section in article.sections]
    assert [(card.publisher, card.published) for card in cards] == [
        ("みなと新報", dt.date(2026, 1, 8)), ("港町タイムス", dt.date(2026, 1, 7))]
    assert not article.conclusion  # the bracketed label is no bulleted point
    dropped = {item.line.text: item.rule for item in result.report.dropped}
    assert dropped["みなと通信　第58号"] == "masthead"
    assert dropped["▼本日の話題"] == "masthead"


SHORT_MASTHEAD = """みなと通信　第58号
2026年1月9日配信
▼本日の話題
冬の港町、朝市に行列　若手漁師の店が人気
冬の港町、朝市に行列　若手漁師の店が人気
寒さが厳しくなるなか、港の朝市に早朝から行列ができています。
＜1＞行列の理由
問い：なぜ行列ができるのですか?
答え：とれたての魚を安く買えるから
＜参考にした記事＞
朝市に行列　若手漁師の店が人気
みなと新報／2026.01.08 更新
https://minato-shimpo.example/n/412
"""


def test_the_title_printed_in_the_masthead_too_is_the_title_s_not_the_site_s(tmp_path: Path) -> None:
    result = import_text(tmp_path, "short.txt", SHORT_MASTHEAD)
    assert digest_of(result).title == "冬の港町、朝市に行列　若手漁師の店が人気"
    read = [(item.line.number, item.rule, item.debris) for item in result.report.dropped if item.line.number in (1, 4, 5)]
    assert (1, "masthead", True) in read
    assert not any(debris for number, _, debris in read if number in (4, 5))  # neither copy of the title is debris
