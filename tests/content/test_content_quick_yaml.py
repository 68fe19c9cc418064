"""The fast YAML path (``kiku.content.reading.quick_yaml``) reads a file exactly as PyYAML composes it, or
steps aside: same trees, same articles, same errors, on every YAML file of the repository, a generated
corpus, and documents written to trip one parser or the other."""

from __future__ import annotations

import importlib.util
import sys
from types import ModuleType

import pytest
import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from kiku.content.checking import article as article_module
from kiku.content.checking.config import load_config
from kiku.content.model import Article
from kiku.content.reading.document import BOOL_TAG, NULL_TAG, Problems, _ContentLoader
from kiku.content.reading.quick_yaml import quick_tree
from kiku.errors import ContentError
from tests.support.sample_site import REPO_ROOT

VOCABULARY = load_config(REPO_ROOT).tags


def shape(node: Node) -> object:
    """What the field readers can see of a node: its kind, text, and whether it is a boolean, a null
    or text (int, float and timestamp scalars are read as their text, like strings)."""
    if isinstance(node, MappingNode):
        return ("mapping", [(shape(key), shape(value)) for key, value in node.value])
    if isinstance(node, SequenceNode):
        return ("list", [shape(item) for item in node.value])
    assert isinstance(node, ScalarNode)
    kind = {BOOL_TAG: "bool", NULL_TAG: "null"}.get(node.tag, "text")
    return (kind, node.value.lower() if kind == "bool" else "" if kind == "null" else node.value)


def load_bench_corpus() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_corpus", REPO_ROOT / "bench" / "corpus.py")
    assert spec is not None and spec.loader is not None
    corpus = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = corpus  # its dataclasses look their module up there
    spec.loader.exec_module(corpus)
    return corpus


def repository_documents() -> list[tuple[str, str]]:
    paths = sorted([*REPO_ROOT.glob("content/*.yaml"), *(REPO_ROOT / "tests" / "fixtures").rglob("*.yaml")])
    return [(str(path.relative_to(REPO_ROOT)), path.read_text(encoding="utf-8")) for path in paths]


def corpus_documents(articles: int) -> list[tuple[str, str]]:
    corpus = load_bench_corpus()
    return [(article.slug, corpus.article_yaml(article)) for article in corpus.generate(articles, seed=5)]


TRICKY = {
    "yaml 1.1 booleans": "title: yes\ndate: 2026-03-01\nlead: on\n",
    "quoted booleans": "title: 'yes'\ndate: 2026-03-01\nlead: \"off\"\n",
    "nulls": "title: x\ndate: 2026-03-01\nlead: ~\nintro:\noutro: null\nconclusion: ''\n",
    "numbers": "title: 2025\ndate: 2026-03-01\nlead: 3.10\nintro: 0x1F\nconclusion: [1_000, 1e3, .inf, 010]\n",
    "sexagesimal and quoted numbers": "title: 1:30\ndate: '2026-03-01'\nlead: '3.10'\n",
    "explicit tags": "title: !!str 2025\ndate: 2026-03-01\nlead: !custom x\n",
    "anchor and alias": "title: &t x\ndate: 2026-03-01\nlead: *t\n",
    "merge key": "title: x\ndate: 2026-03-01\n<<: {lead: y}\n",
    "directive": "%YAML 1.1\n---\ntitle: x\ndate: 2026-03-01\n",
    "tab inside text": "title: a\tb\ndate: 2026-03-01\n",
    "next line": "title: a\x85b\ndate: 2026-03-01\n",
    "line separator": "title: a\u2028b\ndate: 2026-03-01\n",
    "bom inside": "title: a\ufeffb\ndate: 2026-03-01\n",
    "control character": "title: a\x07b\ndate: 2026-03-01\n",
    "two documents": "title: x\ndate: 2026-03-01\n---\ntitle: y\n",
    "a list": "- title: x\n",
    "empty": "# nothing\n",
    "duplicate key": "title: x\ntitle: y\ndate: 2026-03-01\n",
    "block scalars": "title: x\ndate: 2026-03-01\nlead: |\n  一行目\n\n  二行目\n\n\nintro: >-\n  a\n  b\n\n  c\n"
                     "outro: |+\n  keep\n\n",
    "folded plain and quoted": "title: 停戦\n  交渉\n\n  再開\ndate: 2026-03-01\nlead: \"a\\tb\\u3042\n  c\"\n"
                               "intro: 'it''s'\n",
    "flow collections": "title: x\ndate: 2026-03-01\ntags: [ukraine, russia]\nsections: [{heading: h, body: [a, b]}]\n",
    "comments and colons": "title: x # comment\ndate: 2026-03-01\nlead: 'a: b'\nintro: a:b #c\n",
    "windows line ends": "title: x\r\ndate: 2026-03-01\r\nlead: |\r\n  a\r\n  b\r\n",
    "indentless list": "title: x\ndate: 2026-03-01\nkey_points:\n- a\n-  b\n- - c\n",
    "complex key": "? [a, b]\n: c\ntitle: x\n",
    "bang in text": "title: 合意!ウクライナ\ndate: 2026-03-01\nlead: x !y\n",
    "percent in text": "title: 50%\ndate: 2026-03-01\nlead: |\n  %x\n",
    "boolean flag": "title: x\ndate: 2026-03-01\nsections:\n- heading: h\n  sources:\n  - url: https://a.example/\n"
                    "    off_topic: True\n",
    "broken": "title: [x\ndate: 2026-03-01\n",
}


