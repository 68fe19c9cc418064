"""Benchmark: building the search index against a full build, the index's size and what a first query downloads.

Generates a site of N articles with bench/corpus.py (or copies ``--corpus``) and builds it once.
Then each round runs four full ``kiku build``s into a fresh output folder, each in a process of its
own (as ``kiku build`` runs), each rendering every page (the build cache is removed but for what
the kind keeps, so that no page is a cache hit and no build is skipped as unchanged):

* *cold, cards drawn*: nothing kept, the share cards drawn too (a true first build);
* *cold, cards kept*: the share-card cache kept, as an editor's site has it (the target's build);
* *warm*: the share cards and the search cache (entries, shards) the cold build left;
* *edit*: the same after a paragraph was added to one article;
* *added*: the same after an article dated after every other was added (an editor's daily case),
  which, the index numbering its articles oldest first, takes the next number: the last build's
  shards are patched (an index numbering them newest first moved every other article's number).

Each build also reports how many of its index files differ from the build's before it (of the same
kind of code): what a deploy would upload again.

The index's part of each build is timed inside it (``write_search_index`` in the build's index
process, its forked workers included), and the build's in that process (its own time and that of
every process it forked: pages, cards, index). It prints each build's user, system and processor
(user + system) time, the index's, the index's share of the build by processor time and by user
time, and the machine's load average (1 minute) when the build began; then, per kind, the medians.
The target (issue 9, docs/search.md): the cold index costs at most 15 % of the cold build whose
share cards are kept, by processor time AND by user time. System time is mostly creating files and
faulting pages, and swells when other jobs share the disk, the build's far more than the index's:
the user time is the clock the index's own work moves, the processor time what a build costs.

``--against DIR``: the same builds alternating with the kiku source folder DIR (say, ``git archive
main | tar -x -C DIR``), each on its own copy of the site (its own caches), so that every figure has
a pair measured at the same moment. Then the index's total size (its files are gzipped on disk:
what is stored is what is sent) and file counts, and, in Chromium, what a first query downloads
for each query of ``bench/search_query.py`` (target: at most 200 KB typical, 25 MB total, per
10,000 articles).

Usage: .venv/bin/python bench/search_index.py [--articles 10000] [--rounds 3] [--no-browser] [--keep DIR]
    [--real-prose] [--corpus DIR] [--against KIKU_SOURCE_DIR] [--kinds cold-drawn,cold,warm,edit]
(``--keep``: leave the built site in DIR, for ``bench/search_query.py --built DIR``; ``--corpus``: a
copy of the site ``bench/corpus.py DIR`` wrote is built instead of generating one, ``--articles``
and ``--real-prose`` then being its)
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

TARGET_RATIO = 0.15
TARGET_KIND = "cold"
CACHE_DIR = ".kiku-cache"
# kind → the build cache folders it keeps
KINDS: dict[str, set[str]] = {"cold-drawn": set(), "cold": {"cards"}, "warm": {"cards", "search"},
                              "edit": {"cards", "search"}, "added": {"cards", "search"}}
TITLES = {"cold-drawn": "cold, cards drawn", "cold": "cold, cards kept", "warm": "warm search cache",
          "edit": "after editing one article", "added": "after adding an article"}
Timing = dict[str, float]  # wall, user, system seconds


def _usage() -> tuple[float, float]:
    """User and system seconds of this process and its waited-for children."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + children.ru_utime, own.ru_stime + children.ru_stime


def _since(wall: float, usage: tuple[float, float]) -> Timing:
    user, system = _usage()
    return {"wall": time.perf_counter() - wall, "user": user - usage[0], "system": system - usage[1]}


def _one_build(root: Path, out: Path) -> dict[str, Any]:
    """Run in a process of its own: build ``root`` into ``out``, timing the build and its index."""
    import kiku.render.site
    from kiku.build import build

    original = kiku.render.site.write_search_index  # type: ignore[attr-defined]
    # The build writes the index in a forked process (kiku.runtime.forks.alongside): its timing comes back in a file.
    spent_file = Path(tempfile.mkstemp(prefix="kiku-index-timing-")[1])

    def timed_index(*arguments: Any, **keywords: Any) -> Any:
        wall, usage = time.perf_counter(), _usage()
        written = original(*arguments, **keywords)
        spent_file.write_text(json.dumps(_since(wall, usage)))
        return written

    kiku.render.site.write_search_index = timed_index  # type: ignore[attr-defined]
    try:
        wall, usage = time.perf_counter(), _usage()
        build(root, out)
        whole = _since(wall, usage)
        index = json.loads(spent_file.read_text())
    finally:
        spent_file.unlink(missing_ok=True)
    peak = max(resource.getrusage(who).ru_maxrss for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))
    return {"build": whole, "index": index, "peak_mib": peak / 1024}


def _drop_build_cache(site_root: Path, keep: set[str]) -> None:
    """Remove the build cache but the folders named in ``keep`` (``cards``, ``search``)."""
    cache = site_root / CACHE_DIR
    for entry in cache.iterdir() if cache.is_dir() else ():
        if entry.name not in keep and entry.name != ".gitignore":
            shutil.rmtree(entry) if entry.is_dir() else entry.unlink()


