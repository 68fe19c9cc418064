"""One article's share of the index: its tokens and the record a result shows and is confirmed by.

``index_article`` is a pure function of the article and its tags, so an entry can be kept from
one build to the next (``kiku serve``, a build cache) and reused while both are unchanged.
"""

from __future__ import annotations

import gzip
import json
from dataclasses import dataclass

from kiku.content.model import Article, EncyclopediaArticle
from kiku.render.urls import article_url, page_path
from kiku.render.views import DateView, TagView
from kiku.search.normalise import display_form, fold, token_set, tokens_and_runs
from kiku.search.text import searchable_text


@dataclass(frozen=True, slots=True)
class ArticleEntry:
    """An article's tokens (``head_tokens``: those of its title, lead and headings), its distinct
    Japanese runs of two or more characters (``runs``, normalised: kiku.search.extensions reads
    them) and its record.

    ``record`` is the gzipped JSON the script fetches for a result: ``u`` the page's site-relative
    path, ``t`` the title, ``d``/``i`` the date shown and ISO, ``k`` the kind's label, ``g`` the tag
    keys, ``x`` the visible text fields in display form (the text hits are confirmed against and
    snippets cut from), ``h`` the indexes of the title, lead and heading fields in ``x``.
    """

    article: Article
    tags: tuple[TagView, ...]
    tokens: frozenset[str]
    head_tokens: frozenset[str]
    runs: frozenset[str]
    record: bytes

    def is_for(self, article: Article, tags: tuple[TagView, ...]) -> bool:
        """Whether this entry is still right for ``article`` with ``tags`` (reuse it, do not re-index)."""
        return (self.article is article or self.article == article) and self.tags == tags


def index_article(article: Article, tags: tuple[TagView, ...]) -> ArticleEntry:
    """The entry of ``article`` shown with ``tags``."""
    text = searchable_text(article, tags)
    shown = [display_form(field) for field in text.fields]
    folded = [fold(field) for field in shown]  # folded once: the head's tokens reuse it
    # Fields are joined by a newline: no token and no query word (which has no newline) spans two.
    tokens, runs = tokens_and_runs("\n".join(folded))
    head_tokens = token_set("\n".join(folded[index] for index in text.head))
    date = DateView.build(article.date)
    record = {
        "u": page_path(article_url(article.slug)),
        "t": article.title,
        "d": date.display,
        "i": date.iso,
        "k": "百科" if isinstance(article, EncyclopediaArticle) else "ダイジェスト",
        "g": [tag.key for tag in tags],
        "h": list(text.head),
        "x": shown,
    }
    long_runs = frozenset(run for run in runs if len(run) > 1)
    return ArticleEntry(article, tags, frozenset(tokens), frozenset(head_tokens), long_runs, gzip_json(record))


def gzip_json(value: object) -> bytes:
    """``value`` as compact UTF-8 JSON, gzipped reproducibly (no file name, no time stamp)."""
    data = json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode("utf-8")
    return gzip.compress(data, compresslevel=6, mtime=0)
