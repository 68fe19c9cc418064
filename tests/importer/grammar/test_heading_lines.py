"""Which text lines are headings: a heading names its topic; the writer's voice and a sentence opening with its subject are text."""

from __future__ import annotations

from pathlib import Path

from kiku.importer.grammar.lines.feature_passes import with_standalone_lines
from kiku.importer.grammar.lines.features import line_features
from kiku.importer.layouts.labels import fold
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


_KANA_HEADING_OVER_A_PARAGRAPH = """港町の朝市、観光客が倍増
港町の朝市に、市外から訪れる人が増えています。
観光客が倍増！
どれくらい増えた？
前年の1.5倍
朝市の観光客、前年の1.5倍に
配信日 2025/05/12
● 週末の来場者のうち、市外からの観光客が前年の1.5倍に増えた。
続きを読む ⇒湾岸タイムズ出典/画像元: https://wangan.example.jp/articles/3021
市は駐車場を増やし、臨時の案内所も設ける予定です。
これからのあさいち
次の100年に向けて、朝市の挑戦はまだ続きます。
★ 朝市は今年で100周年
★ 観光客は前年の1.5倍
"""


def test_a_noun_phrase_of_hiragana_alone_between_paragraphs_is_a_heading(tmp_path: Path) -> None:
    """'これからのあさいち' is written in kana but names a topic, as a kanji word would; only what is said
    ('すごい！', 'なるほどね') names nothing."""
    article = _digest(_import(tmp_path, "kana.txt", _KANA_HEADING_OVER_A_PARAGRAPH))
    assert [section.heading for section in article.sections] == ["観光客が倍増！", "これからのあさいち"]
    assert article.sections[1].body == ("次の100年に向けて、朝市の挑戦はまだ続きます。",)


_QUESTION_HEADING_OVER_ONE_PARAGRAPH = """山あいの村に移住者が増加　空き家バンクが後押し
人口減少が続く山あいの村で、移住してくる人が増えています。
◎ 移住者は5年で2倍
◎ 空き家バンクの登録が増えた
住まいはどう探す？
移住者は家をどう見つける？
村の空き家バンク
村の窓口にはまず相談が寄せられるそうです。
空き家バンク、登録100件を突破
掲載日 2025年4月2日
● 村が運営する空き家バンクの登録件数が100件を超えた。
● 改修費の補助も利用できる。
元記事を読む ⇒ 高原日報出典/画像元: https://kougen.example.jp/n/4410
選べる家が増えるのは心強いですね。
ただ、暮らしてみて初めてわかることも多いようです。
仕事は見つかる？
村内の求人は農業と観光が中心で、リモートで働き続ける移住者も少なくありません。
子育ての環境
学校はどうなっている？
小規模校で少人数の授業
教室は少人数で、先生の目が行き届くといいます。
小学校、移住家庭の児童が3割に
掲載日 2025年4月5日
● 村の小学校では、全校児童のおよそ3割が移住してきた家庭の子どもになった。
● 地域の人が登下校を見守っている。
元記事を読む ⇒ 山里タイムズ出典/画像元: https://yamazato.example.jp/a/771
にぎやかになった教室の様子が目に浮かびます。
★ 移住者は5年で2倍に増えた。
★ 空き家バンクと少人数の学校が後押ししている。
"""


def test_a_heading_ending_in_a_question_mark_may_head_one_paragraph_and_no_card(tmp_path: Path) -> None:
    """'仕事は見つかる？' stands alone between two sentences, a card's remark and a paragraph: a heading
    (its punctuation does not make it less of one), not a remark of the card above."""
    article = _digest(_import(tmp_path, "iju.txt", _QUESTION_HEADING_OVER_ONE_PARAGRAPH))
    assert [section.heading for section in article.sections] == ["住まいはどう探す？", "仕事は見つかる？", "子育ての環境"]
    middle = article.sections[1]
    assert (middle.question, middle.sources) == (None, ())
    assert (*middle.comments, *middle.body) == ("村内の求人は農業と観光が中心で、リモートで働き続ける移住者も少なくありません。",)
    assert article.sections[0].sources[0].comments == ("選べる家が増えるのは心強いですね。",
                                                       "ただ、暮らしてみて初めてわかることも多いようです。")


def test_a_fragment_between_sentences_is_marked_and_a_card_title_is_not() -> None:
    texts = ["大雪で除雪費が膨らむ", "この冬は雪が多かった。", "除雪の費用", "市は補正予算を組む方針です。",
             "除雪車、出動回数が過去最多", "掲載日 2025年2月1日", "● 市内の除雪車の出動回数が過去最多になった。"]
    keys = [fold(text) for text in texts]
    features = with_standalone_lines([line_features(texts, keys, index, keys[0]) for index in range(len(texts))])
    assert [feature.between_sentences for feature in features] == [False, False, True, False, False, False, False]


def test_a_question_asked_in_a_sentence_s_ending_between_sentences_stays_text() -> None:
    """'…戻るのでしょうか？' is the writer asking, in a polite sentence's ending: not a fragment; a heading
    asks in a headline's plain form ('値段は上がる？')."""
    texts = ["大雪で除雪費が膨らむ", "除雪車は連日出動しています。", "来年の冬も同じ予算で足りるのでしょうか？",
             "市は補正予算を組む方針です。", "値段は上がる？", "灯油の価格は高止まりしています。"]
    keys = [fold(text) for text in texts]
    features = with_standalone_lines([line_features(texts, keys, index, keys[0]) for index in range(len(texts))])
    assert [feature.between_sentences for feature in features] == [False, False, False, False, True, False]

