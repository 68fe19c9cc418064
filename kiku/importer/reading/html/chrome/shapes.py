"""The shapes of chrome in a saved HTML page: predicates the chrome rules (``html_chrome``) use.

Each says by the markup and the length of its text what an element is (a hidden element, an ad slot,
a photo's caption, a line that is only an in-page link, a copyright block, a tag list, a speaker's
name); the rule table naming what each drops stays in ``html_chrome``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import islice

from bs4 import Tag
from bs4.element import NavigableString, PreformattedString

from kiku.importer.grammar.lines.dates import find_date
from kiku.importer.reading.html.chrome.previews import previewed_url
from kiku.importer.reading.html.lines.labels import is_shown_mark
from kiku.importer.reading.html.lines.style import is_emoji_image

# Elements whose content is code or an embedded document, never text a reader sees.
EMBEDS = frozenset({"script", "style", "template", "iframe", "object", "embed", "svg", "canvas", "math"})
# Containers a sidebar, ad or box is built from (a rule keyed on its heading looks only at these).
BOXES = frozenset({"div", "section", "aside", "nav", "ul", "ol", "dl", "figure", "table", "details"})
# Class/id tokens longer than this are not names a site gives its chrome; they are not matched.
_MAX_TOKEN = 64
# How far up an element's enclosing <figure> is looked for (bounded: deep nests stay linear).
MAX_ENCLOSING_DEPTH = 12


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
    if element.name not in _LINE_ELEMENTS or element.find("a", href=True) is not None \
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
    whatever the page classes either: the picture's caption, as a <figcaption> is."""
    box = element.parent
    if element.name not in _PICTURE_CAPTIONS or box is None or element.find("a", href=True) is not None \
            or element.find_parent("a") is not None:
        return False  # a linked picture and its line are a card's or a banner's, not a caption
    picture = _picture_above(element, box)
    if picture is None:
        return False
    text = element.get_text(strip=True)
    # A logo's name printed beside it (its alt text) or a menu's row under it ('ホーム ｜ 社会') is the masthead's.
    return 0 < len(text) <= MAX_CAPTION and not _INNER_SENTENCE_END.search(text) \
        and text != str(picture.get("alt") or "").strip() and not _BAR.search(text)


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
_WEB_HREF = re.compile(r"^\s*https?://", re.IGNORECASE)


def _quoted_card(caption: Tag) -> bool:
    """Whether a <figcaption> is a quoted card rather than a picture's caption: it holds a web link
    and lines of its own, each its own block element or set off by <br> (a photo credit is one line),
    or it prints the URL it links to (the source page cited, not a picture's credit)."""
    link = caption.find("a", href=_WEB_HREF)
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


# A line that is only an in-page link is a short one; longer text is read no further.
MAX_IN_PAGE_LINK = 20
# Shorter: a footnote's back-link ('^', 'a', '↑') or its marker ('[1]'), which the references need.
MIN_IN_PAGE_LINK = 4
_FOOTNOTE_MARK = re.compile(r"[\[［(（]?(?:注|脚注)?\s*[0-9０-９]{1,4}[\]］)）]?")
MAX_IN_PAGE_NODES = 8
_LINE_ELEMENTS = frozenset({"p", "div", "center", "li", "span", "font"})


def only_in_page_link(element: Tag) -> bool:
    """A line whose whole text is one link to a place on the same page ('▲このページの上へ')."""
    if element.name not in _LINE_ELEMENTS:
        return False
    nodes = list(islice(element.descendants, MAX_IN_PAGE_NODES + 1))
    if len(nodes) > MAX_IN_PAGE_NODES:
        return False  # more than a line's markup (and a deep nest is not walked again at each level)
    links = [node for node in nodes if isinstance(node, Tag) and node.name == "a" and node.has_attr("href")]
    if len(links) != 1 or not str(links[0]["href"]).startswith("#"):
        return False
    text = "".join(str(node).strip() for node in nodes if isinstance(node, NavigableString)
                   and not isinstance(node, PreformattedString))
    return (MIN_IN_PAGE_LINK <= len(text) <= MAX_IN_PAGE_LINK and _FOOTNOTE_MARK.fullmatch(text) is None
            and text == links[0].get_text(strip=True))


# A heading's permalink mark: a symbol or two, no letter or digit ('†', '¶', '#', '§', '🔗').
_PERMALINK_MARK = re.compile(r"[^\w\s]{1,2}")
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})


