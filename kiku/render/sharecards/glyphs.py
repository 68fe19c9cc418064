"""Drawing a line of text from glyph masks rendered once per build, with the pixels Pillow draws.

``ImageDraw.text`` shapes a line (raqm, HarfBuzz), renders each glyph with FreeType at its pen
position rounded to a whole pixel, and blends the line's mask into the image. A site's titles
repeat a few hundred characters, so each is rendered once per size (``Glyph``) and its mask pasted
where Pillow would put it: the pen advances by each character's advance plus the kerning of each
pair, both as Pillow measures them (``getlength``, in 1/64 pixels). A kerning pair is measured in
the same script context as in the line (a punctuation mark or digit takes the script of the letter
before it), since HarfBuzz shapes each script's run on its own.

``place_line`` returns None for a line this cannot reproduce exactly, and the caller draws it with
Pillow: marks that combine with the character before, variation selectors, joiners, emoji
modifiers, right-to-left text. Glyphs whose ink boxes meet are blended first, as Pillow does.
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import NamedTuple

import numpy as np
import numpy.typing as npt
from PIL import Image, ImageDraw, ImageFont

from kiku.render.sharecards.fonts import CardFont, load_face, text_length
from kiku.render.sharecards.nibbles import Packed, pack, tile, unpack

Pixels = npt.NDArray[np.uint8]  # a glyph's coverage (0 to 255), or rows of palette indices

_LETTERS = frozenset({"Lu", "Ll", "Lt", "Lo"})  # characters with a script of their own
_LETTER, _OTHER, _SHAPED = 0, 1, 2  # kinds of characters: see ``_kind``
# Characters HarfBuzz may shape with their neighbours: marks, format characters (joiners), private
# and unassigned code points, surrogates, controls, line and paragraph separators.
_SHAPED_WITH_NEIGHBOURS = frozenset({"Mn", "Mc", "Me", "Cf", "Co", "Cn", "Cs", "Cc", "Zl", "Zp"})
_RIGHT_TO_LEFT = frozenset({"R", "AL", "AN", "RLE", "RLO", "RLI", "FSI"})
_EMOJI_MODIFIERS = range(0x1F3FB, 0x1F400)
_REGIONAL_INDICATORS = range(0x1F1E6, 0x1F200)
# The words of a letter's Unicode name from which on the name is the letter's own, not its script's.
_LETTER_WORDS = ("LETTER", "CAPITAL", "SMALL", "IDEOGRAPH", "SYLLABLE", "VOWEL", "DIGRAPH", "LIGATURE")


@dataclass(frozen=True, slots=True)
class Glyph:
    """One character at one size: its advance (1/64 px) and its ink (None: blank), placed relative
    to the pen's pixel on the baseline."""

    advance: int
    ink: Pixels | None
    left: int
    top: int
    # The ink drawn in one palette index on another, packed, by (background, ink, whether it starts
    # at an odd pixel): see ``paste_line``.
    tiles: dict[tuple[int, int, int], Packed] = field(default_factory=dict, compare=False, repr=False)
    # Its tiles on index 0 filtered "Up", by (ink, whether it starts at an odd pixel): see ``strips``.
    strips: dict[tuple[int, int], Packed] = field(default_factory=dict, compare=False, repr=False)
    width: int = 0  # the ink's
    height: int = 0


_NO_GLYPH = Glyph(0, None, 0, 0)  # before a line's first character


class PlacedGlyph(NamedTuple):
    """A glyph's ink, where its top-left pixel goes and its size (a tuple: lines make many), and
    the glyph (None for glyphs blended together)."""

    ink: Pixels
    x: int
    y: int
    width: int
    height: int
    glyph: Glyph | None


# A line makes one for each glyph: the tuple's constructor takes a third of the time of the NamedTuple's.
_placed = tuple.__new__


@dataclass(frozen=True, slots=True)
class PlacedLine:
    """A line's glyphs in place, the box their ink covers (right and bottom excluded) and the
    pen's end (1/64 px)."""

    glyphs: tuple[PlacedGlyph, ...]
    left: int
    top: int
    right: int
    bottom: int
    length: int


