"""Chrome rules for saved HTML pages: elements that are never article content.

The chain is data, like ``debris.DEBRIS_RULES`` for text lines: each rule names what it
drops and how to recognise it (tag names, class/id tokens, ARIA roles and labels, the
heading a box starts with). The first rule that matches an element drops it whole; its
text goes to the import report under the rule's name. A new site's chrome is a new entry
here, not an edit to the reader.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from itertools import islice

from bs4 import Tag
from bs4.element import NavigableString, PreformattedString

from kiku.importer.grammar.dates import find_date

# Elements whose content is code or an embedded document, never text a reader sees.
EMBEDS = frozenset({"script", "style", "template", "iframe", "object", "embed", "svg", "canvas", "math"})
# Containers a sidebar, ad or box is built from (a rule keyed on its heading looks only at these).
BOXES = frozenset({"div", "section", "aside", "nav", "ul", "ol", "dl", "figure", "table", "details"})
# Class/id tokens longer than this are not names a site gives its chrome; they are not matched.
_MAX_TOKEN = 64


@dataclass(frozen=True, slots=True)
class ChromeRule:
    name: str
    description: str
    tags: frozenset[str] = frozenset()
    # Full match against one class or id token, lower-cased ("share-buttons", "c-ranking__list").
    tokens: re.Pattern[str] | None = None
    roles: frozenset[str] = frozenset()
    # Searched in aria-label / aria-labelledby text.
    label: re.Pattern[str] | None = None
    # Full match against the first text of a box ("目次", "関連記事").
    heading: re.Pattern[str] | None = None
    attributes: Callable[[Tag], bool] | None = None
    # Only outside <article>/<main>: a <header> inside an article holds its title.
    outside_content_only: bool = False
    # Never inside these elements: what a <figure> holds is part of it (a quoted card's 'widget').
    never_inside: frozenset[str] = frozenset()


def _tokens(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def _hidden(element: Tag) -> bool:
    style = str(element.get("style") or "").lower()
    return (element.has_attr("hidden") or str(element.get("aria-hidden") or "").lower() == "true"
            or re.search(r"display\s*:\s*none|visibility\s*:\s*hidden", style) is not None)


_AD_ATTRIBUTE = re.compile(r"data-ads?(?:-[a-z-]+)?")


def _ad_slot(element: Tag) -> bool:
    """An element the page marks as an ad by a data attribute ('data-ad', 'data-ad-slot')."""
    return any(_AD_ATTRIBUTE.fullmatch(name) for name in element.attrs)


def _media_caption(element: Tag) -> bool:
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


def _classed_caption(element: Tag) -> bool:
    if element.name not in _LINE_ELEMENTS or element.find("a", href=True) is not None \
            or element.find(_CAPTION_LINES) is not None:
        return False
    if not any(_CAPTION_CLASS.fullmatch(token) for token in _class_and_id_tokens(element)):
        return False
    text = element.get_text(strip=True)
    return 0 < len(text) <= MAX_CAPTION and not _INNER_SENTENCE_END.search(text)


# A caption of lines (a title, a date, summary lines) and a web link quotes an article: a card.
MIN_CARD_CAPTION_LINES = 2
_CAPTION_LINES = frozenset({"p", "div", "li", "dd", "dt", "blockquote"})
_WEB_HREF = re.compile(r"^\s*https?://", re.IGNORECASE)


def _quoted_card(caption: Tag) -> bool:
    """Whether a <figcaption> is a quoted card rather than a picture's caption: it holds a web link
    and lines of its own, each its own block element (a photo credit is one line)."""
    if caption.find("a", href=_WEB_HREF) is None:
        return False
    lines = [child for child in caption.find_all(_CAPTION_LINES, limit=MIN_CARD_CAPTION_LINES + 1)
             if child.get_text(strip=True)]
    return len(lines) > MIN_CARD_CAPTION_LINES


# A line that is only an in-page link is a short one; longer text is read no further.
MAX_IN_PAGE_LINK = 20
# Shorter: a footnote's back-link ('^', 'a', '↑') or its marker ('[1]'), which the references need.
MIN_IN_PAGE_LINK = 4
_FOOTNOTE_MARK = re.compile(r"[\[［(（]?(?:注|脚注)?\s*[0-9０-９]{1,4}[\]］)）]?")
MAX_IN_PAGE_NODES = 8
_LINE_ELEMENTS = frozenset({"p", "div", "center", "li", "span", "font"})


def _only_in_page_link(element: Tag) -> bool:
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


# A site's copyright line: 'Copyright (C) 2004-2025 …', '© 2025 …', 'All Rights Reserved'.
_COPYRIGHT = re.compile(r"^(?:Copyright\b|©|\(C\)\s*[0-9]{4})|All Rights Reserved", re.IGNORECASE)
MAX_COPYRIGHT_BLOCK = 200
MAX_COPYRIGHT_NODES = 16


def _copyright_block(element: Tag) -> bool:
    """A short block of lines, one of them starting with a copyright notice: the site's small print."""
    if element.name not in _LINE_ELEMENTS:
        return False
    nodes = list(islice(element.descendants, MAX_COPYRIGHT_NODES + 1))
    if len(nodes) > MAX_COPYRIGHT_NODES:
        return False
    texts = [str(node).strip() for node in nodes
             if isinstance(node, NavigableString) and not isinstance(node, PreformattedString) and str(node).strip()]
    return (sum(len(text) for text in texts) <= MAX_COPYRIGHT_BLOCK
            and any(_COPYRIGHT.search(text) for text in texts))


