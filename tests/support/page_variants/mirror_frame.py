"""An encyclopedia mirror's frame around the article's column, printed as another mirror prints it:
the site's tagline over the page (beside its logo, in a header, or in an <h1> of its own before the
article's), the column's content in one more wrapper of an unknown class, and an ad slot's sponsor
label opening that wrapper and standing right over the title. Every added line is chrome, named in
``FRAME_LINES`` so a variant counts it as debris."""

from __future__ import annotations

import random
import re

# A mirror's tagline: what it says the site is, never a title of the article.
TAGLINES = ("ウィキペディア日本語版のミラーとことば検索", "Wikipedia ミラー＆キーワード辞典", "百科事典の写しと用語さがし")
SLOT_LABELS = ("スポンサーリンク", "Sponsored Link")
FRAME_LINES = frozenset((*TAGLINES, *SLOT_LABELS))
# Where the tagline is printed: beside the logo, in a header box, or as an <h1> of its own.
TAGLINE_FORMS = ('<div class="{a}"><span class="{b}">{tagline}</span></div>',
                 '<header class="{a}"><p class="{b}">{tagline}</p></header>',
                 '<div class="{a}"><h1 class="{b}">{tagline}</h1></div>')
_WIKIPEDIA = re.compile(r"ウィキペディア|Wikipedia")
_TITLE = re.compile(r"<h1\b[^>]*>", re.IGNORECASE)
_BODY_OPEN = re.compile(r"<body\b[^>]*>", re.IGNORECASE)
_BODY_CLOSE = re.compile(r"</body\s*>", re.IGNORECASE)


def _name(rng: random.Random) -> str:
    return "".join(rng.choice("abcdefghjkmnpqrstuvwxyz") for _ in range(2)) + str(rng.randrange(10, 99))


def frame_mirror_column(page: str, rng: random.Random) -> str:
    """The page's body inside a wrapper opened by a sponsor slot, the same label again over the title,
    and the site's tagline above it all, on a page that names Wikipedia and prints its title in an <h1>."""
    title = _TITLE.search(page)
    opening, closing = _BODY_OPEN.search(page), _BODY_CLOSE.search(page)
    if not _WIKIPEDIA.search(page) or title is None or opening is None or closing is None \
            or any(line in page for line in FRAME_LINES) or not opening.end() <= title.start() < closing.start():
        return page
    label = rng.choice(SLOT_LABELS)
    slot = f'<div class="{_name(rng)}">{label}</div>\n'
    tagline = rng.choice(TAGLINE_FORMS).format(a=_name(rng), b=_name(rng), tagline=rng.choice(TAGLINES))
    return (page[:opening.end()] + "\n" + tagline + f'\n<div class="{_name(rng)}">\n' + slot
            + page[opening.end():title.start()] + slot + page[title.start():closing.start()]
            + "</div>\n" + page[closing.start():])
