"""Drawing one 1200×630 share card with Pillow: the site's mark and name, the title, the date.

The colours are the site's light palette (``static/style.css``): cream paper, dark ink, a gold rule.
``DRAW_VERSION`` is part of every card's cache key: change it whenever the drawing changes.

Every card of a site shares its frame (the gold band, the mark, the site's name, the footer rule
and address), so the frame is drawn and reduced to a palette once per build (``CardFrame``). A card
then only draws its title and date, straight into the palette indices: the title area is filled
with the first index of a ramp of colours from paper to ink, and Pillow's anti-aliased text,
blending index values linearly, lands on the matching shade of that ramp. No card is quantized.
"""

from __future__ import annotations

import functools
import io
import zlib
from dataclasses import dataclass, replace

from PIL import Image, ImageDraw, ImageFont

from kiku.render.sharecards.fonts import CardFont
from kiku.render.sharecards.layout import Box, TitleLayout, layout_title
from kiku.render.urls import CARD_HEIGHT, CARD_WIDTH

DRAW_VERSION = 3
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
# The palette: the frame's own colours first, then two ramps of shades from paper to ink (the title)
# and from paper to the muted colour (the date). 32 shades are within 4 levels of the exact blend
# (invisible) and compress better than more.
_FRAME_COLOURS = 64
_RAMP_SHADES = 32
_INK_RAMP = _FRAME_COLOURS
_MUTED_RAMP = _FRAME_COLOURS + _RAMP_SHADES
_INK_RAMP_END, _MUTED_RAMP_END = _INK_RAMP + _RAMP_SHADES - 1, _MUTED_RAMP + _RAMP_SHADES - 1
# Where the title and the date are drawn: plain paper in the frame, between its header and its rule.
_TITLE_AREA = (0, _TITLE_TOP - 16, WIDTH, _FOOTER_RULE - 4)
_DATE_AREA_TOP = _FOOTER_RULE + 4
_DATE_SIZE, _ADDRESS_SIZE, _NAME_SIZE, _MARK_SIZE = 30, 26, 34, 36
# zlib's run-length strategy suits a card's long flat runs: a few ms a card (level 6: three times
# as long, for files about 15 % smaller).
_PNG_OPTIONS = {"compress_type": zlib.Z_RLE}


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


@functools.lru_cache(maxsize=64)
def _glyph_metrics(font: CardFont, size: int) -> dict[str, tuple[float, float]]:
    """Each character's (advance, ink past the advance) at ``size``, filled as characters are met."""
    return {}


def _metrics(font: CardFont, size: int, character: str) -> tuple[float, float]:
    known = _glyph_metrics(font, size)
    found = known.get(character)
    if found is None:
        face = _font(font, size)
        advance = float(face.getlength(character))
        found = known[character] = (advance, max(0.0, face.getbbox(character, anchor="ls")[2] - advance))
    return found


def text_width(font: CardFont, text: str, size: int) -> float:
    """The width of ``text`` as the sum of its characters' advances (cached per character).

    Shaping a whole line for every candidate wrapping costs milliseconds a call; the sum of
    advances is what the line measures without kerning, which only narrows Latin pairs.
    """
    known = _glyph_metrics(font, size)
    total = 0.0
    for character in text:
        total += (known.get(character) or _metrics(font, size, character))[0]
    return total


def ink_width(font: CardFont, text: str, size: int) -> float:
    """How far ``text``, shaped as drawn, reaches right of where it starts, ink included (its bbox)."""
    if not text:
        return 0.0
    return float(_font(font, size).getbbox(text, anchor="ls")[2])


def _may_overhang(font: CardFont, line: str, size: int, width: float) -> bool:
    """Whether ``line``'s ink may reach past ``width``: its advances plus the most any of its glyphs
    reaches past its own advance, with a pixel to spare, stay inside otherwise (shaping the line is
    ten times dearer than this bound)."""
    metrics = [_metrics(font, size, character) for character in line]
    return sum(advance for advance, _ in metrics) + max((ink for _, ink in metrics), default=0.0) + 1 > width


def title_layout(font: CardFont, title: str) -> TitleLayout:
    """``title`` wrapped for the card's title box with ``font``.

    The wrapping is checked line by line against the drawn text's bounding box; a line whose ink
    reaches past the box (a glyph overhanging its advance) narrows the box and wraps again.
    """
    box = TITLE_BOX
    for _ in range(_WRAP_ATTEMPTS):
        layout = layout_title(title, box, functools.partial(text_width, font))
        near_edge = [line for line in layout.lines if _may_overhang(font, line, layout.size, TITLE_BOX.width)]
        overflow = max((ink_width(font, line, layout.size) - TITLE_BOX.width for line in near_edge), default=0.0)
        if overflow <= 0:
            return layout
        box = replace(box, width=box.width - overflow - 1)
    return layout


