"""Search in Chromium, on the search test site served under /digest/ as GitHub Pages would.

The script (static/search.js) is what runs: the expected article sets are written by hand from
tests/support/search_site.py. Skipped like tests/browser/test_browser.py when Chromium is missing (never under CI).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote

import pytest

from kiku.build import render_site
from kiku.search.encoding.records import UNIT
from kiku.search.text.normalise import TOKENIZER_VERSION
from tests.browser.test_browser import ARTIFACTS, DESKTOP, browser  # noqa: F401 (a fixture)
from tests.support.pages_server import serve_pages
from tests.support.sample_site import ENCYCLOPEDIA, PEACE_TALKS, PHONE_CALL, REPO_ROOT
from tests.support.search_site import DECOY, FREQUENT_ARTICLES, MARKUP, PRICES, SUMMIT, frequent_site, search_site

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

pytestmark = pytest.mark.browser

PHONE: dict[str, int] = {"width": 390, "height": 844}
SLUGS = {
    "prices": PRICES.slug, "summit": SUMMIT.slug, "call": PHONE_CALL.slug, "wiki": ENCYCLOPEDIA.slug,
    "talks": PEACE_TALKS.slug, "decoy": DECOY.slug, "markup": MARKUP.slug,
}

# query → the articles it must find (short names above), exactly.
QUERIES: list[tuple[str, set[str]]] = [
    ("停戦", {"call", "talks", "decoy"}),
    ("停戦交渉", {"talks"}),  # the decoy has 停戦, 戦交 and 交渉, never 停戦交渉
    ("消費者物価指数", {"prices"}),
    ("円安", {"prices"}),  # not 安全保障
    ("安全保障", {"summit"}),
    ("首脳会談", {"wiki"}),
    ("ゼレンスキー", {"summit"}),
    ("プーチン", {"call", "wiki", "talks"}),
    ("ガソリン", {"prices"}),
    ("ｶﾞｿﾘﾝ", {"prices"}),
    ("プーチン・トランプ電話会談", {"wiki"}),
    ("NATO加盟", {"summit", "wiki"}),
    ("ウクライナ NATO", {"summit", "wiki"}),
    ("ウクライナ　NATO", {"summit", "wiki"}),  # a full-width space separates words too
    ("g7 首脳", {"summit"}),
    ("ＮＡＴＯ", {"summit", "wiki"}),
    ("NATO", {"summit", "wiki"}),
    ("nato", {"summit", "wiki"}),
    ("Ｇ７", {"summit"}),
    ("２０２５年", {"call", "wiki"}),
    ("2025年", {"call", "wiki"}),
    ("Ukraine", {"summit", "call", "wiki", "talks"}),  # the tag's English name, and Rutte's words
    ("Economic cooperation", {"summit"}),
    ("Saudi Arabia", {"talks"}),
    ("露", {"wiki", "decoy"}),  # one character, at the end of a run (米露)
    ("株", {"prices"}),  # ㈱ in the text
    ("(株)", {"prices"}),  # the brackets at its ends are dropped: 株
    ("「停戦交渉」", {"talks"}),
    ("CPI", {"prices"}),
    ("3.2%", {"prices"}),
    ("Mark Rutte", {"summit"}),
    ("national", {"decoy"}),
    ("nation", set()),  # a whole word, not the start of "national"
    ("核融合", set()),
    ("xyzzy", set()),
    ("交渉停戦", set()),
    ("停戦 xyzzy", set()),  # every word must occur
]


@pytest.fixture(scope="module")
def site_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The search site (built for https://example.github.io/digest/) at http://127.0.0.1:PORT/digest/."""
    root = tmp_path_factory.mktemp("search-pages")
    render_site(search_site(), REPO_ROOT, root / "digest")
    ARTIFACTS.mkdir(exist_ok=True)
    with serve_pages(root) as url:
        yield url


@pytest.fixture(scope="module")
def frequent_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The frequent-word site (tests/support/search_site.py), built in ``digest/`` of this folder."""
    root = tmp_path_factory.mktemp("frequent-pages")
    render_site(frequent_site(), REPO_ROOT, root / "digest")
    return root


@pytest.fixture(scope="module")
def frequent_url(frequent_root: Path) -> Iterator[str]:
    """The frequent-word site at http://127.0.0.1:PORT/digest/."""
    with serve_pages(frequent_root) as url:
        yield url