def _aside_beside_article(element: Tag) -> bool:
    """An <aside> outside any <article>: the page's sidebar. Inside an <article> it is the article's
    own box beside its text (its key points, a note); a related list or an ad there is dropped by
    its own rule."""
    return element.name == "aside" and element.find_parent("article") is None


def _marked_author(element: Tag) -> bool:
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


def _taxonomy_links(element: Tag) -> bool:
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
# A post's theme, category or tags printed as text (no links) in a box the page names so: 'テーマ：…'.
_TAXONOMY_CLASS = re.compile(r"(?:[a-z0-9]+[-_]+)*(?:themes?|categor(?:y|ies)|tags?|genres?)")
MAX_TAXONOMY_FIELD = 40


def _taxonomy_field(element: Tag) -> bool:
    """A short line the page classes as the post's theme, category or tags: what it is filed under."""
    if element.name not in _LINE_ELEMENTS or not any(
            _TAXONOMY_CLASS.fullmatch(token) for token in _class_and_id_tokens(element)):
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


def _speaker_name(element: Tag) -> bool:
    """The name under a speaker's picture in a speech balloon ('<p><img><span>編集部</span></p>' beside
    '<div>…words…</div>'): a line of a picture and a short name, in a box of two whose other part holds text.
    Who speaks is the site's persona, not the article; the words are kept."""
    if element.name not in _LINE_ELEMENTS and element.name != "figure":
        return False
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


_ANY = r"(?:[a-z0-9]+[-_]+)*"   # a BEM/utility prefix: "c-", "l-header__", "p-entry-"
_END = r"(?:[-_]+[a-z0-9]+)*"   # a suffix: "__list", "-box", "_area"

