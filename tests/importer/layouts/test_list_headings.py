"""A heading element of a lesser rank than the page's section headings (<h4> under <h2>s), over the section's
cards rather than a question or text, heads a list inside the section: no section of its own."""

from __future__ import annotations

from pathlib import Path

from tests.support.importing import digest_of, import_text

_CARDS = """<h5>この節で読んだ記事</h5>
<div><p>参照｜「空き店舗に図書コーナー開設　住民寄付の本を並べる{day}」（みどり区広報課、2025年7月{day}日付）</p>
<p><a href="https://midori.example.jp/koho/2025/{day}">https://midori.example.jp/koho/2025/{day}</a></p>
<ul><li>寄付された約2000冊を並べ、誰でも無料で読める。</li></ul></div>"""

_PAGE = """<html><body><main><article><h1>商店街に新しい図書コーナー　空き店舗を活用</h1>
<p>空き店舗を使った図書コーナーが商店街にできました。</p>
<h3>図書コーナーのしくみ</h3><p>本はどこから集めたの？</p><p>住民の寄付で約2000冊</p>
{first}
<p>気軽に立ち寄れる場所になりそうです。</p>
<h3>これからの課題</h3><p>運営は誰が担うの？</p><p>商店会のボランティアが交代で</p>
{second}
<p>続けられる仕組みづくりが大切ですね。</p>
</article></main></body></html>"""


def test_a_lesser_heading_over_cards_opens_no_section(tmp_path: Path) -> None:
    page = _PAGE.format(first=_CARDS.format(day=10), second=_CARDS.format(day=12))
    article = digest_of(import_text(tmp_path, "page.html", page))
    assert [section.heading for section in article.sections] == ["図書コーナーのしくみ", "これからの課題"]
    assert [len(section.sources) for section in article.sections] == [1, 1]
