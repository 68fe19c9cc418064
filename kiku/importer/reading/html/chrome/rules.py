"""Chrome rules for saved HTML pages: elements that are never article content.

The chain is data, like ``debris.DEBRIS_RULES`` for text lines: each rule names what it
drops and how to recognise it (tag names, class/id tokens, ARIA roles and labels, the
heading a box starts with). The first rule that matches an element drops it whole; its
text goes to the import report under the rule's name. A new site's chrome is a new entry
here, not an edit to the reader.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from itertools import islice

from bs4 import Tag

from kiku.importer.layouts.encyclopedia.statements import WIKIPEDIA_COPY
from kiku.importer.reading.html.chrome.boxes import opens_with_a_box
from kiku.importer.reading.html.chrome.buttons import button_bar
from kiku.importer.reading.html.chrome.kickers import heading_kicker
from kiku.importer.reading.html.chrome.polls import poll_box
from kiku.importer.reading.html.chrome.post_lists import site_post_list
from kiku.importer.reading.html.chrome.shapes.bylines import in_link_card, marked_author, speaker_name
from kiku.importer.reading.html.chrome.shapes.captions import classed_caption, media_caption, picture_caption
from kiku.importer.reading.html.chrome.shapes.elements import (
    BOXES,
    EMBEDS,
    MAX_ENCLOSING_DEPTH,
    ad_slot,
    class_and_id_tokens,
    hidden,
)
from kiku.importer.reading.html.chrome.shapes.in_page_links import (
    heading_jump_link,
    heading_permalink,
    only_in_page_link,
    permalinked_heading,
)
from kiku.importer.reading.html.chrome.shapes.readings import heading_reading
from kiku.importer.reading.html.chrome.shapes.site_boxes import (
    aside_beside_article,
    copyright_block,
    empty_list_box,
    form_box,
    unlinked_call_to_action,
)
from kiku.importer.reading.html.chrome.shapes.taxonomy import taxonomy_field, taxonomy_links
from kiku.importer.reading.html.chrome.single_card import one_source_card


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
    # Never where this says the element is something else.
    unless: Callable[[Tag], bool] | None = None
    # A box of this kind may hold more text than the article it follows (reader comments under a
    # short post): its class names it even on the box holding most of the page's text.
    may_outweigh_article: bool = False


def _tokens(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def _classed_without_links(element: Tag) -> bool:
    """A box classed as the contents that links nowhere and is not headed so (its heading may carry a toggle:
    '目次 [非表示]'): a list of unlinked lines under another heading ('この記事のポイント' · '✔ …') is the article's
    own summary, whatever the theme calls its box. A box headed as the contents by its first text stays dropped."""
    if not any(_CONTENTS_TOKEN.fullmatch(token) for token in class_and_id_tokens(element)):
        return False
    heading = element.find(["h1", "h2", "h3", "h4", "h5", "h6", "p", "div", "span"])
    text = heading.get_text(strip=True) if isinstance(heading, Tag) else ""
    return element.find("a", href=True) is None and element.find("li") is not None \
        and _CONTENTS_HEADING.match(text) is None


_CONTENTS_HEADING = re.compile(r"目次|もくじ|Contents|この記事の目次")
# A reply's subject: the subject it answers after 'Re:' (any case and width, perhaps repeated: 'Re: Re: …').
_REPLY_SUBJECT = re.compile(r"^\s*re\s*[:：]", re.IGNORECASE)
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")


def _reply_post(element: Tag) -> bool:
    """A post inside the article's post whose heading answers a subject ('Re: …'): a reader's reply in a thread,
    not the article; the article itself may be a reply, so only a nested one goes."""
    if element.name != "article" or element.find_parent("article") is None:
        return False
    heading = element.find(_HEADINGS)
    return isinstance(heading, Tag) and _REPLY_SUBJECT.match(unicodedata.normalize("NFKC", heading.get_text())) \
        is not None


_ANY = r"(?:[a-z0-9]+[-_]+)*"   # a BEM/utility prefix: "c-", "l-header__", "p-entry-"
_END = r"(?:[-_]+[a-z0-9]+)*"   # a suffix: "__list", "-box", "_area"
_CONTENTS_TOKEN = re.compile(_ANY + r"(?:toc|mokuji|table-?of-?contents|ez-toc)" + _END)

CHROME_RULES: tuple[ChromeRule, ...] = (
    ChromeRule("document-head", "the <head>: the window title, metadata, scripts", tags=frozenset({"head"})),
    ChromeRule("script", "scripts, styles, templates and embedded frames: code, not text",
               tags=EMBEDS | frozenset({"noscript"})),
    ChromeRule("hidden", "elements the page hides: hidden, aria-hidden, display:none", attributes=hidden),
    ChromeRule("form", "forms and their controls (search boxes, newsletter sign-up, comment forms)",
               tags=frozenset({"form", "button", "input", "select", "textarea", "dialog"})),
    ChromeRule("cookie-banner", "cookie and consent banners",
               tokens=_tokens(_ANY + r"(?:cookies?|consent|gdpr|cmp)" + _END),
               label=re.compile(r"(?i)cookie|クッキー")),
    ChromeRule("breadcrumb", "breadcrumb trails",
               tokens=_tokens(_ANY + r"(?:breadcrumbs?|topic-?path|pankuzu|crumbs?)" + _END),
               label=re.compile(r"(?i)breadcrumb|パンくず")),
    ChromeRule("table-of-contents", "a table of contents (目次 box)",
               tokens=_CONTENTS_TOKEN, heading=_CONTENTS_HEADING, unless=_classed_without_links),
    ChromeRule("media-caption", "the caption and credit of a photo or a video: a <figcaption> in a <figure> "
               "holding no other text, a short line the page classes as a caption (no link in it), or a short "
               "line alone under a picture in its box",
               attributes=lambda element: media_caption(element) or classed_caption(element)
               or picture_caption(element)),
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
               tags=frozenset(), attributes=only_in_page_link),
    ChromeRule("heading-permalink", "a heading's permalink mark: a symbol linking to the heading itself ('†', '¶')",
               attributes=heading_permalink),
    ChromeRule("heading-jump-link", "a link in words inside a heading to another place on the page ('▲ページ先頭へ')",
               attributes=heading_jump_link),
    ChromeRule("heading-reading", "a heading's kana reading in an element of its own closing it "
               "('<h1>和三盆<span>わさんぼん</span></h1>'), which the text says again in words",
               attributes=heading_reading),
    ChromeRule("empty-list-box", "a box holding only a heading that counts zero items ('添付ファイル (0)'): "
               "the site's empty attachment or comment list", attributes=empty_list_box),
    ChromeRule("heading-kicker", "a chapter's or step's number in an element of its own opening a heading "
               "('<span>CHAPTER 01</span>…'), the page's other headings numbered so", attributes=heading_kicker),
    ChromeRule("copyright-block", "a small block of site lines one of which is its copyright notice "
               "(a visitor counter, 'Copyright (C) …')", attributes=copyright_block),
    ChromeRule("speaker-name", "the name under a speaker's picture in a speech balloon (their words are kept)",
               attributes=speaker_name),
    ChromeRule("share-buttons", "share and follow buttons, and a bar of buttons by its shape (``buttons``)",
               attributes=button_bar,
               tokens=_tokens(_ANY + r"(?:share|sns|social|follow|sharing)" + _END),
               label=re.compile(r"(?i)share|シェア")),
    ChromeRule("taxonomy-links", "a post's tag or category list: only short links into the site's tags, "
               "categories or themes ('/tags/…', '/category/…'), or a short line the page classes as one",
               attributes=lambda element: taxonomy_links(element) or taxonomy_field(element)),
    ChromeRule("related-articles", "related, recommended and next-article lists; a box of the site's own posts by "
               "its shape (``post_lists``)",
               tokens=_tokens(_ANY + r"(?:related|recommend(?:ed|ation)?s?|osusume|pickup|yarpp|next-?articles?"
                              r"|pager|pagination)" + _END), unless=one_source_card, attributes=site_post_list,
               heading=re.compile(r"関連(?:記事|ニュース|リンク)|あわせて読みたい|合わせて読みたい|"
                                  r"おすすめ(?:記事)?|こちらの記事もおすすめ|Related (?:articles|posts)")),
    ChromeRule("call-to-action", "a box inviting the reader to subscribe or sign up (newsletter, membership), "
               "its form often left out of the saved page; a box classed a call to action ('cta') that links to "
               "no other page (a card's read-more line is one too, and carries its source's URL)",
               tokens=_tokens(_ANY + r"(?:newsletter|subscribe|subscription|sign-?up|mail-?mag(?:azine)?|merumaga)"
                              + _END),
               attributes=unlinked_call_to_action),
    ChromeRule("ranking", "ranking and most-read lists",
               tokens=_tokens(_ANY + r"(?:ranking|rank|popular|most-?read|access-?rank(?:ing)?)" + _END),
               heading=re.compile(r"(?:人気|アクセス)?(?:記事)?ランキング|人気(?:の)?記事|よく読まれている記事")),
    # Never part of a link card: an author there is the linked page's source
    # ('<a href=https://…><div>title</div><span class="…-author">日本経済新聞</span>…</a>').
    ChromeRule("author-box", "the author's profile box, and a byline the page marks as its author (itemprop); "
               "never part of a link card", attributes=marked_author, unless=in_link_card,
               tokens=_tokens(_ANY + r"(?:author|writer|profile|byline-box)" + _END),
               heading=re.compile(r"(?:この記事を書いた人|著者|執筆者|ライター)(?:について|プロフィール)?")),
    ChromeRule("advertisement", "ads and sponsored boxes (an ad slot's own tags and data-ad attributes too)",
               tags=frozenset({"amp-ad", "amp-sticky-ad", "amp-embed"}), attributes=ad_slot,
               tokens=_tokens(_ANY + r"(?:ads?|adsbygoogle|advert(?:isement)?s?|sponsor(?:ed)?|promo(?:tion)?"
                              r"|pr|bnr|affiliate|campaign)" + _END),
               label=re.compile(r"(?i)advertisement|広告|スポンサー"),
               heading=re.compile(r"広告|スポンサー(?:リンク)?|PR|Advertisement|Sponsored")),
    ChromeRule("sidebar", "sidebars and widget areas (an <aside> outside the <article>), never inside a <figure>",
               attributes=aside_beside_article, roles=frozenset({"complementary"}), never_inside=frozenset({"figure"}),
               tokens=_tokens(_ANY + r"(?:sidebar|side|widgets?|sub-?column)"
                              r"(?:[-_]+(?:area|inner|wrap|box|col|column|contents?|l|r|left|right))*")),
    # Not "comment": a digest page may mark its editor's remarks that way.
    ChromeRule("comments", "reader comments",
               # A BEM/utility prefix may stand before the plural ('it-Comments', 'p-comments').
               tokens=_tokens(_ANY + r"(?:comments|comments?-(?:area|list|form|section))|disqus(?:_thread)?|respond"),
               # A box headed by the count of its comments, or by the readers' comments (not a bare
               # 'コメント': a digest page may head its editor's remarks so).
               heading=re.compile(r"(?:(?:みんなの|読者の?)?コメント|[Cc]omments?)\s*[（(]?\s*[0-9０-９,]+\s*件?\s*[)）]?"
                                  r"|(?:みんなの|読者の?)コメント|コメント一覧"),
               may_outweigh_article=True),
    ChromeRule("reply-post", "a reply posted under the article, an <article> inside it headed 'Re: <subject>' (a "
               "forum's or a mail archive's thread)", attributes=_reply_post),
    # A municipal or corporate CMS closes each page with the office to ask and a poll on the page.
    ChromeRule("inquiry-box", "the box naming whom to ask about the page: its office, phone and mail "
               "('このページに関するお問い合わせ')",
               tokens=_tokens(_ANY + r"(?:inquiry|inquiries|enquiry|toiawase|otoiawase|contact-?(?:info|us|box))"
                              + _END),
               heading=re.compile(r"(?:この(?:ページ|記事|情報|件)に(?:関する|ついての))?(?:お)?問(?:い)?合(?:わ)?せ(?:先|窓口)?"
                                  r"|(?:担当|所管)(?:課|部署|窓口)|Contact(?: us)?")),
    ChromeRule("page-feedback", "the poll asking whether the page helped ('このページの情報は役に立ちましたか?'): "
               "a box of choices to tick", attributes=poll_box,
               tokens=_tokens(_ANY + r"(?:feedback|questionnaire|enquete|page-?rating|helpful(?:ness)?)" + _END),
               heading=re.compile(r"(?:この(?:ページ|記事)(?:の(?:情報|内容))?は)(?:役に立ちましたか|(?:わか|分か)りやすかったですか)"
                                  r"[?？]?|Was this (?:page|article|information) helpful\??")),
    ChromeRule("form-box", "a small box around a form asking for an e-mail address (a sign-up or a comment form): "
               "its heading and prompt ('ニュースレターに登録', 'コメントを残す')",
               attributes=form_box),
)


# The chain without its class and id tokens: what a page's tags, roles, labels and shapes say is chrome
# (a page whose class names hide its text is read again by these, ``pipeline``).
CLASS_BLIND_RULES: tuple[ChromeRule, ...] = tuple(dataclasses.replace(rule, tokens=None) for rule in CHROME_RULES)


def chrome_rule(element: Tag, *, inside_content: bool, first_text: Callable[[Tag], str],
                rules: tuple[ChromeRule, ...] = CHROME_RULES) -> ChromeRule | None:
    """The first rule that drops ``element``, or None when it may hold content.

    ``inside_content`` is whether the element is inside <article>/<main>; ``first_text``
    gives a box's first text (called only for rules with a heading and only for boxes).
    """
    name = element.name.lower()
    role = str(element.get("role") or "").lower()
    label = str(element.get("aria-label") or "")
    # The article's own section heading is not chrome by its class alone (``permalinked_heading``).
    tokens = [] if inside_content and permalinked_heading(element) else list(class_and_id_tokens(element))
    heading: str | None = None
    for rule in rules:
        if rule.outside_content_only and inside_content:
            continue
        if (name in rule.tags or (role and role in rule.roles)
                or (rule.tokens is not None and any(rule.tokens.fullmatch(token) for token in tokens))
                or (rule.label is not None and label and rule.label.search(label))
                or (rule.attributes is not None and rule.attributes(element))):
            if (rule.never_inside and _inside(element, rule.never_inside)) or _spared(element, rule):
                continue
            return rule
        if rule.heading is not None and name in BOXES:
            heading = _unmarked_heading(first_text(element)) if heading is None else heading
            if heading and rule.heading.fullmatch(heading) and not (rule.unless and rule.unless(element)):
                return rule
    return None




def named_by_class_only(element: Tag, rule: ChromeRule) -> bool:
    """Whether only a class or id token of ``element`` matches ``rule`` (not its tag, role, ARIA label
    or attributes). A class may name the entry's facets rather than a box: Movable Type and WordPress
    class a post by its author, category and tags ('entry-author-<name>', 'tag-ads')."""
    if rule.tokens is None or not any(rule.tokens.fullmatch(token) for token in class_and_id_tokens(element)):
        return False
    role = str(element.get("role") or "").lower()
    label = str(element.get("aria-label") or "")
    return not (element.name.lower() in rule.tags or (role and role in rule.roles)
                or (rule.label is not None and label and rule.label.search(label))
                or (rule.attributes is not None and rule.attributes(element)))


def named_by_heading_only(element: Tag, rule: ChromeRule) -> bool:
    """Whether ``rule`` names ``element`` by the text the box starts with alone (no tag, role, ARIA
    label, attribute or class token of its own says it is chrome), that text printed in a smaller box
    of its own: an ad slot's '<div>スポンサーリンク</div>' opening the column that holds the article."""
    if rule.heading is None or not opens_with_a_box(element):
        return False
    role = str(element.get("role") or "").lower()
    label = str(element.get("aria-label") or "")
    return not (element.name.lower() in rule.tags or (role and role in rule.roles)
                or (rule.tokens is not None and any(rule.tokens.fullmatch(token)
                                                    for token in class_and_id_tokens(element)))
                or (rule.label is not None and label and rule.label.search(label))
                or (rule.attributes is not None and rule.attributes(element)))


