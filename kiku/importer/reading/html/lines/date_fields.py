"""A date a saved page sets in an element of its own beside a card's title in another one.

``<span>title</span><span>公開日:2025/11/19</span>`` (or the date first) is shown as two lines;
read as the text of one block it would glue the date onto the title, and the card would lose
its date and keep a wrong title. A labelled date field ('公開日:2025/11/19', '更新日 2025.11.19')
that stands beside a sibling element is read on a line of its own, as a text dump prints it —
unless joining the text beside it still makes a date line: a label element before the date
('<span>掲載日</span> 2025年…') or a publisher after it ('… <span>港町新聞</span>') stays on it.
A bare date beside a publisher's name is the card's meta line and is not a field.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import islice

from bs4 import Tag
from bs4.element import NavigableString, PreformattedString

from kiku.importer.grammar.lines.dates import date_prefix, line_date

# A field is a short run of text in a few nodes (read no further: each element is looked at once).
MAX_FIELD_NODES = 12
MAX_FIELD = 40
# What is read of the element after the field to know whether it joins the date's line.
MAX_FOLLOWING = 80
# A date's own label: a word or two ending in a colon or in 日/日時 ('公開日:', '配信日時 ', '更新：').
_DATE_LABEL = re.compile(r"[^\s。、:：][^。、:：]{0,10}?(?:[:：]|日時?)\s*")


@dataclass(frozen=True, slots=True)
class DateField:
    text: str
    # The element after the field holds text that goes on a line of its own (the card's title).
    ends_line: bool


def date_field(element: Tag) -> DateField | None:
    """``element`` read as a labelled date field beside a sibling element, or None."""
    before, after = _sibling_element(element, before=True), _sibling_element(element, before=False)
    if before is None and after is None:
        return None
    text = _field_text(element)
    if text is None or not _DATE_LABEL.fullmatch(date_prefix(text) or "") or line_date(text) is None:
        return None
    following = _text_start(after) if after is not None else ""
    return DateField(text, ends_line=bool(following) and line_date(f"{text} {following}") is None)


def starts_line(field: DateField, element: Tag, line_so_far: str) -> bool:
    """Whether the field starts its own line: it follows a sibling element, and joined to
    ``line_so_far`` (the current line's text) the line would be no date line any more."""
    return (bool(line_so_far) and _sibling_element(element, before=True) is not None
            and line_date(f"{line_so_far} {field.text}") is None)


def _sibling_element(element: Tag, *, before: bool) -> Tag | None:
    """The sibling element right before (or after) ``element``, blank text and comments aside."""
    sibling = element.previous_sibling if before else element.next_sibling
    while isinstance(sibling, NavigableString) and (isinstance(sibling, PreformattedString) or not sibling.strip()):
        sibling = sibling.previous_sibling if before else sibling.next_sibling
    return sibling if isinstance(sibling, Tag) else None


def _field_text(element: Tag) -> str | None:
    """The element's text when it is a field's: a few nodes, a short text; else None."""
    nodes = list(islice(element.descendants, MAX_FIELD_NODES + 1))
    if len(nodes) > MAX_FIELD_NODES:
        return None
    text = " ".join(str(node).strip() for node in nodes
                    if isinstance(node, NavigableString) and not isinstance(node, PreformattedString)).strip()
    return text if text and len(text) <= MAX_FIELD else None


def _text_start(element: Tag) -> str:
    """The first characters of the element's text (read no further)."""
    text = ""
    for string in element.strings:
        if isinstance(string, PreformattedString):
            continue
        text += string
        if len(text) > MAX_FOLLOWING:
            break
    return " ".join(text.split())[:MAX_FOLLOWING]


# How far up from the title its header box is looked for: the title's parent, then its parent's.
HEADER_DEPTH = 2
MAX_HEADER_TIMES = 4


def date_over_title(title: Tag) -> Tag | None:
    """The ``<time>`` printed above the article's title in its header box, or right under it (a byline under
    the title, only short names between them), when the names beside it make its line no date line, else
    None: a post's date set between its author's name and its category ('<a>name</a> <time>2025年4月2日</time>
    <a>category</a>', '投稿者 <span>name</span> <time>…</time>') is the article's date, read on a line of its
    own. (A label or a category beside it leaves a date line: it stays on it.)"""
    box = title.parent
    for _ in range(HEADER_DEPTH):
        if box is None:
            return None
        times = [time for time in box.find_all("time", limit=MAX_HEADER_TIMES) if time.find_parent("a") is None]
        above = [time for time in times if _before(time, title)]
        if above:
            line = above[0].parent
            hidden = line is not None and line_date(" ".join(_text_start(line).split())) is None
            return above[0] if hidden else None
        under = next((time for time in times if not _before(time, title) and time not in title.descendants), None)
        byline = _byline_between(title, under) if under is not None else None
        if under is not None and byline is not None:
            return under if line_date(f"{byline} {_text_start(under)}") is None else None
        box = box.parent
    return None


# A byline under the title: its label and a name or two, no sentence, before the date.
MAX_BYLINE = 30


def _byline_between(title: Tag, time: Tag) -> str | None:
    """The few short names standing between the end of ``title`` and ``time`` (a byline), else None (read no
    further than that)."""
    text = ""
    for string in title.next_elements:
        if not isinstance(string, NavigableString):
            continue
        if time in string.parents:
            return text.strip()
        if title in string.parents or isinstance(string, PreformattedString):
            continue
        text += " " + string.strip()
        if len(text) > MAX_BYLINE or _SENTENCE.search(text):
            return None
    return None


_SENTENCE = re.compile(r"[。！？!?]")


def _before(element: Tag, other: Tag) -> bool:
    return (element.sourceline or 0, element.sourcepos or 0) < (other.sourceline or 0, other.sourcepos or 0)
