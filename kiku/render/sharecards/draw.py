"""Drawing one 1200×630 share card with Pillow: the site's mark and name, the title, the date.

The colours are the site's light palette (``static/style.css``): cream paper, dark ink, a gold rule.
``DRAW_VERSION`` is part of every card's cache key: change it whenever the drawing changes.
"""

from __future__ import annotations

import functools
import io
from dataclasses import dataclass, replace

from PIL import Image, ImageDraw, ImageFont

from kiku.render.sharecards.fonts import CardFont
from kiku.render.sharecards.layout import Box, TitleLayout, layout_title
from kiku.render.urls import CARD_HEIGHT, CARD_WIDTH

DRAW_VERSION = 2
# A card has a few flat colours and anti-aliased text: 64 palette colours look the same as full
# colour at a third of the file size (about 35 kB) and take no longer to encode.
_PALETTE_COLOURS = 64
WIDTH, HEIGHT = CARD_WIDTH, CARD_HEIGHT
_MARGIN = 80
_PAPER = (251, 248, 241)
_INK = (31, 28, 23)
_MUTED = (95, 87, 75)
_RULE = (228, 220, 203)
_GOLD = (201, 152, 47)
_GOLD_LIGHT = (226, 184, 78)
_MARK_INK = (42, 28, 0)
_TOP_BAND = 14
_HEADER_CENTRE = 92  # y of the mark's and the site name's centre line
_FOOTER_RULE = 536
_FOOTER_CENTRE = 584
_TITLE_TOP, _TITLE_BOTTOM = 150, 516
# The title's box and the sizes tried, largest first (shrink before cutting).
TITLE_BOX = Box(width=WIDTH - 2 * _MARGIN, height=_TITLE_BOTTOM - _TITLE_TOP, sizes=(72, 66, 60, 56, 52, 48, 44))
_WRAP_ATTEMPTS = 4


@dataclass(frozen=True, slots=True)
class CardText:
    """What one card shows. ``mark`` is the emblem (菊) or empty; ``footer_right`` the site's address."""

    title: str
    site_name: str
    mark: str
    date: str
    footer_right: str


@functools.lru_cache(maxsize=64)
def _font(font: CardFont, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(font.path), size, index=font.index)


@functools.lru_cache(maxsize=65_536)
def _advance(font: CardFont, size: int, character: str) -> float:
    return float(_font(font, size).getlength(character))


def text_width(font: CardFont, text: str, size: int) -> float:
    """The width of ``text`` as the sum of its characters' advances (cached per character).

    Shaping a whole line for every candidate wrapping costs milliseconds a call; the sum of
    advances is what the line measures without kerning, which only narrows Latin pairs.
    """
    return sum(_advance(font, size, character) for character in text)


def ink_width(font: CardFont, text: str, size: int) -> float:
    """How far ``text``, shaped as drawn, reaches right of where it starts, ink included (its bbox)."""
    if not text:
        return 0.0
    return float(_font(font, size).getbbox(text, anchor="ls")[2])


def title_layout(font: CardFont, title: str) -> TitleLayout:
    """``title`` wrapped for the card's title box with ``font``.

    The wrapping is checked line by line against the drawn text's bounding box; a line whose ink
    reaches past the box (a glyph overhanging its advance) narrows the box and wraps again.
    """
    box = TITLE_BOX
    for _ in range(_WRAP_ATTEMPTS):
        layout = layout_title(title, box, functools.partial(text_width, font))
        overflow = max((ink_width(font, line, layout.size) - TITLE_BOX.width for line in layout.lines), default=0.0)
        if overflow <= 0:
            return layout
        box = replace(box, width=box.width - overflow - 1)
    return layout


def draw_card(font: CardFont, card: CardText) -> bytes:
    """The card as PNG bytes."""
    image = Image.new("RGB", (WIDTH, HEIGHT), _PAPER)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, WIDTH, _TOP_BAND), fill=_GOLD)
    _draw_header(draw, font, card)
    _draw_title(draw, font, title_layout(font, card.title))
    draw.line((_MARGIN, _FOOTER_RULE, WIDTH - _MARGIN, _FOOTER_RULE), fill=_RULE, width=2)
    if card.date:
        draw.text((_MARGIN, _FOOTER_CENTRE), card.date, font=_font(font, 30), fill=_MUTED, anchor="lm")
    if card.footer_right:
        draw.text((WIDTH - _MARGIN, _FOOTER_CENTRE), card.footer_right, font=_font(font, 26), fill=_MUTED, anchor="rm")
    output = io.BytesIO()
    palette = image.quantize(_PALETTE_COLOURS, method=Image.Quantize.FASTOCTREE)
    palette.save(output, format="PNG", compress_level=6)
    return output.getvalue()


def _draw_header(draw: ImageDraw.ImageDraw, font: CardFont, card: CardText) -> None:
    name_left = _MARGIN
    if card.mark:
        radius = 32
        centre = (_MARGIN + radius, _HEADER_CENTRE)
        draw.ellipse(_circle(centre, radius + 4), fill=_GOLD)
        draw.ellipse(_circle(centre, radius), fill=_GOLD_LIGHT)
        draw.text(centre, card.mark, font=_font(font, 36), fill=_MARK_INK, anchor="mm")
        name_left = _MARGIN + 2 * radius + 28
    draw.text((name_left, _HEADER_CENTRE), card.site_name, font=_font(font, 34), fill=_INK, anchor="lm")


def _draw_title(draw: ImageDraw.ImageDraw, font: CardFont, layout: TitleLayout) -> None:
    line_height = layout.size * TITLE_BOX.line_height
    block = line_height * len(layout.lines)
    # Centred in the box; the first baseline sits about 1.1 font sizes below the line's top.
    top = _TITLE_TOP + (TITLE_BOX.height - block) / 2
    title_font = _font(font, layout.size)
    for number, line in enumerate(layout.lines):
        baseline = top + number * line_height + layout.size * 1.1
        draw.text((_MARGIN, baseline), line, font=title_font, fill=_INK, anchor="ls")


def _circle(centre: tuple[int, int], radius: int) -> tuple[int, int, int, int]:
    x, y = centre
    return (x - radius, y - radius, x + radius, y + radius)
