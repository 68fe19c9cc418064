"""Benchmark: save → livereload message under ``kiku serve`` on an N-article site (default 1,000).

Makes a site of N articles (copies of content/ with new slugs and titles) in a temporary folder,
times a full in-process build of it (the peer figure), starts the real server (``python -m kiku
serve``), connects to its livereload websocket as livereload.js does, then saves one article
``--edits`` times, waiting for the reload message after each save and then a second, in three ways.
Like livereload.js, the client says which page it shows (``info``): the edited article's page.

* body: a sentence of a section body changes: the article page is re-rendered;
* title: the title changes: the article, its home page and its tag pages (every copy shares the
  seed articles' tags, so each tag page lists hundreds of articles) are re-rendered;
* base: the text of ``templates/base.html``'s skip link changes: every page is stale, and the one
  shown is rendered first (the others after the reload; not measured with ``--no-info``).

Prints the median and p90 of save → reload-message time per kind (target: under 100 ms at 10,000
articles, issue 12), the full build and the ratios,
and, from the server's log, how long each rebuild took until every affected page was written
(pages nobody shows are rendered right after the reload; see kiku/serve/incremental.py).
``--no-info``: the client does not say which page it shows, so every affected page is rendered
before the reload (the figure without the viewed-page-first rule).
Usage: .venv/bin/python bench/serve_reload.py [--articles 1000] [--edits 20] [--no-info]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tornado.websocket import WebSocketClientConnection, websocket_connect

from kiku.build import build

REPO = Path(__file__).resolve().parent.parent
TARGET_SECONDS = 0.100  # issue 12: under 100 ms at 10,000 articles
PAUSE_SECONDS = 1.0  # between one reload and the next save
_TITLE = re.compile(r"^title: (.*)$", re.MULTILINE)
_ANNOUNCEMENT = re.compile(r"kiku: serving (http://\S+/) ")
_ALL_DONE = re.compile(r"all done in (\d+) ms")
_BASE_TEXT = "本文へ移動"  # the skip link's text in templates/base.html


def make_site(root: Path, articles: int) -> list[Path]:
    """A site of ``articles`` copies of the seed articles under ``root``; returns their files."""
    shutil.copy(REPO / "site.yaml", root / "site.yaml")
    shutil.copytree(REPO / "templates", root / "templates")
    shutil.copytree(REPO / "static", root / "static")
    (root / "content").mkdir()
    seeds = sorted((REPO / "content").glob("*.yaml"))
    files = []
    for number in range(articles):
        seed = seeds[number % len(seeds)]
        text = _TITLE.sub(rf"title: \1 (第{number}号)", seed.read_text("utf-8"), count=1)
        file = root / "content" / f"bench-{number:04d}-{seed.name}"
        file.write_text(text, encoding="utf-8")
        files.append(file)
    return files


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


async def connect(url: str, showing: str | None) -> WebSocketClientConnection:
    """A livereload connection as livereload.js opens it, on a browser that shows ``showing``."""
    connection = await websocket_connect(url.replace("http://", "ws://") + "livereload")
    await connection.write_message(json.dumps(
        {"command": "hello", "protocols": ["http://livereload.com/protocols/official-7"]}
    ))
    hello = json.loads(await asyncio.wait_for(connection.read_message(), 10) or "{}")
    assert hello.get("command") == "hello", hello
    if showing is not None:
        await connection.write_message(json.dumps({"command": "info", "plugins": {}, "url": showing}))
    return connection


async def time_edits(connection: WebSocketClientConnection, file: Path, old: str, edits: int) -> list[float]:
    """Save ``file`` ``edits`` times, each with ``old`` replaced by a new text; save → reload seconds."""
    original = file.read_text(encoding="utf-8")
    assert original.count(old) == 1, old
    timings = []
    for number in range(edits):
        text = original.replace(old, f"{old}〈編集{number}〉")
        started = time.perf_counter()
        file.write_text(text, encoding="utf-8")
        message = json.loads(await asyncio.wait_for(connection.read_message(), 30) or "{}")
        timings.append(time.perf_counter() - started)
        assert message.get("command") == "reload", message
        await asyncio.sleep(PAUSE_SECONDS)  # an editor's pace: the pages nobody shows get rendered meanwhile
    return timings


async def run(articles: int, edits: int, send_info: bool) -> int:
    with tempfile.TemporaryDirectory(prefix="kiku-bench-") as temporary:
        root = Path(temporary) / "site"
        root.mkdir()
        files = make_site(root, articles)
        started = time.perf_counter()
        report = build(root, Path(temporary) / "_site")
        full_build = time.perf_counter() - started
        print(f"site: {articles} articles, {report.pages} pages; full build {full_build * 1000:.0f} ms")

        with (Path(temporary) / "serve.log").open("w") as log:
            server = subprocess.Popen(
                [sys.executable, "-m", "kiku", "serve", "--site", str(root), "--port", "0"],
                stdout=subprocess.PIPE, stderr=log, text=True,
            )
            try:
                assert server.stdout is not None
                match = _ANNOUNCEMENT.match(server.stdout.readline())
                assert match, "kiku serve did not print its URL"
                article = files[len(files) // 2]
                showing = f"{match.group(1)}articles/{article.stem}/" if send_info else None
                connection = await connect(match.group(1), showing)
                text = article.read_text(encoding="utf-8")
                body_sentence = next(line for line in text.splitlines() if line.startswith("  - ") and "。" in line)
                title_line = _TITLE.search(text)
                assert title_line is not None
                log_file = Path(temporary) / "serve.log"
                edited = {
                    "body": (article, body_sentence.removesuffix("。")),
                    "title": (article, title_line.group(0)),
                }
                if send_info:  # without it every page is rendered before the reload: minutes, not a preview
                    edited["base"] = (root / "templates" / "base.html", _BASE_TEXT)
                results: dict[str, list[float]] = {}
                done: dict[str, list[float]] = {}
                for kind, (file, old) in edited.items():
                    log_start = log_file.stat().st_size
                    results[kind] = await time_edits(connection, file, old, edits)
                    with log_file.open(encoding="utf-8") as server_log:
                        server_log.seek(log_start)
                        done[kind] = [float(ms) for ms in _ALL_DONE.findall(server_log.read())]
                connection.close()
            finally:
                server.terminate()
                server.wait(timeout=300)  # it deletes its preview folder: thousands of files on a busy disk

    print(f"{'edit':<6} {'median':>8} {'p90':>8} {'max':>8}  median/full build  target {TARGET_SECONDS * 1000:.0f} ms")
    for kind, timings in results.items():
        median = statistics.median(timings)
        print(
            f"{kind:<6} {median * 1000:6.0f}ms {percentile(timings, 0.9) * 1000:6.0f}ms {max(timings) * 1000:6.0f}ms"
            f"  {median / full_build:17.3f}  {'ok' if median < TARGET_SECONDS else 'MISSED'}"
        )
    for kind, timings in done.items():  # the server's own timing: rebuild start → every affected page written
        if timings:
            print(f"{kind:<6} every affected page written (server log, {len(timings)} of {edits} rebuilds ran to"
                  f" the end): median {statistics.median(timings):.0f} ms, p90 {percentile(timings, 0.9):.0f} ms")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--edits", type=int, default=20)
    parser.add_argument("--no-info", action="store_true", help="do not tell the server which page is shown")
    arguments = parser.parse_args()
    return asyncio.run(run(arguments.articles, arguments.edits, send_info=not arguments.no_info))


if __name__ == "__main__":
    sys.exit(main())
