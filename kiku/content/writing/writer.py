"""An article → the hand-editable YAML document that ``load_article`` reads back to an equal article.

Block style, fields in the documented order, empty and default fields left out, Japanese written
as is, multi-line text as literal ``|`` blocks, never folded. The slug is not written: it is the
file name.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import yaml

from kiku.content.model import (
    Article,
    Attribution,
    DigestArticle,
    EncyclopediaArticle,
    EncyclopediaSection,
    Reference,
    Section,
    SourceCard,
)

_NO_FOLDING = 1_000_000_000  # a line width no paragraph reaches: lines are never folded

Document = dict[str, Any]


def dump_article(article: Article, *, comments: Sequence[str] = ()) -> str:
    """The YAML document for ``article``, with each line of ``comments`` as a ``# `` line on top.

    libyaml writes characters outside the Basic Multilingual Plane (emoji such as 💡) as
    ``\\U0001F4A1`` escapes inside double quotes; such a document is written again with PyYAML's
    pure-Python emitter, which keeps them as they are (same content, easier to edit).
    """
    document = _encyclopedia(article) if isinstance(article, EncyclopediaArticle) else _digest(article)
    text = _dump(document, _CDumper)
    if "\\U" in text:
        text = _dump(document, _PythonDumper)
    header = "".join(f"# {line}\n" if line else "#\n" for comment in comments for line in _lines(comment))
    return header + text


def _dump(document: Document, dumper: type[yaml.CSafeDumper] | type[yaml.SafeDumper]) -> str:
    return str(
        yaml.dump(
            document,
            Dumper=dumper,
            allow_unicode=True,
            sort_keys=False,
            default_flow_style=False,
            width=_NO_FOLDING,
        )
    )


def _lines(comment: str) -> list[str]:
    return [line.rstrip() for line in comment.splitlines()] or [""]


def _represent_text(dumper: yaml.representer.SafeRepresenter, value: str) -> yaml.ScalarNode:
    """Multi-line text as a literal block, so paragraphs read as they will be shown."""
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|" if "\n" in value else None)


class _CDumper(yaml.CSafeDumper):
    """libyaml's emitter with literal blocks for multi-line text."""

    def ignore_aliases(self, data: object) -> bool:
        # An editor must see the value in every place: never '&id001' / '*id001'.
        return True


class _PythonDumper(yaml.SafeDumper):
    """PyYAML's emitter with literal blocks for multi-line text (used for text with emoji)."""

    def ignore_aliases(self, data: object) -> bool:
        return True


_CDumper.add_representer(str, _represent_text)
_PythonDumper.add_representer(str, _represent_text)


def _compact(document: Document) -> Document:
    """Leave out absent and empty fields (given as None) and ``off_topic: false``; the loader
    fills them back in."""
    return {key: value for key, value in document.items() if value is not None and value is not False}


def _digest(article: DigestArticle) -> Document:
    # ``kind`` is left out: digest is the default.
    return _compact(
        {
            "title": article.title,
            "date": article.date,
            "lead": article.lead,
            "tags": list(article.tags) or None,
            "key_points": list(article.key_points) or None,
            "intro": article.intro,
            "sections": [_section(section) for section in article.sections] or None,
            "outro": list(article.outro) or None,
            "conclusion": list(article.conclusion) or None,
            "scraped_from": article.scraped_from,
        }
    )


def _section(section: Section) -> Document:
    return _compact(
        {
            "heading": section.heading,
            "question": section.question,
            "answer": section.answer,
            "comments": list(section.comments) or None,
            "sources": [_source(card) for card in section.sources] or None,
            "body": list(section.body) or None,
            "reaction": list(section.reaction) or None,
        }
    )


def _source(source: SourceCard) -> Document:
    return _compact(
        {
            "title": source.title,
            "publisher": source.publisher,
            "url": source.url,
            "published": source.published,
            "summary": list(source.summary) or None,
            "off_topic": source.off_topic,
            "comments": list(source.comments) or None,
        }
    )


def _encyclopedia(article: EncyclopediaArticle) -> Document:
    return _compact(
        {
            "kind": "encyclopedia",
            "title": article.title,
            "date": article.date,
            "lead": article.lead,
            "tags": list(article.tags) or None,
            "sections": [_encyclopedia_section(section) for section in article.sections] or None,
            "references": [_reference(reference) for reference in article.references] or None,
            "attribution": _attribution(article.attribution),
            "scraped_from": article.scraped_from,
        }
    )


def _encyclopedia_section(section: EncyclopediaSection) -> Document:
    return _compact({"heading": section.heading, "body": list(section.body) or None})


def _reference(reference: Reference) -> Document:
    return _compact({"id": reference.id, "text": reference.text, "url": reference.url})


def _attribution(attribution: Attribution) -> Document:
    return _compact(
        {
            "source": attribution.source,
            "title": attribution.title,
            "url": attribution.url,
            "revision": attribution.revision,
            "license": attribution.license,
            "license_url": attribution.license_url,
            "notice": attribution.notice,
        }
    )
