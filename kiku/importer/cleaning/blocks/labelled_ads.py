"""An ad a text dump sets off by a bare label line over it ('PR' · title · offer · https://…): the label says
what the lines under it are, up to the link line that closes the ad, as a saved page's ad box does by its
markup."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from kiku.importer.cleaning.blocks.ruled_blocks import holds_web_address, is_rule_line
from kiku.importer.cleaning.chrome import is_ad_label, is_ad_line
from kiku.importer.page import Line

# An ad under its label prints a title and a line or two of its offer over its link: a longer run before any
# link is the article's text under a label that stood alone.
MAX_AD_HEAD = 3


def labelled_ad_end(texts: Sequence[str], index: int) -> int | None:
    """The index of the link line closing the ad under the bare ad label ``texts[index]`` ('PR', '広告'), a
    line or a few with no link above it, none of them a label or a rule; else None."""
    if not is_ad_label(texts[index].strip()):
        return None
    for at in range(index + 1, min(len(texts), index + 2 + MAX_AD_HEAD)):
        text = texts[at]
        if holds_web_address(text):
            return at if at > index + 1 else None
        if is_rule_line(text) or is_ad_label(text.strip()) or is_ad_line(text):
            return None
    return None


def with_labelled_ads_marked(lines: Sequence[Line]) -> list[Line]:
    """The lines, those of an ad under a bare ad label (``labelled_ad_end``) marked as an ad's and the first
    of them as the head of a card's box: the label names them an ad and its head a card's title, whatever
    its words (a slogan over an offer is shaped as a section's heading is)."""
    texts = [line.text for line in lines]
    marked = list(lines)
    for index in range(len(lines)):
        end = labelled_ad_end(texts, index)
        if end is None or any(line.ad for line in marked[index + 1:end + 1]):
            continue
        marked[index + 1:end + 1] = [replace(line, ad=True, heads_card_box=at == index + 1)
                                     for at, line in enumerate(marked[index + 1:end + 1], start=index + 1)]
    return marked
