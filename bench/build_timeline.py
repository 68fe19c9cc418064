"""Timeline: when each process of a cold ``kiku build`` works, waits or idles, phase by phase.

    .venv/bin/python bench/build_timeline.py --articles 10000 [--against OTHER_TREE] [--pairs 2]
    .venv/bin/python bench/build_timeline.py --site FOLDER [--keep OUT_PREFIX]

Builds the corpus of ``bench/corpus.py`` (or ``--site``) cold, in a child process that runs
``kiku build`` with probes around the build's phases (``PROBES``: planning, rendering a share of
pages, share cards, the search index, the plan store, the tail after the pages...). Each probe
records, in the process that ran it (forked workers too), its wall-clock start and end and the
user and system time of its thread; every forked worker records when it started and ended, and
how long it waited for a core (``/proc/self/schedstat``: the machine's load, not kiku's). The
parent samples how many cores the build's processes used, every ``--every`` seconds.

Printed for each build: every process's phases (seconds from the build's start, CPU user/system),
a strip of cores used per second, the figures of the whole (wall, CPU user/system of the build and
its children, waiting for a core), and a two-core model: from the CPU each process used between
two samples, what the build would take on two idle cores, and how much of that one process worked
alone (the serial part). On a loaded machine trust the CPU figures and the model, not the wall.
``--bare``: no probes (the probes import the modules they wrap before the build starts, which
hides what the build does while it imports): only the samples and the whole-process figures.

``--against TREE``: the same builds with the kiku of another source tree (e.g. main's, from ``git
archive``), alternating with this tree's, pair by pair: before/after in one run, under the same
load. Fresh output folders every time (see bench/build_vs_hugo.py's ``--clean aside``).
"""

from __future__ import annotations

import argparse
import functools
import gc
import importlib
import itertools
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

REPO = Path(__file__).resolve().parent.parent

# (module, attribute (Class.method for a method), label): the phases a probe times.
PROBES: tuple[tuple[str, str, str], ...] = (
    ("kiku.build", "build", "build"),
    ("kiku.unchanged", "input_digest", "input digest"),
    ("kiku.build", "_take_plan", "take plan"),
    ("kiku.content.loading.loader", "load_site", "load site"),
    ("kiku.render.site", "make_environment", "environment"),
    ("kiku.render.site", "static_files", "list static"),
    ("kiku.render.site", "load_memo", "load memo"),
    ("kiku.render.site", "build_planner", "new planner"),
    ("kiku.render.site", "begin_staging", "begin staging"),
    ("kiku.render.site", "card_jobs", "card jobs"),
    ("kiku.render.sharecards.render", "CardWriter.prepare", "cards: prepare"),
    ("kiku.render.sharecards.render", "CardWriter.write", "share cards"),
    ("kiku.render.planning.planner", "SitePlanner.plan", "plan"),
    ("kiku.render.site", "store_plan", "store plan (start)"),
    ("kiku.render.planning.store.plan_store", "_write_base", "plan store: base"),
    ("kiku.render.site", "_compile_templates", "compile templates"),
    ("kiku.render.site", "_cards_by_page", "cards by page"),
    ("kiku.render.site", "write_pages", "write pages"),
    ("kiku.render.writing.parallel.output", "page_shares", "page shares"),
    ("kiku.render.writing.parallel.output", "_write_share", "render+write share"),
    ("kiku.render.site", "staged_records", "cards: records"),
    ("kiku.render.site", "write_identity_files", "identity files"),
    ("kiku.render.site", "write_search_index", "search index"),
    ("kiku.render.site", "_copy_static", "copy static"),
    ("kiku.output.reuse", "StagedSite.prune", "prune"),
    ("kiku.render.site", "_extras", "list extras"),
    ("kiku.render.site", "clamp_times", "clamp times"),
    ("kiku.render.site", "swap_into_place", "swap into place"),
    ("kiku.render.site", "kept_extras", "kept extras"),
    ("kiku.render.site", "save_memo", "save memo"),
    ("kiku.render.planning.store.plan_store", "PendingStore.commit", "plan store: commit"),
    ("kiku.unchanged", "remember_build", "remember build"),
    ("kiku.runtime.forks", "_received", "wait for a worker"),
)


# --- in the build's process (and its forks) --------------------------------------------------------

