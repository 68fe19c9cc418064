"""A card printed as a quotation closed by its cited source reads the same whatever order its blocks print the
title and the summary in: the card scorer tells the headline from the sentences by their shapes."""

from __future__ import annotations

from kiku.importer.reading.html.page import read_html
from kiku.importer.report import ImportReport

_URL = "https://kawabe.example.jp/articles/5521"
_HEADLINE = "川辺の遊歩道、桜並木の区間が全面開通へ"
_SENTENCE = "市は来月、残る300メートルの工事を終えて全区間を開放する。"
_SOURCE = f"<footer>— <cite>かわべ日報</cite>（2025年3月25日）<br><a href='{_URL}'>{_URL}</a></footer>"


def _lines(blocks: str) -> list[str]:
    page = f"<html><body><main><p>前置きの文です。</p><blockquote>{blocks}{_SOURCE}</blockquote></main></body></html>"
    return [line.text for line in read_html(page, ImportReport("page.html"))]


def test_a_quote_whose_headline_follows_its_summary_reads_as_the_same_card() -> None:
    first = _lines(f"<p>{_HEADLINE}</p><p>{_SENTENCE}</p>")
    assert first[1:] == [_HEADLINE, f"・{_SENTENCE}", f"→ — かわべ日報 （2025年3月25日） {_URL}"]
    assert _lines(f"<p>{_SENTENCE}</p><p>{_HEADLINE}</p>") == first


def test_a_quote_of_sentences_and_a_line_that_is_neither_headline_nor_sentence_is_no_card() -> None:
    lines = _lines(f"<p>{_HEADLINE}</p><p>{_SENTENCE}</p><p>地図</p><p>写真</p>")
    assert f"→ — かわべ日報 （2025年3月25日） {_URL}" not in lines
