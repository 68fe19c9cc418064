"""Lines that are a site's links, not the article's: a page navigation phrase ('このページの先頭へ'), a row of share
buttons, an ad's line and its link, an ad slot's label and its copy, an embedded card's host line, a pager to the
next or previous article.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from kiku.importer.cleaning.chrome import (
    PAGE_NAVIGATION,
    SENTENCE,
    SHARE_BUTTONS,
    SHARE_BUTTONS_ALONE,
    is_ad_label,
    is_ad_line,
    normalise,
)
from kiku.importer.grammar.lines.dates import line_date
from kiku.importer.grammar.lines.features import split_marker
from kiku.importer.layouts.ads.relevance import promotion_cues


def is_page_navigation_phrase(text: str) -> bool:
    """'このページの先頭へ', '↑ 記事の先頭に戻る': a short navigation link with a demonstrative or a target."""
    normal = normalise(text).strip("↑▲^ ")
    stripped = re.sub(r"^(?:この|当|本)", "", normal)
    return stripped in PAGE_NAVIGATION or re.sub(r"^(?:記事|ページ)の", "ページの", stripped) in PAGE_NAVIGATION


def is_share_words_row(text: str) -> bool:
    """Two or more share, copy or print buttons with their verbs: 'この記事をシェア　𝕏ポスト　LINEで送る',
    'この記事を印刷する　リンクをコピー'."""
    tokens = [token for token in re.split(r"\s+|[/／|｜:：]", normalise(text)) if token]
    return len(tokens) >= 2 and all(token in SHARE_BUTTONS or token in SHARE_BUTTONS_ALONE or is_share_token(token)
                                    for token in tokens)


def is_share_token(token: str) -> bool:
    """A short word ending in a verb of sharing, copying or printing the page, perhaps with 'する':
    'Facebookでシェア', '𝕏ポスト', 'LINEで送る', 'Xで投稿', 'この記事を印刷する' (normalised). A service's note
    in brackets inside the button is no part of its word: 'X(旧Twitter)でポスト'."""
    word = _SERVICE_NOTE.sub("", token)
    return len(word) <= 12 and re.search(r"(?:シェア|ポスト|投稿|送る|コピー|共有|ブックマーク|印刷|保存)(?:する)?$",
                                         word) is not None


_SERVICE_NOTE = re.compile(r"(?<=\S)\([^()]{1,12}\)")


_URL_ALONE = re.compile(r"\s*https?://\S+\s*")


def claim_ad_line(texts: Sequence[str], index: int) -> int:
    """An ad's line ('【PR】…', '◇PR◇ …') and the ad's link alone under it, unless it titles a card: its date,
    itself again, a run of bullets, or a bullet and the card's URL in either order stands under it (the card is
    kept, and judged an ad by its title's label)."""
    if not is_ad_line(texts[index]) or _titles_card(texts, index):
        return 0
    below = texts[index + 1].strip() if index + 1 < len(texts) else ""
    # The ad's own link alone under it, no summary under that: the ad's two lines ('◇PR◇ …' · 'https://…').
    return 2 if _URL_ALONE.fullmatch(below) is not None else 1


def _titles_card(texts: Sequence[str], index: int) -> bool:
    """``texts[index]`` is a card's title: its date, itself again, a run of bullets, or a bullet and the card's URL in
    either order stands under it."""
    below = [text.strip() for text in texts[index + 1:index + 3]]
    return (bool(below) and line_date(below[0]) is not None) or texts[index].strip() in below or (
        len(below) == 2 and all(split_marker(text)[0] is not None for text in below)) or (
        len(below) == 2 and split_marker(below[0])[0] is not None and _URL_ALONE.fullmatch(below[1]) is not None) or (
        len(below) == 2 and _URL_ALONE.fullmatch(below[0]) is not None and split_marker(below[1])[0] is not None)


# An ad's copy sells: two of the cues of an offer or more ('最安値', '比較', '今なら'), where a heading or a line of
# the text under a stray label holds one at most.
MIN_AD_COPY_CUES = 2


def claim_ad_slot(texts: Sequence[str], index: int) -> int:
    """An ad slot's label alone ('スポンサーリンク', '広告'), and the ad's copy under it: a line with no full stop that
    sells (``MIN_AD_COPY_CUES``) and titles no card (a digest's ad card is kept, and judged an ad by its words)."""
    if not is_ad_label(texts[index]):
        return 0
    if index + 1 >= len(texts) or _titles_card(texts, index + 1):
        return 1
    copy = texts[index + 1]
    sells = (not SENTENCE.search(copy) and split_marker(copy.strip())[0] is None
             and promotion_cues([copy]) >= MIN_AD_COPY_CUES)
    return 2 if sells else 1


# A host name alone ('www.example.co.jp'): an embedded card prints its link's site under its summary.
_HOST = re.compile(r"(?i)(?:www\.)?(?P<host>[a-z0-9](?:[a-z0-9\-]{0,62}\.)+[a-z]{2,24})")
# How far below the host line the card's link line may stand.
HOST_LINK_REACH = 2


def claim_link_host(texts: Sequence[str], index: int) -> int:
    """A line that is only the host of the URL printed on one of the next lines: the card's site line."""
    host = _HOST.fullmatch(texts[index].strip())
    if host is None:
        return 0
    link = re.compile(rf"(?i)https?://(?:www\.)?{re.escape(host['host'])}(?:[/:?#]|$)")
    return int(any(link.search(text) for text in texts[index + 1:index + 1 + HOST_LINK_REACH]))


# The arrows and guillemets a link to the next or previous article points with, on either side of it.
_POINTING_ENDS = re.compile(r"^[\s≫»>→⇒▶►▷«≪<←⇐◀◁]+|[\s≫»>→⇒▶►▷«≪<←⇐◀◁]+$")
# A next or previous article's title is a headline: no sentence, one line.
MAX_TEASER = 80
# The verb a pager link may end in: '次の記事を読む ≫' is '次の記事 ≫'.
_READ_VERB = re.compile(r"\s*を(?:読む|見る)$")
_PAGER_LINKS = frozenset(word for word in PAGE_NAVIGATION if word.startswith(("前の", "次の")))


def claim_pager_link(texts: Sequence[str], index: int) -> int:
    """A link to the next or previous article alone on its line, pointed by an arrow or not ('次の記事 ≫',
    '« 前の記事'), and, in the page's second half (a pager at its foot, not above its title), the article's
    title under it when it reads as a headline (no full stop, no date): the site's pager, not the article's."""
    link = _READ_VERB.sub("", _POINTING_ENDS.sub("", normalise(texts[index])))
    if link not in _PAGER_LINKS:
        return 0
    below = texts[index + 1].strip() if index + 1 < len(texts) else ""
    teaser = (2 * index > len(texts) and 0 < len(below) <= MAX_TEASER and not below.endswith(("。", "．"))
              and line_date(below) is None and split_marker(below)[0] is None)
    return 2 if teaser else 1
