"""Benchmark: the memory of a cold ``kiku build``, per process and summed over its forked processes.

    .venv/bin/python bench/build_memory.py SITE [SITE …] [--repeat 1]
    .venv/bin/python bench/build_memory.py --articles 10000 [--keep /tmp/corpus-10k]
    .venv/bin/python bench/build_memory.py SITE --trace /tmp/traces   # tracemalloc, by file and line
    .venv/bin/python bench/build_memory.py --articles 20000 50000 100000 --keep /tmp/corpora \
        [--before /tmp/kiku-before]   # the scale table (issue 12: 100,000 articles < 2 min, < 2 GB)

Each run removes ``SITE/.kiku-cache`` and the output folder, then builds the site as a child process
while this one samples the child and every process it forks (``/proc/<pid>/task/<pid>/children``)
every 50 ms: each process's peak RSS (``VmHWM``: its own, exact), its peak private memory (what a
fork did not share with its parent, from ``smaps_rollup``) and, at each sample, the sum of every
process's RSS and of their PSS (proportional: a page shared by n processes counts 1/n in each;
the sum is the build's real footprint). ``ru_maxrss`` of the child (``os.wait4``) is the largest
single process, as ``bench/build_vs_hugo.py`` reports it. Sampled figures can miss a peak shorter
than the interval; ``VmHWM`` and ``ru_maxrss`` cannot.

``--articles N [N …]`` writes a corpus of each size (``bench/corpus.py``; under ``--keep`` as
``N/``, kept for the next run) and ends with one table: per size, wall and CPU seconds (user +
system, the build and every process it forked), the peak RSS of each process (the build first,
then its forks as they started) and the cost per article; then the output's files and size, the
mean article page and the build cache (``SITE/.kiku-cache``) per article. ``--before DIR``: a kiku source tree
(``git archive REV kiku | tar -x -C DIR``) built the same way, alternating with this checkout's
(PYTHONPATH), so that both meet the same load.

``--trace DIR``: the build runs under tracemalloc (slower, larger: read the lines, not the totals).
The parent dumps a snapshot each time it forks (what its workers start from); each forked worker
dumps one when its task ends, and the parent one when it exits. The ten lines that grew most, per
snapshot (against the parent's snapshot at that fork for a worker, at its last fork for the parent's
last), are printed.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

REPO = Path(__file__).resolve().parent.parent
INTERVAL = 0.05

# Run as ``python -c`` under --trace: snapshots at each fork (parent) and at each worker's end.
_TRACER = r"""
import os, sys, tracemalloc
import kiku.runtime.forks as forks
out = sys.argv.pop(1)
tracemalloc.start(1)
seen = [0]
def before():
    seen[0] += 1
    tracemalloc.take_snapshot().dump(f"{out}/parent-{os.getpid()}-fork{seen[0]}.snap")
os.register_at_fork(before=before)
import atexit
main_pid = os.getpid()
def at_exit():
    if os.getpid() == main_pid:
        tracemalloc.take_snapshot().dump(f"{out}/parent-{main_pid}-end.snap")
atexit.register(at_exit)
child = forks._child
def traced_child(task, items, result):
    import multiprocessing.connection as mc
    class Sender:
        def send(self, outcome):
            name = getattr(task, "__qualname__", "task")
            tracemalloc.take_snapshot().dump(f"{out}/worker-{os.getppid()}-fork{seen[0]}-{os.getpid()}-{name}.snap")
            result.send(outcome)
        def close(self):
            result.close()
    child(task, items, Sender())
