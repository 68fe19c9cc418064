"""Benchmark: warm query latency in Chromium, and what a first query downloads.

Generates a site of N articles with bench/corpus.py, builds it, serves it under /digest/ and, in
Chromium (the system /usr/bin/chromium), runs each query of ``QUERIES`` on the search page:

* first query: in a fresh browser context (empty cache), the bytes of index files fetched;
* warm query: the same query again (index files in memory), timed from the call to the results
  shown, alternating with the peer, a scan of every article's stored text without the index (all
  records loaded beforehand, in a second page: the search page holds only what its own queries
  fetched), on the same query. Target: every query's warm median under 50 ms at 10,000 articles.

Usage: .venv/bin/python bench/search_query.py [--articles 10000] [--repeats 5] [--built DIR] [--downloads]
(``--built``: a site bench/search_index.py --keep left, instead of generating and building one;
``--downloads``: also print what each first query downloads)
"""

from __future__ import annotations

import argparse
import functools
import http.server
import json
import statistics
import sys
import tempfile
import threading
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import quote

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(1, str(Path(__file__).resolve().parent.parent))  # tests.support: a server with byte ranges

from corpus import write_corpus

from kiku.build import build
from tests.support.pages_server import RangeHandler

CHROMIUM = "/usr/bin/chromium"
TARGET_MS = 50.0
QUERIES = (
    "停戦交渉", "ゼレンスキー", "消費者物価指数", "円安", "NATO", "ＮＡＴＯ", "サイバー攻撃", "半導体",
    "エネルギー施設への攻撃停止", "ガザ", "関税", "習近平", "米", "Ukraine", "Economic cooperation",
    "核融合炉", "xyzzy",
)


class _Quiet(RangeHandler):  # byte ranges, as GitHub Pages serves them
    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextmanager
def serving(site_dir: Path) -> Iterator[str]:
    """``site_dir`` served at http://127.0.0.1:PORT/digest/ (through a symlink, nothing copied)."""
    with tempfile.TemporaryDirectory() as root:
        (Path(root) / "digest").symlink_to(site_dir.resolve())
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=root))
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        try:
            yield f"http://127.0.0.1:{server.server_address[1]}/digest/"
        finally:
            server.shutdown()
            server.server_close()


@contextmanager
def chromium() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        try:
            yield browser
        finally:
            browser.close()


def _open_search(browser: Any, url: str) -> Any:
    page = browser.new_context().new_page()
    page.goto(url)
    page.wait_for_selector("#search[data-state=done]", state="attached")
    return page


_FIRST_SCREEN = """() => {
    const shown = window.kikuSearch.page.firstShown;
    const files = performance.getEntriesByType("resource").filter(entry =>
        entry.name.includes("/search/") && !entry.name.includes("/search/index.html") && entry.responseEnd <= shown);
    return [files.reduce((sum, entry) => sum + entry.encodedBodySize, 0), files.length];
}"""

# articles found, KB and requests in all, KB and requests until the first screen was drawn
Download = tuple[int, float, int, float, int]


def first_query_downloads(site_dir: Path, queries: Sequence[str]) -> dict[str, Download]:
    """query → (articles found, KB of index files fetched, requests; the same until the first
    screen of results was drawn), each in a fresh context."""
    results: dict[str, Download] = {}
    with serving(site_dir) as base, chromium() as browser:
        for query in queries:
            context = browser.new_context()
            page = context.new_page()
            fetched: list[int] = []
            page.on(
                "requestfinished",
                lambda request, fetched=fetched: fetched.append(request.sizes()["responseBodySize"])
                if "/search/" in request.url and "/search/index.html" not in request.url else None,
            )
            page.goto(f"{base}search/index.html?q={quote(query)}")
            page.wait_for_selector("#search[data-state=done]", state="attached", timeout=600_000)
            found = page.evaluate("window.kikuSearch.page.matches.length")
            first_bytes, first_requests = page.evaluate(_FIRST_SCREEN)
            results[query] = (found, sum(fetched) / 1e3, len(fetched), first_bytes / 1e3, first_requests)
            context.close()
    return results


_WARM = """async query => {
    const page = window.kikuSearch.page, started = performance.now();
    await page.search(query);
    return [performance.now() - started, page.matches.length];
}"""

