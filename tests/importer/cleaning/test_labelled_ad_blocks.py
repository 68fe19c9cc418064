"""An ad a text dump sets off by a bare label line over it ('広告' · slogan · offer · https://…): its lines, up
to the link closing it, are the ad's card, its first line the card's title, never a section's heading."""

from __future__ import annotations

from pathlib import Path

from kiku.importer.cleaning.blocks.labelled_ads import labelled_ad_end, with_labelled_ads_marked
from kiku.importer.page import Line
from tests.support.importing import digest_of, import_text


def test_a_bare_ad_label_claims_the_lines_down_to_the_link_under_it() -> None:
    texts = ["本文です。", "スポンサー", "春の新作バッグ", "今なら送料無料でお届けします。", "https://bag.example.jp/lp", "次の話題"]
    assert labelled_ad_end(texts, 1) == 4
    marked = with_labelled_ads_marked([Line(number, text) for number, text in enumerate(texts, start=1)])
    assert [line.ad for line in marked] == [False, False, True, True, True, False]
    assert [line.heads_card_box for line in marked] == [False, False, True, False, False, False]


def test_a_label_over_no_near_link_or_over_the_link_alone_claims_nothing() -> None:
    # The article's paragraphs under a label that stood alone: no link within an ad's few lines.
    far = ["PR", "港の朝市が再開しました。", "週末は混み合います。", "駐車場は少なめです。", "早めの来場を。",
           "https://news.example.jp/a/1"]
    assert labelled_ad_end(far, 0) is None
    # A link right under the label is a banner with no head to mark.
    assert labelled_ad_end(["PR", "https://bag.example.jp/lp"], 0) is None
    # The label's lines end at another ad's label or a rule line.
    assert labelled_ad_end(["PR", "春の新作", "━━━━━━", "https://bag.example.jp/lp"], 0) is None
    # A line that is no bare label heads nothing.
    assert labelled_ad_end(["PR会社が調査", "春の新作", "https://bag.example.jp/lp"], 0) is None


PAGE = """\
港町の朝市、週末の人出が戻る　観光客と地元客でにぎわう
2026.02.14 08:00
閉鎖が続いていた港の朝市が再開し、週末には多くの人が訪れています。再開の経緯と、楽しみ方をまとめました。
今日のポイント
・朝市は3年ぶりに再開した
・週末の来場者は1日約2千人
〔１〕朝市が戻った理由
▷ どうして再開できたの？
▶ 若手漁師が運営を引き継いだから
地域の担い手が育っているのは心強いですね。
参考｜港町タイムス｜2026-02-10｜朝市、3年ぶりに再開　若手漁師が運営 https://minato-times.example.jp/news/2026/0210.html
　◦ 若手漁師のグループが運営を引き継いだ。
　◦ 出店は約40店で、鮮魚や干物が並ぶ。
運営を担う人がいなくなり、朝市は3年前に休止していました。
再開に向けて、漁協と市が準備を進めてきました。
広告
＼公式アプリ限定／港町の干物ガイド
人気の干物5種が今なら半額の1,500円！ご注文はお早めに。
https://shop.example-himono.jp/lp/trial?ref=asaichi
ひもの本舗
〔２〕楽しみ方のコツ
▷ 朝市はいつ行くのがいい？
▶ 開場直後の7時台がおすすめ
早起きした分だけ、選ぶ楽しみが増えます。
参考｜みなと観光協会｜2026-02-01｜朝市の楽しみ方ガイド　開場時間と人気の店 https://minato-kanko.example.jp/asaichi/guide.html
　◦ 開場は午前7時で、人気の店は9時ごろに売り切れる。
　◦ 保冷バッグを持参すると持ち帰りに便利。
人気の店は早い時間に売り切れてしまいます。
保冷バッグがあると、鮮魚も安心して持ち帰れます。
おわりに
・朝市は若手の力で再開した
・行くなら朝早くがおすすめ
"""


def test_a_labelled_ad_s_slogan_is_its_card_s_title_not_a_heading(tmp_path: Path) -> None:
    article = digest_of(import_text(tmp_path, "asaichi.txt", PAGE))
    assert [section.heading for section in article.sections] == ["朝市が戻った理由", "楽しみ方のコツ"]
    ad = article.sections[0].sources[-1]
    assert (ad.title, ad.url) == ("＼公式アプリ限定／港町の干物ガイド", "https://shop.example-himono.jp/lp/trial?ref=asaichi")
    assert [[source.off_topic for source in section.sources] for section in article.sections] == [[False, True], [False]]
