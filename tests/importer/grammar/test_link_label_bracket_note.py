"""A read-more link may carry a note in brackets on where it leads ('続きを読む（別ウィンドウ）'), in the
place where a text dump prints the publisher ('元記事を読む（みなと日報）'). A name line of the card's own
(its publisher printed first, over the title) names the publisher over the bracket; a card with no such
line still takes its publisher from the bracket."""

from __future__ import annotations

from pathlib import Path

from kiku.importer.grammar.cards.card_link import read_card_link
from tests.support.importing import digest_of
from tests.support.importing import import_text as _import

PAGE = """<html><body><article>
<h1>商店街の空き店舗、若者の出店が相次ぐ</h1>
<p>2025年9月2日</p>
<p>駅前の商店街で、空き店舗に若い世代が店を開く動きが広がっています。</p>
<h2>出店が増えた理由</h2>
<p>なぜ若い人の出店が増えている？</p>
<p>家賃の補助と改装費の支援</p>
<p>市は昨年度から、空き店舗の改装費を補助しています。</p>
<div class="box">
  <div class="who">海辺タイムス</div>
  <div class="head">空き店舗の改装費、最大100万円を補助　市が新制度</div>
  <div class="when">2025/08/20</div>
  <ul><li>市は商店街の空き店舗を借りて出店する人に、改装費の半額を補助する。</li></ul>
  <a href="https://umibe-times.example.jp/news/0820">続きを読む（別ウィンドウ）</a>
</div>
<p>制度を使った出店は、すでに10件を超えました。</p>
<h2>これからの課題</h2>
<p>店を続けるには何が必要？</p>
<p>客足を保つための工夫</p>
<p>開店したあとの支えも欠かせません。</p>
<div class="box">
  <div class="who">市商工課</div>
  <div class="head">商店街にぎわい創出事業の募集について</div>
  <div class="when">2025/07/01</div>
  <ul><li>イベントを開く商店会に、費用の一部を助成する。</li></ul>
  <a href="https://city.example.lg.jp/shoko/nigiwai">続きを読む（別ウィンドウ）</a>
</div>
<p>地域ぐるみの応援が続きそうです。</p>
</article></body></html>
"""


def test_the_cards_own_name_line_names_the_publisher_over_the_links_bracket(tmp_path: Path) -> None:
    article = digest_of(_import(tmp_path, "page.html", PAGE))
    assert [section.heading for section in article.sections] == ["出店が増えた理由", "これからの課題"]
    cards = [(card.publisher, card.title) for section in article.sections for card in section.sources]
    assert cards == [("海辺タイムス", "空き店舗の改装費、最大100万円を補助　市が新制度"),
                     ("市商工課", "商店街にぎわい創出事業の募集について")]


def test_a_link_alone_still_names_its_publisher_in_brackets() -> None:
    link = read_card_link("元記事を読む（みなと日報） https://minato-nippo.example.jp/a/1")
    assert link is not None and link.publisher == "みなと日報"
    assert link.in_link_brackets and not link.names_publisher
    plain = read_card_link("元記事を読む → みなと日報 https://minato-nippo.example.jp/a/1")
    assert plain is not None and plain.names_publisher


LINK_FIRST = """駅前に新しい公園
2025年9月2日

駅前の空き地が、子どもも遊べる公園に生まれ変わりました。

■ 公園のようす
どんな公園？
遊具と芝生広場のある公園
週末は家族連れでにぎわっています。
駅前広場の完成式
元記事を読む（みなと日報） https://minato-nippo.example.jp/a/0902
・駅前に整備された公園の完成式が開かれ、市長らがテープカットをした。
・芝生広場と複合遊具を備える。
楽しみな場所が増えました。
"""


def test_a_short_title_over_a_link_first_card_stays_its_title(tmp_path: Path) -> None:
    # The card opens with its link line: the name line the link's brackets could yield to is not there.
    card = digest_of(_import(tmp_path, "page.txt", LINK_FIRST)).sections[0].sources[0]
    assert (card.title, card.publisher) == ("駅前広場の完成式", "みなと日報")
