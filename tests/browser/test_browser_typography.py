"""Japanese typography in Chromium: headlines break only between phrases, footnote markers never
start a line, the icons load; screenshots of the article and home at 390/1280 px, light and dark."""

from __future__ import annotations

import urllib.request
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from tests.browser.test_browser import ARTIFACTS, _Problems, browser, pages_server, site_dir
from tests.support.sample_site import ENCYCLOPEDIA, PHONE_CALL

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

__all__ = ["browser", "pages_server", "site_dir"]  # fixtures shared with test_browser.py

pytestmark = pytest.mark.browser

ARTICLE = f"articles/{PHONE_CALL.slug}/index.html"
ENCYCLOPEDIA_PAGE = f"articles/{ENCYCLOPEDIA.slug}/index.html"
PHRASED = (".article-title, .section-heading, .lead p, .point-list li, .qa dd, .entry-title a, .entry-lead p, "
           # the headlines of other articles and of cited pages: related, older and newer, 出典一覧, outlets
           ".link-list a, .article-nav-title, .source-title, .sources li a, .cited-title a")
OUTLET_PAGE = "sources/outlet_abf79caa4f/index.html"  # ロイター

# Every text node between two <wbr> is one phrase: it must sit on one line unless it is wider than
# the whole line (then overflow-wrap breaks it, the last resort). keep-all still lets a line break
# after punctuation inside a phrase (ドナルド・|トランプ), as Japanese typesetting does: allowed.
_PHRASES_SPLIT_ACROSS_LINES = """(selector) => {
  const split = [];
  for (const element of document.querySelectorAll(selector)) {
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent.trim();
      if (!text) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      const rects = [...range.getClientRects()].filter(r => r.width > 0);
      const tops = new Set(rects.map(r => Math.round(r.top)));
      const width = rects.reduce((sum, r) => sum + r.width, 0);
      if (tops.size < 2 || width > element.clientWidth) continue;
      const content = node.textContent;
      let previousTop = null;
      for (let i = 0; i < content.length; i++) {
        const character = document.createRange();
        character.setStart(node, i);
        character.setEnd(node, i + 1);
        const rect = character.getBoundingClientRect();
        if (rect.width === 0) continue;
        if (previousTop !== null && Math.round(rect.top) > previousTop && !'・、。，）」』!?！？:：/'.includes(content[i - 1])) {
          split.push(content.slice(0, i) + '|' + content.slice(i));
        }
        previousTop = Math.round(rect.top);
      }
    }
  }
  return split;
}"""

# For each footnote marker: is its top on the line of the last character before it?
_MARKERS_STARTING_A_LINE = """() => {
  const alone = [];
  for (const sup of document.querySelectorAll('sup.fn')) {
    let node = sup.previousSibling;
    while (node && node.nodeType === Node.ELEMENT_NODE && node.matches('sup.fn')) node = node.previousSibling;
    if (!node || node.nodeType !== Node.TEXT_NODE) continue;
    const text = node.textContent.replace(/\\u2060/g, '');
    if (!text) continue;
    const end = node.textContent.lastIndexOf(text[text.length - 1]);
    const range = document.createRange();
    range.setStart(node, end);
    range.setEnd(node, end + 1);
    const before = range.getBoundingClientRect();
    const marker = sup.getBoundingClientRect();
    if (marker.top > before.bottom - 2) alone.push(sup.textContent);
  }
  return alone;
}"""


def _open(browser: Browser, url: str, width: int, scheme: str = "light") -> tuple[Page, _Problems]:
    context = browser.new_context(
        viewport={"width": width, "height": 900}, device_scale_factor=1, locale="ja-JP", color_scheme=scheme
    )
    page = context.new_page()
    problems = _Problems(page)
    page.goto(url)
    page.wait_for_load_state("load")
    return page, problems


def test_headlines_break_only_between_phrases(browser: Browser, site_dir: Path) -> None:
    for name in (ARTICLE, "index.html", OUTLET_PAGE):
        for width in (320, 390, 480, 768):
            page, _ = _open(browser, (site_dir / name).as_uri(), width)
            assert page.locator(PHRASED).count() >= 2
            assert page.eval_on_selector(".article-title, .entry-title, .cited-title a",
                                         "e => getComputedStyle(e).wordBreak") == "keep-all"
            assert page.evaluate(_PHRASES_SPLIT_ACROSS_LINES, PHRASED) == [], (name, width)
            page.context.close()


def test_footnote_markers_never_start_a_line(browser: Browser, site_dir: Path) -> None:
    page, _ = _open(browser, (site_dir / ENCYCLOPEDIA_PAGE).as_uri(), 390)
    assert page.locator("sup.fn").count() >= 3
    for width in range(300, 700, 9):
        page.set_viewport_size({"width": width, "height": 900})
        assert page.evaluate(_MARKERS_STARTING_A_LINE) == [], width
    page.context.close()


def test_icons_and_manifest_load_over_http_without_errors(browser: Browser, pages_server: str) -> None:
    page, problems = _open(browser, pages_server + ARTICLE, 390)
    icon_urls = page.eval_on_selector_all(
        'link[rel="icon"], link[rel="apple-touch-icon"], link[rel="manifest"]', "links => links.map(l => l.href)"
    )
    assert len(icon_urls) == 4
    for url in [*icon_urls, pages_server + "favicon.ico"]:
        with urllib.request.urlopen(url) as response:
            assert response.status == 200, url
    assert problems.messages == []
    page.context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [390, 1280])
def test_article_and_home_screenshots(browser: Browser, site_dir: Path, width: int, scheme: str) -> None:
    for name, path in (("article", ARTICLE), ("home", "index.html"), ("encyclopedia", ENCYCLOPEDIA_PAGE)):
        page, problems = _open(browser, (site_dir / path).as_uri(), width, scheme)
        page.screenshot(path=str(ARTIFACTS / f"typography-{name}-{width}-{scheme}.png"), full_page=True)
        assert problems.messages == [], (name, problems.messages)
        scroll_width = page.evaluate("document.documentElement.scrollWidth")
        assert scroll_width <= width, (name, scroll_width)
        page.context.close()
