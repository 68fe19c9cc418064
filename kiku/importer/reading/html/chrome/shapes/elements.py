"""An element's basic marks the chrome shapes and rules share: code and embeds, box containers, line
elements, a web link or an unsafe one, a hidden element, an ad slot, its class and id tokens."""

from __future__ import annotations

import re
from collections.abc import Iterator

from bs4 import Tag

from kiku.importer.reading.html.lines.labels import is_shown_mark

# Elements whose content is code or an embedded document, never text a reader sees.
EMBEDS = frozenset({"script", "style", "template", "iframe", "object", "embed", "svg", "canvas", "math"})
# Containers a sidebar, ad or box is built from (a rule keyed on its heading looks only at these).
BOXES = frozenset({"div", "section", "aside", "nav", "ul", "ol", "dl", "figure", "table", "details"})
# Class/id tokens longer than this are not names a site gives its chrome; they are not matched.
_MAX_TOKEN = 64
# How far up an element's enclosing <figure> is looked for (bounded: deep nests stay linear).
MAX_ENCLOSING_DEPTH = 12
# A link to a web page (not to a place on the page, a mail address or a script).
WEB_HREF = re.compile(r"^\s*https?://", re.IGNORECASE)
# Elements a line of text is printed in.
LINE_ELEMENTS = frozenset({"p", "div", "center", "li", "span", "font"})


def is_unsafe_link(href: str) -> bool:
    """A link whose target runs code or embeds data: it never reaches the content."""
    scheme = re.sub(r"[\x00-\x20]", "", href).lower()
    return scheme.startswith(("javascript:", "data:", "vbscript:"))


def hidden(element: Tag) -> bool:
    style = str(element.get("style") or "").lower()
    aria_hidden = str(element.get("aria-hidden") or "").lower() == "true" and not is_shown_mark(element)
    return (element.has_attr("hidden") or aria_hidden
            or re.search(r"display\s*:\s*none|visibility\s*:\s*hidden", style) is not None)


_AD_ATTRIBUTE = re.compile(r"data-ads?(?:-[a-z-]+)?")


def ad_slot(element: Tag) -> bool:
    """An element the page marks as an ad by a data attribute ('data-ad', 'data-ad-slot')."""
    return any(_AD_ATTRIBUTE.fullmatch(name) for name in element.attrs)








# A word boundary inside a camelCase name: 'c-shareBtns' is 'c-share-btns', 'p-adBox' 'p-ad-box'.
_CAMEL_HUMP = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")


# Atomic or minified CSS ('pq pr ps', 'bf b bg z'): a class list with this many tokens of a letter or
# two is generated, and those tokens name nothing ('pr' there is no sponsor's box).
MIN_GENERATED_TOKENS = 3
MAX_GENERATED_TOKEN = 2


def class_and_id_tokens(element: Tag) -> Iterator[str]:
    """Each class, id and test-id token lower-cased, and a camelCase one also with its words hyphenated
    (a theme's 'c-shareBtns' names its share buttons as 'c-share-btns' would; a React site's
    'data-testid="authorName"' names its byline as a class would). Generated class tokens are left out."""
    value: str | list[str] = element.get("class") or []
    classes: list[str] = value.split() if isinstance(value, str) else [str(token) for token in value]
    if sum(len(token) <= MAX_GENERATED_TOKEN for token in classes) >= MIN_GENERATED_TOKENS:
        classes = [token for token in classes if len(token) > MAX_GENERATED_TOKEN]
    names = [str(element.get(attribute) or "").split() for attribute in ("id", "data-testid")]
    for token in [*classes, *names[0], *names[1]]:
        if len(token) <= _MAX_TOKEN:
            yield token.lower()
            hyphenated = _CAMEL_HUMP.sub("-", token)
            if hyphenated != token:
                yield hyphenated.lower()