class Recorder:
    """Appends one JSON line per event to ``folder/<pid>.jsonl`` (forks open their own file)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._pid = -1
        self._file: Any = None

    def write(self, event: dict[str, object]) -> None:
        if self._pid != os.getpid():
            self._pid = os.getpid()
            self._file = open(self.folder / f"{self._pid}.jsonl", "a", encoding="utf-8")  # noqa: SIM115
        event["pid"], event["ppid"] = self._pid, os.getppid()
        self._file.write(json.dumps(event) + "\n")
        self._file.flush()


def _times() -> tuple[float, float, float]:
    usage = resource.getrusage(resource.RUSAGE_THREAD)
    return time.time(), usage.ru_utime, usage.ru_stime


def _waited() -> float:
    """Seconds this process has waited on a run queue (for a core), from the kernel's schedstat."""
    try:
        with open("/proc/self/schedstat", encoding="ascii") as file:
            return int(file.read().split()[1]) / 1e9
    except (OSError, ValueError, IndexError):
        return 0.0


def _probed(function: Callable[..., Any], label: str, recorder: Recorder) -> Callable[..., Any]:
    @functools.wraps(function)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        start = _times()
        try:
            return function(*args, **kwargs)
        finally:
            end = _times()
            recorder.write({"label": label, "start": start[0], "end": end[0],
                            "user": end[1] - start[1], "system": end[2] - start[2]})
    return wrapper


def install_probes(recorder: Recorder) -> None:
    for module_name, attribute, label in PROBES:
        module = importlib.import_module(module_name)
        owner: Any = module
        name = attribute
        if "." in attribute:
            class_name, name = attribute.split(".")
            owner = getattr(module, class_name, None)
        original = owner.__dict__.get(name) if owner is not None else None
        if original is None:
            print(f"probe missing: {module_name}.{attribute}", file=sys.stderr)
            continue
        if isinstance(original, classmethod):
            setattr(owner, name, classmethod(_probed(original.__func__, label, recorder)))
        else:
            setattr(owner, name, _probed(original, label, recorder))
    forks = importlib.import_module("kiku.runtime.forks")
    child = forks._child

    def probed_child(task: Any, items: Any, result: Any) -> None:
        start = _times()
        recorder.write({"label": "worker", "start": start[0], "end": start[0], "user": 0.0, "system": 0.0,
                        "task": getattr(task, "__qualname__", repr(task))})
        try:
            child(task, items, result)
        finally:
            end = time.time()
            usage = resource.getrusage(resource.RUSAGE_SELF)
            recorder.write({"label": "worker exit", "start": start[0], "end": end, "user": usage.ru_utime,
                            "system": usage.ru_stime, "waited": _waited()})
    forks._child = probed_child


def timed_build(tree: Path, site: Path, out: Path, events: Path, bare: bool = False) -> int:
    sys.path.insert(0, str(tree))
    recorder = Recorder(events)
    begun = _times()
    import kiku
    assert Path(kiku.__file__).resolve().parent == (tree / "kiku").resolve(), kiku.__file__
    import kiku.cli

    if not bare:  # the probed modules imported now, not when the build first needs them
        import kiku.build
        import kiku.content.loading.loader
        import kiku.render.site

        install_probes(recorder)
    usage = resource.getrusage(resource.RUSAGE_SELF)
    recorder.write({"label": "imports", "start": begun[0], "end": time.time(), "user": usage.ru_utime,
                    "system": usage.ru_stime})
    code = kiku.cli.main(["build", "--site", str(site), "--out", str(out)])
    usage = resource.getrusage(resource.RUSAGE_SELF)
    recorder.write({"label": "main exit", "start": begun[0], "end": time.time(), "user": usage.ru_utime,
                    "system": usage.ru_stime, "waited": _waited()})
    gc.freeze()  # as kiku.cli.main_entry does before it exits
    return code


# --- in the bench's process ---------------------------------------------------------------------------