def place_line(font: CardFont, size: int, text: str, x: int, baseline: float) -> PlacedLine | None:
    """``text`` at size ``size`` as ``ImageDraw.text((x, baseline), text, anchor="ls")`` draws it,
    or None when only Pillow can draw it (see the module docstring)."""
    kinds = list(map(_kind, text))
    if _SHAPED in kinds:
        return None
    sized = _sized(font, size)
    known, pairs = sized.glyphs, sized.kernings
    contexts = _script_letters(text, kinds)
    row = baseline_row(baseline)
    pen = 0
    reach = -(2**31)  # where the ink so far ends (excluded): every glyph's box starts there or after it
    placed: list[PlacedGlyph] = []
    top, bottom = 2**31, -(2**31)
    previous = _NO_GLYPH
    previous_kind = _OTHER
    for index, character in enumerate(text):
        letter = contexts[index][0] if contexts else ""
        key = (character, _script_key(letter)) if letter else character
        glyph = known.get(key) or _render(sized, character, letter, key)
        if index:
            # The kerning of a pair that starts with a letter depends on the pair alone.
            kerning = pairs.get(text[index - 1 : index + 1]) if previous_kind == _LETTER else None
            if kerning is None:
                kerning = _kerning(sized, text, index, kinds, contexts[index - 1] if contexts else ("", False),
                                   previous, glyph)
            pen += kerning
        ink = glyph.ink
        if ink is not None:
            left, y, width, height = x + ((pen + 32) >> 6) + glyph.left, row + glyph.top, glyph.width, glyph.height
            if left < reach:  # its ink box meets an earlier glyph's
                meets = next(number for number, old in enumerate(placed) if old.x + old.width > left)
                new = _blend(placed[meets:], PlacedGlyph(ink, left, y, width, height, glyph))
                del placed[meets:]
                left, y, width, height = new.x, new.y, new.width, new.height
            else:
                new = _placed(PlacedGlyph, (ink, left, y, width, height, glyph))
            reach = left + width  # the glyphs before lie left of it, or in it when blended with it
            if y < top:
                top = y
            if y + height > bottom:
                bottom = y + height
            placed.append(new)
        pen += glyph.advance
        previous = glyph
        previous_kind = kinds[index]
    if not placed:
        return PlacedLine((), x, row, x, row, pen)
    return PlacedLine(tuple(placed), placed[0].x, top, reach, bottom, pen)  # boxes left to right


def paste_line(
    image: Packed, line: PlacedLine, ink: int, origin: tuple[int, int] = (0, 0), background: int | None = None
) -> None:
    """Blend ``line`` into ``image`` (rows of 4-bit palette indices, ``nibbles``) in ``ink``,
    ``origin`` being where the image's top left pixel is on the card: Pillow's blending of a text
    mask, glyph by glyph (glyphs whose boxes meet were blended together by ``place_line``), clipped
    to the image. When the caller knows that every glyph's box lies on plain ``background`` and on
    no other ink, each glyph is pasted ready-blended and packed instead."""
    left, top = line.left - origin[0], line.top - origin[1]
    height, width = image.shape[0], 2 * image.shape[1]
    inside = left >= 0 and top >= 0 and line.right - origin[0] <= width and line.bottom - origin[1] <= height
    if background is None or not inside:
        _blend_unpacked(image, line, ink, origin)
        return
    table = blends(ink)[background << 8 : (background + 1) << 8]
    reach = -1  # where the ink pasted so far ends (excluded)
    for placed in line.glyphs:
        x, y = placed.x - origin[0], placed.y - origin[1]
        glyph, odd, column = placed.glyph, x & 1, x >> 1
        known = None if glyph is None else glyph.tiles.get((background, ink, odd))
        if known is not None:
            packed = known
        else:
            packed = tile(table[placed.ink], bool(odd), background)
            if glyph is not None:  # not glyphs blended together: that ink is this line's alone
                glyph.tiles[(background, ink, odd)] = packed
        rows = slice(y, y + placed.height)
        if odd and x == reach:  # its first byte's high nibble is the glyph's before: kept
            kept = image[rows, column] & 0xF0
            image[rows, column : column + packed.shape[1]] = packed
            image[rows, column] = (image[rows, column] & 0x0F) | kept
        else:
            image[rows, column : column + packed.shape[1]] = packed
        reach = x + placed.width