forks._child = traced_child
from kiku.cli import main_entry
sys.argv[0] = "kiku"
main_entry()
"""


@dataclass
class Process:
    pid: int
    parent: int
    first: float
    last: float = 0.0
    peak_rss: int = 0  # KiB, VmHWM
    peak_private: int = 0  # KiB, Private_Clean + Private_Dirty
    timeline: list[tuple[float, int, int]] = field(default_factory=list)  # (s, RSS, private) in KiB


@dataclass
class Sampled:
    processes: dict[int, Process] = field(default_factory=dict)
    peak_sum_rss: int = 0
    peak_sum_pss: int = 0
    peak_count: int = 0


def _children(pid: int) -> list[int]:
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as file:
            return [int(child) for child in file.read().split()]
    except OSError:
        return []


def _tree(root: int) -> list[tuple[int, int]]:
    found, pending = [], [(root, 0)]
    while pending:
        pid, parent = pending.pop()
        found.append((pid, parent))
        pending.extend((child, pid) for child in _children(pid))
    return found


def _status(pid: int) -> tuple[int, int] | None:
    """VmRSS and VmHWM in KiB."""
    try:
        with open(f"/proc/{pid}/status") as file:
            fields = dict(line.split(":", 1) for line in file if line.startswith(("VmRSS", "VmHWM")))
    except OSError:
        return None
    if "VmRSS" not in fields:
        return None  # a zombie
    return int(fields["VmRSS"].split()[0]), int(fields["VmHWM"].split()[0])


def _rollup(pid: int) -> tuple[int, int]:
    """PSS and private memory in KiB."""
    values: dict[str, int] = {}
    try:
        with open(f"/proc/{pid}/smaps_rollup") as file:
            for line in file:
                name, _, rest = line.partition(":")
                if name in ("Pss", "Private_Clean", "Private_Dirty"):
                    values[name] = int(rest.split()[0])
    except OSError:
        return 0, 0
    return values.get("Pss", 0), values.get("Private_Clean", 0) + values.get("Private_Dirty", 0)


def _sample(root: int, sampled: Sampled, now: float) -> None:
    total_rss = total_pss = count = 0
    for pid, parent in _tree(root):
        status = _status(pid)
        if status is None:
            continue
        rss, hwm = status
        pss, private = _rollup(pid)
        process = sampled.processes.setdefault(pid, Process(pid, parent, now))
        process.last = now
        process.peak_rss = max(process.peak_rss, hwm)
        process.peak_private = max(process.peak_private, private)
        process.timeline.append((now, rss, private))
        total_rss, total_pss, count = total_rss + rss, total_pss + pss, count + 1
    sampled.peak_sum_rss = max(sampled.peak_sum_rss, total_rss)
    sampled.peak_sum_pss = max(sampled.peak_sum_pss, total_pss)
    sampled.peak_count = max(sampled.peak_count, count)


@dataclass
class Built:
    site: Path
    code: str  # "this checkout" or the --before tree
    wall: float
    user: float
    system: float
    maxrss: int  # KiB
    sampled: Sampled
    load: tuple[float, float]  # the 1-minute load average before and after
    output: Output | None = None  # measured by ``measure`` before the output is removed


@dataclass(frozen=True)
class Output:
    """What a build left: its output's files and bytes, the mean article page, the build cache."""

    files: int
    size: int  # bytes
    article_page: float  # mean bytes of an article's page (articles/*/index.html)
    state: int  # bytes in SITE/.kiku-cache


def _folder_size(top: Path) -> tuple[int, int, list[int]]:
    """Files and bytes under ``top``, and the size of each article page among them."""
    files = size = 0
    article_pages: list[int] = []
    for folder, _, names in os.walk(top):
        is_articles = f"{os.sep}articles{os.sep}" in folder + os.sep
        for name in names:
            bytes_ = os.lstat(os.path.join(folder, name)).st_size
            files, size = files + 1, size + bytes_
            if is_articles and name == "index.html":
                article_pages.append(bytes_)
    return files, size, article_pages


def measure(site: Path, out: Path) -> Output:
    files, size, article_pages = _folder_size(out)
    state = _folder_size(site / ".kiku-cache")[1]
    return Output(files, size, sum(article_pages) / len(article_pages) if article_pages else 0.0, state)


def build(site: Path, out: Path, trace: Path | None, code: Path | None = None) -> tuple[float, float, int, Sampled]:
    built = build_once(site, out, trace, code)
    return built.wall, built.user + built.system, built.maxrss, built.sampled


