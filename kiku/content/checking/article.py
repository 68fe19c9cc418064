"""One article file (``content/<slug>.yaml``) → a DigestArticle or an EncyclopediaArticle.

The field tuples below are the format: the loader accepts exactly these names, and the writer
emits them in this order (see ``docs/content-format.md``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace
from typing import TypeVar

from yaml.nodes import MappingNode, Node, ScalarNode

from kiku.content.checking.fields import Fields, Reader
from kiku.content.checking.tags import read_tags
from kiku.content.model import (
    DEFAULT_LIMITS,
    Article,
    Attribution,
    DigestArticle,
    EncyclopediaArticle,
    EncyclopediaSection,
    Limits,
    Reference,
    Section,
    SiteConfig,
    SourceCard,
    Tag,
)
from kiku.content.reading.document import Problems, compose, describe, is_null
from kiku.content.reading.quick_yaml import quick_tree
from kiku.errors import ContentErrors

T = TypeVar("T")

KINDS = ("digest", "encyclopedia")

DIGEST_FIELDS = (
    "kind", "title", "date", "lead", "tags", "key_points", "intro", "sections", "outro", "conclusion",
    "scraped_from",
)  # fmt: skip
SECTION_FIELDS = (
    "heading", "question", "answer", "comments", "sources", "body", "reaction",
    # The one-card form of earlier files: ``source`` + ``source_comments`` is ``sources`` of that card.
    "source", "source_comments",
)  # fmt: skip
CARD_FIELDS = ("title", "publisher", "url", "published", "summary", "off_topic", "comments")
# The one-card form's card: its remarks are the section's ``source_comments``.
SOURCE_FIELDS = CARD_FIELDS[:-1]
ENCYCLOPEDIA_FIELDS = (
    "kind", "title", "date", "lead", "tags", "sections", "references", "attribution", "scraped_from",
)  # fmt: skip
ENCYCLOPEDIA_SECTION_FIELDS = ("heading", "body")
REFERENCE_FIELDS = ("id", "text", "url")
ATTRIBUTION_FIELDS = ("source", "title", "url", "revision", "license", "license_url", "notice")

_ONLY_ENCYCLOPEDIA = (
    "unknown field for a digest article (encyclopedia articles start with 'kind: encyclopedia')"
)
_ONLY_DIGEST = "unknown field for an encyclopedia article (only digest articles have it)"
_DIGEST_HINTS = {name: _ONLY_ENCYCLOPEDIA for name in ("references", "attribution")}
_ENCYCLOPEDIA_HINTS = {name: _ONLY_DIGEST for name in ("key_points", "intro", "outro", "conclusion")}
_ENCYCLOPEDIA_SECTION_HINTS = {
    name: _ONLY_DIGEST for name in SECTION_FIELDS if name not in ("heading", "body")
}


def load_article(text: str, *, path: str, slug: str, config: SiteConfig) -> Article:
    """Validate one article document; raise ContentErrors with every problem of the file.

    ``path`` labels the errors (``content/x.yaml``); ``slug`` is not in the document (it is the
    file name) and is stored on the article as given.
    """
    problems = Problems(path)
    article = parse_article(text, slug=slug, vocabulary=config.tags, problems=problems, limits=config.limits)
    if article is None:
        raise ContentErrors(problems.in_document_order())
    return article


def parse_article(
    text: str, *, slug: str, vocabulary: Mapping[str, Tag] | None, problems: Problems, limits: Limits = DEFAULT_LIMITS
) -> Article | None:
    """The article in ``text``, or None when any problem was recorded in ``problems``.

    ``vocabulary=None`` skips the tag vocabulary check (``site.yaml`` could not be loaded).
    """
    quick_root = quick_tree(text)
    if quick_root is not None:
        # Read without positions; any problem is found again below, where it can be located.
        quick_problems = Problems(problems.path)
        article = _read_root(quick_root, slug, vocabulary, quick_problems, limits)
        if not quick_problems.errors:
            return None if problems.errors else article
    root = compose(text, problems)
    if root is None:
        return None
    if not isinstance(root, MappingNode):
        problems.add(root, None, f"expected a mapping of fields (title: …, date: …), got {describe(root)}")
        return None
    article = _read_root(root, slug, vocabulary, problems, limits)
    return None if problems.errors else article


def _read_root(
    root: MappingNode, slug: str, vocabulary: Mapping[str, Tag] | None, problems: Problems, limits: Limits
) -> Article | None:
    kind = _read_kind(root, problems)
    if kind is None:
        return None
    reader = _ArticleReader(Reader(problems, limits.text_field_chars), vocabulary)
    return reader.encyclopedia(root, slug) if kind == "encyclopedia" else reader.digest(root, slug)


def _read_kind(root: MappingNode, problems: Problems) -> str | None:
    """``kind`` decides which fields are allowed, so it is read first; absent means digest.

    An unknown kind stops the reading of the file: checking it against either field list would
    only add misleading problems.
    """
    for key_node, value_node in root.value:
        if isinstance(key_node, ScalarNode) and key_node.value == "kind":
            if isinstance(value_node, ScalarNode) and value_node.value in KINDS:
                return str(value_node.value)
            shown = repr(value_node.value) if isinstance(value_node, ScalarNode) else describe(value_node)
            problems.add(value_node, "kind", f"expected 'digest' or 'encyclopedia', got {shown}")
            return None
    return "digest"


class _ArticleReader:
    """Builds the model objects of one article from its node tree."""

    def __init__(self, reader: Reader, vocabulary: Mapping[str, Tag] | None) -> None:
        self.reader = reader
        self.vocabulary = vocabulary

    # --- digest -----------------------------------------------------------------------------

    def digest(self, root: Node, slug: str) -> DigestArticle | None:
        read = self.reader
        fields = read.fields(root, "", DIGEST_FIELDS, required=("title", "date"), hints=_DIGEST_HINTS)
        if fields is None:
            return None
        return DigestArticle(
            slug=slug,
            title=read.required_text(fields, "title"),
            date=read.required_date(fields, "date"),
            lead=read.text(fields, "lead", markdown=True),
            tags=read_tags(read, fields, self.vocabulary),
            key_points=read.text_list(fields, "key_points", markdown=True),
            intro=read.text(fields, "intro", markdown=True),
            sections=self._all(self._section, read.items(fields, "sections", "sections")),
            outro=read.text_list(fields, "outro", markdown=True),
            conclusion=read.text_list(fields, "conclusion", markdown=True),
            scraped_from=read.text(fields, "scraped_from"),
        )

    def _section(self, path: str, node: Node) -> Section | None:
        read = self.reader
        fields = read.fields(node, path, SECTION_FIELDS, required=("heading",))
        if fields is None:
            return None
        return Section(
            heading=read.required_text(fields, "heading"),
            question=read.text(fields, "question"),
            answer=read.text(fields, "answer"),
            comments=read.text_list(fields, "comments", markdown=True),
            sources=self._sources(fields),
            body=read.text_list(fields, "body", markdown=True),
            reaction=read.text_list(fields, "reaction", markdown=True),
        )

    def _sources(self, fields: Fields) -> tuple[SourceCard, ...]:
        """``sources``, or the one-card form: ``source`` with ``source_comments`` as its remarks."""
        read = self.reader
        single = fields.values.get("source")
        single_comments = read.text_list(fields, "source_comments", markdown=True)
        if fields.values.get("sources") is not None:
            for name in ("source", "source_comments"):
                if fields.values.get(name) is not None:
                    read.problems.add(fields.values[name], fields.field(name),
                                      f"'{name}' is the one-card form of 'sources': give either, not both "
                                      "(move the card into 'sources' with its remarks as its 'comments')")
            return self._all(self._card, read.items(fields, "sources", "source cards"))
        if single is None or is_null(single):  # absent, or left empty (``source:``)
            if single_comments:
                read.problems.add(fields.values["source_comments"], fields.field("source_comments"),
                                  "remarks on a source card, but the section has no 'source' "
                                  "(add the card, or move the remarks to 'comments')")
            return ()
        card = self._card(fields.field("source"), single, SOURCE_FIELDS)
        return (replace(card, comments=single_comments),) if card is not None else ()

    def _card(self, path: str, node: Node, names: tuple[str, ...] = CARD_FIELDS) -> SourceCard | None:
        read = self.reader
        fields = read.fields(node, path, names, required=("url",))
        if fields is None:
            return None
        return SourceCard(
            url=read.required_url(fields, "url"),
            title=read.text(fields, "title"),
            publisher=read.text(fields, "publisher"),
            published=read.date(fields, "published"),
            summary=read.text_list(fields, "summary", markdown=True),
            off_topic=read.flag(fields, "off_topic"),
            comments=read.text_list(fields, "comments", markdown=True),
        )

    # --- encyclopedia -----------------------------------------------------------------------

    def encyclopedia(self, root: Node, slug: str) -> EncyclopediaArticle | None:
        read = self.reader
        fields = read.fields(
            root,
            "",
            ENCYCLOPEDIA_FIELDS,
            required=("title", "date", "attribution"),
            hints=_ENCYCLOPEDIA_HINTS,
        )
        if fields is None:
            return None
        attribution_node = fields.values.get("attribution")
        attribution = self._attribution(attribution_node) if attribution_node is not None else None
        article = EncyclopediaArticle(
            slug=slug,
            title=read.required_text(fields, "title"),
            date=read.required_date(fields, "date"),
            attribution=attribution or Attribution(source="", title="", url="", license=""),
            lead=read.text(fields, "lead", markdown=True),
            tags=read_tags(read, fields, self.vocabulary),
            sections=self._all(self._encyclopedia_section, read.items(fields, "sections", "sections")),
            references=self._references(fields),
            scraped_from=read.text(fields, "scraped_from"),
        )
        return article if attribution is not None else None

    def _encyclopedia_section(self, path: str, node: Node) -> EncyclopediaSection | None:
        read = self.reader
        fields = read.fields(
            node, path, ENCYCLOPEDIA_SECTION_FIELDS, required=("heading",), hints=_ENCYCLOPEDIA_SECTION_HINTS
        )
        if fields is None:
            return None
        return EncyclopediaSection(
            heading=read.required_text(fields, "heading"), body=read.text_list(fields, "body", markdown=True)
        )

    def _references(self, article_fields: Fields) -> tuple[Reference, ...]:
        read = self.reader
        references: list[Reference] = []
        first_paths: dict[int, str] = {}
        for path, node in read.items(article_fields, "references", "references"):
            fields = read.fields(node, path, REFERENCE_FIELDS, required=("id", "text"))
            if fields is None:
                continue
            id_node = fields.values.get("id")
            reference_id = read.positive_int_of(id_node, fields.field("id")) if id_node is not None else 0
            if reference_id in first_paths:
                read.problems.add(
                    id_node,
                    fields.field("id"),
                    f"duplicate reference id {reference_id} (already at {first_paths[reference_id]})",
                )
            elif reference_id:
                first_paths[reference_id] = path
            references.append(
                Reference(
                    id=reference_id,
                    text=read.required_text(fields, "text", markdown=True),
                    url=read.url(fields, "url"),
                )
            )
        return tuple(references)

    def _attribution(self, node: Node) -> Attribution | None:
        read = self.reader
        fields = read.fields(
            node, "attribution", ATTRIBUTION_FIELDS, required=("source", "title", "url", "license")
        )
        if fields is None:
            return None
        return Attribution(
            source=read.required_text(fields, "source"),
            title=read.required_text(fields, "title"),
            url=read.required_url(fields, "url"),
            license=read.required_text(fields, "license"),
            revision=read.text(fields, "revision"),
            license_url=read.url(fields, "license_url"),
            notice=read.text(fields, "notice"),
        )

    # --- helpers ----------------------------------------------------------------------------

    @staticmethod
    def _all(read_one: Callable[[str, Node], T | None], items: list[tuple[str, Node]]) -> tuple[T, ...]:
        """Read every item, keeping those that could be read (the others recorded a problem)."""
        return tuple(value for value in (read_one(path, node) for path, node in items) if value is not None)