def _record_requests(page: Page) -> list[tuple[str, str | None]]:
    """The (pack, byte range) of every request for a record's pack from now on, filled as they are made."""
    fetched: list[tuple[str, str | None]] = []
    page.on("request", lambda request: fetched.append((request.url, request.headers.get("range")))
            if "/search/records/" in request.url and request.url.endswith(".bin") else None)
    return fetched


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:  # noqa: F811 (the imported fixture)
    context = browser.new_context(viewport=DESKTOP, locale="ja-JP")
    opened = context.new_page()
    errors: list[str] = []
    opened.on("pageerror", lambda error: errors.append(str(error)))
    yield opened
    context.close()
    assert errors == []


def _search(page: Page, site_url: str, query: str) -> None:
    page.goto(f"{site_url}search/index.html?q={quote(query)}")
    _wait_for_results(page)


def _wait_for_results(page: Page) -> None:
    page.wait_for_selector("#search[data-state=done]", state="attached")


def _found(page: Page, site_url: str) -> list[str]:
    hrefs = page.eval_on_selector_all("#search-results > li h2 a", "links => links.map(a => a.href)")
    short = {f"{site_url}articles/{slug}/index.html": name for name, slug in SLUGS.items()}
    return [short.get(href, href) for href in hrefs]


@pytest.mark.parametrize(("query", "expected"), QUERIES, ids=[query for query, _ in QUERIES])
def test_a_query_finds_exactly_its_articles(page: Page, site_url: str, query: str, expected: set[str]) -> None:
    _search(page, site_url, query)
    found = _found(page, site_url)
    assert set(found) == expected and len(found) == len(expected)
    status = page.locator("#search-status").inner_text()
    if expected:
        assert status == f"「{query.strip()}」に一致する記事: {len(expected)}件"
    else:
        assert status == f"「{query.strip()}」に一致する記事は見つかりませんでした。"
    assert page.locator("#search-input").input_value() == query  # the query stays in the input


@pytest.mark.parametrize(
    ("query", "records"),
    [
        ("プーチン", 0),  # プー is always in プーチン (its shard says so): the postings settle it
        # 戦交 is in the decoy's 作戦交代 too: both candidates are read to confirm, in one request
        # (the 5th and 6th newest of 7, numbers 2 and 1: one unit of records, kiku.search.encoding.records)
        ("停戦交渉", 1),
        ("NATO", 0),  # a whole word: exact postings
    ],
)
def test_only_words_the_postings_cannot_settle_fetch_text(page: Page, site_url: str, query: str, records: int) -> None:
    page.goto(f"{site_url}search/index.html")
    _wait_for_results(page)
    fetched = _record_requests(page)
    found = page.evaluate(
        """async query => {
            const k = window.kikuSearch, index = new k.Index(document.getElementById('search').dataset.manifest);
            return (await k.run(index, k.parseQuery(query))).length;
        }""",
        query,
    )
    assert found == len(dict(QUERIES)[query])
    assert len(fetched) == records