def heading_permalink(element: Tag) -> bool:
    """A link inside a heading to that heading's own place ('<h3>見出し <a href="page#s1">†</a></h3>'),
    a wiki's or a blog's permalink mark: it names nothing, and glued to the heading it changes its text."""
    if element.name != "a" or "#" not in str(element.get("href") or ""):
        return False
    return _PERMALINK_MARK.fullmatch(element.get_text(strip=True)) is not None \
        and any(parent.name in _HEADINGS for parent in element.parents)


def permalinked_heading(element: Tag) -> bool:
    """A heading holding a link to its own id ('<h2 id="s1">見出し<a href="#s1">#</a></h2>'): a site gives
    a permalink to the article's sections, not to its menus, whatever the heading's classes say (a theme's
    'anchorWithStickyNavbar' names the scroll offset under a sticky navigation bar, not a menu)."""
    anchor_id = str(element.get("id") or "")
    if element.name not in _HEADINGS or not anchor_id:
        return False
    return any(str(link.get("href") or "").endswith(f"#{anchor_id}") for link in element.find_all("a", limit=3))


# A site's copyright line: 'Copyright (C) 2004-2025 …', '© 2025 …', 'All Rights Reserved'.
_COPYRIGHT = re.compile(r"^(?:Copyright\b|©|\(C\)\s*[0-9]{4})|All Rights Reserved", re.IGNORECASE)
MAX_COPYRIGHT_BLOCK = 200
MAX_COPYRIGHT_NODES = 16


def copyright_block(element: Tag) -> bool:
    """A short block of lines, one of them starting with a copyright notice: the site's small print (a
    <footer> so inside the article too: its links and the platform's credit go with the notice)."""
    if element.name not in _LINE_ELEMENTS and element.name != "footer":
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
        and element.find("a", href=_WEB_HREF) is None


def in_link_card(element: Tag) -> bool:
    """Part of a web link that holds more text than the element: a link card (its title, its source),
    not a byline whose link is the name alone."""
    link = next((parent for parent in islice(element.parents, MAX_ENCLOSING_DEPTH) if parent.name == "a"), None)
    return link is not None and _WEB_HREF.match(str(link.get("href") or "")) is not None \
        and len(link.get_text(strip=True)) > len(element.get_text(strip=True))


def marked_author(element: Tag) -> bool:
    """The article's byline as schema.org microdata marks it: '<span itemprop="author">文：…</span>'."""
    return "author" in str(element.get("itemprop") or "").lower().split()


# A link into the site's taxonomy: its path has a tag, category, label, keyword or theme segment
# ('/tags/長野県/', '/category/economy', '?tag=円安', '/theme-10112.html'), naming a list of posts.
_TAXONOMY_HREF = re.compile(
    r"(?i)(?:^|[/?&])(?:tags?|categor(?:y|ies)|labels?|keywords?|hashtags?|themes?|genres?)(?:[/=_\-.]|$)")
# A taxonomy term is a word or two; the text beside the links a short label ('タグ：', 'Tags:') or separators.
MAX_TERM = 20
MAX_TAXONOMY_LABEL = 6
MAX_TAXONOMY_NODES = 80
_TAXONOMY_SEPARATORS = re.compile(r"[\s,、，|｜/／・#＃:：]+")


def taxonomy_links(element: Tag) -> bool:
    """A block that is only links into the site's taxonomy (a post's tag or category list): each a
    short term, with at most a short label beside them. What the article is filed under, not its text."""
    if element.name not in BOXES and element.name not in _LINE_ELEMENTS:
        return False
    nodes = list(islice(element.descendants, MAX_TAXONOMY_NODES + 1))
    if len(nodes) > MAX_TAXONOMY_NODES:
        return False
    links = [node for node in nodes if isinstance(node, Tag) and node.name == "a"]
    if not links or not all(_TAXONOMY_HREF.search(str(link.get("href") or "")) for link in links):
        return False
    if not all(0 < len(link.get_text(strip=True)) <= MAX_TERM for link in links):
        return False
    label = "".join(str(node) for node in nodes if isinstance(node, NavigableString)
                    and not isinstance(node, PreformattedString) and not _in_link(node, element))
    bare = _TAXONOMY_SEPARATORS.sub("", label)
    # A label in Latin letters is one word, longer in letters than a Japanese one: 'Categories', 'TAGS'.
    return len(bare) <= MAX_TAXONOMY_LABEL or _LATIN_WORD.fullmatch(bare) is not None


