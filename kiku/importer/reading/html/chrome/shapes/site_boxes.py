"""The site's own boxes around the article: its copyright block, a sign-up form, a sidebar, a call to
action linking nowhere outside the site."""


import re
from itertools import islice

from bs4 import Tag
from bs4.element import NavigableString, PreformattedString

from kiku.importer.reading.html.chrome.previews import previewed_url
from kiku.importer.reading.html.chrome.shapes.elements import (
    LINE_ELEMENTS,
    WEB_HREF,
    class_and_id_tokens,
)

# A site's copyright line: 'Copyright (C) 2004-2025 …', '© 2025 …', 'All Rights Reserved'.
_COPYRIGHT = re.compile(r"^(?:Copyright\b|©|\(C\)\s*[0-9]{4})|All Rights Reserved", re.IGNORECASE)
MAX_COPYRIGHT_BLOCK = 200
MAX_COPYRIGHT_NODES = 16


def copyright_block(element: Tag) -> bool:
    """A short block of lines, one of them starting with a copyright notice: the site's small print (a
    <footer> so inside the article too: its links and the platform's credit go with the notice)."""
    if element.name not in LINE_ELEMENTS and element.name != "footer":
        return False
    nodes = list(islice(element.descendants, MAX_COPYRIGHT_NODES + 1))
    if len(nodes) > MAX_COPYRIGHT_NODES:
        return False
    texts = [str(node).strip() for node in nodes
             if isinstance(node, NavigableString) and not isinstance(node, PreformattedString) and str(node).strip()]
    return (sum(len(text) for text in texts) <= MAX_COPYRIGHT_BLOCK
            and any(_COPYRIGHT.search(text) for text in texts))


# A sign-up or comment box: a form asking for an e-mail address, and beside it only its heading and
# a line prompting the reader.
MAX_FORM_PROMPT = 80
MAX_FORM_BOX_NODES = 64


def form_box(element: Tag) -> bool:
    """A small box holding a form that asks for an e-mail address and little text outside it (its
    heading, a prompt): the form's own words ('ニュースレターに登録', '新しい記事をメールでお知らせします。')."""
    if element.name not in ("div", "section", "aside"):
        return False
    nodes = list(islice(element.descendants, MAX_FORM_BOX_NODES + 1))
    if len(nodes) > MAX_FORM_BOX_NODES or not any(
            isinstance(node, Tag) and node.name == "input" and str(node.get("type") or "").lower() == "email"
            and node.find_parent("form") is not None for node in nodes):
        return False
    outside = sum(len(str(node).strip()) for node in nodes
                  if isinstance(node, NavigableString) and not isinstance(node, PreformattedString)
                  and node.find_parent("form") is None)
    return outside <= MAX_FORM_PROMPT


def aside_beside_article(element: Tag) -> bool:
    """An <aside> outside any <article>: the page's sidebar. Inside an <article> it is the article's
    own box beside its text (its key points, a note); a related list or an ad there is dropped by
    its own rule. A link's preview is a quoted card wherever it stands (``chrome.previews``)."""
    return element.name == "aside" and element.find_parent("article") is None and previewed_url(element) is None


# A box the page classes as a call to action ('footer-cta', 'cta-box', 'c-cta__inner').
_CALL_TO_ACTION = re.compile(r"(?:[a-z0-9]+[-_]+)*(?:cta|call-?to-?action)(?:[-_]+[a-z0-9]+)*")


def unlinked_call_to_action(element: Tag) -> bool:
    """A box classed as a call to action that links to no web page: a sign-up or subscribe box (its
    buttons lead into the site, or were left out of the saved page). A card's read-more line is a
    call to action too, and links to its source."""
    return any(_CALL_TO_ACTION.fullmatch(token) for token in class_and_id_tokens(element)) \
        and element.find("a", href=WEB_HREF) is None


# A list's heading counting none of its items: 'Attachments (0)', '添付ファイル（0件）', 'トラックバック [0]'.
_NONE_COUNTED = re.compile(r"^\S.{0,30}?\s*[(（\[［]\s*[0０]\s*(?:件|個|本)?\s*[)）\]］]$")
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})


def empty_list_box(element: Tag) -> bool:
    """A box holding nothing but a heading that counts zero items: the site's empty attachment, comment or
    trackback list, printed under every page whether it holds anything or not."""
    if element.name not in ("section", "div", "aside"):
        return False
    headings = element.find_all(_HEADINGS)
    text = " ".join(element.get_text(" ", strip=True).split())
    return len(headings) == 1 and " ".join(headings[0].get_text(" ", strip=True).split()) == text \
        and _NONE_COUNTED.fullmatch(text) is not None
