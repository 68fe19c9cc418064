"""One YAML file → one node tree with positions, and the collector of its problems.

Each file is parsed once with libyaml (``yaml.compose`` with the C loader): the node tree keeps
every value's start mark, so the field readers can report ``path:line:column: field: message``
without a second parse. Nothing here knows the article format.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from kiku.content.reading.files import SizeLimit, UnreadableFile, read_regular_file
from kiku.errors import ContentError

STR_TAG = "tag:yaml.org,2002:str"
INT_TAG = "tag:yaml.org,2002:int"
FLOAT_TAG = "tag:yaml.org,2002:float"
BOOL_TAG = "tag:yaml.org,2002:bool"
NULL_TAG = "tag:yaml.org,2002:null"
TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"
SEQ_TAG = "tag:yaml.org,2002:seq"
MAP_TAG = "tag:yaml.org,2002:map"


@dataclass(slots=True)
class Problems:
    """The problems found in one file, in the order they were found."""

    path: str
    errors: list[ContentError] = field(default_factory=list)

    def add(self, node: Node | None, field_path: str | None, message: str) -> None:
        """Record ``message`` about ``field_path`` at the start of ``node`` (no position if None)."""
        if node is None:
            self.errors.append(ContentError(self.path, message, field=field_path or None))
            return
        mark = node.start_mark
        self.errors.append(
            ContentError(
                self.path, message, line=mark.line + 1, column=mark.column + 1, field=field_path or None
            )
        )

    def add_at(self, line: int, column: int, message: str) -> None:
        """Record ``message`` at a 1-based position, with no field (broken YAML)."""
        self.errors.append(ContentError(self.path, message, line=line, column=column))

    def in_document_order(self) -> list[ContentError]:
        """The errors sorted by position (errors without one first); stable for equal positions."""
        return sorted(self.errors, key=lambda error: (error.line or 0, error.column or 0))


class _ContentLoader(yaml.CSafeLoader):
    """libyaml's safe loader with the tag resolution it calls for every node done in fewer steps.

    The stock ``resolve`` builds a list of candidate patterns per scalar and every node also costs
    two calls for path resolvers, which the safe loader has none of; this gives the same tags
    (tests/content/test_content_loader.py compares the trees) in about three quarters of the time
    (compose: 395 → 304 µs per generated article).
    """

    # first character → (tag, pattern) pairs; no wildcard (None) entry in the safe loader
    _IMPLICIT: dict[str, list[tuple[str, re.Pattern[str]]]] = yaml.CSafeLoader.yaml_implicit_resolvers

    def descend_resolver(self, current_node: Node | None, current_index: object) -> None:
        return None

    def ascend_resolver(self) -> None:
        return None

    def resolve(self, kind: type[Node], value: object, implicit: tuple[bool, bool]) -> str:
        if kind is ScalarNode:
            if implicit[0] and isinstance(value, str):
                for tag, pattern in self._IMPLICIT.get(value[:1], ()):
                    if pattern.match(value):
                        return tag
            return STR_TAG
        return SEQ_TAG if kind is SequenceNode else MAP_TAG


def implicit_resolvers() -> dict[str, list[tuple[str, re.Pattern[str]]]]:
    """PyYAML's safe implicit tags of plain scalars: first character → (tag, pattern) pairs, in order."""
    return _ContentLoader._IMPLICIT


def compose(text: str, problems: Problems) -> Node | None:
    """Parse ``text`` into a node tree; on broken YAML record the problem and return None.

    An empty document (nothing, or only comments) and a stream of several documents are
    problems too: a content file is exactly one YAML document.
    """
    try:
        root = yaml.compose(text, Loader=_ContentLoader)
    except yaml.MarkedYAMLError as exc:
        _record_marked_error(text, exc, problems)
        return None
    except yaml.reader.ReaderError as exc:
        line, column = _position_of_byte(text, exc.position)
        problems.add_at(line, column, f"unacceptable character #x{exc.character:04x}: {exc.reason}")
        return None
    except yaml.YAMLError as exc:  # any other libyaml failure still names the file
        problems.add_at(1, 1, f"cannot parse the YAML: {exc}")
        return None
    if root is None:
        problems.add_at(1, 1, "the file is empty: expected a YAML mapping of fields")
        return None
    if "&" in text and _has_shared_node(root):  # an alias needs an anchor, and an anchor an '&'
        _record_first_alias(text, problems)
        return None
    return root


