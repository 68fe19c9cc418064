"""The benchmark corpus's real-looking prose (bench/prose.py): reproducible, and as varied as real
text, which the search index's shared-contexts step is measured on."""

from __future__ import annotations

from bench.corpus import article_yaml, generate
from kiku.search.text.normalise import normalise, words_and_runs


def _distinct_share(articles: int, real_prose: bool) -> float:
    """The share of the distinct ones among the Japanese runs of the articles' bodies and summaries."""
    runs: list[str] = []
    for article in generate(articles, real_prose=real_prose):
        text = "\x00".join(text for section in article.sections for text in (*section.body, *section.source.summary))
        runs.extend(run for run in words_and_runs(normalise(text))[1] if len(run) > 1)
    return len(set(runs)) / len(runs)


def test_the_real_prose_corpus_is_reproducible_and_its_runs_rarely_repeat() -> None:
    first = [article_yaml(article) for article in generate(3, real_prose=True)]
    assert first == [article_yaml(article) for article in generate(3, real_prose=True)]
    assert first != [article_yaml(article) for article in generate(3)]
    # 100 articles: the generated corpus's runs are 29 % distinct, the real-prose corpus's 90 %.
    assert _distinct_share(100, real_prose=False) < 0.4 < 0.8 < _distinct_share(100, real_prose=True)
