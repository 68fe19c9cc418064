"""Which text lines are headings: a heading names its topic; the writer's voice and a sentence opening with its subject are text."""

from __future__ import annotations

from pathlib import Path

from tests.support.importing import digest_of as _digest
from tests.support.importing import import_text as _import

_SUBJECT_SENTENCE_PAGE = """港町の朝市が100周年、にぎわいは戻るのか
港町の朝市が今年で100周年を迎えた。記念の催しには多くの人が訪れ、観光客も増えている。
朝市、ついに100周年!
いつから続いている？
大正時代から
長く続く理由が気になります。
掲載日：2025年5月10日
▶ 朝市の開設100周年を祝う式典が開かれ、約300人が参加した。
▶ 市長は「港町の台所を次の100年へ」と述べた。
記事を読む >> 港町新聞出典/画像元: https://minato.example.jp/news/100th
町の歴史が詰まっていますね。
朝市は大正時代に漁師の妻たちが魚を売り始めたのが始まりとされています。
観光客の増加
どれくらい増えた？
前年の1.5倍
週末はとくににぎわっています。
掲載日：2025年5月12日
▶ 週末の来場者のうち、市外からの観光客が前年の1.5倍に増えた。
▶ 海外からの団体客も目立つという。
記事を読む >> 湾岸タイムズ出典/画像元: https://wangan.example.jp/articles/3021
にぎわいが戻ってきたのはうれしいですね。
市は駐車場の拡張も検討しています。
朝市に行く人は、保冷バッグを忘れずに!
100年続いた朝市が、次の100年も続くことを願っています。
★ 港町の朝市が100周年を迎えた。
★ 観光客は前年の1.5倍に増えた。
"""


def test_a_short_line_opening_with_its_subject_and_a_comma_is_the_sections_text(tmp_path: Path) -> None:
    result = _import(tmp_path, "asaichi.txt", _SUBJECT_SENTENCE_PAGE)
    article = _digest(result)
    # '朝市、ついに100周年!' is a headline (a comma, no subject particle before it); the
    # exclamation '朝市に行く人は、…を忘れずに!' opens with its subject: the last section's text.
    assert [section.heading for section in article.sections] == ["朝市、ついに100周年!", "観光客の増加"]
    assert "朝市に行く人は、保冷バッグを忘れずに!" in article.sections[1].body
    assert article.conclusion == ("港町の朝市が100周年を迎えた。", "観光客は前年の1.5倍に増えた。")


_HIRAGANA_EXCLAMATION = """港町の朝市が100周年　観光客も増加

公開日 2025年5月12日

港町の朝市が今年で100周年を迎えました。記念の催しには多くの人が訪れています。

朝市の歩み

いつから続いている？

大正時代から

朝市が100周年、記念式典に300人

配信日 2025/05/10

● 朝市の開設100周年を祝う式典が開かれ、約300人が参加した。

続きを読む ⇒港町新聞出典/画像元: https://minato.example.jp/news/100th

長く続く朝市には、町の歴史が詰まっています。

観光客が倍増！

どれくらい増えた？

前年の1.5倍

朝市の観光客、前年の1.5倍に

配信日 2025/05/12

● 週末の来場者のうち、市外からの観光客が前年の1.5倍に増えた。

続きを読む ⇒湾岸タイムズ出典/画像元: https://wangan.example.jp/articles/3021

市は駐車場を増やし、臨時の案内所も設ける予定です。

すごい！

次の100年に向けて、朝市の挑戦はまだ続きます。

★ 朝市は今年で100周年

★ 観光客は前年の1.5倍
"""


def test_a_line_of_hiragana_alone_is_not_a_heading_whatever_its_punctuation(tmp_path: Path) -> None:
    article = _digest(_import(tmp_path, "exclamation.txt", _HIRAGANA_EXCLAMATION))
    # A heading ending in '！' that names its topic stays a heading.
    assert [section.heading for section in article.sections] == ["朝市の歩み", "観光客が倍増！"]
    last = article.sections[-1]
    assert "すごい！" in (*last.body, *last.reaction, *last.sources[0].comments)
    assert article.conclusion == ("朝市は今年で100周年", "観光客は前年の1.5倍")
