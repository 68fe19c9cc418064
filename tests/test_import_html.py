"""Saved HTML pages: the same article as a text dump, chrome dropped, every text node accounted for."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from bs4.element import NavigableString, PreformattedString

from kiku.content.loader import load_config
from kiku.content.model import Article, SiteConfig
from kiku.content.text_fields import iter_text_fields
from kiku.importer.decoding import decode_html
from kiku.importer.escape import unescape_markdown
from kiku.importer.labels import KEY_POINT, SUMMARY_BULLET
from kiku.importer.pipeline import ImportResult, import_page
from tests.import_cases import ImportCase, import_cases
from tests.paths import IMPORT_FIXTURES, REPO, seed

HTML_CASES = [case for case in import_cases() if case.page.suffix in (".html", ".htm")]
DEBRIS_CASES = [case for case in import_cases() if case.debris.exists()]
# A debris text this short may also be an ordinary word of the article ("国際"); it must not be a whole line.
SHORT_DEBRIS = 8


@pytest.fixture(scope="module")
def config() -> SiteConfig:
    return load_config(REPO)


def _import(page: Path, config: SiteConfig) -> ImportResult:
    return import_page(page, config, scraped_from=page.relative_to(REPO).as_posix())


def _texts(article: Article) -> list[str]:
    return [unescape_markdown(text) for _, text in iter_text_fields(article)]


def _without_origin(article: Article) -> Article:
    return dataclasses.replace(article, scraped_from="")


@pytest.mark.parametrize(("html", "text"), [
    (IMPORT_FIXTURES / "html_seed_000_saved.html", seed("000")),
    (IMPORT_FIXTURES / "html_div_soup_deep_sea.html", IMPORT_FIXTURES / "variation_deep_sea_layout_b.txt"),
], ids=["seed-000-semantic", "deep-sea-div-soup"])
def test_html_page_gives_the_article_its_text_dump_gives(html: Path, text: Path, config: SiteConfig) -> None:
    from_html = _import(html, config)
    from_text = _import(text, config)
    assert _without_origin(from_html.article) == _without_origin(from_text.article)
    assert from_html.report.warnings == [warning for warning in from_text.report.warnings]


@pytest.mark.parametrize("case", DEBRIS_CASES, ids=[case.name for case in DEBRIS_CASES])
def test_no_debris_reaches_the_article(case: ImportCase, config: SiteConfig) -> None:
    debris = [line.strip() for line in case.debris.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert debris, f"{case.debris.name} lists no debris"
    texts = _texts(_import(case.page, config).article)
    paragraphs = {part.strip() for text in texts for part in text.split("\n") if part.strip()}
    whole = "\n".join(texts)
    for text in debris:
        assert text not in paragraphs, f"debris {text!r} is a line of the article"
        if len(text) >= SHORT_DEBRIS:
            assert text not in whole, f"debris {text!r} is in the article"


@pytest.mark.parametrize("case", HTML_CASES, ids=[case.name for case in HTML_CASES])
def test_every_text_node_is_in_the_article_or_the_report(case: ImportCase, config: SiteConfig) -> None:
    result = _import(case.page, config)
    kept = "\n".join(_texts(result.article))
    reported = "\n".join(item.line.text for item in result.report.dropped)
    text, _ = decode_html(case.page.read_bytes())
    for node in BeautifulSoup(text, "html.parser").find_all(string=True):
        if isinstance(node, PreformattedString) or not isinstance(node, NavigableString):
            continue  # comments, doctype
        if node.parent is not None and node.parent.name in ("script", "style", "template"):
            continue  # code: reported as '<script> (N characters)', not as text
        visible = re.sub(r"[ \t\n\r\f\u00a0]+", " ", str(node)).strip()
        marker = KEY_POINT.match(visible) or SUMMARY_BULLET.match(visible)
        visible = marker["text"].strip() if marker else visible  # the article keeps a bullet without its mark
        if visible:
            assert visible in kept or visible in reported, f"{visible!r} is lost"
