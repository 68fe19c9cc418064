"""Benchmark: importing a large page must stay near-linear in its size (text and HTML).

Builds digest pages of growing size from a fixture's sections (each copy numbered so no two
sections are the same), imports each, and prints seconds per MB. The target: a 5 MB page
imports in well under a minute, and doubling the page at most a little more than doubles
the time. Run: ``.venv/bin/python bench/import_large_page.py [--mb 5]``.
"""

from __future__ import annotations

import argparse
import html
import tempfile
import time
from pathlib import Path

from kiku.content.loading.loader import load_config
from kiku.importer.pipeline import import_page

REPO = Path(__file__).resolve().parent.parent
FIXTURE = REPO / "tests" / "fixtures" / "import" / "variation_deep_sea_layout_b.txt"
# Lines of the fixture: the page head, one section (heading … reaction), the closing lines.
HEAD, SECTION, TAIL = slice(0, 2), slice(2, 17), slice(32, 37)


def text_page(target_bytes: int) -> str:
    lines = [line for line in FIXTURE.read_text(encoding="utf-8").splitlines() if line.strip()]
    out = list(lines[HEAD])
    copy = 0
    while len("\n".join(out).encode()) < target_bytes:
        copy += 1
        section = list(lines[SECTION])
        section[0] = f"{section[0]}その{copy}"
        out.extend(section)
    out.extend(lines[TAIL])
    return "\n".join(out) + "\n"


def html_page(text: str) -> str:
    body = "\n".join(f'<div class="txt">{html.escape(line)}</div>' for line in text.splitlines())
    chrome = '<div class="share"><a href="https://x.com/share">ポスト</a></div>'
    return (f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>bench</title></head><body>'
            f'<header>Logo</header><div class="wrap"><div class="main">{chrome}\n{body}\n</div>'
            f'<aside>サイドバー</aside></div><footer>© bench</footer></body></html>')


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--mb", type=float, default=5.0, help="the largest page, in MB (default 5)")
    args = parser.parse_args()
    config = load_config(REPO)
    sizes = [args.mb / 4, args.mb / 2, args.mb]
    with tempfile.TemporaryDirectory() as folder:
        for kind in ("txt", "html"):
            for size in sizes:
                text = text_page(int(size * 1024 * 1024 * (0.8 if kind == "html" else 1)))
                page = Path(folder) / f"page.{kind}"
                page.write_text(html_page(text) if kind == "html" else text, encoding="utf-8")
                megabytes = page.stat().st_size / 1024 / 1024
                start = time.perf_counter()
                result = import_page(page, config, scraped_from=page.name)
                seconds = time.perf_counter() - start
                sections = len(getattr(result.article, "sections", ()))
                print(f"{kind:4} {megabytes:5.2f} MB  {seconds:6.2f} s  {seconds / megabytes:5.2f} s/MB  "
                      f"{sections} sections")


if __name__ == "__main__":
    main()
