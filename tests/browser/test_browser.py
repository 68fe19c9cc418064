"""The built sample site in headless Chromium: phone width, CJK fonts, visible boxes, no errors.

Skipped (with the reason) when /usr/bin/chromium or the playwright package is missing, except
under ``CI=true``, where a missing browser fails the run. Never runs ``playwright install``: it
drives the system Chromium. Screenshots go to tests/artifacts/ (gitignored) for a human to look at.
"""

from __future__ import annotations

import itertools
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from kiku.build import render_site
from tests.support.pages_server import serve_pages
from tests.support.sample_site import ENCYCLOPEDIA, PEACE_TALKS, PHONE_CALL, REPO_ROOT, sample_site

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page, ViewportSize

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
PHONE: ViewportSize = {"width": 375, "height": 812}
DESKTOP: ViewportSize = {"width": 1280, "height": 900}

PAGES = {
    "home": "index.html",
    "digest": f"articles/{PHONE_CALL.slug}/index.html",
    "off-topic": f"articles/{PEACE_TALKS.slug}/index.html",
    "encyclopedia": f"articles/{ENCYCLOPEDIA.slug}/index.html",
    "tag": "tags/ukraine/index.html",
    "tags": "tags/index.html",
    "sources": "sources/index.html",
    "outlet": "sources/outlet_abf79caa4f/index.html",  # ロイター
    "archive": "archive/index.html",
    "month": "archive/2025/03/index.html",
}
BROWSE_PAGES = ["home", "digest", "encyclopedia", "sources", "outlet", "archive", "month", "tag"]


