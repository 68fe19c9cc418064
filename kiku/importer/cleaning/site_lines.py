"""Lines a site prints around every article, told by their shape: who is credited for it, what the
site says about itself, and the next article's teaser at the foot of the page."""

from __future__ import annotations

import re
from collections.abc import Sequence

from kiku.importer.cleaning.chrome import nfkc, normalise

# The roles a credit names, alone or joined: '文：…', '取材・文：…', '文・写真／…', '監修：…'.
_ROLE = r"(?:文|写真|取材|執筆|構成|編集|監修|撮影|イラスト|聞き手)"
_CREDIT = re.compile(rf"^{_ROLE}(?:\s*[・/／&＆]\s*{_ROLE})*\s*[:：／/]\s*(?P<name>\S.*)$")
MAX_CREDITED_NAME = 30
# A note whose subject is the site itself, with no mark before it: '当サイトは医療機関の受診に代わるものでは
# ありません。', '本サイトの情報は…'. ('この記事は…' opens an article's own sentences; the site's name for
# itself, 当/本 + サイト/ブログ/メディア, does not.)
_SITE_SUBJECT = re.compile(r"^(?:当|本)(?:サイト|ブログ|メディア|ウェブサイト|Webサイト)(?:上)?(?:の|は|では|に|で|を)")
# A link to the next or previous article, as a label alone: 'NEXT', '次のページ', '前の記事へ'.
_PAGER_LABELS = frozenset({"next", "prev", "previous", "next page", "next article", "次のページ", "前のページ",
                           "次の記事", "前の記事", "次の記事へ", "前の記事へ", "次のページへ", "次へ", "前へ"})
_POINTING_ENDS = re.compile(r"^[\s≫»>→⇒▶►▷«≪<←⇐◀◁]+|[\s≫»>→⇒▶►▷«≪<←⇐◀◁]+$")
# The teaser under a pager label: its labels, the next article's title and a sentence or two of it.
MAX_TEASER_LINES = 5
MAX_TEASER_TITLE = 80


def is_credit_line(text: str) -> bool:
    """Who is credited for the article, a role and a name: '文：からだ編集部', '取材・文／山田花子'."""
    match = _CREDIT.match(nfkc(text).strip())
    return match is not None and len(match["name"]) <= MAX_CREDITED_NAME and "。" not in match["name"]


def is_site_disclaimer(text: str) -> bool:
    """A sentence whose subject is the site itself: the site's note on what its pages are (not a note
    on the article's facts)."""
    normal = nfkc(text).strip()
    return normal.endswith("。") and _SITE_SUBJECT.match(normal) is not None


def claim_pager_teaser(texts: Sequence[str], index: int) -> int:
    """A pager label alone on its line in the page's second half ('NEXT', '次のページ'), with no more
    than the next article's teaser after it: more labels, its title (a headline), a sentence or two of
    it. The rest of the page is the site's. (A sentence right under the label is the writer's.)"""
    rest = len(texts) - index
    if not _is_pager_label(texts[index]) or 2 * index <= len(texts) or not 1 < rest <= MAX_TEASER_LINES:
        return 0
    title = next((text.strip() for text in texts[index + 1:] if not _is_pager_label(text)), "")
    return rest if 0 < len(title) <= MAX_TEASER_TITLE and not title.endswith(("。", "．")) else 0


def _is_pager_label(text: str) -> bool:
    return _POINTING_ENDS.sub("", normalise(text)) in _PAGER_LABELS