_LOAD_ALL = """async () => {
    const index = window.kikuSearch.page.index, manifest = await index.load();
    const numbers = Array.from({length: manifest.articles}, (_, n) => n);
    for (let start = 0; start < numbers.length; start += 256) {
        await Promise.all(numbers.slice(start, start + 256).map(n => index.record(n)));
    }
    window.allRecords = await Promise.all(numbers.map(n => index.record(n)));
    return window.allRecords.length;
}"""

_SCAN = """query => {
    const k = window.kikuSearch, plans = k.parseQuery(query), started = performance.now();
    const found = window.allRecords.filter(r => plans.every(p => k.findWord(r.folded, p, 0) >= 0));
    return [performance.now() - started, found.length];
}"""


def warm_latencies(
    site_dir: Path, queries: Sequence[str], repeats: int
) -> dict[str, tuple[float, float, float, int]]:
    """query → (median and slowest warm query ms, median full-scan ms, articles found)."""
    results: dict[str, tuple[float, float, float, int]] = {}
    with serving(site_dir) as base, chromium() as browser:
        # The peer holds every record (hundreds of MB at 10,000 articles) in a page of its own: the
        # search page's heap holds what its queries fetched, as a reader's does, and its timings
        # do not pay the collector's passes over the peer's records.
        page = _open_search(browser, f"{base}search/index.html")
        scanner = _open_search(browser, f"{base}search/index.html")
        scanner.evaluate(_LOAD_ALL)
        for query in queries:
            page.evaluate(_WARM, query)  # the first run fetches what the query needs
            warm: list[float] = []
            scan: list[float] = []
            found = 0
            for _ in range(repeats):
                milliseconds, found = page.evaluate(_WARM, query)
                warm.append(milliseconds)
                scanned, scan_found = scanner.evaluate(_SCAN, query)
                scan.append(scanned)
                assert scan_found == found, (query, found, scan_found)  # the index agrees with a full scan
            results[query] = (statistics.median(warm), max(warm), statistics.median(scan), found)
    return results


def _p90(values: Iterable[float]) -> float:
    """The 90th percentile of ``values`` (interpolated between the two nearest, as ``statistics.quantiles``)."""
    ordered = sorted(values)
    return statistics.quantiles(ordered, n=10, method="inclusive")[-1] if len(ordered) > 1 else ordered[0]


def print_downloads(downloads: dict[str, Download]) -> None:
    """Each first query's download, then the typical (median) and the worst."""
    for query, (found, kilobytes, requests, first_kilobytes, first_requests) in downloads.items():
        print(f"  first query {query!r}: {found} articles, {kilobytes:.0f} KB in {requests} requests;"
              f" first screen {first_kilobytes:.0f} KB in {first_requests} requests")
    for name, pick in (("typical (median)", statistics.median), ("90th percentile", _p90), ("worst", max)):
        print(f"{name} first query: {pick(d[1] for d in downloads.values()):.0f} KB,"
              f" {pick(d[2] for d in downloads.values())} requests in all;"
              f" first screen {pick(d[3] for d in downloads.values()):.0f} KB,"
              f" {pick(d[4] for d in downloads.values())} requests", flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--built", type=Path, help="a built site to search instead of a new one")
    parser.add_argument("--downloads", action="store_true", help="print each first query's download too")
    arguments = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="kiku-search-query-") as scratch:
        site_dir = arguments.built or Path(scratch) / "_site"
        if arguments.built is None:
            root = Path(scratch) / "site"
            write_corpus(root, arguments.articles)
            build(root, site_dir)
        articles = json.loads((site_dir / "search" / "manifest.json").read_text(encoding="utf-8"))["articles"]
        if arguments.downloads:
            downloads = first_query_downloads(site_dir, QUERIES)
            print_downloads(downloads)
        latencies = warm_latencies(site_dir, QUERIES, arguments.repeats)
    for query, (warm, slowest, scan, found) in latencies.items():
        ratio = warm / max(scan, 0.01)
        print(f"{query!r}: {found} articles, warm median {warm:.1f} ms, max {slowest:.1f} ms;"
              f" full scan {scan:.1f} ms ({ratio:.2f}×)")
    medians = [warm for warm, _, _, _ in latencies.values()]
    worst = max(medians)
    verdict = "ok" if worst < TARGET_MS else f"over the {TARGET_MS:.0f} ms target"
    print(f"{articles} articles: warm query median {statistics.median(medians):.1f} ms, slowest query's median"
          f" {worst:.1f} ms ({verdict}), slowest single run {max(s for _, s, _, _ in latencies.values()):.1f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
