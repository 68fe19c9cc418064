"""What of an article a search looks at: its visible text, field by field, in page order.

Only what a reader sees on the article page is searchable: titles, lead, key points, headings,
questions and answers, remarks, the source cards' titles, publishers and bullets (not an
off-topic card's bullets, which the page hides), body text, conclusion, references, and the tag
names in both languages. Link destinations, dates and the page's fixed labels are not.
Markdown is reduced to the text it shows; a field without any Markdown syntax is taken as it is
(the common case for scraped text, and the expensive parse is skipped).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from kiku.content.model import Article, DigestArticle, EncyclopediaArticle, Section
from kiku.render.planning.urls import domain_of
from kiku.render.text.plaintext import plain_text, xml_safe
from kiku.render.views.page import TagView

# Anything CommonMark could read as markup; without it, a text renders as itself. ``!`` matters
# only before ``[`` (an image), ``&`` only as an entity, ``<`` only as an autolink (raw HTML is off:
# a tag shows as written); the rest only at the start of a line (blocks, reference definitions).
# Searched in the text after a newline (``shown_texts``, ``visible_text``), where ``\n`` stands for a line's start: with
# every branch starting with a literal character, ``re`` skips ahead to those characters (in C)
# instead of trying each branch at every place, three times as fast as ``^`` and a class.
_MARKDOWN_SYNTAX = re.compile(r"\\|`|\*|_|\[|&[#A-Za-z]|<[A-Za-z]|\n[ \t]*(?:[#>+\-=~]|\d{1,9}[.)])")
# The two constructs scraped text mostly has, when they cannot mean anything else (kept narrow on
# purpose: tests/search/test_search_text.py checks them against the parser): a link to an http(s) address
# whose text has no syntax, and strong emphasis around text that starts and ends with a letter,
# digit, kana or kanji (so both ``**`` are flanking as CommonMark requires).
_WORDLIKE = "0-9A-Za-z\u3041-\u3096\u30a1-\u30fa\u30fc\u4e00-\u9fff"
_PLAIN = "[^\\[\\]*]"
_SIMPLE = re.compile(
    rf"\[(?P<label>{_PLAIN}+)\]\(https?://[^\s()]+\)"
    rf"|(?<!\*)\*\*(?P<strong>[{_WORDLIKE}](?:{_PLAIN}*[{_WORDLIKE}])?)\*\*(?!\*)"
)
# Outside those, no ``*`` may occur, nor anywhere: escapes, code, ``_``, entities, ``<`` (autolinks),
# ``!`` (images), line breaks and controls (blocks, normalisation). Brackets outside them (scraped
# footnote marks, ``…を占めた[2]。``) show as written unless something could make them a link:
# ``](`` (an inline link), ``][`` (a full reference) or ``]:`` (a definition, which a shortcut
# reference like ``[2]`` needs).
_UNSURE = re.compile(r"\*")
_BRACKET = re.compile(r"[\[\]]")
_LINK_AFTER_BRACKET = re.compile(r"\][(\[:]")
_NEVER = re.compile("[\\\\`_&<!\x00-\x1f\x7f]")
# kiku.render.text.plaintext's characters XML cannot carry, but NUL (the fields' separator above).
_NOT_XML_BUT_NUL = re.compile("[\x01-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_BLOCK_START = re.compile(r"[#>+\-=~]|\d{1,9}[.)]")


@dataclass(frozen=True, slots=True)
class SearchableText:
    """An article's visible text as fields; ``head`` indexes the title, lead and headings."""

    fields: tuple[str, ...]
    head: tuple[int, ...]


class _Fields:
    """The texts of an article as they are added, read at once by ``finish``. Most are Markdown
    and not a heading: only the places of the others are listed (an article adds some sixty)."""

    def __init__(self) -> None:
        self.texts: list[str] = []
        self.plain: list[int] = []  # the places of the texts that are not Markdown
        self.head: list[int] = []  # those of the title, lead and headings

    def add(self, text: str | None, *, markdown: bool = True, head: bool = False) -> None:
        if text:
            if not markdown:
                self.plain.append(len(self.texts))
            if head:
                self.head.append(len(self.texts))
            self.texts.append(text)

    def add_plain(self, text: str | None) -> None:
        """``add(text, markdown=False)``, the commonest kind after Markdown (card titles, answers)."""
        if text:
            self.plain.append(len(self.texts))
            self.texts.append(text)

    def add_all(self, texts: Iterable[str]) -> None:
        self.texts += filter(None, texts)

    def finish(self) -> SearchableText:
        markdown = [True] * len(self.texts)
        for index in self.plain:
            markdown[index] = False
        shown_fields = shown_texts(self.texts, markdown)
        if all(shown_fields):  # nearly always: no field shows nothing
            return SearchableText(tuple(shown_fields), tuple(self.head))
        heads = set(self.head)
        fields: list[str] = []
        head: list[int] = []
        for index, shown in enumerate(shown_fields):
            if shown:
                if index in heads:
                    head.append(len(fields))
                fields.append(shown)
        return SearchableText(tuple(fields), tuple(head))


