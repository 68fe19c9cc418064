"""A card with two name lines: an unlabelled short line over its title (a kicker, a reader's role
announcement) and a name behind a label and a colon ('配信元：…'). The labelled one names the publisher;
the other is reported, never lost."""

from __future__ import annotations

from pathlib import Path

from kiku.content.model import DigestArticle
from tests.support.importing import import_text as _import

PAGE = """港の桜まつり、今年は夜桜ライトアップも
2025年3月28日

今年の桜まつりは、初めて夜のライトアップが行われます。

■ 日程と会場
いつ、どこで開かれる?
4月上旬の週末、港公園で
会場は駅から歩いて10分ほどです。
関連リンク 記事枠
桜まつり、夜間ライトアップを初実施へ
配信元：みなと日報
2025年3月20日
- 期間中は午後9時まで園内を照らす。
- 臨時駐車場は設けない。
https://minato-nippo.example.jp/news/20250320/sakura
楽しみですね。

■ 混雑への備え
どれくらい混む?
昨年は2日間で5万人が訪れた
週末は公共交通機関の利用が呼びかけられています。
関連リンク 記事枠
掲載元：港町観光協会
2025年3月22日
- 臨時バスを1時間に4本運行する。
https://minato-kanko.example.or.jp/info/bus
早めに出かけるのがよさそうです。
"""


def test_the_labelled_name_is_the_publisher_and_the_other_name_is_reported(tmp_path: Path) -> None:
    result = _import(tmp_path, "page.txt", PAGE)
    assert isinstance(result.article, DigestArticle)
    first, second = (section.sources[0] for section in result.article.sections)
    assert (first.title, first.publisher) == ("桜まつり、夜間ライトアップを初実施へ", "みなと日報")
    # The labelled name in the title's place, no other line to be the title.
    assert (second.title, second.publisher) == (None, "港町観光協会")
    reported = {(item.line.text, item.rule) for item in result.report.dropped}
    assert ("関連リンク 記事枠", "card-name-unused") in reported
    assert ("配信元：みなと日報", "card-publisher") in reported
    assert not [warning for warning in result.report.warnings if "neither in the article" in warning]