def build_once(site: Path, out: Path, trace: Path | None, code: Path | None = None) -> Built:
    shutil.rmtree(site / ".kiku-cache", ignore_errors=True)
    shutil.rmtree(out, ignore_errors=True)
    python = str(Path(sys.executable))
    arguments = ["build", "--site", str(site), "--out", str(out)]
    if trace is not None:
        trace.mkdir(parents=True, exist_ok=True)
        command = [python, "-c", _TRACER, str(trace), *arguments]
    else:
        command = [python, "-m", "kiku", *arguments]
    environment = dict(os.environ)
    if code is not None:
        environment["PYTHONPATH"] = str(code)
    load_before = os.getloadavg()[0]
    started = time.perf_counter()
    sampled = Sampled()
    with open(out.parent / f"{out.name}.log", "ab") as log:
        # Not in this folder: ``-m kiku`` would import the kiku beside it before PYTHONPATH's.
        process = subprocess.Popen(command, stdout=log, stderr=log, cwd=out.parent, env=environment)
        while True:
            finished, status, usage = os.wait4(process.pid, os.WNOHANG)
            if finished:
                break
            _sample(process.pid, sampled, time.perf_counter() - started)
            time.sleep(INTERVAL)
    if os.waitstatus_to_exitcode(status) != 0:  # the log's end: the folder holding it is temporary
        tail = (out.parent / f"{out.name}.log").read_text(encoding="utf-8", errors="replace").splitlines()[-40:]
        sys.exit("\n".join([*tail, f"{' '.join(command)} failed (exit status {os.waitstatus_to_exitcode(status)})"]))
    wall = time.perf_counter() - started
    return Built(site, str(code) if code else "this checkout", wall, usage.ru_utime, usage.ru_stime, usage.ru_maxrss,
                 sampled, (load_before, os.getloadavg()[0]))


def table(rows: list[tuple[int, Built]]) -> None:
    """The scale table: per size and code, wall, CPU, each process's peak RSS, cost per article."""
    mib = 1024
    print("\narticles  code            wall s  CPU-s (user+sys)   load      largest  peak RSS MiB per process"
          " (build, then forks)    ms/article wall, CPU")
    for articles, built in rows:
        ordered = sorted(built.sampled.processes.values(), key=lambda p: p.first)
        peaks = " ".join(f"{process.peak_rss / mib:.0f}" for process in ordered)
        cpu = built.user + built.system
        name = Path(built.code).name[:14]
        print(f"{articles:>8}  {name:<14} {built.wall:7.1f}  {cpu:6.1f} ({built.user:.1f}+{built.system:.1f})"
              f"  {built.load[0]:4.1f}-{built.load[1]:4.1f}  {built.maxrss / mib:6.0f}  {peaks:<40}"
              f"  {1000 * built.wall / articles:6.2f} {1000 * cpu / articles:6.2f}")
    print("\narticles  code            output files  MiB   article page B  build cache B per article")
    for articles, built in rows:
        if built.output is not None:
            out = built.output
            print(f"{articles:>8}  {Path(built.code).name[:14]:<14} {out.files:12}  {out.size / 2**20:5.0f}"
                  f"  {out.article_page:14.0f}  {out.state / articles:10.0f}")


def report(site: Path, wall: float, cpu: float, maxrss: int, sampled: Sampled, timeline: float,
           output: Output | None = None) -> None:
    mib = 1024
    print(f"{site}: {wall:.1f} s wall, {cpu:.1f} CPU-s, load {os.getloadavg()[0]:.2f}")
    if output is not None:
        print(f"  output {output.files} files, {output.size / 2**20:.0f} MiB; mean article page"
              f" {output.article_page:.0f} B; build cache {output.state / 2**20:.0f} MiB")
    print(f"  largest process (ru_maxrss) {maxrss / mib:7.0f} MiB;"
          f" at once: sum RSS {sampled.peak_sum_rss / mib:.0f} MiB, sum PSS {sampled.peak_sum_pss / mib:.0f} MiB"
          f" ({sampled.peak_count} processes)")
    for process in sorted(sampled.processes.values(), key=lambda p: p.first):
        role = "build" if process.parent == 0 else f"fork of {process.parent}"
        print(f"  {process.pid:>7} {role:<14} {process.first:6.1f}–{process.last:6.1f} s"
              f"  peak RSS {process.peak_rss / mib:6.0f} MiB  peak private {process.peak_private / mib:6.0f} MiB")
        if timeline:
            shown, next_time = [], 0.0
            for now, rss, private in process.timeline:
                if now >= next_time:
                    shown.append(f"{now:.0f}s {rss / mib:.0f}/{private / mib:.0f}")
                    next_time = now + timeline
            print("          RSS/private MiB:", ", ".join(shown))


