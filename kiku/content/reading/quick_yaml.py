"""A content file's node tree from a fast YAML parser, for the files it reads exactly as libyaml does.

Composing with PyYAML (``kiku.content.reading.document.compose``) keeps every value's position, but only an
error needs one, and almost every file has none. ``yaml_rs`` (a Rust YAML 1.2 parser) reads a
generated article about four times as fast as libyaml composes it; its values are turned here into
the node tree that the field readers (``kiku.content.checking.fields``) take, without positions. The caller
validates that tree, and when it finds any problem it reads the file again with PyYAML, so every
error keeps its ``file:line:column`` (``kiku.content.checking.article.parse_article``).

This path is taken only where both parsers give the same tree for what the readers look at (the
node kinds, each scalar's text, and whether a tag is text, boolean or null); otherwise ``quick_tree``
returns None and the file is composed by PyYAML as before:

* YAML 1.1 and 1.2 differ on a few things, each a reason to step aside: anchors and aliases
  (``&``, refused by kiku anyway), explicit tags (``!``), merge keys (``<<``), directives (``%``),
  tabs, the line breaks only 1.1 knows (NEL, LS, PS), a BOM inside the text and the characters
  libyaml refuses;
* a scalar ``yaml_rs`` turns into a number loses its text (``3.10``, ``0x1F``): not vouched for;
* a text PyYAML would read as a boolean or null when plain (``yes``, ``on``, ``~``, ``''``) cannot
  be told from a quoted one in ``yaml_rs``'s result: not vouched for either. The other implicit
  types (int, float, timestamp) are read as text by every reader alike, quoted or not, so a text
  node stands for them.

tests/content/test_content_quick_yaml.py compares both trees on every content file of the repository and its
fixtures, a generated corpus and YAML written to trip either parser.
"""

from __future__ import annotations

import re
from typing import Any

import yaml_rs
from yaml import Mark
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from kiku.content.reading.document import (
    BOOL_TAG,
    FLOAT_TAG,
    INT_TAG,
    NULL_TAG,
    STR_TAG,
    TIMESTAMP_TAG,
    implicit_resolvers,
)

# Scalar tags that every field reader treats as the scalar's text, whether it was quoted or plain.
_TEXT_TAGS = frozenset({STR_TAG, INT_TAG, FLOAT_TAG, TIMESTAMP_TAG})
# Where yaml_rs and libyaml may disagree (see the module docstring), or the text is not YAML that libyaml
# reads (its non-printable characters; a decoded str holds no surrogate). One character class finds them
# all in one pass; it costs a twentieth of a regular expression with alternatives.
_UNVOUCHED_CHARACTER = re.compile("[&\t\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]")
_BEFORE_A_TAG = frozenset(" \r\n[{,:")  # a '!' after one of these (or first) may start a tag
_IMPLICIT = implicit_resolvers()
_NO_MARK = Mark("", 0, 0, 0, None, 0)  # the readers note a key's line; only errors show it


class _NotVouched(Exception):
    """A value whose node PyYAML might compose differently."""


class _Text(ScalarNode):
    """A scalar read as text, without position."""

    tag = STR_TAG
    start_mark = end_mark = _NO_MARK
    style = None

    def __init__(self, value: str) -> None:
        self.value = value


class _Flag(_Text):
    tag = BOOL_TAG


class _Null(_Text):
    tag = NULL_TAG


class _Mapping(MappingNode):
    start_mark = end_mark = _NO_MARK
    flow_style = None
    tag = "tag:yaml.org,2002:map"

    def __init__(self, value: list[tuple[Node, Node]]) -> None:
        self.value = value


class _Sequence(SequenceNode):
    start_mark = end_mark = _NO_MARK
    flow_style = None
    tag = "tag:yaml.org,2002:seq"

    def __init__(self, value: list[Node]) -> None:
        self.value = value


_TRUE, _FALSE, _NULL = _Flag("true"), _Flag("false"), _Null("")


def quick_tree(text: str) -> MappingNode | None:
    """The node tree of ``text``'s one mapping, without positions, or None when this path cannot
    vouch that PyYAML composes the same tree (or the text is not one YAML mapping)."""
    if not _vouched_text(text):
        return None
    try:
        document = yaml_rs.loads(text, parse_datetime=False)
    except yaml_rs.YAMLDecodeError:
        return None  # PyYAML finds the error and where it is
    if not isinstance(document, dict):  # a list, a scalar, nothing, or several documents
        return None
    try:
        return _mapping(document)
    except (_NotVouched, RecursionError):
        return None


def _vouched_text(text: str) -> bool:
    if "<<" in text or _UNVOUCHED_CHARACTER.search(text):
        return False
    return not text.startswith(("%", "!")) and "\n%" not in text and "\r%" not in text and not _has_tag(text)


def _has_tag(text: str) -> bool:
    at = text.find("!", 1)
    while at != -1:
        if text[at - 1] in _BEFORE_A_TAG:
            return True
        at = text.find("!", at + 1)
    return False


def _mapping(document: dict[Any, object]) -> _Mapping:
    pairs: list[tuple[Node, Node]] = []
    for key, value in document.items():
        if type(key) is not str:
            raise _NotVouched
        pairs.append((_Text(key), _text(value) if type(value) is str else _node(value)))
    return _Mapping(pairs)


def _text(value: str) -> _Text:
    resolvers = _IMPLICIT.get(value[:1])  # most texts start with a character no implicit type starts with
    if resolvers is not None:
        for tag, pattern in resolvers:
            if pattern.match(value):
                if tag not in _TEXT_TAGS:
                    raise _NotVouched
                break
    return _Text(value)


def _node(value: object) -> Node:
    if isinstance(value, str):
        return _text(value)
    if isinstance(value, dict):
        return _mapping(value)
    if isinstance(value, list):
        return _Sequence([_text(item) if type(item) is str else _node(item) for item in value])
    if value is None:
        return _NULL
    if isinstance(value, bool):  # YAML 1.2's booleans (true, True, TRUE, false…) are all YAML 1.1 booleans too
        return _TRUE if value else _FALSE
    raise _NotVouched  # a number: its text is lost