@dataclass(frozen=True, slots=True)
class CardFrame:
    """What every card of a site shows around its title and date, drawn once: palette indices
    (an ``L`` image) and the palette they index."""

    indices: Image.Image
    palette: bytes


def draw_card(font: CardFont, card: CardText) -> bytes:
    """The card as PNG bytes."""
    frame = card_frame(font, card.site_name, card.mark, card.footer_right)
    indices = frame.indices.copy()
    draw = ImageDraw.Draw(indices)
    _draw_title(draw, font, title_layout(font, card.title))
    if card.date:
        date_font = _font(font, _DATE_SIZE)
        right = _MARGIN + int(date_font.getlength(card.date)) + _DATE_SIZE
        draw.rectangle((0, _DATE_AREA_TOP, right, HEIGHT - 1), fill=_MUTED_RAMP)
        draw.text((_MARGIN, _FOOTER_CENTRE), card.date, font=date_font, fill=_MUTED_RAMP_END, anchor="lm")
    image = Image.frombytes("P", indices.size, indices.tobytes())
    image.putpalette(frame.palette)
    output = io.BytesIO()
    image.save(output, format="PNG", **_PNG_OPTIONS)
    return output.getvalue()


@functools.lru_cache(maxsize=8)
def card_frame(font: CardFont, site_name: str, mark: str, footer_right: str) -> CardFrame:
    """The frame of a site's cards (see the module docstring), drawn on the first card."""
    image = Image.new("RGB", (WIDTH, HEIGHT), _PAPER)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, WIDTH, _TOP_BAND), fill=_GOLD)
    _draw_header(draw, font, site_name, mark)
    draw.line((_MARGIN, _FOOTER_RULE, WIDTH - _MARGIN, _FOOTER_RULE), fill=_RULE, width=2)
    if footer_right:
        draw.text((WIDTH - _MARGIN, _FOOTER_CENTRE), footer_right, font=_font(font, _ADDRESS_SIZE), fill=_MUTED,
                  anchor="rm")
    quantized = image.quantize(_FRAME_COLOURS, method=Image.Quantize.FASTOCTREE)
    frame_palette = (quantized.getpalette() or [])[: 3 * _FRAME_COLOURS]
    frame_palette += [0] * (3 * _FRAME_COLOURS - len(frame_palette))
    # The paper, the most common colour, exactly: it meets the ramps' paper at the areas' edges.
    counts = quantized.getcolors(_FRAME_COLOURS) or []
    paper = max((count, index) for count, index in counts if isinstance(index, int))[1]
    frame_palette[3 * paper : 3 * paper + 3] = _PAPER
    palette = bytes(frame_palette) + _ramp(_PAPER, _INK) + _ramp(_PAPER, _MUTED)
    indices = Image.frombytes("L", image.size, quantized.tobytes())
    ImageDraw.Draw(indices).rectangle(_TITLE_AREA, fill=_INK_RAMP)
    return CardFrame(indices, palette)


def _ramp(start: tuple[int, int, int], end: tuple[int, int, int]) -> bytes:
    """``_RAMP_SHADES`` colours from ``start`` to ``end``, evenly spaced."""
    last = _RAMP_SHADES - 1
    pairs = tuple(zip(start, end, strict=True))
    return bytes(round(a + (b - a) * step / last) for step in range(_RAMP_SHADES) for a, b in pairs)


def _draw_header(draw: ImageDraw.ImageDraw, font: CardFont, site_name: str, mark: str) -> None:
    name_left = _MARGIN
    if mark:
        radius = 32
        centre = (_MARGIN + radius, _HEADER_CENTRE)
        draw.ellipse(_circle(centre, radius + 4), fill=_GOLD)
        draw.ellipse(_circle(centre, radius), fill=_GOLD_LIGHT)
        draw.text(centre, mark, font=_font(font, _MARK_SIZE), fill=_MARK_INK, anchor="mm")
        name_left = _MARGIN + 2 * radius + 28
    draw.text((name_left, _HEADER_CENTRE), site_name, font=_font(font, _NAME_SIZE), fill=_INK, anchor="lm")


def _draw_title(draw: ImageDraw.ImageDraw, font: CardFont, layout: TitleLayout) -> None:
    """The title's lines in ink, on an image of palette indices whose title area is the ink ramp's start."""
    line_height = layout.size * TITLE_BOX.line_height
    block = line_height * len(layout.lines)
    # Centred in the box; the first baseline sits about 1.1 font sizes below the line's top.
    top = _TITLE_TOP + (TITLE_BOX.height - block) / 2
    title_font = _font(font, layout.size)
    for number, line in enumerate(layout.lines):
        baseline = top + number * line_height + layout.size * 1.1
        draw.text((_MARGIN, baseline), line, font=title_font, fill=_INK_RAMP_END, anchor="ls")


def _circle(centre: tuple[int, int], radius: int) -> tuple[int, int, int, int]:
    x, y = centre
    return (x - radius, y - radius, x + radius, y + radius)