def _has_shared_node(root: Node) -> bool:
    """True when a node is reached twice: the document uses an alias (``*name``).

    The composed tree holds an alias as the anchored node itself, so a 400 KB file can stand for
    gigabytes of text once read; reaching each node once, this walk stays linear in the file.
    """
    seen: set[int] = set()
    pending = [root]
    while pending:
        node = pending.pop()
        if id(node) in seen:
            return True
        seen.add(id(node))
        if isinstance(node, SequenceNode):
            pending.extend(node.value)
        elif isinstance(node, MappingNode):
            for key, value in node.value:
                pending.extend((key, value))
    return False


def _record_first_alias(text: str, problems: Problems) -> None:
    for event in yaml.parse(text, Loader=yaml.CSafeLoader):
        if isinstance(event, yaml.AliasEvent) and event.start_mark is not None:
            mark = event.start_mark
            problems.add_at(mark.line + 1, mark.column + 1, f"YAML aliases ('*{event.anchor}') are not allowed: "
                            "write the value out in full")
            return
    problems.add_at(1, 1, "YAML aliases are not allowed: write each value out in full")


def _record_marked_error(text: str, exc: yaml.MarkedYAMLError, problems: Problems) -> None:
    mark = exc.problem_mark or exc.context_mark
    line = mark.line + 1 if mark else 1
    column = mark.column + 1 if mark else 1
    if isinstance(exc, yaml.composer.ComposerError) and exc.problem == "but found another document":
        problems.add_at(line, column, "only one YAML document is allowed per file (remove the second '---')")
        return
    message = exc.problem or exc.context or "cannot parse the YAML"
    if mark is not None and _char_at(text, mark.line, mark.column) == "\t":
        message += " (a tab character: indent with spaces)"
    problems.add_at(line, column, message)


def _char_at(text: str, line: int, column: int) -> str:
    lines = text.split("\n", line + 1)
    if line >= len(lines) or column >= len(lines[line]):
        return ""
    return lines[line][column]


def _position_of_byte(text: str, byte_offset: int) -> tuple[int, int]:
    """libyaml reports reader errors as a UTF-8 byte offset; convert it to a 1-based line and column."""
    return _end_position(text.encode("utf-8")[:byte_offset].decode("utf-8", errors="ignore"))


def _end_position(before: str) -> tuple[int, int]:
    """The 1-based line and column just after ``before``."""
    return before.count("\n") + 1, len(before) - before.rfind("\n")


def describe(node: Node) -> str:
    """What an editor wrote, in words: for 'expected …, got <describe(node)>'."""
    if isinstance(node, MappingNode):
        return "a mapping"
    if isinstance(node, SequenceNode):
        return "a list"
    if isinstance(node, ScalarNode):
        if node.tag == NULL_TAG:
            return "nothing"
        if node.tag == BOOL_TAG:
            return f"a boolean ({node.value})"
        if node.tag in (INT_TAG, FLOAT_TAG):
            return f"a number ({node.value})"
        if node.tag == TIMESTAMP_TAG:
            return f"a date ({node.value})"
        return f"text {_quote(node.value)}"
    return "an unknown value"


def is_null(node: Node) -> bool:
    """True for an empty value (``key:``, ``~``, ``null``)."""
    return isinstance(node, ScalarNode) and node.tag == NULL_TAG


def _quote(value: str, limit: int = 60) -> str:
    shown = value if len(value) <= limit else value[: limit - 1] + "…"
    return repr(shown)


def read_file(file: Path, problems: Problems, *, limit: SizeLimit, site_root: Path) -> str | None:
    """The text of ``file`` (UTF-8, a leading BOM dropped); on failure record why and return None.

    The file is read only when it is a regular file inside ``site_root`` within ``limit``
    (see ``kiku.content.reading.files``).
    """
    try:
        data = read_regular_file(file, limit, site_root)
    except UnreadableFile as refused:
        problems.add(None, None, str(refused))
        return None
    return decode_text(data, problems)


def decode_text(data: bytes, problems: Problems) -> str | None:
    """``data`` read as UTF-8 (a leading BOM dropped); when it is not, record where and return None."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line, column = _end_position(data[: exc.start].decode("utf-8", errors="ignore"))
        problems.add_at(
            line, column, f"not valid UTF-8 (byte {data[exc.start]:#04x}): save the file as UTF-8"
        )
        return None