class CoreSampler(threading.Thread):
    """Every ``every`` seconds, the CPU seconds used so far by ``root`` and its descendants."""

    def __init__(self, root: int, every: float) -> None:
        super().__init__(daemon=True)
        self.root, self.every = root, every
        self.samples: list[tuple[float, float]] = []  # (time, cumulative CPU-s of live processes seen)
        self.by_process: list[dict[int, float]] = []  # each sample's CPU-s so far, by process
        self._seen: dict[int, float] = {}
        self.done = threading.Event()
        self._tick = os.sysconf("SC_CLK_TCK")

    def _tree(self) -> list[int]:
        found, todo = [], [self.root]
        while todo:
            pid = todo.pop()
            found.append(pid)
            try:
                with open(f"/proc/{pid}/task/{pid}/children", encoding="ascii") as file:
                    todo.extend(int(child) for child in file.read().split())
            except OSError:
                pass
        return found

    def run(self) -> None:
        while not self.done.is_set():
            for pid in self._tree():
                try:
                    with open(f"/proc/{pid}/stat", encoding="ascii") as file:
                        fields = file.read().rsplit(")", 1)[1].split()
                    self._seen[pid] = (int(fields[11]) + int(fields[12])) / self._tick
                except (OSError, IndexError, ValueError):
                    pass
            self.samples.append((time.time(), sum(self._seen.values())))
            self.by_process.append(dict(self._seen))
            time.sleep(self.every)


def run_build(
    tree: Path, site: Path, out: Path, every: float, bare: bool = False, window: float = 1.0
) -> dict[str, Any]:
    events = Path(tempfile.mkdtemp(prefix="kiku-timeline-"))
    command = [sys.executable, __file__, "--timed-build", str(tree), str(site), str(out), str(events)]
    command += ["--bare"] if bare else []
    started = time.time()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL)
    sampler = CoreSampler(process.pid, every)
    sampler.start()
    _, status, usage = os.wait4(process.pid, 0)
    ended = time.time()
    wall = ended - started
    sampler.done.set()
    sampler.join()
    if status != 0:
        sys.exit(f"the build failed ({status}) with {tree}")
    records = [json.loads(line) for file in events.glob("*.jsonl") for line in file.read_text().splitlines()]
    shutil.rmtree(events)
    return {"tree": str(tree), "started": started, "wall": wall, "user": usage.ru_utime, "system": usage.ru_stime,
            "rss_mib": usage.ru_maxrss / 1024, "ended": ended, "events": records, "samples": sampler.samples,
            "two_cores": two_core_model(sampler.by_process, max(1, round(window / every)))}


def two_core_model(by_process: list[dict[int, float]], samples: int) -> tuple[float, float]:
    """What the build would take on two idle cores, from the CPU each process used in stretches of
    ``samples`` samples: each stretch takes at least its busiest process's CPU and half of all its
    CPU. Also: the seconds of stretches where one process worked alone (the serial part). Under
    load a process may get no core for a while: longer stretches hide that, shorter ones see the
    serial parts sharper."""
    total = alone = 0.0
    for before, after in itertools.pairwise([*by_process[::samples], *by_process[-1:]]):
        used = [cpu - before.get(pid, 0.0) for pid, cpu in after.items() if cpu > before.get(pid, 0.0)]
        if used:
            total += max(max(used), sum(used) / 2)
            if len(used) == 1:
                alone += used[0]
    return total, alone


def report(run: dict[str, Any], strip: bool) -> None:
    started, events = run["started"], run["events"]
    exits = [event for event in events if event["label"] in ("worker exit", "main exit")]
    waited = sum(event.get("waited", 0.0) for event in exits)
    last = max((event["end"] for event in events if event["label"] == "main exit"), default=run["ended"])
    print(f"\n== {run['tree']}: wall {run['wall']:.2f} s, CPU user {run['user']:.2f} + system {run['system']:.2f}"
          f" = {run['user'] + run['system']:.2f} s,"
          f" waited for a core {waited:.2f} s, peak RSS {run['rss_mib']:.0f} MiB")
    by_pid: dict[int, list[dict[str, Any]]] = {}
    for event in events:
        by_pid.setdefault(event["pid"], []).append(event)
    for pid, mine in sorted(by_pid.items(), key=lambda item: min(event["start"] for event in item[1])):
        tasks = [event.get("task", "") for event in mine if event["label"] == "worker"]
        ends = [event for event in mine if event["label"] in ("worker exit", "main exit")]
        life = (f"{min(e['start'] for e in mine) - started:6.2f} → {max(e['end'] for e in mine) - started:6.2f} s;"
                + (f" CPU {ends[0]['user']:.2f}+{ends[0]['system']:.2f}, waited {ends[0].get('waited', 0):.2f}"
                   if ends else ""))
        print(f"  process {pid} {('(' + tasks[0] + ')') if tasks else '(main)'}: {life}")
        for event in sorted(mine, key=lambda e: (e["start"], -e["end"])):
            if event["label"] in ("worker", "worker exit", "main exit"):
                continue
            if event["end"] - event["start"] < 0.02 and event["user"] + event["system"] < 0.02:
                continue
            print(f"    {event['start'] - started:6.2f} → {event['end'] - started:6.2f}"
                  f"  {event['end'] - event['start']:6.2f} s  CPU {event['user']:5.2f}+{event['system']:4.2f}"
                  f"  {event['label']}")
    model, alone = run["two_cores"]
    print(f"  on two idle cores (model from the samples): {model:.2f} s, of which {alone:.2f} s one process alone")
    if any(event["label"] == "worker exit" for event in exits):  # probed: every process's CPU is known
        recorded = sum(event["user"] + event["system"] for event in exits)
        print(f"  after the build returned: {run['ended'] - last:.2f} s,"
              f" CPU {run['user'] + run['system'] - recorded:.2f} s (the interpreter's exit, and the workers'"
              " after they reported)")
    if strip:
        print("  cores used, per second:", " ".join(f"{used:.1f}" for used in _per_second(run)))


