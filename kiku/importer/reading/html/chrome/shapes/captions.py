"""Captions in a saved page: a picture's caption (a <figcaption>, a line classed as one, a line under a
lone picture) is chrome; a caption quoting an article with its link is a card, and kept."""


import re
from itertools import islice

from bs4 import Tag

from kiku.importer.reading.html.chrome.shapes.elements import (
    LINE_ELEMENTS,
    WEB_HREF,
    class_and_id_tokens,
)
from kiku.importer.reading.html.lines.style import is_emoji_image


def media_caption(element: Tag) -> bool:
    """A <figcaption> whose figure holds nothing else to read: it captions a picture, a video or an embed
    (a figure around a quoted card captions it with the card's title or source, which are content)."""
    figure = element.parent
    if element.name != "figcaption" or figure is None or figure.name != "figure" or _quoted_card(element):
        return False
    return all(sibling is element or (isinstance(sibling, Tag) and not sibling.get_text(strip=True))
               or (not isinstance(sibling, Tag) and not str(sibling).strip())
               for sibling in figure.contents)


# A line the page classes as a caption ('caption', 'wp-caption-text', 'photo__caption'), with or
# without the picture it captions (often not kept by the scrape). A card's caption carries its web
# link, and a caption is one short line of one sentence at most: a paragraph or a link is never one.
_CAPTION_CLASS = re.compile(r"(?:[a-z0-9]+[-_]+)*caption(?:[-_]+text)?")
MAX_CAPTION = 80
_INNER_SENTENCE_END = re.compile(r"[。！？!?](?=.)")


def classed_caption(element: Tag) -> bool:
    if element.name not in LINE_ELEMENTS or element.find("a", href=True) is not None \
            or element.find(_CAPTION_LINES) is not None:
        return False
    if not any(_CAPTION_CLASS.fullmatch(token) for token in class_and_id_tokens(element)):
        return False
    text = element.get_text(strip=True)
    return 0 < len(text) <= MAX_CAPTION and not _INNER_SENTENCE_END.search(text)


_PICTURES = frozenset({"img", "picture", "video"})
_PICTURE_CAPTIONS = frozenset({"p", "div", "span", "small", "em", "i", "font"})


def picture_caption(element: Tag) -> bool:
    """A short line in a box that holds only a picture above it ('<div><img …><br><span>…</span></div>'),
    whatever the page classes either: the picture's caption, as a <figcaption> is. Not beside a picture the
    page shows again nearby: that is a speaker's icon, and the line their words in a speech balloon
    (a photo is captioned once)."""
    box = element.parent
    if element.name not in _PICTURE_CAPTIONS or box is None or element.find("a", href=True) is not None \
            or element.find_parent("a") is not None:
        return False  # a linked picture and its line are a card's or a banner's, not a caption
    picture = _picture_above(element, box)
    if picture is None or _shown_again(picture):
        return False
    text = element.get_text(strip=True)
    # A logo's name printed beside it (its alt text) or a menu's row under it ('ホーム ｜ 社会') is the masthead's.
    return 0 < len(text) <= MAX_CAPTION and not _INNER_SENTENCE_END.search(text) \
        and text != str(picture.get("alt") or "").strip() and not _BAR.search(text)


# How many nodes before and after a picture are looked through for the same picture again: a conversation's
# balloons stand near each other, and a page of many captioned photos is still read in linear time.
MAX_NODES_TO_ANOTHER_SHOWING = 600


def _shown_again(picture: Tag) -> bool:
    """Whether another element near ``picture`` shows the same picture (its ``src``)."""
    source = str(picture.get("src") or "").strip()
    if not source:
        return False
    return any(isinstance(node, Tag) and node.name == picture.name and str(node.get("src") or "").strip() == source
               for nodes in (picture.next_elements, picture.previous_elements)
               for node in islice(nodes, MAX_NODES_TO_ANOTHER_SHOWING))


def _picture_above(element: Tag, box: Tag) -> Tag | None:
    """The one picture of a box holding only it, ``element`` under it and line breaks; else None.

    It stops at the box's first other part: a page's main box, holding every line, is read once per line."""
    picture: Tag | None = None
    below = False
    for child in box.contents:
        if child is element:
            below = True
        elif isinstance(child, Tag) and child.name in _PICTURES and picture is None and not below \
                and not is_emoji_image(child):
            picture = child
        elif not (isinstance(child, Tag) and child.name == "br") and (isinstance(child, Tag) or str(child).strip()):
            return None
    return picture


_BAR = re.compile(r"[|｜]")


# A caption of lines (a title, a date, summary lines) and a web link quotes an article: a card.
MIN_CARD_CAPTION_LINES = 2
_CAPTION_LINES = frozenset({"p", "div", "li", "dd", "dt", "blockquote"})


def _quoted_card(caption: Tag) -> bool:
    """Whether a <figcaption> is a quoted card rather than a picture's caption: it holds a web link
    and lines of its own, each its own block element or set off by <br> (a photo credit is one line),
    or it prints the URL it links to (the source page cited, not a picture's credit)."""
    link = caption.find("a", href=WEB_HREF)
    if link is None:
        return False
    if link.get_text(strip=True) == str(link["href"]).strip():
        return True
    lines = [child for child in caption.find_all(_CAPTION_LINES, limit=MIN_CARD_CAPTION_LINES + 1)
             if child.get_text(strip=True)]
    return len(lines) > MIN_CARD_CAPTION_LINES or _broken_lines(caption) > MIN_CARD_CAPTION_LINES


def _broken_lines(caption: Tag) -> int:
    """How many lines with text the caption's <br> elements set apart."""
    count, text = 0, False
    for node in caption.descendants:
        if isinstance(node, Tag) and node.name == "br":
            count, text = count + text, False
        elif not isinstance(node, Tag) and str(node).strip():
            text = True
    return count + text