def _timed_build(root: Path, out: Path, keep: set[str] | None, source: Path | None) -> dict[str, Any]:
    """A full build of ``root`` into a fresh ``out`` in a new process (kiku from ``source`` when
    given), after removing the build cache but ``keep`` (None: keep it all)."""
    if keep is not None:
        _drop_build_cache(root, keep)
    last = _index_tree(out)
    shutil.rmtree(out, ignore_errors=True)
    environment = dict(os.environ)
    if source is not None:
        environment["PYTHONPATH"] = os.pathsep.join(filter(None, [str(source), environment.get("PYTHONPATH")]))
    load = os.getloadavg()[0]
    command = [sys.executable, __file__, "--one-build", str(root), str(out)]
    done = subprocess.run(command, env=environment, check=True, capture_output=True, text=True)
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    result["load"] = load
    written = _index_tree(out)
    result["index_files"] = len(written)
    result["rewritten"] = sum(last.get(path) != data for path, data in written.items())
    return result


def _index_tree(out: Path) -> dict[str, bytes]:
    """The index files of the build in ``out`` (path → bytes): a deploy uploads those that changed."""
    files = (out / "search").rglob("*")
    return {path.relative_to(out).as_posix(): path.read_bytes() for path in files if path.is_file()}


def _cpu(spent: Timing) -> float:
    return spent["user"] + spent["system"]


def _describe(name: str, result: dict[str, Any]) -> str:
    whole, index = result["build"], result["index"]
    return (f"{name}: build {whole['wall']:.1f} s wall, {_cpu(whole):.2f} cpu ({whole['user']:.2f} user,"
            f" {whole['system']:.2f} system); index {_cpu(index):.2f} cpu ({index['user']:.2f} user,"
            f" {index['system']:.2f} system): {_cpu(index) / _cpu(whole):.1%} of the processor time,"
            f" {index['user'] / whole['user']:.1%} of the user time; peak {result['peak_mib']:.0f} MiB;"
            f" load {result['load']:.1f}; {result['rewritten']} of {result['index_files']} index files"
            " differ from the build before")


def _median(results: list[dict[str, Any]], part: str, clock: str) -> float:
    values = [_cpu(result[part]) if clock == "cpu" else result[part][clock] for result in results]
    return statistics.median(values)


def _summary(code: str, kind: str, results: list[dict[str, Any]], articles: int) -> None:
    loads = [result["load"] for result in results]
    print(f"{code}, {articles} articles, {TITLES[kind]} ({len(results)} builds,"
          f" load {min(loads):.1f}-{max(loads):.1f}):")
    for clock in ("cpu", "user", "system", "wall"):
        full, alone = _median(results, "build", clock), _median(results, "index", clock)
        shares = sorted(_median([r], "index", clock) / _median([r], "build", clock) for r in results)
        verdict = ""
        if kind == TARGET_KIND and clock in ("cpu", "user"):
            verdict = " (ok)" if alone / full <= TARGET_RATIO else f" (over the {TARGET_RATIO:.0%} target)"
        print(f"  {clock:6} time: build {full:7.2f} s, index {alone:6.2f} s ({alone / articles * 1000:.3f} ms an"
              f" article): {alone / full:.1%} of the build{verdict}; each build {shares[0]:.1%}-{shares[-1]:.1%}")


def _same_index(roots: dict[str, Path]) -> str:
    """Whether the last builds of both codes wrote the same index, file for file, byte for byte."""
    trees = [
        {path.relative_to(root.parent / "_site"): path.read_bytes()
         for path in sorted((root.parent / "_site" / "search").rglob("*")) if path.is_file()}
        for root in roots.values()
    ]
    if trees[0] == trees[1]:
        return f"the same ({len(trees[0])} files)"
    differing = [str(path) for path in trees[0].keys() | trees[1].keys() if trees[0].get(path) != trees[1].get(path)]
    return f"{len(differing)} differ ({', '.join(sorted(differing)[:3])}…)"