def traced(folder: Path) -> None:
    import tracemalloc

    parents = {path.name: path for path in folder.glob("parent-*.snap")}
    for path in sorted(folder.glob("*.snap"), key=os.path.getmtime):
        snapshot = tracemalloc.Snapshot.load(str(path)).filter_traces(
            [tracemalloc.Filter(False, tracemalloc.__file__)])
        total = sum(stat.size for stat in snapshot.statistics("filename"))
        print(f"\n{path.name}: {total / 2**20:.0f} MiB traced")
        base = None
        if path.name.startswith("worker-"):
            _, parent, fork = path.name.split("-")[:3]
            base_path = parents.get(f"parent-{parent}-{fork}.snap")
            base = tracemalloc.Snapshot.load(str(base_path)) if base_path else None
        elif path.name.endswith("-end.snap"):  # the build's own growth after its last fork
            forks = sorted((p for name, p in parents.items() if name.startswith(path.name[:-8])), key=os.path.getmtime)
            forks = [p for p in forks if p != path]
            base = tracemalloc.Snapshot.load(str(forks[-1])) if forks else None
        if base is not None:
            for grown in snapshot.compare_to(base, "lineno")[:12]:
                print(f"  {grown.size_diff / 2**20:+8.1f} MiB {grown.count_diff:+9d}  {grown.traceback[0]}")
        else:
            for stat in snapshot.statistics("lineno")[:15]:
                print(f"  {stat.size / 2**20:8.1f} MiB {stat.count:9d}  {stat.traceback[0]}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("sites", type=Path, nargs="*")
    parser.add_argument("--articles", type=int, nargs="+", default=[],
                        help="write a corpus of each of these many articles (bench/corpus.py) and print the table")
    parser.add_argument("--keep", type=Path, help="where to write those corpora (default: a temporary folder)")
    parser.add_argument("--before", type=Path, help="a kiku source tree built too, alternating with this checkout's")
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--timeline", type=float, default=0.0,
                        help="print each process's RSS and private memory every this many seconds")
    parser.add_argument("--trace", type=Path, help="tracemalloc snapshots into this folder (see above)")
    arguments = parser.parse_args()
    sites: list[tuple[int, Path]] = [(0, site) for site in arguments.sites]
    codes: list[Path | None] = [None] if arguments.before is None else [arguments.before.resolve(), None]
    rows: list[tuple[int, Built]] = []
    with tempfile.TemporaryDirectory(prefix="kiku-memory-") as temporary:
        for articles in arguments.articles:
            from corpus import write_corpus  # a script beside this one

            site = (arguments.keep or Path(temporary)) / str(articles)
            if not (site / "site.yaml").exists():
                write_corpus(site, articles)
            sites.append((articles, site))
        for articles, site in sites:
            for _ in range(arguments.repeat):
                for code in codes:
                    out = Path(temporary) / "out"
                    built = build_once(site.resolve(), out, arguments.trace, code)
                    built.output = measure(site.resolve(), out)
                    shutil.rmtree(out, ignore_errors=True)
                    if code is not None:
                        print(f"[{code}]")
                    report(site, built.wall, built.user + built.system, built.maxrss, built.sampled, arguments.timeline,
                           built.output)
                    if articles:
                        rows.append((articles, built))
        if rows:
            table(rows)
        if arguments.trace is not None:
            traced(arguments.trace)
    return 0


if __name__ == "__main__":
    sys.exit(main())