_LATIN_WORD = re.compile(r"[A-Za-z]{1,12}")
# A post's theme, category or tags printed as text (no links) in a box the page names so: 'テーマ：…',
# perhaps numbered as one of several ('article-category1', 'tag_2'), or named as the links it held
# ('cat-links', 'tags-links': a scrape may keep their text without the links).
_TAXONOMY_CLASS = re.compile(r"(?:[a-z0-9]+[-_]+)*(?:themes?|categor(?:y|ies)|cats?|tags?|genres?)(?:[-_]?[0-9]{1,2})?"
                             r"(?:[-_]+(?:links?|list))?")
# A term list is a short line too: a label and the terms ('<dl><dt>タグ</dt><dd>…</dd><dd>…</dd></dl>').
_TERM_LISTS = frozenset({"dl", "ul", "ol"})
MAX_TAXONOMY_FIELD = 40


def taxonomy_field(element: Tag) -> bool:
    """A short line the page classes as the post's theme, category or tags: what it is filed under."""
    if (element.name not in _LINE_ELEMENTS and element.name not in _TERM_LISTS) or not any(
            _TAXONOMY_CLASS.fullmatch(token) for token in class_and_id_tokens(element)):
        return False
    if element.find("time") is not None:
        return False  # a post's meta line with its date ('date-tags'): the date is the article's
    text = element.get_text(" ", strip=True)
    return 0 < len(text) <= MAX_TAXONOMY_FIELD and not re.search(r"[。！？!?]", text) and find_date(text) is None


def _in_link(node: NavigableString, top: Tag) -> bool:
    """Whether the text is inside a link (looked for up to ``top``)."""
    for parent in islice(node.parents, MAX_ENCLOSING_DEPTH):
        if parent is top:
            return False
        if parent.name == "a":
            return True
    return False


# A speaker's name under their picture is a word or two; what they say stands beside it.
MAX_SPEAKER_NAME = 12
_NAME_PUNCTUATION = re.compile(r"[。、，,．.!！?？:：「」]")


def speaker_name(element: Tag) -> bool:
    """The name under a speaker's picture in a speech balloon ('<p><img><span>編集部</span></p>' beside
    '<div>…words…</div>'): a line of a picture and a short name, in a box of two whose other part holds text;
    or the line naming who speaks over a box of remarks ('<p>担当者より</p><p>…</p>': 'from …').
    Who speaks is the site's persona, not the article; the words are kept."""
    if element.name not in _LINE_ELEMENTS and element.name != "figure":
        return False
    if _remarks_from(element):
        return True
    nodes = list(islice(element.descendants, MAX_IN_PAGE_NODES + 1))
    if len(nodes) > MAX_IN_PAGE_NODES or not any(isinstance(node, Tag) and node.name == "img" for node in nodes):
        return False
    name = "".join(str(node).strip() for node in nodes
                   if isinstance(node, NavigableString) and not isinstance(node, PreformattedString))
    if not 0 < len(name) <= MAX_SPEAKER_NAME or _NAME_PUNCTUATION.search(name):
        return False
    # The balloon is a box of two: the speaker, then the words (a picture among paragraphs is the text's).
    box = element.parent
    pair = box.find_all(True, recursive=False, limit=3) if box is not None else []
    return len(pair) == 2 and pair[0] is element and len(pair[1].get_text(strip=True)) > MAX_SPEAKER_NAME


# 'X より': from whom the remarks below come ('担当者より', '店長より'); no number ('3月より' is a time).
_FROM_SPEAKER = re.compile(r"[^\s0-9０-９]{1,10}より")


def _remarks_from(element: Tag) -> bool:
    """The first line of a box, naming who the box's other lines (its remarks) come from."""
    text = element.get_text(strip=True)
    box = element.parent
    if _FROM_SPEAKER.fullmatch(text) is None or _NAME_PUNCTUATION.search(text) or box is None:
        return False
    parts = box.find_all(True, recursive=False, limit=MAX_IN_PAGE_NODES)
    return len(parts) >= 2 and parts[0] is element and all(
        len(part.get_text(strip=True)) > MAX_SPEAKER_NAME for part in parts[1:])


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