def _edit_one_article(root: Path, round_number: int) -> None:
    """Add a body paragraph to the middle article (another one each round): an editor's edit."""
    files = sorted((root / "content").glob("*.yaml"))
    path = files[len(files) // 2]
    text = path.read_text(encoding="utf-8")
    paragraph = f"  - 編集で加えた{round_number + 1}番目の段落です。\n"
    path.write_text(text.replace("  body:\n", "  body:\n" + paragraph, 1), encoding="utf-8")


def _add_one_article(root: Path, round_number: int) -> None:
    """Add an article dated after every other (another one each round): an editor's new article,
    which takes the index's next number (only the new article is indexed, the shards it reaches
    patched)."""
    newest = max((root / "content").glob("*.yaml"))
    text = newest.read_text(encoding="utf-8")
    date = dt.date.fromisoformat(re.search(r"^date: (\S+)$", text, re.MULTILINE)[1])  # type: ignore[index]
    added = date + dt.timedelta(days=1)
    text = re.sub(r"^date: \S+$", f"date: {added.isoformat()}", text, count=1, flags=re.MULTILINE)
    text = re.sub(r"^title: ", f"title: 追加{round_number + 1}・", text, count=1, flags=re.MULTILINE)
    (root / "content" / f"{added.isoformat()}-added{round_number + 1}.yaml").write_text(text, encoding="utf-8")


def _sizes(root: Path, out: Path, articles: int, browser: bool) -> None:
    from search_query import QUERIES, first_query_downloads, print_downloads

    from kiku.content.loading.loader import load_site
    from kiku.search.encoding.records import LENGTHS_PATH, UNIT, read_lengths
    from kiku.search.index import build_search_index

    built = build_search_index(load_site(root))
    sizes = {path: len(data) for path, data in built.files.items()}
    total = sum(sizes.values())
    shards = [size for path, size in sizes.items() if "/shards/" in path]
    packs = [size for path, size in sizes.items() if path.startswith("search/records/") and path.endswith(".bin")]
    units = read_lengths(built.files[LENGTHS_PATH])  # a unit: UNIT records deflated together
    print(f"index: {total / 1e6:.2f} MB in {len(sizes)} files ({total / articles / 1e3:.2f} KB"
          f" per article; {total / 1e6 * 10_000 / articles:.2f} MB per 10,000 articles)")
    print(f"  {len(shards)} shards: {sum(shards) / 1e6:.2f} MB, median {statistics.median(shards) / 1e3:.1f} KB,"
          f" largest {max(shards) / 1e3:.1f} KB")
    print(f"  {articles} records in {len(units)} units of {UNIT} in {len(packs)} packs: {sum(packs) / 1e6:.2f} MB,"
          f" median unit {statistics.median(units) / 1e3:.2f} KB, median pack {statistics.median(packs) / 1e3:.1f} KB;"
          f" their lengths {sizes[LENGTHS_PATH] / 1e3:.1f} KB")
    if browser:
        print_downloads(first_query_downloads(out, QUERIES))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--no-browser", action="store_true", help="skip the first-query downloads")
    parser.add_argument("--keep", type=Path, help="copy the built site to this folder")
    parser.add_argument("--real-prose", action="store_true",
                        help="summaries and body text learnt from real articles (bench/prose.py)")
    parser.add_argument("--corpus", type=Path, help="a site bench/corpus.py wrote, copied and built instead")
    parser.add_argument("--against", type=Path, help="a kiku source folder whose builds alternate with this one's")
    parser.add_argument("--kinds", default=",".join(KINDS), help="the builds of a round, of " + ",".join(KINDS))
    parser.add_argument("--one-build", nargs=2, type=Path, help=argparse.SUPPRESS)
    arguments = parser.parse_args(argv)
    if arguments.one_build:
        print(json.dumps(_one_build(*arguments.one_build)))
        return 0
    kinds = arguments.kinds.split(",")
    codes: dict[str, Path | None] = {"this": None}
    if arguments.against:
        codes["against"] = arguments.against.resolve()
    with tempfile.TemporaryDirectory(prefix="kiku-search-bench-") as scratch:
        first = Path(scratch) / "this" / "site"
        if arguments.corpus:
            shutil.copytree(arguments.corpus, first, ignore=shutil.ignore_patterns(CACHE_DIR))
            arguments.articles = len(list((first / "content").glob("*.yaml")))
        else:
            from corpus import write_corpus

            write_corpus(first, arguments.articles, real_prose=arguments.real_prose)
        roots = {code: Path(scratch) / code / "site" for code in codes}
        for code, source in codes.items():
            if roots[code] != first:
                shutil.copytree(first, roots[code])
            print(_describe(f"{code} first build (fills the caches)",
                            _timed_build(roots[code], roots[code].parent / "_site", None, source)), flush=True)
        results: dict[tuple[str, str], list[dict[str, Any]]] = {(code, kind): [] for code in codes for kind in kinds}
        for round_number in range(arguments.rounds):
            order = list(codes) if round_number % 2 == 0 else list(reversed(codes))
            for kind in kinds:
                if kind in ("edit", "added"):
                    for root in roots.values():
                        (_edit_one_article if kind == "edit" else _add_one_article)(root, round_number)
                for code in order:
                    result = _timed_build(roots[code], roots[code].parent / "_site", KINDS[kind], codes[code])
                    results[code, kind].append(result)
                    print(_describe(f"round {round_number + 1}, {code}, {TITLES[kind]}", result), flush=True)
        for (code, kind), runs in results.items():
            _summary(code, kind, runs, arguments.articles)
        if "against" in roots:
            print(f"the index files of the last builds of both: {_same_index(roots)}")
        _sizes(roots["this"], roots["this"].parent / "_site", arguments.articles, not arguments.no_browser)
        if arguments.keep:
            shutil.copytree(roots["this"].parent / "_site", arguments.keep)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
