"""A page builder classes every block it lays out as a widget (the title's, each paragraph's, each
card's): such a class names the builder's blocks, not a sidebar, and the page is read. Its only
<article> elements are the teasers under it, so its ad card is found in its text as on a page with
none; a card's summary paragraph reads with the bullet mark its text dump prints."""

from __future__ import annotations

from pathlib import Path

from kiku.importer.reading.html.page import read_html
from kiku.importer.report import ImportReport
from tests.support.importing import digest_of, import_text


def _block(inner: str, kind: str = "text") -> str:
    return f'<div class="pb-widget pb-widget-{kind}"><div class="pb-widget-inner">{inner}</div></div>'


_CARD = ('<a href="https://{host}/news/{number}"><div class="thumb"><img src="t.jpg" alt=""></div>'
         '<div class="body"><p class="ttl">{title}</p><p class="ex">{summary}</p>'
         '<div class="meta"><span>{publisher}</span>{date}</div></div></a>')

_PAGE = ("<!DOCTYPE html><html><head><meta charset='utf-8'><title>港町の朝市が通年開催に｜みなと通信</title></head>"
         "<body><div class='pb-location-header'>" + _block("<a href='/'>みなと通信</a>", "logo") + "</div>"
         "<div class='pb-location-single'>"
         + _block("<span>公開日: 2025年9月8日</span>", "post-info")
         + _block("<h1>港町の朝市が通年開催に 冬の観光客を呼び込む</h1>", "title")
         + _block("<p>夏だけだった港町の朝市が、この冬から一年を通して開かれることになりました。</p>")
         + _block("<h2>冬も開くのはなぜ?</h2>", "heading")
         + _block("<p>Q. 冬にも朝市を開くのはなぜ?</p><p>A. 冬の観光客を増やすため</p>")
         + _block(_CARD.format(host="www.minato-shimbun.example.jp", number="88",
                               title="朝市、冬も開催へ 漁協と商店会が合意",
                               summary="漁協と商店会は、夏だけだった朝市を冬にも開くことで合意した。",
                               publisher="みなと新聞", date="<span>2025/09/01</span>"), "embed")
         + _block(_CARD.format(host="track.adnet.example.com", number="7?c=1",
                               title="【PR】冬の温泉宿が今なら半額",
                               summary="人気の温泉宿を特別価格でご案内。ご予約はお早めにどうぞ。",
                               publisher="スポンサーリンク", date=""), "embed pb-embed--sponsored")
         + _block("<p>漁協によると、冬の朝市では寒ブリやカニなど旬の魚介を中心に並べる予定です。</p>"
                  "<p>商店会も温かい汁物の屋台を出し、冬の観光客を呼び込みたいとしています。</p>")
         + "</div>"
         "<div class='pb-related'>" + _block("<h3>関連記事</h3>", "heading")
         + "<article class='pb-post'><h3><a href='/a'>灯台の一般公開が始まる</a></h3></article>"
         "<article class='pb-post'><h3><a href='/b'>漁港の花火大会、今年も開催</a></h3></article>"
         "<article class='pb-post'><h3><a href='/c'>商店街に新しい銭湯</a></h3></article></div>"
         "<div class='pb-widget pb-widget-sidebar'><p>よく読まれている記事</p><p>灯台の一般公開が始まる</p></div>"
         "</body></html>")


def test_a_widget_class_on_every_block_names_the_blocks_and_the_page_is_read(tmp_path: Path) -> None:
    report = ImportReport("page.html")
    kept = [line.text for line in read_html(_PAGE, report)]
    assert "夏だけだった港町の朝市が、この冬から一年を通して開かれることになりました。" in kept
    assert "商店会も温かい汁物の屋台を出し、冬の観光客を呼び込みたいとしています。" in kept
    # The summary of a card is a paragraph of its own, read with the bullet a text dump prints.
    assert "・漁協と商店会は、夏だけだった朝市を冬にも開くことで合意した。" in kept
    # A box classed as a sidebar of its own (not only as a block) is still one.
    assert "よく読まれている記事" not in kept
    article = digest_of(import_text(tmp_path, "builder.html", _PAGE))
    assert article.title == "港町の朝市が通年開催に 冬の観光客を呼び込む"
    [section] = article.sections
    assert section.question == "冬にも朝市を開くのはなぜ?"
    real, ad = section.sources
    assert (real.title, real.publisher, real.off_topic) == ("朝市、冬も開催へ 漁協と商店会が合意", "みなと新聞", False)
    # Only teasers are <article>s: the ad card in the text is kept, and flagged.
    assert str(ad.url).startswith("https://track.adnet.example.com/") and ad.off_topic


def test_a_widget_class_on_a_few_boxes_beside_the_text_still_names_a_sidebar() -> None:
    page = ("<html><body><main><h1>港町の朝市が通年開催に</h1>"
            "<p>夏だけだった港町の朝市が、この冬から一年を通して開かれることになりました。</p>"
            "<p>漁協によると、冬の朝市では寒ブリやカニなど旬の魚介を中心に並べる予定です。</p></main>"
            "<div class='widget'><p>最近の投稿</p><p>灯台の一般公開が始まる</p></div></body></html>")
    report = ImportReport("page.html")
    kept = [line.text for line in read_html(page, report)]
    assert "最近の投稿" not in kept
    assert "最近の投稿" in [dropped.line.text for dropped in report.dropped if dropped.rule == "sidebar"]
