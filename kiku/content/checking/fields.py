"""Typed readers for the fields of a YAML node tree: text, lists, dates, flags, numbers, URLs, mappings.

Every reader records a problem (with position and field path) instead of raising, and returns
a placeholder so that reading goes on and one pass finds every problem of a file. The caller
builds model objects from the results and discards them when any problem was recorded.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from kiku.content.checking.links import is_http_url, unsafe_link_targets
from kiku.content.model import Limits
from kiku.content.reading.document import (
    BOOL_TAG,
    FLOAT_TAG,
    INT_TAG,
    NULL_TAG,
    STR_TAG,
    TIMESTAMP_TAG,
    Problems,
    describe,
    is_null,
)

# Scalars whose source text is taken as text: a title ``2025`` or a heading ``3.11`` is text.
_TEXT_TAGS = frozenset({STR_TAG, INT_TAG, FLOAT_TAG, TIMESTAMP_TAG})
_TRUE_WORDS = frozenset({"true", "yes", "on"})
_FALSE_WORDS = frozenset({"false", "no", "off"})
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_DIGITS = re.compile(r"[0-9]+")
_BLANKS = " \t\r\n"

NO_DATE = dt.date.min
"""Placeholder returned for a required date that could not be read (the object is discarded)."""


@dataclass(frozen=True, slots=True)
class Fields:
    """The accepted fields of one YAML mapping: value node by field name, and where it lives."""

    node: MappingNode
    path: str
    values: dict[str, Node]

    def field(self, name: str) -> str:
        """The dotted path of field ``name`` of this mapping (``sections[1].source.url``)."""
        return f"{self.path}.{name}" if self.path else name


@dataclass(frozen=True, slots=True)
class Reader:
    """Reads values out of one file's node tree, recording every problem in ``problems``."""

    problems: Problems
    # limits.text_field_chars in site.yaml: one text longer than this is an error, not a page of megabytes.
    max_text_chars: int = Limits().text_field_chars

    # --- mappings and lists ---------------------------------------------------------------

    def fields(
        self,
        node: Node,
        path: str,
        known: Sequence[str],
        required: Sequence[str] = (),
        hints: Mapping[str, str] | None = None,
    ) -> Fields | None:
        """Check that ``node`` is a mapping of ``known`` fields with every ``required`` one.

        Unknown field names are problems (a typo must not silently drop content), with the
        nearest known name as a suggestion, or the message from ``hints`` for names that
        belong somewhere else. Duplicate field names are problems too.
        """
        if not isinstance(node, MappingNode):
            self.problems.add(node, path, f"expected a mapping of fields, got {describe(node)}")
            return None
        values: dict[str, Node] = {}
        first_keys: dict[str, Node] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode):
                self.problems.add(key_node, path, f"field names must be text, got {describe(key_node)}")
                continue
            name = str(key_node.value)
            if name in first_keys:
                first_line = first_keys[name].start_mark.line + 1
                self.problems.add(key_node, _joined(path, name), f"duplicate field (first given at line {first_line})")
                continue
            first_keys[name] = key_node
            if name in known:
                values[name] = value_node
            elif hints and name in hints:
                self.problems.add(key_node, _joined(path, name), hints[name])
            else:
                self.problems.add(key_node, _joined(path, name), _unknown_field_message(name, known))
        for name in required:
            if name not in values:
                self.problems.add(node, _joined(path, name), "required field is missing")
        return Fields(node, path, values)

    def items(self, fields: Fields, name: str, what: str) -> list[tuple[str, Node]]:
        """The items of list field ``name`` as ``(field path, node)``; ``what`` names them in errors."""
        node = fields.values.get(name)
        if node is None or is_null(node):
            return []
        path = fields.field(name)
        if not isinstance(node, SequenceNode):
            hint = " (start each item with '- ')" if isinstance(node, MappingNode) else ""
            self.problems.add(node, path, f"expected a list of {what}, got {describe(node)}{hint}")
            return []
        return [(f"{path}[{index}]", item) for index, item in enumerate(node.value)]

    # --- text -----------------------------------------------------------------------------

    def text(self, fields: Fields, name: str, *, markdown: bool = False) -> str | None:
        """An optional text field; absent, empty or ``~`` gives None."""
        node = fields.values.get(name)
        if node is None or is_null(node):
            return None
        return self._text_of(node, fields.field(name), markdown=markdown) or None

    def required_text(self, fields: Fields, name: str, *, markdown: bool = False) -> str:
        """A required text field (its absence was reported by :meth:`fields`)."""
        node = fields.values.get(name)
        if node is None:
            return ""
        if is_null(node):
            self.problems.add(node, fields.field(name), "required field is empty")
            return ""
        value = self._text_of(node, fields.field(name), markdown=markdown)
        if value == "":
            self.problems.add(node, fields.field(name), "required field is empty")
        return value or ""

    def text_items(self, fields: Fields, name: str, *, markdown: bool = False) -> list[tuple[str, Node, str]]:
        """A list-of-text field as ``(field path, node, text)``; a single text is a one-item list."""
        node = fields.values.get(name)
        if node is None or is_null(node):
            return []
        path = fields.field(name)
        if isinstance(node, ScalarNode):
            # Editors write ``reaction: そうですね。`` for a one-paragraph list: accept it.
            # An empty text (``reaction: ''``) is an empty list, like ``reaction:``.
            value = self._text_of(node, path, markdown=markdown)
            return [(path, node, value)] if value else []
        if not isinstance(node, SequenceNode):
            self.problems.add(node, path, f"expected a list of text, got {describe(node)}")
            return []
        result: list[tuple[str, Node, str]] = []
        for index, item in enumerate(node.value):
            item_path = f"{path}[{index}]"
            if is_null(item):
                self.problems.add(item, item_path, "empty item (write the text or delete the line)")
                continue
            value = self._text_of(item, item_path, markdown=markdown)
            if value:
                result.append((item_path, item, value))
            elif value == "":
                self.problems.add(item, item_path, "empty item (write the text or delete the line)")
        return result

    def text_list(self, fields: Fields, name: str, *, markdown: bool = False) -> tuple[str, ...]:
        """A list-of-text field as a tuple; a single text is a one-item list."""
        return tuple(value for _, _, value in self.text_items(fields, name, markdown=markdown))

    def _text_of(self, node: Node, path: str, *, markdown: bool) -> str | None:
        """The stripped text of a scalar; None (and a problem) when ``node`` is not text."""
        if not isinstance(node, ScalarNode) or node.tag not in _TEXT_TAGS:
            self.problems.add(node, path, _expected_text_message(node))
            return None
        # Only YAML's own blanks are trimmed (the final newline of a ``|`` block, stray spaces):
        # a leading full-width space U+3000 is Japanese paragraph indentation and is kept.
        value = str(node.value).strip(_BLANKS)
        if len(value) > self.max_text_chars:
            self.problems.add(node, path, f"{len(value):,} characters is above the limit of {self.max_text_chars:,}"
                              " (limits.text_field_chars in site.yaml)")
            return value
        if markdown:
            for target in unsafe_link_targets(value):
                self.problems.add(node, path, f"link to a non-http(s) URL: {target!r}")
        return value

    # --- other scalars --------------------------------------------------------------------

    def url(self, fields: Fields, name: str) -> str | None:
        """An optional http(s) URL field; None when absent."""
        value = self.text(fields, name)
        if value is not None:
            self._check_url(fields, name, value)
        return value

    def required_url(self, fields: Fields, name: str) -> str:
        """A required http(s) URL field."""
        value = self.required_text(fields, name)
        if value:
            self._check_url(fields, name, value)
        return value

    def _check_url(self, fields: Fields, name: str, value: str) -> None:
        if not is_http_url(value):
            self.problems.add(fields.values[name], fields.field(name), f"not an http(s) URL: {value!r}")

    def date(self, fields: Fields, name: str) -> dt.date | None:
        """An optional ``YYYY-MM-DD`` date: a YAML date or a text in that form; None when absent."""
        node = fields.values.get(name)
        if node is None or is_null(node):
            return None
        return self._date_of(node, fields.field(name))

    def required_date(self, fields: Fields, name: str) -> dt.date:
        """A required ``YYYY-MM-DD`` date (:data:`NO_DATE` when it could not be read)."""
        node = fields.values.get(name)
        if node is None:
            return NO_DATE
        if is_null(node):
            self.problems.add(node, fields.field(name), "required field is empty")
            return NO_DATE
        return self._date_of(node, fields.field(name)) or NO_DATE

    def _date_of(self, node: Node, path: str) -> dt.date | None:
        problem = "expected a date as YYYY-MM-DD, got "
        if not isinstance(node, ScalarNode) or node.tag not in _TEXT_TAGS:
            self.problems.add(node, path, problem + describe(node))
            return None
        written = str(node.value).strip()
        if not _ISO_DATE.fullmatch(written):
            self.problems.add(node, path, f"{problem}{written!r}")
            return None
        try:
            return dt.date.fromisoformat(written)
        except ValueError:
            self.problems.add(node, path, f"{problem}{written!r} (no such day)")
            return None

    def flag(self, fields: Fields, name: str) -> bool:
        """A boolean field (``true``/``false``, also ``yes``/``no``); absent is False."""
        node = fields.values.get(name)
        if node is None or is_null(node):
            return False
        if isinstance(node, ScalarNode) and node.tag == BOOL_TAG:
            word = str(node.value).lower()
            if word in _TRUE_WORDS:
                return True
            if word in _FALSE_WORDS:
                return False
        shown = repr(node.value) if isinstance(node, ScalarNode) else describe(node)
        self.problems.add(node, fields.field(name), f"expected true or false, got {shown}")
        return False

    def positive_int(self, fields: Fields, name: str, *, default: int = 0) -> int:
        """A whole number ≥ 1 written in decimal digits; ``default`` when absent."""
        node = fields.values.get(name)
        if node is None or is_null(node):
            return default
        return self.positive_int_of(node, fields.field(name))

    def positive_int_of(self, node: Node, path: str) -> int:
        if isinstance(node, ScalarNode) and node.tag in (INT_TAG, STR_TAG):
            written = str(node.value).strip()
            if _DIGITS.fullmatch(written) and int(written) > 0:
                return int(written)
        shown = repr(node.value) if isinstance(node, ScalarNode) else describe(node)
        self.problems.add(node, path, f"expected a positive whole number, got {shown}")
        return 0


def _joined(path: str, name: str) -> str:
    return f"{path}.{name}" if path else name


def _unknown_field_message(name: str, known: Sequence[str]) -> str:
    nearest = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
    if nearest:
        return f"unknown field (did you mean {nearest[0]!r}?)"
    return f"unknown field (known fields: {', '.join(known)})"


def _expected_text_message(node: Node) -> str:
    if isinstance(node, ScalarNode) and node.tag == BOOL_TAG:
        return f"expected text, got a boolean: write {str(node.value)!r} in quotes to keep it as text"
    if isinstance(node, MappingNode) and len(node.value) == 1:
        # ``- 注: 本文`` is a mapping in YAML; the editor almost always meant one text.
        return "expected text, got a mapping (a ': ' inside text starts a mapping: put the text in quotes)"
    if isinstance(node, ScalarNode) and node.tag not in (NULL_TAG, *_TEXT_TAGS):
        return f"expected text, got a value tagged {node.tag}"
    return f"expected text, got {describe(node)}"
