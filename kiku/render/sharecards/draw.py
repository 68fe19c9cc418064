"""Drawing one 1200×630 share card with Pillow: the site's mark and name, the title, the date.

The colours are the site's light palette (``static/style.css``): cream paper, dark ink, a gold rule.
``DRAW_VERSION`` is part of every card's cache key: change it whenever the drawing changes.

Every colour of a card is a shade on a ramp between two of the site's colours: paper to ink (the
title, the site's name), paper to the muted colour (the date, the address), the mark's gold to its
ink, and the solid gold and rule. Every card of a site shares its frame (the gold band, the mark,
the site's name, the footer rule and address), so the frame is drawn once per build and mapped onto
that palette (``card_frame``). A card then only draws its title and date, straight into the palette
indices: the title area holds the first index of the paper-to-ink ramp, and Pillow's anti-aliased
text, blending index values linearly, lands on the matching shade of that ramp. No card is quantized.

A card draws only bands of rows (numpy arrays of 4-bit indices, two a byte: ``nibbles``): the rows
its title's ink covers, and the date's. The glyphs are rendered once per process (``glyphs``); a
title line alone on its rows is made of its glyphs' tiles already filtered for the PNG (``strips``),
anything else is pasted ready-packed on a copy of the frame's rows. The PNG reuses the frame's rows
between the bands already compressed (``png``), so a card costs about 0.5 ms once its glyphs are at
hand, 0.2 ms of it deflating its title's rows (bench/share_cards.py --steps).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from PIL import Image, ImageDraw

from kiku.render.planning.urls import CARD_HEIGHT, CARD_WIDTH
from kiku.render.sharecards import nibbles
from kiku.render.sharecards.fonts import CardFont, load_face
from kiku.render.sharecards.glyphs import PlacedLine, paste_line, place_line
from kiku.render.sharecards.layout import TitleLayout
from kiku.render.sharecards.png import Piece, PngFrame, Rows, deflate, deflate_filtered, png_bytes
from kiku.render.sharecards.strips import line_strip
from kiku.render.sharecards.title import MARGIN, TITLE_BOX, TITLE_TOP, title_layout

DRAW_VERSION = 7
WIDTH, HEIGHT = CARD_WIDTH, CARD_HEIGHT
PAPER = (251, 248, 241)
INK = (31, 28, 23)
MUTED = (95, 87, 75)
_RULE = (228, 220, 203)
_GOLD = (201, 152, 47)
_GOLD_LIGHT = (226, 184, 78)
_MARK_INK = (42, 28, 0)
_TOP_BAND = 14
_HEADER_CENTRE = 92  # y of the mark's and the site name's centre line
_FOOTER_RULE = 536
FOOTER_CENTRE = 584
# The palette: ramps of shades from paper to ink (the title, the site's name), from paper to the
# muted colour (the date, the address) and from the mark's gold to its ink, then the solid gold and
# the rule. A card's bytes are its glyphs' anti-aliased edges, and fewer shades code them in fewer
# bits: 8 shades a ramp made a card a quarter smaller than 32 (29.5 → 21.9 KiB), and 4 make it 15 %
# smaller than 8 (20.2 → 17.1 KiB, the first 400 cards of bench/output_size.py's corpus), at no cost
# in time. Side by side at 1× the three look the same; zoomed 6×, 4 shades leave a one-pixel edge of
# two greys where 8 leave one of six. Deflating the title's rows with matching (level 5, not
# run-length) would save 1.6 KiB more a card for twice the drawing time (0.7 → 1.4 ms a card).
# Three ramps of 4 and two solid colours are 14, at most the 16 of a 4-bit PNG (``png.PngFrame``).
RAMP_SHADES = 4
_INK_RAMP = 0
MUTED_RAMP = _INK_RAMP + RAMP_SHADES
_SOLID_COLOURS = (_GOLD, _RULE)
INK_RAMP_END, MUTED_RAMP_END = _INK_RAMP + RAMP_SHADES - 1, MUTED_RAMP + RAMP_SHADES - 1
# Where the title and the date are drawn: plain paper in the frame, between its header and its rule.
_TITLE_AREA = (0, TITLE_TOP - 16, WIDTH, _FOOTER_RULE - 4)
DATE_AREA_TOP = _FOOTER_RULE + 4
DATE_SIZE, _ADDRESS_SIZE, _NAME_SIZE, _MARK_SIZE = 30, 26, 34, 36


@dataclass(frozen=True, slots=True)
class CardText:
    """What one card shows. ``mark`` is the emblem (菊) or empty; ``footer_right`` the site's address."""

    title: str
    site_name: str
    mark: str
    date: str
    footer_right: str


@dataclass(frozen=True, slots=True)
class _Part:
    """Rows ``top`` to ``bottom`` (excluded) of a card, drawn over the frame's: ``draw(band, row,
    alone)`` draws into scanlines starting at card row ``row`` (card column x is their column
    x + 1), ``alone`` when no other part shares them. A part with a ``key`` is the same on every
    card that has it, so its rows are compressed once; with ``recent`` too, it is on a run of cards
    (a day's articles share their date), so its rows are kept only while it recurs."""

    top: int
    bottom: int
    draw: Callable[[Rows, int, bool], None]
    key: tuple[object, ...] | None = None
    recent: bool = False
    # Its rows alone (no other part sharing them) as scanlines filtered "Up" (``strips``), when it
    # can make them so; None: drawn on the frame's rows.
    strip: Callable[[], Rows | None] | None = None