CHROME_RULES: tuple[ChromeRule, ...] = (
    ChromeRule("document-head", "the <head>: the window title, metadata, scripts", tags=frozenset({"head"})),
    ChromeRule("script", "scripts, styles, templates and embedded frames: code, not text",
               tags=EMBEDS | frozenset({"noscript"})),
    ChromeRule("hidden", "elements the page hides: hidden, aria-hidden, display:none", attributes=_hidden),
    ChromeRule("form", "forms and their controls (search boxes, newsletter sign-up, comment forms)",
               tags=frozenset({"form", "button", "input", "select", "textarea", "dialog"})),
    ChromeRule("cookie-banner", "cookie and consent banners",
               tokens=_tokens(_ANY + r"(?:cookies?|consent|gdpr|cmp)" + _END),
               label=re.compile(r"(?i)cookie|クッキー")),
    ChromeRule("breadcrumb", "breadcrumb trails",
               tokens=_tokens(_ANY + r"(?:breadcrumbs?|topic-?path|pankuzu|crumbs?)" + _END),
               label=re.compile(r"(?i)breadcrumb|パンくず")),
    ChromeRule("table-of-contents", "a table of contents (目次 box)",
               tokens=_tokens(_ANY + r"(?:toc|mokuji|table-?of-?contents|ez-toc)" + _END),
               heading=re.compile(r"目次|もくじ|Contents|この記事の目次")),
    ChromeRule("media-caption", "the caption and credit of a photo or a video: a <figcaption> in a <figure> "
               "holding no other text, or a short line the page classes as a caption (no link in it)",
               attributes=lambda element: _media_caption(element) or _classed_caption(element)),
    # A wiki's boxes around the article's text (MediaWiki's class names, which its mirrors keep).
    ChromeRule("wiki-infobox", "a wiki article's infobox and navigation boxes: a table of facts, not its text",
               tokens=_tokens(r"infobox|navbox|vertical-navbox|sidebar-wiki|toccolours")),
    ChromeRule("wiki-notice", "a wiki's hatnote ('…はこの項目へ転送されています') and maintenance boxes",
               tokens=_tokens(r"hatnote|dablink|rellink|ambox|[a-z]?mbox|metadata|noprint|mw-indicators?")),
    ChromeRule("wiki-categories", "a wiki page's category links",
               tokens=_tokens(r"catlinks|mw-normal-catlinks|categories|category-links")),
    ChromeRule("edit-link", "a wiki's '[編集]' section-edit links",
               tokens=_tokens(r"(?:mw-)?editsection(?:-bracket)?|edit-?link|post-edit-link")),
    ChromeRule("navigation", "menus and site navigation", tags=frozenset({"nav", "menu"}),
               roles=frozenset({"navigation", "menubar", "menu", "search"}),
               tokens=_tokens(_ANY + r"(?:g?navi?|navigation|navbar|menu|global-?menu|drawer|hamburger)" + _END)),
    ChromeRule("page-header", "the site's header: logo, menu button, search", tags=frozenset({"header"}),
               roles=frozenset({"banner"}), outside_content_only=True,
               # Not "page-header"/"entry-header": those hold the article's title.
               tokens=_tokens(r"(?:site|global|l|g|common)?[-_]?header|masthead")),
    ChromeRule("site-logo", "the site's logo and name, often an <h1> of its own",
               tokens=_tokens(_ANY + r"(?:logo|site-?(?:name|title|branding|id)|brand(?:ing)?)" + _END)),
    ChromeRule("page-footer", "the site's footer: links, copyright", tags=frozenset({"footer"}),
               roles=frozenset({"contentinfo"}), outside_content_only=True,
               tokens=_tokens(r"(?:site|global|l|g|common)?[-_]?footer")),
    ChromeRule("in-page-link", "a line that is only a link within the page: back to the top, a jump",
               tags=frozenset(), attributes=_only_in_page_link),
    ChromeRule("copyright-block", "a small block of site lines one of which is its copyright notice "
               "(a visitor counter, 'Copyright (C) …')", attributes=_copyright_block),
    ChromeRule("speaker-name", "the name under a speaker's picture in a speech balloon (their words are kept)",
               attributes=_speaker_name),
    ChromeRule("share-buttons", "share and follow buttons",
               tokens=_tokens(_ANY + r"(?:share|sns|social|follow|sharing)" + _END),
               label=re.compile(r"(?i)share|シェア")),
    ChromeRule("taxonomy-links", "a post's tag or category list: only short links into the site's tags, "
               "categories or themes ('/tags/…', '/category/…'), or a short line the page classes as one",
               attributes=lambda element: _taxonomy_links(element) or _taxonomy_field(element)),
    ChromeRule("related-articles", "related, recommended and next-article lists",
               tokens=_tokens(_ANY + r"(?:related|recommend(?:ed|ation)?s?|osusume|pickup|yarpp|next-?articles?"
                              r"|pager|pagination)" + _END),
               heading=re.compile(r"関連(?:記事|ニュース|リンク)|あわせて読みたい|合わせて読みたい|"
                                  r"おすすめ(?:記事)?|こちらの記事もおすすめ|Related (?:articles|posts)")),
    ChromeRule("ranking", "ranking and most-read lists",
               tokens=_tokens(_ANY + r"(?:ranking|rank|popular|most-?read|access-?rank(?:ing)?)" + _END),
               heading=re.compile(r"(?:人気|アクセス)?(?:記事)?ランキング|人気(?:の)?記事|よく読まれている記事")),
    ChromeRule("author-box", "the author's profile box, and a byline the page marks as its author (itemprop)",
               attributes=_marked_author,
               tokens=_tokens(_ANY + r"(?:author|writer|profile|byline-box)" + _END),
               heading=re.compile(r"(?:この記事を書いた人|著者|執筆者|ライター)(?:について|プロフィール)?")),
    ChromeRule("advertisement", "ads and sponsored boxes (an ad slot's own tags and data-ad attributes too)",
               tags=frozenset({"amp-ad", "amp-sticky-ad", "amp-embed"}), attributes=_ad_slot,
               tokens=_tokens(_ANY + r"(?:ads?|adsbygoogle|advert(?:isement)?s?|sponsor(?:ed)?|promo(?:tion)?"
                              r"|pr|bnr|affiliate|campaign)" + _END),
               label=re.compile(r"(?i)advertisement|広告|スポンサー"),
               heading=re.compile(r"広告|スポンサー(?:リンク)?|PR|Advertisement|Sponsored")),
    ChromeRule("sidebar", "sidebars and widget areas (an <aside> outside the <article>), never inside a <figure>",
               attributes=_aside_beside_article, roles=frozenset({"complementary"}), never_inside=frozenset({"figure"}),
               tokens=_tokens(_ANY + r"(?:sidebar|side|widgets?|sub-?column)"
                              r"(?:[-_]+(?:area|inner|wrap|box|col|column|contents?|l|r|left|right))*")),
    # Not "comment": a digest page may mark its editor's remarks that way.
    ChromeRule("comments", "reader comments",
               tokens=_tokens(r"comments|comments?-(?:area|list|form|section)|disqus(?:_thread)?|respond")),
)


