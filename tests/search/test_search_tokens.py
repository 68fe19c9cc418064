"""One spec, two implementations: Python (kiku/search/text/normalise.py) and JavaScript (static/search-spec.js)
must normalise and cut the same strings into the same tokens, checked in Chromium."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest

from kiku.build import render_site
from kiku.search.encoding.shards import encode_postings, fnv1a, shard_key
from kiku.search.text.letters import LETTER_RANGES
from kiku.search.text.normalise import JAPANESE_RANGES, display_form, fold, normalise, runs, tokens
from tests.browser.test_browser import browser  # noqa: F401 (a fixture)
from tests.support.sample_site import REPO_ROOT
from tests.support.search_site import search_site
from tests.support.search_tokens_cases import NASTY

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def script_page(browser: Browser, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Page]:  # noqa: F811
    """The built search page, whose script exposes its spec functions as ``window.kikuSearch``."""
    out_dir = tmp_path_factory.mktemp("tokens") / "_site"
    render_site(search_site(), REPO_ROOT, out_dir)
    context = browser.new_context()
    page = context.new_page()
    page.goto((out_dir / "search" / "index.html").as_uri())
    page.wait_for_function("() => window.kikuSearch !== undefined")
    yield page
    context.close()


def _python_side(text: str) -> dict[str, object]:
    normalised = normalise(text)
    return {
        "display": display_form(text),
        "normalised": normalised,
        "folded": fold(display_form(text)),
        "runs": [[run.kind, run.text] for run in runs(normalised)],
        "tokens": list(tokens(normalised)),
        "hashes": [fnv1a(shard_key(token)) for token in tokens(normalised)],
    }


_JAVASCRIPT_SIDE = """texts => texts.map(text => {
    const k = window.kikuSearch, normalised = k.normalise(text), tokens = k.tokens(normalised);
    const key = token => k.runs(token)[0].kind === 'ja' ? Array.from(token)[0] : token;
    return {display: k.displayForm(text), normalised, folded: k.fold(k.displayForm(text)),
            runs: k.runs(normalised).map(run => [run.kind, run.chars.join('')]),
            tokens, hashes: tokens.map(token => k.fnv1a(key(token)))};
})"""


def test_nasty_strings_give_identical_tokens(script_page: Page) -> None:
    javascript = script_page.evaluate(_JAVASCRIPT_SIDE, list(NASTY))
    for text, from_script in zip(NASTY, javascript, strict=True):
        assert from_script == _python_side(text), text


def test_the_sample_articles_give_identical_tokens(script_page: Page) -> None:
    from kiku.render.views.page import TagView
    from kiku.search.text.searchable import searchable_text

    site = search_site()
    tag_views = {key: TagView.build(tag) for key, tag in site.config.tags.items()}
    texts = [
        "\n".join(searchable_text(article, tuple(tag_views[key] for key in article.tags)).fields)
        for article in site.articles
    ]
    javascript = script_page.evaluate(_JAVASCRIPT_SIDE, texts)
    for text, from_script in zip(texts, javascript, strict=True):
        assert from_script == _python_side(text)


def test_every_assigned_code_point_is_classed_alike(script_page: Page) -> None:
    """Japanese, word or separator, for all of Unicode: compared where Python's database assigns
    the code point (a browser may know newer characters)."""
    import unicodedata

    classes = bytearray(b"0" * 0x110000)
    for item in LETTER_RANGES.split(","):
        start, _, end = item.partition("-")
        classes[int(start, 16) : int(end or start, 16) + 1] = b"w" * (int(end or start, 16) - int(start, 16) + 1)
    for start, end in JAPANESE_RANGES:
        classes[start : end + 1] = b"j" * (end - start + 1)
    from_script = script_page.evaluate(
        """() => { const out = [];
                   for (let code = 0; code < 0x110000; code++) {
                     const kind = code >= 0xd800 && code <= 0xdfff ? null
                       : window.kikuSearch.runs(String.fromCodePoint(code)).map(r => r.kind)[0];
                     out.push(kind === 'ja' ? 'j' : kind === 'word' ? 'w' : '0');
                   }
                   return out.join(''); }"""
    )
    differing = [
        f"U+{code:04X}"
        for code in range(0x110000)
        if from_script[code] != chr(classes[code]) and unicodedata.category(chr(code)) != "Cn"
    ]
    assert differing == []


def test_the_script_reads_posting_strings_as_written(script_page: Page) -> None:
    import random

    draw = random.Random(9)
    lists = [
        [(0, True), (1, False), (2, False), (33, True), (1_000, False), (70_000, True), (1_000_000, False)],
        [(0, False)],
        [(5, True)],
        [(number, True) for number in range(40)],  # dense: every gap 0
        [(number, number % 7 == 0) for number in range(0, 5_000, 3)],
    ]
    for size in (2, 30, 500):
        numbers = sorted(draw.sample(range(20_000), size))
        lists.append([(number, draw.random() < 0.1) for number in numbers])
    decoded = script_page.evaluate(
        "ss => ss.map(s => Array.from(window.kikuSearch.decodePostings(s, new Map()).entries()))",
        [encode_postings(postings) for postings in lists],
    )
    assert [[tuple(pair) for pair in pairs] for pairs in decoded] == lists


def test_the_script_reads_records_as_written(script_page: Page) -> None:
    """A record of every nasty string (and a character of each code kind: printable ASCII, the
    table's one- and two-byte characters, escaped ones, controls, Latin-1) decodes to its value."""
    from kiku.search.encoding.codebook import SINGLE, codebook_file, compress_record
    from kiku.search.encoding.codebook_data import CHARACTERS

    every_kind = "a~ " + CHARACTERS[0] + CHARACTERS[SINGLE - 1] + CHARACTERS[SINGLE] + CHARACTERS[-1]
    value = {"x": [*NASTY, every_kind, "\x00\x01\x1f\x7f\x80é\xff\u0100", "𠮷😀\U0010fffd"], "t": "見出し"}
    decoded = script_page.evaluate(
        """async ([book, record]) => {
             const k = window.kikuSearch, codebook = await k.readCodebook(new Uint8Array(book));
             const stream = new Blob([codebook.stream, new Uint8Array(record)]).stream()
               .pipeThrough(new DecompressionStream('deflate-raw'));
             const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
             return JSON.parse(k.decodeText(bytes.subarray(codebook.length), codebook.table));
           }""",
        [list(codebook_file()), list(compress_record(value))],
    )
    assert decoded == value
