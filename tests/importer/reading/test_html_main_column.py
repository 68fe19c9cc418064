"""A box the page classes as a widget or side column is a sidebar only while it stands beside the
text: one holding most of the page's text is its main column, and the article in it is read."""

from __future__ import annotations

from pathlib import Path

from kiku.importer.reading.html_page import read_html
from kiku.importer.report import ImportReport
from tests.support.importing import digest_of as _digest
from tests.support.importing import import_text as _import

_PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8">
<title>山あいの村に図書館バス　月2回の巡回始まる｜さとやま日記</title></head><body>
<div class="site-name"><a href="/">さとやま日記</a></div>
<div id="wrap">
<section class="{column}">
<p class="posted">2025年6月2日</p>
<h2 class="entry-title">山あいの村に図書館バス　月2回の巡回始まる</h2>
<section class="entry">
<p>山あいの村で、本を積んだ図書館バスの巡回が始まりました。村に図書館はなく、町の図書館まで車で一時間かかります。</p>
<h3>どんなバスなの？</h3>
<p>何冊積んでいる？</p>
<p>約三千冊</p>
<p>バスには絵本から専門書まで約三千冊が積まれ、その場で借りたり返したりできます。</p>
<p>子どもたちは毎回の巡回を楽しみにしているそうです。高齢の住民からも、歩いて行ける場所に本が来るのはありがたいという声が聞かれました。</p>
<p>町は利用が多ければ巡回の回数を増やすことも検討するとしています。</p>
</section>
</section>
<section class="side-box">
<p>最近の投稿</p>
<ul><li><a href="/p/1">棚田の田植え体験</a></li><li><a href="/p/2">夏祭りの準備</a></li></ul>
</section>
</div>
</body></html>"""

_SIDE_LIST = ["最近の投稿", "棚田の田植え体験", "夏祭りの準備"]


def _lines(markup: str) -> tuple[list[str], list[str]]:
    report = ImportReport("page.html")
    kept = [line.text for line in read_html(markup, report)]
    return kept, [dropped.line.text for dropped in report.dropped if dropped.rule == "sidebar"]


def test_a_widget_box_holding_most_of_the_text_is_read_as_the_main_column(tmp_path: Path) -> None:
    for column in ("widget-area", "sub-column"):
        kept, side = _lines(_PAGE.format(column=column))
        assert "約三千冊" in kept
        assert "町は利用が多ければ巡回の回数を増やすことも検討するとしています。" in kept
        assert side == _SIDE_LIST
        article = _digest(_import(tmp_path, f"{column}.html", _PAGE.format(column=column)))
        # The post's heading, not the site's name nor the window title.
        assert article.title == "山あいの村に図書館バス　月2回の巡回始まる"
        assert [section.heading for section in article.sections] == ["どんなバスなの？"]
        assert article.sections[0].question == "何冊積んでいる？"


def test_a_widget_box_beside_the_text_is_still_a_sidebar() -> None:
    kept, side = _lines(_PAGE.format(column="post-column"))
    assert "約三千冊" in kept
    assert side == _SIDE_LIST
    assert not set(_SIDE_LIST) & set(kept)
