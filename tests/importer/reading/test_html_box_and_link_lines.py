"""Evidence a saved page's markup gives the grammar: the first line of a small box that a card's link
line closes is the card's head (its title), however much it reads like a remark; and lines that are
one link each after the article's last text (a blog ranking's banner, a follow button) are the
site's trailing lines, dropped with a warning, while a link standing alone inside the text stays."""

from __future__ import annotations

from pathlib import Path

from tests.support.importing import digest_of, import_text

_PAGE = """<html><head><meta charset="utf-8"><title>商店街に屋根</title></head><body><div class="main">
<div class="kiji-title">駅前商店街にアーケード復活へ　雨の日も買い物しやすく</div>
<div>2025.10.04</div>
<div>駅前の商店街に、二十年ぶりにアーケードが戻ることになりました。</div>
<div class="q-head">どんな屋根になるの？</div>
<div>屋根の長さは？</div>
<div>約三百メートル</div>
<div class="clip">
<div>「雨でも来やすく」「暗くならないか」 アーケード計画、店主たちの本音と期待</div>
<div>2025年10月2日</div>
<div>✦ 商店街の振興組合は、駅から続く約三百メートルに透明な屋根をかける計画をまとめた。</div>
<div>✦ 店主の間では、明るさを保てるかを心配する声もある。</div>
<div>記事を読む ＞ 駅前タイムス <a href="https://ekimae.example.jp/n/204">https://ekimae.example.jp/n/204</a></div>
</div>
<div>明るい屋根なら歩くのも楽しくなりそうです。</div>
<div><a href="https://city.example.jp/arcade/plan.pdf">市の整備計画は、市のサイトで読むことができます。</a></div>
<div>工事は来年の春に始まり、秋には完成する予定です。</div>
{trailing}
</div></body></html>"""

_TRAILING = """<div><a href="https://ranking.example.net/town">地域ブログランキングへ</a></div>
<div><a href="https://sns.example.com/ekimae-blog">この街ブログをフォローする</a></div>"""


def test_the_first_line_of_a_card_box_is_the_cards_title(tmp_path: Path) -> None:
    article = digest_of(import_text(tmp_path, "page.html", _PAGE.format(trailing="")))
    section = article.sections[0]
    assert section.comments == ()
    card = section.sources[0]
    assert (card.title, card.publisher, card.url) == (
        "「雨でも来やすく」「暗くならないか」 アーケード計画、店主たちの本音と期待", "駅前タイムス",
        "https://ekimae.example.jp/n/204")


def test_link_lines_after_the_articles_last_text_are_the_sites(tmp_path: Path) -> None:
    result = import_text(tmp_path, "page.html", _PAGE.format(trailing=_TRAILING))
    article = digest_of(result)
    texts = article.sections[0].sources[0].comments + article.sections[0].body
    # A link alone inside the text is the article's; the links after its last text are not.
    assert texts[-2:] == ("市の整備計画は、市のサイトで読むことができます。", "工事は来年の春に始まり、秋には完成する予定です。")
    assert [(item.line.text, item.rule) for item in result.report.dropped if item.rule == "trailing-link"] == [
        ("地域ブログランキングへ", "trailing-link"), ("この街ブログをフォローする", "trailing-link")]
    assert ("lines 18-19 after the article's last text are links alone, read as the site's trailing lines and "
            "dropped: check them (地域ブログランキングへ)") in result.report.warnings
