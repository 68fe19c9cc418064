"""Profile: where a cold ``kiku build``'s CPU-seconds go, by stage, in every process it forks.

    .venv/bin/python bench/build_profile.py --articles 2000 [--stacks FOLDER] [--detail STAGE] [--corpus DIR]

Writes the corpus of ``bench/corpus.py`` into a temporary folder (or copies ``--corpus``, a site
``bench/corpus.py`` wrote, say with ``--real-prose``, without its build cache) and builds it once, cold, in a child
process sampled by CPU time: every ``--interval`` CPU-seconds (``ITIMER_PROF``) the running Python
stack is recorded with the user and system time its thread spent since the last sample
(``RUSAGE_THREAD``), so a long C call (pickling, zlib, a write) is charged in full to the stack
that made it. The build's forks (loader, page writers, search index, plan store) start a sampler of
their own. Prints CPU-seconds per stage (user and total, every process added up), the stage being
the first rule of ``STAGES`` whose marker is in the stack; ``--detail STAGE`` adds that stage's
costliest innermost frames. Sampling costs a few per cent; the machine's load inflates system time
(file creation above all): compare user time, and runs made one after the other.
"""

from __future__ import annotations

import argparse
import collections
import os
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
from pathlib import Path
from types import FrameType

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import write_corpus  # a script beside this one

