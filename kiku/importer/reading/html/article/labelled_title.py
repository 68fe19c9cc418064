"""The title of a page that prints it as a record's field, under a label naming it the title.

A groupware or database app's print view (a record of a news app, a bulletin) has no ``<h1>`` and a
``<title>`` naming the app's screen ('レコードの印刷 - アプリ名'): each field is a box of its label and its
value ('<div><span>記事タイトル</span></div><div><span>…</span></div>', '<th>件名</th><td>…</td>',
'<dt>Title</dt><dd>…</dd>'). The value of the first field whose label names the title, when it reads as a
headline, is the title.
"""

from __future__ import annotations

import re
import unicodedata

from bs4 import BeautifulSoup, Tag
from bs4.element import NavigableString, PreformattedString

# A label naming its field the title: a word or two ending in a word for a title ('記事タイトル', '件名', '題名',
# 'Subject'), perhaps a colon after it.
_TITLE_LABEL = re.compile(r"^\S{0,6}(?:タイトル|件名|題名|表題|title|subject)\s*[:：]?$", re.IGNORECASE)
MAX_LABEL = 10
# How far up from the label's text its field's label box is looked for (bounded: linear on any page).
MAX_LABEL_DEPTH = 3
# A title is a headline, not a word nor a paragraph.
MIN_TITLE = 8
MAX_TITLE = 120
_SKIPPED = frozenset({"head", "script", "style", "noscript", "template", "title"})


def _folded(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text)).strip()


def labelled_title(soup: BeautifulSoup, dropped: dict[int, str]) -> Tag | None:
    """The element holding the value of the first field labelled as the title, when the value is one headline
    (no sentence's full stop at its end); else None."""
    for string in soup.find_all(string=_is_title_label):
        if any(parent.name in _SKIPPED or id(parent) in dropped for parent in string.parents):
            continue
        value = _value_beside(string)
        if value is not None:
            return value
    return None


def _is_title_label(string: object) -> bool:
    if not isinstance(string, NavigableString) or isinstance(string, PreformattedString):
        return False
    text = _folded(str(string))
    return len(text) <= MAX_LABEL and _TITLE_LABEL.match(text) is not None


def _value_beside(label: NavigableString) -> Tag | None:
    """The value element right after the label's box, at the nearest level that has one, narrowed to the
    innermost element holding all its text."""
    element = label.parent
    for _ in range(MAX_LABEL_DEPTH):
        if element is None:
            return None
        value = element.find_next_sibling()
        if value is not None:
            return _headline_element(value)
        if _folded(element.get_text()) != _folded(str(label)):
            return None  # the label's box holds more than the label: no field of two boxes
        element = element.parent
    return None


def _headline_element(value: Tag) -> Tag | None:
    text = _folded(value.get_text())
    if not MIN_TITLE <= len(text) <= MAX_TITLE or text.endswith(("。", ".")) or "\n" in value.get_text().strip():
        return None
    while len(children := [child for child in value.contents
                           if isinstance(child, Tag) or (isinstance(child, NavigableString) and child.strip())]) == 1 \
            and isinstance(children[0], Tag):
        value = children[0]
    return value
