"""A card's date set in an inline element of its own beside the title's (before or after it): a line of its own."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from kiku.content.loading.loader import load_config
from kiku.content.model import DigestArticle
from kiku.importer.pipeline import import_page
from kiku.importer.reading.html.page import read_html
from kiku.importer.report import ImportReport
from tests.support.paths import REPO

_CARD = """<figure class="quote"><figcaption><span class="t">朝市が100周年、記念式典に300人</span><span class="d">掲載日：2025/05/10</span></figcaption>
<ul><li>✅ 朝市の開設100周年を祝う式典が開かれ、約300人が参加した。</li></ul>
<p><a href="https://minato.example.jp/news/100th">元記事を読む »</a> <cite>港町新聞</cite></p></figure>"""

_PAGE = f"""<html><body><article>
<h1>港町の朝市が100周年！記念式典のようすは</h1>
<p>港町の朝市が今年で100周年を迎え、記念の式典が開かれました。</p>
<h2>記念式典に300人</h2>
<p>式典には誰が集まった？</p>
<p>市民や出店者など約300人</p>
{_CARD}
<p>100年続く朝市はすごいですね。</p>
</article></body></html>"""


def _lines(markup: str) -> list[str]:
    return [line.text for line in read_html(markup, ImportReport("page.html"))]


def test_a_labelled_date_in_its_own_span_after_the_title_span_starts_its_own_line() -> None:
    lines = _lines(f"<html><body><article>{_CARD}</article></body></html>")
    assert lines[:2] == ["朝市が100周年、記念式典に300人", "掲載日：2025/05/10"]


def test_the_card_is_dated_and_its_title_keeps_no_date(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(_PAGE, encoding="utf-8")
    article = import_page(page, load_config(REPO), scraped_from="page.html", import_day=dt.date(2026, 3, 9)).article
    assert isinstance(article, DigestArticle)
    card = article.sections[0].sources[0]
    assert (card.title, card.published, card.publisher) == ("朝市が100周年、記念式典に300人", dt.date(2025, 5, 10), "港町新聞")


def test_a_bare_date_beside_the_publisher_stays_on_the_meta_line() -> None:
    markup = ("<html><body><article><div class='meta'><span>港町新聞</span><span>2025年5月10日</span></div>"
              "<div class='meta'><span>配信日</span><span>2025年5月10日</span></div></article></body></html>")
    assert _lines(markup) == ["港町新聞 2025年5月10日", "配信日 2025年5月10日"]


def test_a_labelled_date_span_before_the_title_span_ends_its_line() -> None:
    card = _CARD.replace('<span class="t">朝市が100周年、記念式典に300人</span><span class="d">掲載日：2025/05/10</span>',
                         '<span class="d">掲載日：2025/05/10</span><span class="t">朝市が100周年、記念式典に300人</span>')
    lines = _lines(f"<html><body><article>{card}</article></body></html>")
    assert lines[:2] == ["掲載日：2025/05/10", "朝市が100周年、記念式典に300人"]


def test_a_publisher_span_after_a_labelled_date_stays_on_the_dates_line() -> None:
    markup = ("<html><body><article><p><span>掲載日：2025/05/10</span> <span>港町新聞</span></p>"
              "<p><span>朝市が100周年</span> <span>掲載日：2025/05/10</span> <span>港町新聞</span></p></article></body></html>")
    assert _lines(markup) == ["掲載日：2025/05/10 港町新聞", "朝市が100周年", "掲載日：2025/05/10 港町新聞"]
