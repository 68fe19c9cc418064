"""Cards printed one per block under a numbered label, their head line 'label date付｜publisher' ('付' after the
date says the day the source is dated, as a newspaper prints it) or, for a card with no date, 'label publisher':
the name after the label the page's dated card heads open with is the card's publisher."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from kiku.importer.grammar.cards.card_meta import CardDate, card_date
from tests.support.importing import digest_of, import_text

PAGE = """\
港の再開発、来年度に着工へ　にぎわいは戻るか

配信日：2025年6月10日（火）

市が港の再開発計画をまとめました。

■ 計画の中身

Ｑ．何が建つの？

Ａ．市場と公園、それに客船の待合所です

市は古い倉庫を取り壊し、市場と公園を整備する計画です。

　[文献1] 2025年6月3日付｜みなと新聞
　「港の再開発、来年度に着工へ　市が計画まとめる」
　　市は港の再開発計画をまとめ、来年度に着工すると発表した。
　　https://minato-shimbun.example.jp/a/0603

　[文献2] ほしぞら化粧品
　「話題の美容液、いまなら初回500円」
　　今なら送料無料でお届けします。定期便はいつでも解約できます。
　　https://hoshizora-cosme.example.com/lp?aff=22

■ 住民の声

Ｑ．反対の声はない？

Ａ．渋滞を心配する声が出ています

週末の渋滞を心配する住民もいます。

　[文献3] 2025年6月5日付｜うみべ日報
　「港の再開発、住民説明会で渋滞対策に質問相次ぐ」
　　説明会では、週末の渋滞対策を求める声が相次いだ。
　　https://umibe-nippo.example.jp/news/0605
"""


def test_a_date_printed_with_tsuki_before_the_bar_dates_the_card_the_name_after_it_publishes() -> None:
    assert card_date("〔文献7〕 2025年6月3日付｜みなと新聞") == CardDate(dt.date(2025, 6, 3), "みなと新聞")


def test_a_name_after_the_label_of_the_pages_dated_card_heads_is_the_publisher(tmp_path: Path) -> None:
    article = digest_of(import_text(tmp_path, "minato.txt", PAGE))
    first, second = article.sections
    assert [(card.publisher, card.published) for card in first.sources] == [
        ("みなと新聞", dt.date(2025, 6, 3)), ("ほしぞら化粧品", None)]
    assert [(card.publisher, card.published) for card in second.sources] == [("うみべ日報", dt.date(2025, 6, 5))]
    assert first.sources[1].off_topic