def _unavailable(reason: str) -> None:
    if os.environ.get("CI") == "true":
        pytest.fail(f"{reason} (CI=true: browser tests must run, not skip)", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if not CHROMIUM.exists():
        _unavailable(f"{CHROMIUM} not found: install the distribution's chromium package")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("the playwright Python package is not installed (pip install -e '.[test]')")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield launched
        finally:
            launched.close()


@pytest.fixture(scope="module")
def site_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out_dir = tmp_path_factory.mktemp("browser") / "_site"
    render_site(sample_site(), REPO_ROOT, out_dir)
    ARTIFACTS.mkdir(exist_ok=True)
    return out_dir


class _Problems:
    """Console errors, page errors and failed requests seen while a page loaded."""

    def __init__(self, page: Page) -> None:
        self.messages: list[str] = []
        page.on("console", self._console)
        page.on("pageerror", lambda error: self.messages.append(f"page error: {error}"))
        page.on("requestfailed", lambda request: self.messages.append(f"request failed: {request.url}"))

    def _console(self, message: Any) -> None:
        if message.type in ("error", "warning"):
            self.messages.append(f"console {message.type}: {message.text}")


def _open(browser: Browser, site_dir: Path, name: str, viewport: ViewportSize) -> tuple[Page, _Problems]:
    context = browser.new_context(viewport=viewport, device_scale_factor=1, locale="ja-JP")
    page = context.new_page()
    problems = _Problems(page)
    page.goto((site_dir / PAGES[name]).as_uri())
    page.wait_for_load_state("load")
    return page, problems


def _platform_fonts(page: Page, selector: str) -> list[str]:
    """The fonts Chromium actually used to draw the text of ``selector`` (not just the CSS list)."""
    session = page.context.new_cdp_session(page)
    session.send("DOM.enable")
    session.send("CSS.enable")
    root = session.send("DOM.getDocument")
    node = session.send("DOM.querySelector", {"nodeId": root["root"]["nodeId"], "selector": selector})
    fonts = session.send("CSS.getPlatformFontsForNode", {"nodeId": node["nodeId"]})
    return [font["familyName"] for font in fonts["fonts"]]


@pytest.mark.parametrize("name", ["home", "digest", "off-topic", "encyclopedia", "tag", "tags", "sources", "outlet",
                                  "archive", "month"])
def test_no_horizontal_scroll_at_phone_width(browser: Browser, site_dir: Path, name: str) -> None:
    page, problems = _open(browser, site_dir, name, PHONE)
    scroll_width, client_width = page.evaluate(
        "[document.scrollingElement.scrollWidth, document.scrollingElement.clientWidth]"
    )
    assert scroll_width <= client_width, f"{name}: {scroll_width}px of content in a {client_width}px viewport"
    wide = page.evaluate(
        """() => [...document.querySelectorAll('body *')]
              .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
              .map(e => e.tagName + '.' + e.className).slice(0, 5)"""
    )
    assert wide == [], f"{name}: elements beyond the right edge: {wide}"
    page.screenshot(path=str(ARTIFACTS / f"{name}-375.png"), full_page=True)
    assert problems.messages == []
    page.context.close()


@pytest.mark.parametrize("name", ["home", "digest", "encyclopedia", "tag"])
def test_desktop_screenshots_and_no_errors(browser: Browser, site_dir: Path, name: str) -> None:
    page, problems = _open(browser, site_dir, name, DESKTOP)
    page.screenshot(path=str(ARTIFACTS / f"{name}-1280.png"), full_page=True)
    assert problems.messages == []
    page.context.close()


def test_japanese_text_is_drawn_with_a_cjk_font(browser: Browser, site_dir: Path) -> None:
    page, _ = _open(browser, site_dir, "digest", DESKTOP)
    body = page.evaluate(
        """() => { const s = getComputedStyle(document.querySelector('.section-body p'));
                   return {family: s.fontFamily, size: s.fontSize, lineHeight: s.lineHeight}; }"""
    )
    assert body["family"].startswith('"Noto Sans CJK JP"'), body
    assert body["size"] == "17px", body
    assert 1.75 <= float(body["lineHeight"].removesuffix("px")) / 17 <= 1.95, body
    used = _platform_fonts(page, ".section-body p")
    assert any("CJK" in family for family in used), used
    heading_fonts = _platform_fonts(page, ".article-title")
    assert any("CJK" in family for family in heading_fonts), heading_fonts
    # A line of kanji is about one em tall per line: no fallback boxes, no collapsed glyphs.
    height = page.evaluate(
        """() => { const r = document.createRange();
                   r.selectNodeContents(document.querySelector('.qa-question dd'));
                   return r.getBoundingClientRect().height; }"""
    )
    assert 14 <= height <= 40, height
    page.context.close()


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_key_points_source_card_and_remarks_are_visible(
    browser: Browser, site_dir: Path, viewport: ViewportSize
) -> None:
    page, _ = _open(browser, site_dir, "digest", viewport)
    for selector in (".key-points", ".source-card", ".remark-comment", ".remark-reaction", ".conclusion"):
        locator = page.locator(selector).first
        assert locator.is_visible(), selector
        box = locator.bounding_box()
        assert box is not None and box["width"] > 200 and box["height"] > 40, (selector, box)
    # Remarks look different from body text: their own background.
    backgrounds = page.evaluate(
        """() => ['.section-body p', '.remark-comment .remark-body', '.remark-reaction .remark-body']
              .map(s => getComputedStyle(document.querySelector(s)).backgroundColor)"""
    )
    assert len(set(backgrounds)) == 3, backgrounds
    page.context.close()


def test_dark_mode_screenshot(browser: Browser, site_dir: Path) -> None:
    context = browser.new_context(viewport=PHONE, color_scheme="dark", locale="ja-JP")
    page = context.new_page()
    page.goto((site_dir / PAGES["digest"]).as_uri())
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert background != "rgb(251, 248, 241)"  # the light background
    page.screenshot(path=str(ARTIFACTS / "digest-375-dark.png"), full_page=True)
    context.close()


@pytest.fixture(scope="module")
def pages_server(site_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The sample site (built for https://example.github.io/digest/) served at http://127.0.0.1:PORT/digest/."""
    root = tmp_path_factory.mktemp("pages")
    shutil.copytree(site_dir, root / "digest")
    with serve_pages(root) as url:
        yield url


@pytest.mark.parametrize("missing", ["nope", "articles/gone/", "a/b/c/d/"])
def test_404_page_is_styled_and_its_links_work_at_any_depth(
    browser: Browser, pages_server: str, missing: str
) -> None:
    context = browser.new_context(viewport=PHONE, locale="ja-JP")
    page = context.new_page()
    failed: list[str] = []
    page.on("requestfailed", lambda request: failed.append(request.url))
    response = page.goto(pages_server + missing)
    assert response is not None and response.status == 404
    assert page.locator("h1").inner_text().startswith("ページが見つかりません")
    # The stylesheet loaded: the header is laid out by style.css, not the browser's defaults.
    assert page.evaluate("document.styleSheets.length") == 1
    assert page.evaluate("document.styleSheets[0].cssRules.length") > 10
    assert failed == []
    if missing == "a/b/c/d/":
        page.screenshot(path=str(ARTIFACTS / "404-375.png"), full_page=True)
    page.locator(".not-found-links a").first.click()
    page.wait_for_load_state("load")
    assert page.url == pages_server + "index.html"
    assert page.locator(".entry").count() == 3
    context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize("name", BROWSE_PAGES)
def test_browse_pages_at_both_widths_in_both_schemes(
    browser: Browser, site_dir: Path, name: str, width: int, scheme: str
) -> None:
    context = browser.new_context(
        viewport={"width": width, "height": 900}, color_scheme=scheme,  # type: ignore[arg-type]
        device_scale_factor=1, locale="ja-JP",
    )
    page = context.new_page()
    problems = _Problems(page)
    page.goto((site_dir / PAGES[name]).as_uri())
    page.wait_for_load_state("load")
    scroll_width, client_width = page.evaluate(
        "[document.scrollingElement.scrollWidth, document.scrollingElement.clientWidth]"
    )
    assert scroll_width <= client_width, f"{name}: {scroll_width}px of content in a {client_width}px viewport"
    page.screenshot(path=str(ARTIFACTS / f"{name}-{width}-{scheme}.png"), full_page=True)
    assert problems.messages == []
    context.close()


# WCAG AA: 4.5:1 for text, computed from the colours Chromium actually uses.
_CONTRAST = """(selector) => {
  const rgb = (c) => (c.match(/[\\d.]+/g) || []).map(Number);
  const lum = ([r, g, b]) => [r, g, b].map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; })
                                  .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
  return [...document.querySelectorAll(selector)].map(element => {
    let back = element;
    while (back && (rgb(getComputedStyle(back).backgroundColor)[3] === 0 || getComputedStyle(back).backgroundColor === 'transparent')) back = back.parentElement;
    const fg = lum(rgb(getComputedStyle(element).color)), bg = lum(rgb(getComputedStyle(back || document.body).backgroundColor));
    return (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
  });
}"""
_NEW_TEXT = (".breadcrumb a, .breadcrumb [aria-current], .article-nav-label, .article-nav time, .link-list a, "
             ".link-list time, .tag-more, .count, .cited-by-label, .cited-meta, .page-count, .source-meta a, .site-nav a")


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("name", BROWSE_PAGES)
def test_landmarks_headings_and_contrast(browser: Browser, site_dir: Path, name: str, scheme: str) -> None:
    context = browser.new_context(viewport=DESKTOP, color_scheme=scheme, locale="ja-JP")  # type: ignore[arg-type]
    page = context.new_page()
    page.goto((site_dir / PAGES[name]).as_uri())
    levels = page.evaluate("[...document.querySelectorAll('h1,h2,h3,h4')].map(h => Number(h.tagName[1]))")
    assert levels[0] == 1 and levels.count(1) == 1, levels
    assert all(later <= earlier + 1 for earlier, later in itertools.pairwise(levels)), levels
    assert page.locator("main").count() == 1
    unlabelled = page.evaluate("[...document.querySelectorAll('nav')].filter(n => !n.getAttribute('aria-label')).length")
    assert unlabelled == 0
    ratios = page.evaluate(_CONTRAST, _NEW_TEXT)
    assert ratios and min(ratios) >= 4.5, ratios
    context.close()