def _spared(element: Tag, rule: ChromeRule) -> bool:
    """Whether ``rule.unless`` says the element is something else, or says so of a box enclosing it that
    the rule's class names: a spared card's parts carry its block's class ('c-related-card__title' inside
    'c-related-card') and are the card's, not a related list's."""
    if rule.unless is None:
        return False
    if rule.unless(element):
        return True
    return rule.tokens is not None and any(
        rule.unless(parent) for parent in islice(element.parents, MAX_ENCLOSING_DEPTH)
        if any(rule.tokens.fullmatch(token) for token in class_and_id_tokens(parent)))


def _inside(element: Tag, names: frozenset[str]) -> bool:
    return any(parent.name in names for parent in islice(element.parents, MAX_ENCLOSING_DEPTH))


def _unmarked_heading(text: str) -> str:
    """A box's heading without the glyph or brackets that set it off: '■関連記事', '【関連記事】', '▼ 目次'."""
    start = 0
    while start < len(text) and (unicodedata.category(text[start]) in ("So", "Sm") or text[start] in "・ 　"):
        start += 1
    bare = text[start:].strip()
    return bare[1:-1].strip() if len(bare) > 2 and bare[0] in "【［[" and bare[-1] in "】］]" else bare


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


def attribution_lines(texts: list[str]) -> set[int]:
    """The indexes of the attribution's lines among a box's lines: each line that is one by itself, and a
    statement printed in two lines, the copied article on one ('この記事は、ウィキペディアの<title> (改訂履歴) の
    記事を…') and its licence on the line over or under it ('テキストは…ライセンスの下で利用可能です。')."""
    kept = {index for index, text in enumerate(texts) if is_attribution(text)}
    for index, text in enumerate(texts):
        if WIKIPEDIA_COPY.search(text) is None:
            continue
        licensed = [near for near in (index - 1, index + 1)
                    if 0 <= near < len(texts) and _NAMES_LICENCE.search(texts[near]) is not None]
        if licensed:
            kept.update({index, *licensed})
    return kept