def _blend_unpacked(image: Packed, line: PlacedLine, ink: int, origin: tuple[int, int]) -> None:
    """``line`` blended glyph by glyph into the rows of ``image`` it covers, unpacked and packed again."""
    top, bottom = max(0, line.top - origin[1]), min(image.shape[0], line.bottom - origin[1])
    first, last = max(0, (line.left - origin[0]) >> 1), min(image.shape[1], (line.right - origin[0] + 1) >> 1)
    if top >= bottom or first >= last:
        return
    pixels = unpack(image[top:bottom, first:last])
    shifted = (origin[0] + 2 * first, origin[1] + top)
    for placed in line.glyphs:
        _blend_mask(pixels, placed.ink, placed.x - shifted[0], placed.y - shifted[1], ink)
    image[top:bottom, first:last] = pack(pixels)


def _blend_mask(image: Pixels, mask: Pixels, x: int, y: int, ink: int) -> None:
    """``ink`` blended into ``image`` through ``mask`` placed at (``x``, ``y``), the part inside."""
    height, width = mask.shape
    left, top = max(0, x), max(0, y)
    right, bottom = min(image.shape[1], x + width), min(image.shape[0], y + height)
    if left >= right or top >= bottom:
        return
    region = image[top:bottom, left:right]
    # One index into the flat table is several times as fast as indexing it by two arrays.
    beneath = region.astype(np.intp) << 8
    region[...] = blends(ink).take(beneath | mask[top - y : bottom - y, left - x : right - x])


@functools.lru_cache(maxsize=16)
def blends(ink: int) -> Pixels:
    """What Pillow's blending of ``ink`` through a mask gives, at (value beneath) × 256 + mask value."""
    values = np.arange(256, dtype=np.uint8)
    table = Image.fromarray(np.repeat(values[:, None], 256, axis=1))  # row: the value beneath
    table.paste(ink, (0, 0, 256, 256), Image.fromarray(np.repeat(values[None, :], 256, axis=0)))  # column: mask
    blends = np.array(table).ravel()
    blends.flags.writeable = False
    return blends


def _blend(under: list[PlacedGlyph], over: PlacedGlyph) -> PlacedGlyph:
    """``over`` drawn on ``under`` (glyphs whose boxes do not meet), as FreeType's coverage of glyph
    after glyph adds up in Pillow's text mask: s + t − round(s·t / 255)."""
    every = [*under, over]
    left, top = min(glyph.x for glyph in every), min(glyph.y for glyph in every)
    right = max(glyph.x + glyph.width for glyph in every)
    bottom = max(glyph.y + glyph.height for glyph in every)
    canvas = np.zeros((bottom - top, right - left), np.uint8)
    for glyph in under:
        canvas[glyph.y - top : glyph.y - top + glyph.height, glyph.x - left : glyph.x - left + glyph.width] = glyph.ink
    region = canvas[over.y - top : over.y - top + over.height, over.x - left : over.x - left + over.width]
    below, above = region.astype(np.int32), over.ink.astype(np.int32)
    region[...] = below + above - (below * above + 127) // 255
    return PlacedGlyph(canvas, left, top, right - left, bottom - top, None)


@functools.lru_cache(maxsize=8192)
def _kind(character: str) -> int:
    """``_LETTER`` (a script of its own), ``_SHAPED`` (shaped with its neighbours: see the module
    docstring) or ``_OTHER``."""
    code = ord(character)
    category = unicodedata.category(character)
    if (
        category in _SHAPED_WITH_NEIGHBOURS
        or unicodedata.bidirectional(character) in _RIGHT_TO_LEFT
        or code in _EMOJI_MODIFIERS
        or code in _REGIONAL_INDICATORS
        or 0xFE00 <= code <= 0xFE0F
    ):
        return _SHAPED
    return _LETTER if category in _LETTERS else _OTHER


def baseline_row(baseline: float) -> int:
    """The pixel row Pillow puts a baseline at ``baseline`` on: it renders from the baseline's
    fraction in 1/64 pixels and rounds the glyphs' pen to whole pixels (``(v + 32) >> 6``)."""
    whole = int(baseline)
    return whole + (1 if round((baseline - whole) * 64) > 32 else 0)