# (stage, a marker of its frames: a path or a function name), the first match wins.
STAGES: tuple[tuple[str, str], ...] = (
    ("search index", "kiku/search/"),
    ("share cards", "kiku/render/sharecards/"),
    ("identity icons", "writing/identity.py"),
    ("plan store (pickle)", "planning/store/plan_store.py"),
    ("plan store (pickle)", "planning/store/plan_pickle.py"),
    ("plan store (pickle)", "planning/store/article_objects.py"),
    ("input digest", "kiku/unchanged.py"),
    ("load: article cache", "content/cache/"),
    ("load: YAML", "quick_yaml.py"),
    ("load: YAML", "yaml_rs"),
    ("load: validate", "content/checking/"),
    ("load: read, send", "content/loading/"),
    ("plan", "render/planning/"),
    ("render: markdown", "render/text/markdown.py"),
    ("render: phrases", "render/text/"),
    ("render: contexts", "render/pages/"),
    ("render: contexts", "render/views/"),
    ("render: fragments", "writing/templating/fragments.py"),
    ("render: Jinja", "templates/"),
    ("render: Jinja", "jinja2/"),
    ("write: fingerprints", "fingerprints.py"),
    ("write: pages", "writing/parallel/output.py"),
    ("write: extras records", "staged_records"),  # the cards' memo records, in the pages' processes
    ("end: memo, extras", "writing/memo/pagememo.py"),
    ("end: memo, extras", "kept_extras"),
    ("start: imports", "_find_and_load"),
    ("other", ""),
)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--interval", type=float, default=0.002, help="CPU-seconds between samples")
    parser.add_argument("--stacks", type=Path, help="keep each process's samples in this folder")
    parser.add_argument("--detail", help="also list this stage's costliest innermost frames")
    parser.add_argument("--corpus", type=Path, help="a site bench/corpus.py wrote, copied and built instead")
    parser.add_argument("--sampled-build", nargs=3, metavar=("SITE", "OUT", "STACKS"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.sampled_build:
        site, out, stacks = args.sampled_build
        return sampled_build(Path(site), Path(out), Path(stacks), args.interval)
    with tempfile.TemporaryDirectory(prefix="kiku-profile-") as temporary:
        site, stacks = Path(temporary) / "site", args.stacks or Path(temporary) / "stacks"
        if args.corpus:
            shutil.copytree(args.corpus, site, ignore=shutil.ignore_patterns(".kiku-cache"))
            args.articles = len(list((site / "content").glob("*.yaml")))
        else:
            write_corpus(site, args.articles)
        command = [sys.executable, __file__, "--interval", str(args.interval),
                   "--sampled-build", str(site), str(Path(temporary) / "out"), str(stacks)]
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
        report(stacks, args.articles, args.detail)
    return 0


def sampled_build(site: Path, out: Path, stacks: Path, interval: float) -> int:
    """``kiku build`` here, sampled in this process and in each it forks (see the module docstring)."""
    import multiprocessing.process

    stacks.mkdir(parents=True, exist_ok=True)
    sampler = Sampler(stacks, interval)
    os.register_at_fork(after_in_child=sampler.start)
    run = multiprocessing.process.BaseProcess.run

    def sampled_run(process: multiprocessing.process.BaseProcess) -> None:
        try:
            run(process)
        finally:
            sampler.stop()  # a forked worker ends with os._exit: no atexit

    multiprocessing.process.BaseProcess.run = sampled_run  # type: ignore[method-assign]
    sampler.start()
    from kiku.cli import main as kiku_main

    try:
        return kiku_main(["build", "--site", str(site), "--out", str(out)])
    finally:
        sampler.stop()


class Sampler:
    """The CPU-time sampler of one process (started again in each fork: timers are not inherited)."""

    def __init__(self, folder: Path, interval: float) -> None:
        self._folder, self._interval = folder, interval
        self._stacks: dict[str, list[float]] = {}
        self._last = (0.0, 0.0)

    def start(self) -> None:
        self._stacks = {}
        self._last = _thread_cpu()
        signal.signal(signal.SIGPROF, self._sample)
        signal.setitimer(signal.ITIMER_PROF, self._interval, self._interval)

    def stop(self) -> None:
        signal.setitimer(signal.ITIMER_PROF, 0, 0)
        self._charge("<after the last sample>")
        with (self._folder / f"{os.getpid()}.txt").open("w", encoding="utf-8") as file:
            for stack, (user, system) in self._stacks.items():
                file.write(f"{stack}\t{user:.6f}\t{system:.6f}\n")

    def _sample(self, signum: int, frame: FrameType | None) -> None:
        names = []
        while frame is not None:
            code = frame.f_code
            names.append(f"{code.co_name} ({code.co_filename.split('site-packages/')[-1]}:{code.co_firstlineno})")
            frame = frame.f_back
        self._charge(";".join(reversed(names)))

    def _charge(self, stack: str) -> None:
        now = _thread_cpu()
        spent = self._stacks.setdefault(stack, [0.0, 0.0])
        spent[0] += now[0] - self._last[0]
        spent[1] += now[1] - self._last[1]
        self._last = now


def _thread_cpu() -> tuple[float, float]:
    usage = resource.getrusage(resource.RUSAGE_THREAD)
    return usage.ru_utime, usage.ru_stime


def stage_of(stack: str) -> str:
    return next(stage for stage, marker in STAGES if marker in stack)


def report(stacks: Path, articles: int, detail: str | None) -> None:
    user: collections.Counter[str] = collections.Counter()
    total: collections.Counter[str] = collections.Counter()
    frames: collections.Counter[str] = collections.Counter()
    for sample_file in stacks.glob("*.txt"):
        for line in sample_file.read_text(encoding="utf-8").splitlines():
            stack, user_time, system_time = line.split("\t")
            stage = stage_of(stack)
            user[stage] += float(user_time)
            total[stage] += float(user_time) + float(system_time)
            if stage == detail:
                frames[stack.rpartition(";")[2]] += float(user_time) + float(system_time)
    print(f"cold build, {articles:,} articles: {sum(total.values()):.2f} CPU-s ({sum(user.values()):.2f} user)")
    print("| stage | CPU-s | user |\n|---|---|---|")
    for stage, seconds in total.most_common():
        print(f"| {stage} | {seconds:.2f} | {user[stage]:.2f} |")
    for frame, seconds in frames.most_common(25):
        print(f"  {seconds:6.2f}  {frame}")


if __name__ == "__main__":
    sys.exit(main())