def chrome_rule(element: Tag, *, inside_content: bool, first_text: Callable[[Tag], str],
                rules: tuple[ChromeRule, ...] = CHROME_RULES) -> ChromeRule | None:
    """The first rule that drops ``element``, or None when it may hold content.

    ``inside_content`` is whether the element is inside <article>/<main>; ``first_text``
    gives a box's first text (called only for rules with a heading and only for boxes).
    """
    name = element.name.lower()
    role = str(element.get("role") or "").lower()
    label = str(element.get("aria-label") or "")
    tokens = list(_class_and_id_tokens(element))
    heading: str | None = None
    for rule in rules:
        if rule.outside_content_only and inside_content:
            continue
        if (name in rule.tags or (role and role in rule.roles)
                or (rule.tokens is not None and any(rule.tokens.fullmatch(token) for token in tokens))
                or (rule.label is not None and label and rule.label.search(label))
                or (rule.attributes is not None and rule.attributes(element))):
            if rule.never_inside and _inside(element, rule.never_inside):
                continue
            return rule
        if rule.heading is not None and name in BOXES:
            heading = _unmarked_heading(first_text(element)) if heading is None else heading
            if heading and rule.heading.fullmatch(heading):
                return rule
    return None


# How far up an element's enclosing <figure> is looked for (bounded: deep nests stay linear).
MAX_ENCLOSING_DEPTH = 12


def _inside(element: Tag, names: frozenset[str]) -> bool:
    return any(parent.name in names for parent in islice(element.parents, MAX_ENCLOSING_DEPTH))


def _unmarked_heading(text: str) -> str:
    """A box's heading without the glyph or brackets that set it off: '■関連記事', '【関連記事】', '▼ 目次'."""
    start = 0
    while start < len(text) and (unicodedata.category(text[start]) in ("So", "Sm") or text[start] in "・ 　"):
        start += 1
    bare = text[start:].strip()
    return bare[1:-1].strip() if len(bare) > 2 and bare[0] in "【［[" and bare[-1] in "】］]" else bare


# A word boundary inside a camelCase name: 'c-shareBtns' is 'c-share-btns', 'p-adBox' 'p-ad-box'.
_CAMEL_HUMP = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")


def _class_and_id_tokens(element: Tag) -> Iterator[str]:
    """Each class and id token lower-cased, and a camelCase one also with its words hyphenated
    (a theme's 'c-shareBtns' names its share buttons as 'c-share-btns' would)."""
    value: str | list[str] = element.get("class") or []
    classes: list[str] = value.split() if isinstance(value, str) else [str(token) for token in value]
    identifier = element.get("id")
    for token in [*classes, *(str(identifier).split() if identifier else [])]:
        if len(token) <= _MAX_TOKEN:
            yield token.lower()
            hyphenated = _CAMEL_HUMP.sub("-", token)
            if hyphenated != token:
                yield hyphenated.lower()


def is_unsafe_link(href: str) -> bool:
    """A link whose target runs code or embeds data: it never reaches the content."""
    scheme = re.sub(r"[\x00-\x20]", "", href).lower()
    return scheme.startswith(("javascript:", "data:", "vbscript:"))


# Lines a mirror prints in its header or footer that are the article's own: the Wikipedia source
# line, and the licence statement, which names Wikipedia and a licence in either order ('…Wikipedia
# … GFDL…', '本文はクリエイティブ・コモンズ…のもとで利用できます。この記事は、ウィキペディアの…').
_SOURCE_ATTRIBUTION = re.compile(r"^出典\s*[:：].{0,20}(?:ウィキペディア|Wikipedia)")
_NAMES_WIKIPEDIA = re.compile(r"ウィキペディア|Wikipedia")
_NAMES_LICENCE = re.compile(r"ライセンス|License|licence|クリエイティブ・コモンズ|Creative Commons|CC[- ]BY|GFDL"
                            r"|提供されて|利用可能|利用できます")


def is_attribution(text: str) -> bool:
    return _SOURCE_ATTRIBUTION.search(text) is not None or (
        _NAMES_WIKIPEDIA.search(text) is not None and _NAMES_LICENCE.search(text) is not None)