def draw_card(font: CardFont, card: CardText) -> bytes:
    """The card as PNG bytes."""
    frame = card_frame(font, card.site_name, card.mark, card.footer_right)
    parts = _title_parts(font, title_layout(font, card.title))
    if card.date:
        parts += _date_parts(font, card.date)
    return png_bytes(frame, _pieces(frame, parts))


def _pieces(frame: PngFrame, parts: list[_Part]) -> list[tuple[int, Piece]]:
    """The card's rows that differ from the frame's, compressed: ``parts`` drawn on the frame, those
    whose rows overlap drawn together."""
    spans: list[tuple[int, int, list[_Part]]] = []
    for part in sorted(parts, key=lambda part: part.top):
        top, bottom = max(0, part.top), min(HEIGHT, part.bottom)
        if spans and top < spans[-1][1]:
            spans[-1] = (spans[-1][0], max(bottom, spans[-1][1]), [*spans[-1][2], part])
        elif top < bottom:
            spans.append((top, bottom, [part]))
    pieces = []
    for top, bottom, drawn in spans:
        key = drawn[0].key
        if len(drawn) == 1 and key is not None:
            keep = frame.kept_while_recent if drawn[0].recent else frame.kept
            pieces.append((top, keep((key, top, bottom), top, bottom, drawn[0].draw)))
            continue
        alone = drawn[0] if len(drawn) == 1 and (top, bottom) == (drawn[0].top, drawn[0].bottom) else None
        strip = alone.strip() if alone is not None and alone.strip is not None else None
        if strip is not None:
            pieces.append((top, deflate_filtered(strip)))
            continue
        band = frame.band(top, bottom)
        for part in drawn:
            part.draw(band, top, len(drawn) == 1)
        pieces.append((top, deflate(band)))
    return pieces


def title_baselines(layout: TitleLayout) -> list[float]:
    """Where the title's lines sit: drawn from the left margin with Pillow's "ls" anchor there."""
    line_height = layout.size * TITLE_BOX.line_height
    block = line_height * len(layout.lines)
    # Centred in the box; the first baseline sits about 1.1 font sizes below the line's top.
    top = TITLE_TOP + (TITLE_BOX.height - block) / 2
    return [top + number * line_height + layout.size * 1.1 for number in range(len(layout.lines))]


def _title_parts(font: CardFont, layout: TitleLayout) -> list[_Part]:
    """The title's lines in ink, on the title area (the ink ramp's first index)."""
    baselines = title_baselines(layout)
    return [_line_part(font, layout.size, line, baseline, INK_RAMP_END, (_TITLE_AREA, _INK_RAMP), strip=True)
            for line, baseline in zip(layout.lines, baselines, strict=True)]


@functools.lru_cache(maxsize=64)  # the cards of a day's articles follow one another
def _date_parts(font: CardFont, date: str) -> tuple[_Part, ...]:
    """The date in the muted colour, left in the footer, on the muted ramp's first index as far as
    the date reaches and a font size more: the rows of its ink, and the same area above and below
    them, which depends only on how far it reaches."""
    baseline = FOOTER_CENTRE + _middle_to_baseline(font, DATE_SIZE)
    placed = place_line(font, DATE_SIZE, date, MARGIN, baseline)
    length = load_face(font, DATE_SIZE).getlength(date) if placed is None else placed.length / 64
    right = MARGIN + int(length) + DATE_SIZE
    date_area = (0, DATE_AREA_TOP, right, HEIGHT - 1)
    line = _line_part(font, DATE_SIZE, date, baseline, MUTED_RAMP_END, (date_area, MUTED_RAMP), placed)

    def area(band: Rows, band_top: int, alone: bool = True) -> None:
        # Column 0 of scanlines is the filter byte; the pixels follow, two a byte.
        nibbles.fill(band[max(0, DATE_AREA_TOP - band_top) : max(0, HEIGHT - band_top), 1:], 0, right + 1, MUTED_RAMP)

    def area_and_date(band: Rows, band_top: int, alone: bool) -> None:
        area(band, band_top)
        line.draw(band, band_top, alone)

    return (
        _Part(DATE_AREA_TOP, line.top, area, key=("date area", right)),
        _Part(line.top, line.bottom, area_and_date, key=("date", date), recent=True),
        _Part(line.bottom, HEIGHT, area, key=("date area", right)),
    )


@functools.lru_cache(maxsize=8)
def _middle_to_baseline(font: CardFont, size: int) -> int:
    """How far below a line's middle Pillow puts its baseline: its middle anchor ("lm") is the
    baseline anchor ("ls") moved by half the font's ascender plus descender, whatever the text."""
    face = load_face(font, size)
    return int(face.getbbox("日", anchor="lm")[1] - face.getbbox("日", anchor="ls")[1])