def _per_second(run: dict[str, Any]) -> list[float]:
    samples, started = run["samples"], run["started"]
    used, second, last = [], 1.0, (started, 0.0)
    for moment, cpu in samples:
        if moment - started >= second:
            used.append((cpu - last[1]) / max(moment - last[0], 1e-9))
            last, second = (moment, cpu), second + 1.0
    return used


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--site", type=Path, help="an existing corpus (else one is written, then deleted)")
    parser.add_argument("--against", type=Path, help="another kiku source tree, built alternately")
    parser.add_argument("--pairs", type=int, default=1)
    parser.add_argument("--every", type=float, default=0.1, help="seconds between samples of cores used")
    parser.add_argument("--window", type=float, default=1.0, help="seconds of each stretch of the two-core model")
    parser.add_argument("--bare", action="store_true",
                        help="no probes: the build's own import order, only the samples and whole-process figures")
    parser.add_argument("--keep", type=Path, help="keep each output as KEEP-<tree>-<pair> (for diff -r)")
    parser.add_argument("--timed-build", nargs=4, metavar=("TREE", "SITE", "OUT", "EVENTS"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.timed_build:
        tree, site, out, events = map(Path, args.timed_build)
        return timed_build(tree, site, out, events, args.bare)
    from corpus import write_corpus  # a script beside this one

    trees = [REPO] + ([args.against.resolve()] if args.against else [])
    with tempfile.TemporaryDirectory(prefix="kiku-timeline-") as temporary:
        site = args.site
        if site is None:
            site = Path(temporary) / "site"
            write_corpus(site, args.articles)
        runs: dict[str, list[dict[str, Any]]] = {str(tree): [] for tree in trees}
        print(f"machine: {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.2f} before the runs")
        for pair in range(args.pairs):
            for tree in trees if pair % 2 == 0 else trees[::-1]:
                _set_aside(site / ".kiku-cache", Path(temporary) / "trash")
                name = f"{'this' if tree == REPO else 'against'}-{pair}"
                out = Path(f"{args.keep}-{name}") if args.keep else Path(temporary) / f"out-{name}"
                run = run_build(tree, site, out, args.every, args.bare, args.window)
                runs[str(tree)].append(run)
                print(f"load average {os.getloadavg()[0]:.2f} after {name}")
                report(run, strip=True)
                if not args.keep:
                    _set_aside(out, Path(temporary) / "trash")
        print("\nmedians:")
        for tree, mine in runs.items():
            print(f"  {tree}: wall {statistics.median(r['wall'] for r in mine):.2f} s,"
                  f" user {statistics.median(r['user'] for r in mine):.2f},"
                  f" system {statistics.median(r['system'] for r in mine):.2f},"
                  f" CPU {statistics.median(r['user'] + r['system'] for r in mine):.2f} s,"
                  f" RSS {statistics.median(r['rss_mib'] for r in mine):.0f} MiB,"
                  f" two-core model {statistics.median(r['two_cores'][0] for r in mine):.2f} s"
                  f" (alone {statistics.median(r['two_cores'][1] for r in mine):.2f} s)")
        _set_aside(site / ".kiku-cache", Path(temporary) / "trash")
    return 0


def _set_aside(path: Path, trash: Path) -> None:
    """Moved into ``trash`` (deleted with the temporary folder), not deleted: on ext4 here, files
    created within a minute of deleting tens of thousands cost several times the system time."""
    if path.exists():
        trash.mkdir(exist_ok=True)
        path.rename(trash / str(len(os.listdir(trash))))


if __name__ == "__main__":
    sys.exit(main())