def parsed(text: str, *, quick: bool, monkeypatch: pytest.MonkeyPatch) -> tuple[Article | None, list[ContentError]]:
    with monkeypatch.context() as patch:
        if not quick:
            patch.setattr(article_module, "quick_tree", lambda text: None)
        problems = Problems("content/x.yaml")
        article = article_module.parse_article(text, slug="x", vocabulary=VOCABULARY, problems=problems)
    return article, problems.in_document_order()


def assert_same_as_pyyaml(name: str, text: str) -> bool:
    """The quick tree equals PyYAML's wherever the quick path vouches for it; whether it did."""
    quick = quick_tree(text)
    if quick is None:
        return False
    assert shape(quick) == shape(yaml.compose(text, Loader=_ContentLoader)), name
    return True


def test_the_quick_tree_is_pyyamls_on_the_repository_and_a_corpus() -> None:
    repository = [assert_same_as_pyyaml(name, text) for name, text in repository_documents()]
    corpus = [assert_same_as_pyyaml(name, text) for name, text in corpus_documents(200)]
    # Every generated digest article takes the quick path, and most of the repository's files; not
    # those with a number (an encyclopedia's reference ids, a truth file's counts) or an '&'.
    assert all(corpus)
    assert len(repository) > 300 and sum(repository) > 0.6 * len(repository)


@pytest.mark.parametrize("name", list(TRICKY))
def test_the_quick_tree_is_pyyamls_or_none_on_tricky_yaml(name: str) -> None:
    assert_same_as_pyyaml(name, TRICKY[name])


@pytest.mark.parametrize(
    "name",
    ["yaml 1.1 booleans", "nulls", "numbers", "explicit tags", "anchor and alias", "merge key", "directive",
     "tab inside text", "next line", "line separator", "bom inside", "control character", "two documents",
     "a list", "empty", "duplicate key", "complex key", "broken"],
)
def test_the_quick_path_steps_aside_where_the_parsers_may_differ(name: str) -> None:
    assert quick_tree(TRICKY[name]) is None


def test_generated_articles_take_the_quick_path() -> None:
    assert all(quick_tree(text) is not None for _, text in corpus_documents(50))


def test_same_articles_and_errors_with_and_without_the_quick_path(monkeypatch: pytest.MonkeyPatch) -> None:
    documents = repository_documents() + corpus_documents(100) + list(TRICKY.items())
    for name, text in documents:
        assert parsed(text, quick=True, monkeypatch=monkeypatch) == parsed(text, quick=False, monkeypatch=monkeypatch), name


def test_an_error_found_on_the_quick_path_keeps_its_position(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "title: x\ndate: 2026-03-01\nsections:\n- heading: h\n  sources:\n  - url: ftp://a.example/\n"
    assert quick_tree(text) is not None
    article, errors = parsed(text, quick=True, monkeypatch=monkeypatch)
    assert article is None
    assert [str(error) for error in errors] == [
        "content/x.yaml:6:10: sections[0].sources[0].url: not an http(s) URL: 'ftp://a.example/'"
    ]



@pytest.mark.parametrize(
    "text",
    [
        "title: " + "[" * 5_000 + "]" * 5_000 + "\n",  # beyond yaml_rs's nesting limit: an error
        "title:\n" + "".join("  " * depth + "- \n" for depth in range(1, 3_000)),  # deeper than Python recursion
    ],
)
def test_deep_nesting_steps_aside_instead_of_failing(text: str) -> None:
    assert quick_tree(text) is None