def _line_part(
    font: CardFont, size: int, text: str, baseline: float, ink: int,
    plain: tuple[tuple[int, int, int, int], int], placed: PlacedLine | None = None, strip: bool = False,
) -> _Part:
    """One line of text at the left margin: its glyphs pasted, or drawn by Pillow where they cannot be.
    ``plain`` is an area of the frame (left, top, right, bottom included) and the one palette index
    it holds: glyphs that lie on it alone are copied ready-blended. ``strip``: ``plain`` spans
    whole rows of index 0, and a line on it alone is made as a strip (``strips``)."""
    placed = placed or place_line(font, size, text, MARGIN, baseline)
    if placed is not None:
        glyphs = placed
        (left, top, right, bottom), background = plain
        on_plain = left <= placed.left <= placed.right <= right + 1 and top <= placed.top <= placed.bottom <= bottom + 1

        def paste(band: Rows, band_top: int, alone: bool) -> None:
            paste_line(band[:, 1:], glyphs, ink, (0, band_top), background if alone and on_plain else None)

        def made_strip() -> Rows | None:
            return line_strip(glyphs, ink, WIDTH)

        stripped = strip and on_plain and background == 0
        return _Part(placed.top, placed.bottom, paste, strip=made_strip if stripped else None)
    face = load_face(font, size)
    box = face.getbbox(text, anchor="ls")
    # Pillow's mask is a row taller when the baseline is not on a whole pixel.
    text_top, text_bottom = int(baseline) + int(box[1]), int(baseline) + int(box[3]) + 1

    def draw(band: Rows, band_top: int, alone: bool) -> None:
        image = Image.fromarray(nibbles.unpack(band[:, 1:]))
        ImageDraw.Draw(image).text((MARGIN, baseline - band_top), text, font=face, fill=ink, anchor="ls")
        band[:, 1:] = nibbles.pack(np.asarray(image))

    return _Part(text_top, text_bottom, draw)


@functools.lru_cache(maxsize=8)
def card_frame(font: CardFont, site_name: str, mark: str, footer_right: str) -> PngFrame:
    """The frame of a site's cards (see the module docstring), drawn on the first card."""
    palette = _ramp(PAPER, INK) + _ramp(PAPER, MUTED) + _ramp(_GOLD_LIGHT, _MARK_INK) + bytes(
        channel for colour in _SOLID_COLOURS for channel in colour)
    palette_image = Image.new("P", (1, 1))
    palette_image.putpalette(palette)
    # Each pixel to its nearest shade: the frame's only blends are text on paper or on the mark's gold.
    full_colour = frame_in_full_colour(font, site_name, mark, footer_right)
    quantized = full_colour.quantize(palette=palette_image, dither=Image.Dither.NONE)
    indices = Image.frombytes("L", quantized.size, quantized.tobytes())
    ImageDraw.Draw(indices).rectangle(_TITLE_AREA, fill=_INK_RAMP)
    return PngFrame.of(indices, palette)


def frame_in_full_colour(font: CardFont, site_name: str, mark: str, footer_right: str) -> Image.Image:
    """The frame as Pillow draws it in RGB, before it is mapped onto the cards' palette."""
    image = Image.new("RGB", (WIDTH, HEIGHT), PAPER)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, WIDTH, _TOP_BAND), fill=_GOLD)
    _draw_header(draw, font, site_name, mark)
    draw.line((MARGIN, _FOOTER_RULE, WIDTH - MARGIN, _FOOTER_RULE), fill=_RULE, width=2)
    if footer_right:
        draw.text((WIDTH - MARGIN, FOOTER_CENTRE), footer_right, font=load_face(font, _ADDRESS_SIZE), fill=MUTED,
                  anchor="rm")
    return image


def _ramp(start: tuple[int, int, int], end: tuple[int, int, int]) -> bytes:
    """``RAMP_SHADES`` colours from ``start`` to ``end``, evenly spaced."""
    last = RAMP_SHADES - 1
    pairs = tuple(zip(start, end, strict=True))
    return bytes(round(a + (b - a) * step / last) for step in range(RAMP_SHADES) for a, b in pairs)


def _draw_header(draw: ImageDraw.ImageDraw, font: CardFont, site_name: str, mark: str) -> None:
    name_left = MARGIN
    if mark:
        radius = 32
        centre = (MARGIN + radius, _HEADER_CENTRE)
        draw.ellipse(_circle(centre, radius + 4), fill=_GOLD)
        draw.ellipse(_circle(centre, radius), fill=_GOLD_LIGHT)
        draw.text(centre, mark, font=load_face(font, _MARK_SIZE), fill=_MARK_INK, anchor="mm")
        name_left = MARGIN + 2 * radius + 28
    draw.text((name_left, _HEADER_CENTRE), site_name, font=load_face(font, _NAME_SIZE), fill=INK, anchor="lm")


def _circle(centre: tuple[int, int], radius: int) -> tuple[int, int, int, int]:
    x, y = centre
    return (x - radius, y - radius, x + radius, y + radius)
