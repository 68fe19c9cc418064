"""A link preview: the box a forum, a chat or a blog prints for a link pasted on a line of its own.

Discourse's onebox, a Slack or Teams unfurl, a Mastodon preview card print one shape whatever their
class names: a small box whose web links all lead to the one page it previews (the source's name in
its header, the title, the printed URL) around that page's summary. It quotes a source article as a
card does: the article's own box, never the site's sidebar (``cards.link_previews`` reads it).
"""

from __future__ import annotations

import re
from itertools import islice

from bs4 import Tag

PREVIEW_BOXES = frozenset({"aside", "div", "section", "article", "blockquote"})
# Links to the previewed page: its header's name and its title or printed URL at least.
MIN_PREVIEW_LINKS = 2
# A preview is a small box; a page's column holding one is not one.
MAX_PREVIEW_NODES = 80
_WEB_HREF = re.compile(r"^\s*https?://", re.IGNORECASE)


def previewed_url(element: Tag) -> str | None:
    """The one web page a small box's links (two or more) all lead to, when the box prints text besides
    its links (a summary); else None."""
    if element.name not in PREVIEW_BOXES:
        return None
    nodes = list(islice(element.descendants, MAX_PREVIEW_NODES + 1))
    if len(nodes) > MAX_PREVIEW_NODES:
        return None
    links = [node for node in nodes if isinstance(node, Tag) and node.name == "a" and node.get("href")]
    targets = {str(link["href"]).strip() for link in links}
    if len(links) < MIN_PREVIEW_LINKS or len(targets) != 1:
        return None
    target = next(iter(targets))
    linked = sum(len(link.get_text(strip=True)) for link in links)
    return target if _WEB_HREF.match(target) and len(element.get_text(strip=True)) > linked else None

