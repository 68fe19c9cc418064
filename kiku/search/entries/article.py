"""One article's share of the index: its tokens and the record a result shows and is confirmed by.

``index_article`` is a pure function of the article and its tags, so an entry can be kept from
one build to the next (``kiku serve``, a build cache) and reused while both are unchanged.
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Sequence
from dataclasses import dataclass

from kiku.content.cache.slim import full_article
from kiku.content.model import Article, EncyclopediaArticle, SiteConfig
from kiku.render.planning.urls import article_url, page_path
from kiku.render.views.page import TagView
from kiku.search.encoding.codebook import code_records
from kiku.search.entries.keys import Key, unpack_keys
from kiku.search.entries.text_arrays import batch_tokens
from kiku.search.text.normalise import display_form, fold
from kiku.search.text.searchable import searchable_text, shown_text, tag_text


@dataclass(frozen=True, slots=True)
class EntryData:
    """What indexing an article computes, compactly: no token is an object of its own, so an
    entry pickles (back from a build worker) and caches as a few strings.

    ``japanese_head``/``japanese``: the keys (kiku.search.entries.keys) of its Japanese tokens in its title,
    lead and headings, and of the others; ``words_head``/``words``: its word tokens in the same two
    groups, newline-separated (no token holds a newline); ``runs``: its distinct Japanese runs of
    two or more characters, normalised, newline-separated (kiku.search.postings.extensions reads them);
    ``record``: the JSON the script fetches for a result, in the records' code, not yet deflated
    (kiku.search.encoding.codebook; a unit of records is deflated together, kiku.search.encoding.records): ``u``
    the page's site-relative path, ``t`` the title when it is not the first field (its display
    form), ``i`` the ISO date (the script writes it as the pages do), ``k`` the kind's label, ``g`` the
    tags' numbers (their places in the manifest's list, ``tag_numbers``), ``x`` the
    visible text fields in display form but the tags' (the text hits are confirmed against and
    snippets cut from; the script appends each tag's field from the manifest), ``h`` the indexes of
    the title, lead and heading fields in ``x``.
    """

    japanese_head: bytes
    japanese: bytes
    words_head: str
    words: str
    runs: str
    record: bytes

    def tokens(self) -> dict[Key, bool]:
        """Every token key of the article → whether it is in the title, lead or a heading."""
        found: dict[Key, bool] = dict.fromkeys(unpack_keys(self.japanese), False)
        found.update(dict.fromkeys(lines(self.words), False))
        found.update(dict.fromkeys(unpack_keys(self.japanese_head), True))
        found.update(dict.fromkeys(lines(self.words_head), True))
        return found

    def run_list(self) -> list[str]:
        return lines(self.runs)


BATCH = 64  # articles tokenised together: enough to spread each array call, few enough to stay in cache
NumberedTag = tuple[int, TagView]  # a tag with its place in the manifest's list (``tag_numbers``)


def tag_numbers(config: SiteConfig) -> dict[str, int]:
    """Each tag key's place in the manifest's list of tags: the keys in order."""
    return {key: number for number, key in enumerate(sorted(config.tags))}


@dataclass(frozen=True, slots=True)
class ArticleEntry:
    """An article shown with its tags (and their numbers), and what indexing it computed (``data``).
    A tag's number is in the record, so an entry is for its tags' numbers too."""

    article: Article
    tags: tuple[NumberedTag, ...]
    data: EntryData

    def is_for(self, article: Article, tags: tuple[NumberedTag, ...]) -> bool:
        """Whether this entry is still right for ``article`` with ``tags`` (reuse it, do not re-index)."""
        return (self.article is article or self.article == article) and self.tags == tags


def index_article(article: Article, tags: tuple[NumberedTag, ...]) -> ArticleEntry:
    """The entry of ``article`` shown with ``tags``."""
    return ArticleEntry(article, tags, index_articles([(article, tags)])[0])


def index_articles(jobs: Sequence[tuple[Article, tuple[NumberedTag, ...]]]) -> list[EntryData]:
    """The entry data of each article shown with its tags: each article's text and record made on
    its own, the characters of ``BATCH`` articles' texts tokenised and their records coded together
    (kiku.search.entries.text_arrays, kiku.search.encoding.codebook): a few array calls a batch, not
    a dozen an article."""
    found: list[EntryData] = []
    for start in range(0, len(jobs), BATCH):
        texts = [_article_texts(article, tags) for article, tags in jobs[start : start + BATCH]]
        tokens = batch_tokens([(head, other) for head, other, _ in texts])
        records = code_records([record for _, _, record in texts])
        found += (
            EntryData(
                japanese_head=token.japanese_head,
                japanese=token.japanese,
                words_head=token.words_head,
                words=token.words,
                runs=token.runs,
                record=record,
            )
            for token, record in zip(tokens, records, strict=True)
        )
    return found


def _article_texts(article: Article, tags: tuple[NumberedTag, ...]) -> tuple[str, str, dict[str, object]]:
    """The normalised text of ``article``'s title, lead and headings, that of its other fields
    (fields joined by NUL: no token and no query word, which has none, spans two), and its record."""
    views = tuple(view for _, view in tags)
    text = searchable_text(full_article(article), views)  # a build's articles are slim (kiku.content.cache.slim)
    shown, displayed = _displayed(text.fields)
    names = [name for name in map(tag_field, views) if name]  # the last fields: the manifest has them
    record: dict[str, object] = {
        "u": page_path(article_url(article.slug)),
        "i": article.date.isoformat(),  # the script writes the date shown from it, as DateView does
        "k": "百科" if isinstance(article, EncyclopediaArticle) else "ダイジェスト",
        "g": [number for number, _ in tags],
        "h": list(text.head),
        "x": shown[: len(shown) - len(names)],
    }
    if article.title != shown[0]:
        record["t"] = article.title  # else the script shows the first field
    head, other = _head_and_other(fold(displayed), [len(field) for field in shown], text.head)
    return head, other, record


def _displayed(fields: Sequence[str]) -> tuple[list[str], str]:
    """``display_form`` of each field, and of them all joined by NUL: computed on the joined fields,
    one call for dozens of short fields. ``display_form`` changes NUL into nothing else, and nothing
    into NUL, and works on each side of it alone (NUL is a starter that composes with nothing)."""
    if not fields:
        return [], ""
    joined = display_form("\x00".join(fields))
    shown = joined.split("\x00")
    if len(shown) != len(fields):  # a field held NUL
        shown = [display_form(field) for field in fields]
        joined = "\x00".join(shown)
    return shown, joined


def _head_and_other(folded: str, lengths: Sequence[int], head: Sequence[int]) -> tuple[str, str]:
    """The fields ``head`` (increasing) of ``folded``, fields of ``lengths`` joined by NUL, joined
    by NUL, and the other fields joined by NUL: each a slice of ``folded`` (``fold`` keeps the length
    of a ``display_form`` text), the others a few runs of fields between the head ones, not every
    field cut apart and joined again."""
    starts = list(itertools.accumulate((length + 1 for length in lengths), initial=0))
    if starts[-1] != len(folded) + 1:  # never (see fold), but then the fields are cut apart
        fields = folded.split("\x00")
        kept = set(head)
        return "\x00".join(fields[index] for index in head), "\x00".join(
            field for index, field in enumerate(fields) if index not in kept
        )
    heads: list[str] = []
    others: list[str] = []
    after = 0  # the first field after the last head field seen
    for index in head:
        if index > after:
            others.append(folded[starts[after] : starts[index] - 1])
        heads.append(folded[starts[index] : starts[index + 1] - 1])
        after = index + 1
    if after < len(lengths):
        others.append(folded[starts[after] :])
    return "\x00".join(heads), "\x00".join(others)


def tag_field(tag: TagView) -> str:
    """The field ``tag`` adds to an article's searchable text (display form), as the manifest lists it."""
    return _shown_tag_field(tag_text(tag))


@functools.lru_cache(maxsize=4096)
def _shown_tag_field(text: str) -> str:
    # A site has a few dozen tags and every article several: each tag's field is computed once.
    return display_form(shown_text(text, markdown=False))


def lines(joined: str) -> list[str]:
    """The items of a newline-joined field of an entry."""
    return joined.split("\n") if joined else []
