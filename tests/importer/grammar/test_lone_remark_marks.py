"""A glyph the page prints before single sentences through its sections (a writer's remark, '🗨 …ですね。', closing
each section) marks a remark, the last section's too: not the conclusion's first point, so the closing label under
it and the closing words under that are the article's, not the site's trailing lines. A list repeats its glyph on
lines one under another."""

from __future__ import annotations

from pathlib import Path

from kiku.importer.grammar.lines.feature_passes import with_lone_marks
from kiku.importer.grammar.lines.features import line_features
from kiku.importer.layouts.labels import fold
from tests.support.importing import digest_of, import_text

PAGE = """港町の朝市、台風でも開催へ　漁協が判断
2025年9月16日 7:00配信
港町の朝市は、台風が近づくなかでも開かれることになりました。
▍開催の判断
Q. 今週の朝市はどうなる？
A. 例年どおり日曜日に開かれます。
漁協は、風が弱まる見込みだとして開催を決めました。
🗨 天気が持ってくれるといいですね。
▍雨の日の備え
Q. 雨の日はどうなる？
A. テントを張って開かれます。
雨の日は、市場の屋根の下にテントを並べます。
🗨 屋根があるのは心強いです。
▍客足の見通し
Q. 客足は戻る？
A. 観光客の予約は増えています。
観光案内所には、朝市についての問い合わせが増えています。
🐟港町ニュース｜2025/09/15
朝市の予約、前年の1.5倍に　観光案内所
・観光案内所によると、朝市の見学予約が前年の1.5倍に増えた。
記事を読む https://minato-news.example.jp/asaichi/0915
🗨 にぎわいが戻ってきたのはうれしい話です。
▍さいごに
台風の季節でも、朝市は港町の暮らしを支えています。
来週の朝市にも、ぜひ足を運んでみてください。
#朝市 #港町
"""


def test_a_lone_remark_glyph_after_the_last_card_leaves_the_closing_words_the_article_s(tmp_path: Path) -> None:
    article = digest_of(import_text(tmp_path, "asaichi.txt", PAGE))
    closing = list(article.outro) + list(article.conclusion)
    assert "台風の季節でも、朝市は港町の暮らしを支えています。" in closing
    assert "来週の朝市にも、ぜひ足を運んでみてください。" in closing


def test_a_glyph_repeated_on_lines_one_under_another_is_a_list_s() -> None:
    texts = ["🗨 一つめです。", "見出し", "🗨 二つめです。", "本文です。", "🗨 三つめです。", "✅ 点検する", "✅ 片づける",
             "✅ 戸締まりする"]
    keys = [fold(text) for text in texts]
    features = with_lone_marks([line_features(texts, keys, index, keys[0]) for index in range(len(texts))])
    assert [feature.lone_mark for feature in features] == [True, False, True, False, True, False, False, False]