@dataclass(frozen=True, slots=True)
class _Sized:
    """A font at one size, with the glyphs met so far (a letter's by itself, any other character's
    by (character, script of its context)) and the kerning of pairs in 1/64 px (see ``_kerning``)."""

    face: ImageFont.FreeTypeFont
    length: Callable[[str], float]  # ``fonts.text_length`` at this size
    glyphs: dict[str | tuple[str, str], Glyph] = field(default_factory=dict)
    kernings: dict[str | tuple[str, str, str], int] = field(default_factory=dict)


@functools.lru_cache(maxsize=64)
def _sized(font: CardFont, size: int) -> _Sized:
    return _Sized(load_face(font, size), functools.partial(text_length, font, size))


def _script_letters(text: str, kinds: list[int]) -> list[tuple[str, bool]]:
    """For each character of ``text``, the letter whose script it is shaped in and whether that
    letter comes before it: a letter has a script of its own (empty); any other character takes
    the nearest letter's before it or, at the start of a line, the first one's after it (empty
    when the line has none). An empty list when every character is a letter."""
    if _OTHER not in kinds:
        return []  # every character a letter: none takes another's script
    contexts: list[tuple[str, bool]] = [("", False)] * len(text)
    letter = ""
    for index, character in enumerate(text):
        if kinds[index] == _LETTER:
            letter = character
        elif letter:
            contexts[index] = (letter, True)
    following = ""
    for index in range(len(text) - 1, -1, -1):
        if kinds[index] == _LETTER:
            following = text[index]
        elif not contexts[index][0]:
            contexts[index] = (following, False)
    return contexts


@functools.lru_cache(maxsize=4096)
def _script_key(letter: str) -> str:
    """What stands for ``letter``'s script: its Unicode name without the letter's own part
    ("LATIN", "CJK UNIFIED", "HALFWIDTH KATAKANA"); a name of no known shape stands for itself."""
    if not letter:
        return ""
    words = unicodedata.name(letter, letter).split()
    for count, word in enumerate(words):
        if word.startswith(_LETTER_WORDS):
            return " ".join(words[:count])
    return " ".join(words)


def _render(sized: _Sized, character: str, context: str, key: str | tuple[str, str]) -> Glyph:
    """``character`` drawn by Pillow at a whole-pixel origin, cut to its ink; after ``context`` (a
    letter, and two spaces to keep their ink apart) when its script is that letter's."""
    face = sized.face
    size = int(face.size)
    lead = f"{context}  " if context else ""
    pen = round(sized.length(lead) * 64) if lead else 0
    origin = 2 * size
    canvas = Image.new("L", (6 * size, 4 * size))
    ImageDraw.Draw(canvas).text((origin, origin), lead + character, font=face, fill=255, anchor="ls")
    # The ink right of the first space is the character's: the letter's ends before it.
    start = origin + round(sized.length(lead[:2])) if lead else 0
    box = canvas.crop((start, 0, canvas.width, canvas.height)).getbbox()
    advance = round(sized.length(lead + character) * 64) - pen
    glyph_x = origin + ((pen + 32) >> 6)
    if box is None:
        glyph = Glyph(advance, None, 0, 0)
    else:
        ink_box = (box[0] + start, box[1], box[2] + start, box[3])
        ink = np.asarray(canvas.crop(ink_box))
        glyph = Glyph(advance, ink, ink_box[0] - glyph_x, ink_box[1] - origin, width=ink.shape[1], height=ink.shape[0])
    sized.glyphs[key] = glyph
    return glyph


def _kerning(
    sized: _Sized, text: str, index: int, kinds: list[int], context: tuple[str, bool], first: Glyph, second: Glyph
) -> int:
    """How far the pair ending at ``text[index]`` moves the pen beyond its advances (1/64 px),
    measured with the letter whose script its first character is shaped in (``context``), unless
    that is the second character itself; kept by pair when the first is a letter, else by
    (letter before, pair, letter after)."""
    pair = text[index - 1 : index + 1]
    letter, is_before = context
    before = letter if is_before else ""
    after = letter if letter and not is_before and kinds[index] != _LETTER else ""
    key: str | tuple[str, str, str] = (before, pair, after) if letter else pair
    found = sized.kernings.get(key)
    if found is None:
        both = round(sized.length(before + pair + after) * 64)
        if before:
            found = both - round(sized.length(before + pair[0]) * 64) - second.advance
        elif after:
            found = both - first.advance - round(sized.length(pair[1] + after) * 64)
        else:
            found = both - first.advance - second.advance
        sized.kernings[key] = found
    return found