def shown_texts(texts: list[str], markdown: list[bool]) -> list[str]:
    """``shown_text`` of each text (``markdown``: whether it is Markdown), computed together.

    An article has dozens of short fields: each regular expression runs once over all of them,
    joined by NUL (in no text: no space run or syntax spans two fields), not once per field."""
    # Joined by NUL and a newline, each field starts a line as it does alone: where does syntax occur?
    # (A match's last character is in the field it was found in; the text searched has a newline first.)
    lines = "\n" + "\x00\n".join(texts)
    if lines.count("\x00") != len(texts) - 1:  # a text holds NUL: one by one
        return [shown_text(text, markdown=read) for text, read in zip(texts, markdown, strict=True)]
    # A match's field: the NULs before its last character, counted on from the match before (a
    # few matches an article, not a list of every field's start).
    with_syntax: set[int] = set()
    field = counted = 0
    for found in _MARKDOWN_SYNTAX.finditer(lines):
        field += lines.count("\x00", counted, found.end())
        counted = found.end()
        with_syntax.add(field)
    shown = [" ".join(text.split()) for text in texts]  # _collapsed, inlined
    for index in with_syntax:
        if markdown[index]:
            shown[index] = visible_text(texts[index])
    if _NOT_XML_BUT_NUL.search(lines) is not None:  # (nor is a newline such a character)
        for index, read in enumerate(markdown):
            if read and index not in with_syntax:
                shown[index] = xml_safe(shown[index]).strip()
    return shown


def _collapsed(text: str) -> str:
    """``text`` with each run of white space (``\\s+``, ``str.isspace``) one space, none at the ends:
    splitting and joining it is three times as fast as a regular expression."""
    return " ".join(text.split())


def shown_text(text: str, *, markdown: bool) -> str:
    """What a reader sees of a field: ``visible_text`` of Markdown, else the text, spaces collapsed."""
    return visible_text(text) if markdown else _collapsed(text)


def visible_text(markdown: str) -> str:
    """``plain_text(markdown)``, without parsing when nothing in it is Markdown syntax or when its
    only syntax is simple links and strong emphasis (``simple_visible_text``)."""
    if _MARKDOWN_SYNTAX.search("\n" + markdown) is None:
        return xml_safe(_collapsed(markdown)).strip()
    simple = simple_visible_text(markdown)
    return plain_text(markdown) if simple is None else simple


def simple_visible_text(markdown: str) -> str | None:
    """The visible text of one line whose only Markdown is ``[text](http…)`` and ``**text**`` as
    ``_SIMPLE`` reads them; None for anything else (the parser decides)."""
    if _NEVER.search(markdown) or markdown != markdown.lstrip() or _BLOCK_START.match(markdown):
        return None
    pieces: list[str] = []
    starts: list[str] = []  # each construct's first character
    end = 0
    for construct in _SIMPLE.finditer(markdown):
        pieces.append(markdown[end : construct.start()])
        pieces.append(construct.group("label") or construct.group("strong"))
        starts.append(markdown[construct.start()])
        end = construct.end()
    pieces.append(markdown[end:])
    outside = pieces[::2]
    if any(_UNSURE.search(piece) for piece in outside):
        return None
    if any(_BRACKET.search(piece) for piece in outside):
        # Each construct as its first character: a bracket before a link's ``[`` is ``][`` too.
        shape = "".join(piece + start for piece, start in zip(outside, [*starts, ""], strict=True))
        if _LINK_AFTER_BRACKET.search(shape):
            return None
    return xml_safe(_collapsed("".join(pieces))).strip()


def searchable_text(article: Article, tags: tuple[TagView, ...]) -> SearchableText:
    """The fields of ``article`` a query is matched against, in the order the page shows them."""
    fields = _Fields()
    fields.add(article.title, markdown=False, head=True)
    if isinstance(article, DigestArticle):
        _digest(article, fields)
    else:
        _encyclopedia(article, fields)
    for tag in tags:
        fields.add_plain(tag_text(tag))
    return fields.finish()


def tag_text(tag: TagView) -> str:
    """A tag's searchable field: its names in both languages."""
    return f"{tag.ja} {tag.en}"


def _digest(article: DigestArticle, fields: _Fields) -> None:
    fields.add(article.lead, head=True)
    fields.add_all(article.key_points)
    fields.add(article.intro)
    for section in article.sections:
        _section(section, fields)
    fields.add_all(article.outro)
    fields.add_all(article.conclusion)


def _section(section: Section, fields: _Fields) -> None:
    fields.add(section.heading, markdown=False, head=True)
    fields.add_plain(section.question)
    fields.add_plain(section.answer)
    fields.add_all(section.comments)
    for card in section.sources:
        fields.add_plain(card.title or domain_of(card.url))
        fields.add_plain(card.publisher)
        if not card.off_topic:
            fields.add_all(card.summary)
        fields.add_all(card.comments)
    fields.add_all(section.body)
    fields.add_all(section.reaction)


def _encyclopedia(article: EncyclopediaArticle, fields: _Fields) -> None:
    fields.add(article.lead, head=True)
    for section in article.sections:
        fields.add(section.heading, markdown=False, head=True)
        fields.add_all(section.body)
    fields.add_all(reference.text for reference in article.references)
    fields.add_plain(article.attribution.title)