def test_a_frequent_word_shows_its_first_screen_after_a_few_batches_and_counts_exactly(
    page: Page, frequent_url: str
) -> None:
    """停戦交渉 on the frequent-word site: 150 candidates, 120 matches (15 in a title). The first
    screen (the 15 title matches, then the 5 newest others) is known after at most three batches
    of records; counting the rest reads each candidate's unit of records once, no more. Article n
    (its title's number) is the n-th newest: the index numbers it FREQUENT_ARTICLES - 1 - n."""
    matching = [number for number in range(FREQUENT_ARTICLES) if number % 5 != 3]
    heads = [number for number in matching if number % 10 == 0]
    shown = heads + [number for number in matching if number not in heads]
    expected = [FREQUENT_ARTICLES - 1 - number for number in shown]  # in the index's numbers, oldest first
    page.goto(f"{frequent_url}search/index.html")
    _wait_for_results(page)
    fetched = _record_requests(page)
    first, first_fetched, everything = page.evaluate(
        """async query => {
            const k = window.kikuSearch, index = new k.Index(document.getElementById('search').dataset.manifest);
            const answer = await k.start(index, k.parseQuery(query));
            const first = (await answer.ready(20)).slice(0, 20), firstFetched = answer.checked;
            return [first, firstFetched, await answer.finish(() => false)];
        }""",
        "停戦交渉",
    )
    assert first == expected[:20]
    assert first_fetched <= 3 * 24
    assert everything == expected
    # Every candidate's unit of records once, by its byte range (kiku.search.encoding.records)
    assert len(fetched) == len(set(fetched)) == -(-FREQUENT_ARTICLES // UNIT)
    assert all(asked is not None for _, asked in fetched)

    _search(page, frequent_url, "停戦交渉")  # on the page: the exact count when done, no false hit
    assert page.locator("#search-status").inner_text() == f"「停戦交渉」に一致する記事: {len(matching)}件"
    titles = page.locator("#search-results > li h2 a").all_inner_texts()
    assert titles[:2] == ["停戦交渉の行方 0", "停戦交渉の行方 10"] and len(titles) == 20
    assert not any(title.startswith("作戦交代") for title in titles)
    page.locator("#search-more").click()
    page.wait_for_function("document.querySelectorAll('#search-results > li').length === 40")
    titles = page.locator("#search-results > li h2 a").all_inner_texts()
    assert [int(title.rpartition(" ")[2]) for title in titles] == shown[:40]


def test_a_server_that_ignores_ranges_sends_each_pack_whole_once(page: Page, frequent_root: Path) -> None:
    """From a server that answers a byte range with the whole file (kiku serve, Python's own), a
    record is cut from its pack, and the pack's other records come from it: after the first batch
    (whose requests went out before any answer came back), each pack is fetched once, whole."""
    matching = [number for number in range(FREQUENT_ARTICLES) if number % 5 != 3]
    with serve_pages(frequent_root, ranges=False) as url:
        page.goto(f"{url}search/index.html")
        _wait_for_results(page)
        fetched = _record_requests(page)
        found, first_batch = page.evaluate(
            """async query => {
                const k = window.kikuSearch, index = new k.Index(document.getElementById('search').dataset.manifest);
                const answer = await k.start(index, k.parseQuery(query));
                await answer.advance();
                return [(await answer.finish(() => false)).length, answer.checked >= 24 ? 24 : answer.checked];
            }""",
            "停戦交渉",
        )
        assert found == len(matching)
        packs = {pack for pack, _ in fetched}
        assert len(packs) == -(-FREQUENT_ARTICLES // 16)
        whole = [pack for pack, asked in fetched[first_batch:] if asked is None]
        assert len(whole) == len(set(whole)) and set(whole) | {pack for pack, _ in fetched[:first_batch]} == packs
        _search(page, url, "停戦交渉")
        assert page.locator("#search-status").inner_text() == f"「停戦交渉」に一致する記事: {len(matching)}件"


def test_the_script_reads_each_record_as_the_text_kiku_indexed(page: Page, site_url: str) -> None:
    """Every record, once the script has read it (its code, the codebook's dictionary, the tags'
    fields appended from the manifest), holds the fields and title kiku indexed, exactly."""
    from kiku.render.views.page import TagView
    from kiku.search.text.normalise import display_form
    from kiku.search.text.searchable import searchable_text

    site = search_site()
    tag_views = {key: TagView.build(tag) for key, tag in site.config.tags.items()}
    expected = []
    for article in reversed(site.articles):  # the index numbers them oldest first
        tags = tuple(tag_views[key] for key in dict.fromkeys(article.tags) if key in tag_views)
        expected.append([article.title, [display_form(field) for field in searchable_text(article, tags).fields]])
    page.goto(f"{site_url}search/index.html")
    _wait_for_results(page)
    read = page.evaluate(
        """async count => {
            const k = window.kikuSearch, index = new k.Index(document.getElementById('search').dataset.manifest);
            await index.load();
            const records = await Promise.all([...Array(count).keys()].map(n => index.record(n)));
            return records.map(record => [record.t, record.x]);
        }""",
        len(expected),
    )
    assert read == expected


def test_title_lead_and_heading_matches_come_first_then_newest(page: Page, site_url: str) -> None:
    _search(page, site_url, "NATO")
    assert _found(page, site_url) == ["summit", "wiki"]  # in SUMMIT's title
    _search(page, site_url, "停戦")
    # Lead: PHONE_CALL (3/19); key point: PEACE_TALKS (2/19) is not head; lead: DECOY (1/15).
    assert _found(page, site_url) == ["call", "decoy", "talks"]


def test_a_result_shows_its_link_title_date_tags_and_a_marked_snippet(page: Page, site_url: str) -> None:
    _search(page, site_url, "ＮＡＴＯ加盟")
    first = page.locator("#search-results > li").first
    link = first.locator("h2 a")
    assert link.get_attribute("href") == f"../articles/{SUMMIT.slug}/index.html"
    assert link.inner_text() == SUMMIT.title
    assert first.locator("time").get_attribute("datetime") == "2025-03-22"
    assert first.locator("time").inner_text() == "2025年3月22日"
    assert first.locator(".tags a").all_inner_texts() == ["NATO · NATO", "ウクライナ · Ukraine", "経済協力 · Economic cooperation"]
    assert first.locator(".tags a").first.get_attribute("href") == "../tags/nato/index.html"
    snippet = first.locator(".search-snippet")
    assert snippet.inner_text() == "ゼレンスキー大統領も招かれ、ウクライナのNATO加盟が議題になった。"
    assert snippet.locator("mark").all_inner_texts() == ["NATO加盟"]
    link.click()
    page.wait_for_load_state("load")
    assert page.url == f"{site_url}articles/{SUMMIT.slug}/index.html"


def test_every_word_is_marked_in_a_long_snippet(page: Page, site_url: str) -> None:
    _search(page, site_url, "停戦交渉 トランプ")
    snippet = page.locator("#search-results > li .search-snippet").first
    assert snippet.inner_text().startswith("トランプ前大統領とプーチン大統領が停戦交渉を開始")
    assert snippet.locator("mark").all_inner_texts() == ["トランプ", "停戦交渉"]


def test_markup_in_the_text_is_shown_as_text(page: Page, site_url: str) -> None:
    _search(page, site_url, "onerror")
    result = page.locator("#search-results > li").first
    assert result.locator("h2 a").inner_text() == MARKUP.title
    _search(page, site_url, "マークアップ")
    assert "マークアップ</b> を含む記事。" in page.locator(".search-snippet").inner_text()
    assert page.locator("#search-results img, #search-results b").count() == 0
    assert page.evaluate("window.__searchXss") is None


def test_the_url_follows_the_query_and_composition_is_waited_for(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}search/index.html")
    page.wait_for_selector("#search[data-state=done]", state="attached")  # nothing to search yet
    assert page.locator("#search-status").inner_text() == ""
    page.evaluate(
        """() => { const input = document.getElementById('search-input');
                   input.dispatchEvent(new CompositionEvent('compositionstart', {data: ''}));
                   input.value = 'ていせん';
                   input.dispatchEvent(new InputEvent('input', {isComposing: true, data: 'ていせん'})); }"""
    )
    page.wait_for_timeout(600)  # longer than the script's pause after typing
    assert page.locator("#search-status").inner_text() == ""  # nothing ran mid-composition
    page.evaluate(
        """() => { const input = document.getElementById('search-input');
                   document.getElementById('search').removeAttribute('data-state');
                   input.value = '停戦';
                   input.dispatchEvent(new CompositionEvent('compositionend', {data: '停戦'})); }"""
    )
    _wait_for_results(page)
    assert set(_found(page, site_url)) == {"call", "talks", "decoy"}
    assert page.url == f"{site_url}search/index.html?q={quote('停戦')}"
    page.locator("#search-input").fill("ゼレンスキー")
    page.locator("#search-input").press("Enter")  # the submit starts the search at once
    _wait_for_results(page)
    assert page.locator("#search-status").inner_text() == "「ゼレンスキー」に一致する記事: 1件"
    assert _found(page, site_url) == ["summit"]
    assert page.url == f"{site_url}search/index.html?q={quote('ゼレンスキー')}"


def test_the_header_form_searches_from_any_page_with_the_keyboard(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}articles/{PHONE_CALL.slug}/index.html")
    label = page.locator("label[for=site-search-input]")
    assert label.inner_text() == "サイト内の記事を検索"
    assert page.locator("form[role=search] #site-search-input").count() == 1
    page.locator("#site-search-input").focus()
    page.keyboard.type("円安")
    page.keyboard.press("Enter")
    page.wait_for_load_state("load")
    _wait_for_results(page)
    assert page.url == f"{site_url}search/index.html?q={quote('円安')}"
    assert _found(page, site_url) == ["prices"]


@pytest.mark.parametrize("missing", ["nope", "a/b/c/d/"])
def test_search_works_from_the_404_page(page: Page, site_url: str, missing: str) -> None:
    response = page.goto(site_url + missing)
    assert response is not None and response.status == 404
    page.locator("#site-search-input").fill("ゼレンスキー")
    page.locator("#site-search-input").press("Enter")
    page.wait_for_load_state("load")
    _wait_for_results(page)
    assert page.url == f"{site_url}search/index.html?q={quote('ゼレンスキー')}"
    assert _found(page, site_url) == ["summit"]


def test_without_javascript_the_page_says_so_and_links_to_the_tags(browser: Browser, site_url: str) -> None:  # noqa: F811
    context = browser.new_context(viewport=PHONE, locale="ja-JP", java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{site_url}search/index.html?q={quote('停戦')}")
    message = page.locator(".search-message")
    assert message.is_visible()
    assert message.inner_text().startswith("検索にはJavaScriptが必要です。")
    message.locator("a").click()
    page.wait_for_load_state("load")
    assert page.url == f"{site_url}tags/index.html"
    context.close()


def test_an_index_of_another_tokenizer_version_is_refused(page: Page, site_url: str) -> None:
    def older(route: object) -> None:
        response = route.fetch()  # type: ignore[attr-defined]
        body = response.text().replace(f'"tokenizer":{TOKENIZER_VERSION}', '"tokenizer":1')
        route.fulfill(response=response, body=body)  # type: ignore[attr-defined]

    page.route("**/search/manifest.json", older)
    _search(page, site_url, "停戦")
    assert page.locator("#search-status").inner_text() == (
        f"この検索索引（トークナイザー v1）は、このページの検索スクリプト（v{TOKENIZER_VERSION}）と形式が合いません。"
        "サイトを作り直してください（kiku build）。"
    )
    assert page.locator("#search-results > li").count() == 0


def test_from_a_file_url_the_page_says_why_it_cannot_search(page: Page, tmp_path: Path) -> None:
    render_site(search_site(), REPO_ROOT, tmp_path / "_site")
    page.goto((tmp_path / "_site" / "search" / "index.html").as_uri() + "?q=" + quote("停戦"))
    _wait_for_results(page)
    assert page.locator("#search-status").inner_text().startswith("ファイルとして開いたページでは")


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [390, 1280])
def test_screenshots(browser: Browser, site_url: str, width: int, scheme: str) -> None:  # noqa: F811
    """Search results, no results, the no-JS page, and an article's header with the form."""
    viewport = {"width": width, "height": 900}
    for name, query, javascript in (("results", "停戦", True), ("none", "核融合", True), ("nojs", "停戦", False)):
        context = browser.new_context(
            viewport=viewport, locale="ja-JP", color_scheme=scheme, java_script_enabled=javascript  # type: ignore[arg-type]
        )
        page = context.new_page()
        page.goto(f"{site_url}search/index.html?q={quote(query)}")
        if javascript:
            _wait_for_results(page)
        scroll_width = page.evaluate("document.scrollingElement.scrollWidth")
        assert scroll_width <= width, f"{name}: {scroll_width}px wide"
        page.screenshot(path=str(ARTIFACTS / f"search-{name}-{width}-{scheme}.png"), full_page=True)
        context.close()
    context = browser.new_context(viewport=viewport, locale="ja-JP", color_scheme=scheme)  # type: ignore[arg-type]
    page = context.new_page()
    page.goto(f"{site_url}articles/{PHONE_CALL.slug}/index.html")
    form = page.locator(".site-header form[role=search]").bounding_box()
    assert form is not None and form["width"] >= 200 and form["height"] >= 28
    page.screenshot(path=str(ARTIFACTS / f"search-header-{width}-{scheme}.png"))
    context.close()

