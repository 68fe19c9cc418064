"""A light element tree of a saved page with each node's offsets in the page's text, so that a
rewrite can replace one element (or a run of siblings) and leave every other byte as it was."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser

VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
                  "wbr"})
BLOCKS = frozenset({
    "address", "article", "aside", "blockquote", "body", "caption", "dd", "details", "div", "dl", "dt",
    "fieldset", "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li",
    "main", "nav", "ol", "p", "pre", "section", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
    "center", "form", "menu", "html", "head", "title",
})
# A start tag that closes the open element of the same family (an unclosed <li>, <p>, <td>…).
_CLOSES = {"li": ("li",), "dt": ("dt", "dd"), "dd": ("dt", "dd"), "tr": ("tr", "td", "th"),
           "td": ("td", "th"), "th": ("td", "th"), "option": ("option",)}
_RAW = frozenset({"script", "style", "!"})
_P_SCOPES = frozenset({"div", "blockquote", "li", "td", "dd", "ul", "ol", "dl", "table", "tbody", "thead", "tfoot",
                       "select"})
# Where an implicit close stops looking: a list item is closed only inside its own list.
_SCOPES = frozenset({"ul", "ol", "dl", "table", "tbody", "thead", "tfoot", "select"})


@dataclass
class Node:
    """An element (``name``) or a text (``name`` is ''), spanning ``page[start:end]``."""

    name: str
    start: int
    end: int = -1
    attrs: dict[str, str] = field(default_factory=dict)
    children: list[Node] = field(default_factory=list)
    parent: Node | None = None
    text: str = ""  # a text node's characters, character references read
    inner_end: int = -1  # where an element's content ends (its end tag's start)

    def elements(self) -> Iterator[Node]:
        for child in self.children:
            if child.name:
                yield child
                yield from child.elements()

    def texts(self) -> Iterator[Node]:
        for child in self.children:
            if child.name in _RAW:
                continue
            if child.name:
                yield from child.texts()
            else:
                yield child

    def plain(self) -> str:
        return " ".join("".join(node.text for node in self.texts()).split()) if self.name else " ".join(
            self.text.split())

    def ancestors(self) -> Iterator[Node]:
        node = self.parent
        while node is not None:
            yield node
            node = node.parent

    def is_block(self) -> bool:
        return self.name in BLOCKS


class _Builder(HTMLParser):
    def __init__(self, page: str) -> None:
        super().__init__(convert_charrefs=True)
        self.page = page
        self.line_starts = [0] + [match.end() for match in re.finditer(r"\r\n|\r|\n", page)]
        self.root = Node("#root", 0)
        self.stack = [self.root]

    def position(self) -> int:
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    def close_to(self, index: int, at: int) -> None:
        while len(self.stack) > index:
            node = self.stack.pop()
            node.end = node.inner_end = at

    def open_index(self, names: tuple[str, ...] | frozenset[str], scope: frozenset[str]) -> int | None:
        for index in range(len(self.stack) - 1, 0, -1):
            if self.stack[index].name in names:
                return index
            if self.stack[index].name in scope:
                return None
        return None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        at = self.position()
        text = self.get_starttag_text() or ""
        if tag in _CLOSES and (index := self.open_index(_CLOSES[tag], _SCOPES)) is not None:
            self.close_to(index, at)
        if tag in BLOCKS and (index := self.open_index(("p",), _P_SCOPES)) is not None:
            self.close_to(index, at)
        node = Node(tag, at, at + len(text), {name: value or "" for name, value in attrs}, parent=self.stack[-1])
        self.stack[-1].children.append(node)
        if tag in VOID or text.endswith("/>"):
            node.inner_end = node.end
        else:
            self.stack.append(node)

    def handle_endtag(self, tag: str) -> None:
        at = self.position()
        end = self.page.find(">", at) + 1
        for index in range(len(self.stack) - 1, 0, -1):
            if self.stack[index].name == tag:
                self.close_to(index + 1, at)
                node = self.stack.pop()
                node.inner_end, node.end = at, end
                return

    def handle_data(self, data: str) -> None:
        node = Node("", self.position(), text=data, parent=self.stack[-1])
        self.stack[-1].children.append(node)

    def handle_comment(self, data: str) -> None:
        at = self.position()
        self.stack[-1].children.append(Node("!", at, at + len(data) + 7, inner_end=at, parent=self.stack[-1]))

    def handle_decl(self, decl: str) -> None:
        at = self.position()
        end = self.page.find(">", at) + 1
        self.stack[-1].children.append(Node("!", at, end, inner_end=at, parent=self.stack[-1]))

    def close(self) -> None:
        super().close()
        self.close_to(1, len(self.page))
        self.root.end = self.root.inner_end = len(self.page)


def parse(page: str) -> Node:
    """The page's tree; a text node's end is the start of whatever follows it."""
    builder = _Builder(page)
    builder.feed(page)
    builder.close()
    _end_texts(builder.root)
    return builder.root


def _end_texts(node: Node) -> None:
    for index, child in enumerate(node.children):
        if child.name:
            _end_texts(child)
        else:
            child.end = node.children[index + 1].start if index + 1 < len(node.children) else node.inner_end
