"""Benchmark: kiku's BudouX segmenter against BudouX's own parser, on a generated corpus's texts.

    .venv/bin/python bench/phrase_segmenter.py [ARTICLES] [ROUNDS]

Takes every string of ARTICLES articles of ``bench/corpus.py`` (default 300: titles, leads, key
points, questions, answers, remarks, paragraphs; what the site cuts into phrases), checks that both
give the same breaks on each, then times both over all of them ROUNDS times (default 5), alternating,
in CPU time of this process, and prints the medians per call and per character and their ratio.
Exits 1 when a break differs or the segmenter is not at least 2× faster.
"""

from __future__ import annotations

import argparse
import dataclasses
import statistics
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import budoux

from bench.corpus import generate
from kiku.render.text.segmenter import japanese_segmenter

TARGET_RATIO = 2.0


def corpus_strings(node: Any) -> Iterator[str]:
    if isinstance(node, str):
        yield node
    elif dataclasses.is_dataclass(node):
        yield from corpus_strings(dataclasses.astuple(node))  # type: ignore[arg-type]
    elif isinstance(node, tuple):
        for item in node:
            yield from corpus_strings(item)


def chunk_starts(chunks: list[str]) -> list[int]:
    starts, offset = [], 0
    for chunk in chunks[:-1]:
        offset += len(chunk)
        starts.append(offset)
    return starts


def cpu_seconds(segment: Callable[[str], object], texts: list[str]) -> float:
    started = time.process_time()
    for text in texts:
        segment(text)
    return time.process_time() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("articles", nargs="?", type=int, default=300)
    parser.add_argument("rounds", nargs="?", type=int, default=5)
    arguments = parser.parse_args()
    texts = [text for article in generate(arguments.articles) for text in corpus_strings(article) if text]
    budoux_parser, segmenter = budoux.load_default_japanese_parser(), japanese_segmenter()
    differing = sum(chunk_starts(budoux_parser.parse(text)) != segmenter.breaks(text) for text in texts)
    timings: dict[str, list[float]] = {"budoux.Parser.parse": [], "kiku segmenter": []}
    for _ in range(arguments.rounds):
        timings["budoux.Parser.parse"].append(cpu_seconds(budoux_parser.parse, texts))
        timings["kiku segmenter"].append(cpu_seconds(segmenter.breaks, texts))
    characters = sum(map(len, texts))
    print(f"{len(texts):,} strings of {arguments.articles} articles,"
          f" {characters / len(texts):.0f} characters on average; {differing} with different breaks;"
          f" medians of {arguments.rounds} alternating rounds, CPU time:")
    for name, seconds in timings.items():
        median = statistics.median(seconds)
        print(f"  {name:20} {median / len(texts) * 1e6:7.1f} µs per string"
              f"  {median / characters * 1e6:6.2f} µs per character")
    ratio = statistics.median(
        slow / fast for slow, fast in zip(timings["budoux.Parser.parse"], timings["kiku segmenter"], strict=True)
    )
    print(f"  the segmenter is {ratio:.1f}× as fast (target ≥ {TARGET_RATIO}×)")
    return 0 if differing == 0 and ratio >= TARGET_RATIO else 1


if __name__ == "__main__":
    sys.exit(main())
