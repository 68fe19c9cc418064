"""Benchmark: reading and validating content files, with the quick YAML path and with PyYAML only.

    .venv/bin/python bench/content_load.py [ARTICLES] [ROUNDS]

Generates ARTICLES articles of ``bench/corpus.py`` (default 500) as content files in memory and
parses each one (``kiku.content.checking.article.parse_article``: YAML, then every field checked) ROUNDS
times (default 5) each way, alternating: with ``kiku.content.reading.quick_yaml`` (yaml_rs, PyYAML only for
files with a problem) and with PyYAML's composer alone, as before it. Prints CPU µs per article
(medians) for the YAML step alone and for the whole parse, and the ratio. Exits 1 when an article
differs between the two ways or the quick path is not faster.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import yaml

from bench.corpus import article_yaml, generate, site_yaml
from kiku.content.checking import article as article_module
from kiku.content.checking.config import load_config
from kiku.content.model import Article
from kiku.content.reading.document import Problems, _ContentLoader
from kiku.content.reading.quick_yaml import quick_tree


def cpu_per_text(task: Callable[[str], object], texts: list[str]) -> float:
    started = time.process_time()
    for text in texts:
        task(text)
    return (time.process_time() - started) / len(texts)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("articles", nargs="?", type=int, default=500)
    parser.add_argument("rounds", nargs="?", type=int, default=5)
    arguments = parser.parse_args()
    texts = [article_yaml(article) for article in generate(arguments.articles)]
    with tempfile.TemporaryDirectory() as scratch:
        (Path(scratch) / "site.yaml").write_text(site_yaml(), encoding="utf-8")
        vocabulary = load_config(Path(scratch)).tags  # the corpus's 60 tags
    quick_parse = article_module.quick_tree

    def parse(text: str) -> Article | None:
        return article_module.parse_article(text, slug="x", vocabulary=vocabulary, problems=Problems("x"))

    def parse_with_pyyaml(text: str) -> Article | None:
        article_module.quick_tree = lambda text: None
        try:
            return parse(text)
        finally:
            article_module.quick_tree = quick_parse

    differing = sum(parse(text) != parse_with_pyyaml(text) or parse(text) is None for text in texts)
    ways: dict[str, Callable[[str], object]] = {
        "YAML: PyYAML compose": lambda text: yaml.compose(text, Loader=_ContentLoader),
        "YAML: quick tree": quick_tree,
        "parse: PyYAML only": parse_with_pyyaml,
        "parse: quick path": parse,
    }
    seconds: dict[str, list[float]] = {name: [] for name in ways}
    for _ in range(arguments.rounds):
        for name, task in ways.items():
            seconds[name].append(cpu_per_text(task, texts))
    print(f"{len(texts)} generated articles, {arguments.rounds} alternating rounds, {differing} differing;"
          " CPU per article (median):")
    for name, values in seconds.items():
        print(f"  {name:22} {statistics.median(values) * 1e6:7.0f} µs")
    ratio = statistics.median(slow / fast for slow, fast in zip(seconds["parse: PyYAML only"],
                                                                seconds["parse: quick path"], strict=True))
    yaml_ratio = statistics.median(slow / fast for slow, fast in zip(seconds["YAML: PyYAML compose"],
                                                                     seconds["YAML: quick tree"], strict=True))
    print(f"  YAML step {yaml_ratio:.1f}× as fast; whole parse {ratio:.2f}× as fast")
    return 0 if differing == 0 and ratio > 1 else 1


if __name__ == "__main__":
    sys.exit(main())
