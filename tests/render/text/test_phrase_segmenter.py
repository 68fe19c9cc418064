"""kiku's BudouX segmenter gives exactly BudouX's own breaks: on every text kiku ships or tests with,
on a generated corpus, on strings built from the model's own keys, and at the threshold's edge."""

from __future__ import annotations

import dataclasses
import importlib.util
import random
import sys
from collections.abc import Iterator
from typing import Any

import budoux
import pytest
import yaml

from kiku.render.text.segmenter import PhraseSegmenter, japanese_segmenter
from tests.support.sample_site import REPO_ROOT


def budoux_breaks(parser: budoux.Parser, text: str) -> list[int]:
    """Where ``parser.parse`` starts each chunk after the first."""
    breaks, offset = [], 0
    for chunk in parser.parse(text)[:-1]:
        offset += len(chunk)
        breaks.append(offset)
    return breaks


def strings_in(node: Any) -> Iterator[str]:
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for key, value in node.items():
            yield from strings_in(key)
            yield from strings_in(value)
    elif isinstance(node, (list, tuple)):
        for item in node:
            yield from strings_in(item)
    elif dataclasses.is_dataclass(node):
        yield from strings_in(dataclasses.astuple(node))  # type: ignore[arg-type]


def repository_texts() -> list[str]:
    """Every string of content/ and of the test fixtures' YAML files, and every line of their text pages."""
    texts: list[str] = []
    for path in sorted([*REPO_ROOT.glob("content/*.yaml"), *(REPO_ROOT / "tests" / "fixtures").rglob("*.yaml")]):
        try:
            texts.extend(strings_in(yaml.safe_load(path.read_text(encoding="utf-8"))))
        except yaml.YAMLError:  # fixtures of broken YAML: their lines are text all the same
            texts.extend(path.read_text(encoding="utf-8").splitlines())
    for path in sorted((REPO_ROOT / "tests" / "fixtures").rglob("*.txt")):
        texts.extend(path.read_text(encoding="utf-8", errors="replace").splitlines())
    return texts


def corpus_texts(articles: int) -> list[str]:
    spec = importlib.util.spec_from_file_location("bench_corpus", REPO_ROOT / "bench" / "corpus.py")
    assert spec is not None and spec.loader is not None
    corpus = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = corpus  # its dataclasses look their module up there
    spec.loader.exec_module(corpus)
    return [text for article in corpus.generate(articles, seed=7) for text in strings_in(article)]


def model_key_strings(model: dict[str, dict[str, int]], count: int) -> list[str]:
    """Random strings glued from the model's keys, so that many features fire at once, with the
    characters a segmenter could trip on (padding-like NULs, spaces, Latin) mixed in."""
    rng = random.Random(12)
    keys = [*sorted({key for scores in model.values() for key in scores}), "\x00", " ", "A", "1", "\U0001f600"]
    return ["".join(rng.choice(keys) for _ in range(rng.randint(0, 12))) for _ in range(count)]


def assert_same_breaks(parser: budoux.Parser, segmenter: PhraseSegmenter, texts: list[str]) -> None:
    differing = [text for text in texts if segmenter.breaks(text) != budoux_breaks(parser, text)]
    assert not differing, f"{len(differing)} of {len(texts)} texts break differently, e.g. {differing[:3]!r}"


def test_same_breaks_as_budoux_on_the_repository_and_a_corpus() -> None:
    texts = repository_texts() + corpus_texts(60)
    assert len(texts) > 20_000 and sum(map(len, texts)) > 500_000  # a large, varied set
    assert_same_breaks(budoux.load_default_japanese_parser(), japanese_segmenter(), texts)


def test_same_breaks_as_budoux_on_strings_of_model_keys() -> None:
    parser = budoux.load_default_japanese_parser()
    texts = ["", "あ", "あい", "。", "\x00\x00\x00", *model_key_strings(parser.model, 20_000)]
    assert_same_breaks(parser, japanese_segmenter(), texts)


@pytest.mark.parametrize(
    "model",
    [
        {"UW3": {"b": 1}, "UW4": {"a": 1}},  # even total: a score of exactly half never breaks
        {"UW3": {"b": 2}, "UW4": {"a": 1}, "TW2": {"cba": -4}},  # odd total: the half-point threshold
        {"UW1": {"a": 5}, "UW6": {"c": 5}, "BW1": {"ab": -3}, "BW3": {"bc": 2}, "TW4": {"abc": -1}},
        {"TW1": {"abc": 9}, "TW3": {"bca": 9}},  # only trigrams; no unigram table at all
    ],
)
def test_same_breaks_as_budoux_for_small_models(model: dict[str, dict[str, int]]) -> None:
    rng = random.Random(3)
    texts = ["".join(rng.choice("abcd") for _ in range(rng.randint(0, 9))) for _ in range(3_000)]
    assert_same_breaks(budoux.Parser(model), PhraseSegmenter(model), texts)


def test_a_model_with_scores_too_large_for_its_fields_is_refused() -> None:
    with pytest.raises(ValueError, match="do not fit"):
        PhraseSegmenter({"UW4": {"a": 1 << 30}})

