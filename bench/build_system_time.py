"""Benchmark: a cold ``kiku build``'s user and system CPU-seconds, and what the file system does to them.

    .venv/bin/python bench/build_system_time.py [--articles 10000] [--pairs 3] [--kiku A B] [--clean deleted aside]

Writes the corpus of ``bench/corpus.py`` once, then builds it cold (no output, no ``.kiku-cache``)
``--pairs`` times with each ``--kiku`` command (default: the one beside this Python), alternating.
Each run is measured by ``os.wait4``: wall, user and system time of the build and the processes it
waited for, peak RSS, minor page faults.

``--clean`` says how the previous run's output and cache are cleared before each build:

* ``deleted``: removed just before it (as ``bench/build_vs_hugo.py`` does);
* ``aside``: renamed into a trash folder, which is deleted only after every run.

They differ on a file system that will not reuse an inode freed less than a minute ago: ext4
without a journal (``recently_deleted`` in fs/ext4/ialloc.c), as on the machine these figures were
first taken on. There each new file or folder makes ext4 step over every such inode of its block
group, one inode-table lookup each, so a build creating 48,000 of them right after 48,000 were
deleted spends most of its system time there (2026-11-30, 30,000 files created right after 30,000
deleted: 11.6 system-seconds against 1.0 on a quiet file system). The ``aside`` figures are the
build's own; ``deleted`` adds what the file system charges for the deletion before it. Other jobs
deleting files on the same file system add that too: read system time beside the load.
"""

from __future__ import annotations

import argparse
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

from corpus import write_corpus  # a script beside this one


@dataclass(frozen=True)
class Run:
    wall: float
    user: float
    system: float
    peak_rss_mib: float
    minor_faults: int


def build(kiku: str, site: Path, out: Path, log: Path) -> Run:
    started = time.perf_counter()
    with log.open("ab") as sink:
        process = subprocess.Popen([kiku, "build", "--site", str(site), "--out", str(out)], stdout=sink, stderr=sink)
        _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"{kiku} build failed; see {log}")
    return Run(wall, usage.ru_utime, usage.ru_stime, usage.ru_maxrss / 1024, usage.ru_minflt)


def clear(site: Path, out: Path, trash: Path | None) -> None:
    """The last run's output and build cache gone: deleted now, or renamed into ``trash``."""
    for path in (out, site / ".kiku-cache"):
        if not path.exists():
            continue
        if trash is None:
            shutil.rmtree(path)
        else:
            trash.mkdir(exist_ok=True)
            path.rename(trash / f"{len(os.listdir(trash))}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--articles", type=int, default=10000)
    parser.add_argument("--pairs", type=int, default=3)
    parser.add_argument("--kiku", nargs="+", default=[str(Path(sys.executable).parent / "kiku")])
    parser.add_argument("--clean", nargs="+", choices=("deleted", "aside"), default=["aside"])
    parser.add_argument("--scratch", type=Path, help="a folder for the corpus and outputs (default: a temporary one)")
    arguments = parser.parse_args()
    print(f"machine: {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.2f}")
    with tempfile.TemporaryDirectory(prefix="kiku-system-time-", dir=arguments.scratch) as temporary:
        scratch = Path(temporary)
        site, out, log, trash = scratch / "site", scratch / "out", scratch / "build.log", scratch / "trash"
        write_corpus(site, arguments.articles)
        runs: dict[tuple[str, str], list[Run]] = {}
        for pair in range(arguments.pairs):
            for clean in arguments.clean:
                order = arguments.kiku if pair % 2 == 0 else arguments.kiku[::-1]
                for kiku in order:
                    clear(site, out, trash if clean == "aside" else None)
                    run = build(kiku, site, out, log)
                    name = f"kiku {arguments.kiku.index(kiku) + 1}" if len(arguments.kiku) > 1 else "kiku"
                    runs.setdefault((name, clean), []).append(run)
                    print(f"  pair {pair + 1} {name} {clean:<7} {run.wall:6.1f} s wall {run.user:6.2f} user"
                          f" {run.system:6.2f} sys {run.peak_rss_mib:5.0f} MiB {run.minor_faults:8,} minor faults"
                          f" (load {os.getloadavg()[0]:.1f})", flush=True)
        print(f"\n| {arguments.articles:,} articles, cold | wall | user | system | peak RSS | minor faults |")
        print("|---|---|---|---|---|---|")
        for (name, clean), done in runs.items():
            def median(field: str, done: list[Run] = done) -> float:
                return float(statistics.median(getattr(run, field) for run in done))

            print(f"| {name}, previous {clean} | {median('wall'):.1f} s | {median('user'):.2f} s"
                  f" | {median('system'):.2f} s | {median('peak_rss_mib'):.0f} MiB | {median('minor_faults'):,.0f} |")
        for index, kiku in enumerate(arguments.kiku):
            print(f"kiku {index + 1}: {kiku}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
