"""Share cards drawn glyph by glyph into bands of rows are valid PNGs with exactly the pixels of the
card Pillow draws with ``ImageDraw.text`` on the whole frame (palette indices and palette alike)."""

from __future__ import annotations

import io
import random

import numpy as np
import pytest
from PIL import Image, ImageDraw

from kiku.render.sharecards import draw, nibbles
from kiku.render.sharecards.draw import CardText, card_frame, draw_card, title_baselines
from kiku.render.sharecards.fonts import CardFont, load_face
from kiku.render.sharecards.glyphs import paste_line, place_line
from kiku.render.sharecards.title import MARGIN, title_layout
from tests.render.sharecards.test_cards import generated_titles, real_titles

SITE = ("菊 Chrysanthemum Digest", "菊", "example.github.io/digest")
# Each drawn the ways that are hard to get right: kana kerning, digits after Latin and kanji,
# brackets, Latin glyphs whose boxes meet, and characters the font lacks or shapes with the next.
TITLES = {
    "long Japanese": "米ロ首脳が電話会談、ウクライナ停戦に向けた30日間のエネルギー施設攻撃停止で合意し、"
                     "黒海での航行の安全確保や捕虜交換についても協議を継続することで一致した",
    "Latin and digits": "NATO首脳会議、Trump大統領がGDP比5％の防衛費を要求 ― Microsoftは2025年3月19日にAI投資800億ドル",
    "digits after Latin": "H3ロケット5号機、打ち上げ成功 H5N1ワクチンとCOVID-19",
    "meeting Latin glyphs": "Typography: WAVE fjord “Tracy” Lyft",
    "brackets": "「まだ早い」とゼレンスキー氏（条件付き）。プーチン氏は“前向き”と述べた",
    "brackets around Latin": "の「NATO」と述べた米「Trump」氏は(AI)と「3つ」",
    "emoji, variation selector, rare kanji": "𠮷野家と髙島屋、🎉祝賀セール開始👍🏽 葛󠄀飾区の﨑さん「すごい！」",
    "starts with digits": "2025年、3.5％の成長",
}
DATES = ("2025年3月19日", "2026年12月31日", "")



def pillow_card(font: CardFont, card: CardText) -> Image.Image:
    """The card as Pillow draws it: the frame's indices, each title line and the date drawn whole."""
    frame = card_frame(font, card.site_name, card.mark, card.footer_right)
    indices = Image.fromarray(frame.indices())
    canvas = ImageDraw.Draw(indices)
    layout = title_layout(font, card.title)
    face = load_face(font, layout.size)
    for line, baseline in zip(layout.lines, title_baselines(layout), strict=True):
        canvas.text((MARGIN, baseline), line, font=face, fill=draw.INK_RAMP_END, anchor="ls")
    if card.date:
        date_face = load_face(font, draw.DATE_SIZE)
        right = MARGIN + int(date_face.getlength(card.date)) + draw.DATE_SIZE
        canvas.rectangle((0, draw.DATE_AREA_TOP, right, draw.HEIGHT - 1), fill=draw.MUTED_RAMP)
        canvas.text((MARGIN, draw.FOOTER_CENTRE), card.date, font=date_face, fill=draw.MUTED_RAMP_END, anchor="lm")
    card_image = Image.frombytes("P", indices.size, indices.tobytes())
    card_image.putpalette(frame.palette)
    return card_image


def assert_same_card(font: CardFont, card: CardText) -> None:
    png = draw_card(font, card)
    with Image.open(io.BytesIO(png)) as checked:
        checked.verify()
    with Image.open(io.BytesIO(png)) as drawn:
        expected = pillow_card(font, card)
        assert (drawn.format, drawn.mode, drawn.size) == ("PNG", "P", (1200, 630))
        assert drawn.getpalette() == expected.getpalette(), card.title
        assert drawn.tobytes() == expected.tobytes(), card.title
        assert drawn.convert("RGB").tobytes() == expected.convert("RGB").tobytes(), card.title


@pytest.mark.parametrize("title", TITLES.values(), ids=TITLES.keys())
@pytest.mark.parametrize("date", DATES)
def test_a_card_has_the_pixels_pillow_draws(font: CardFont, title: str, date: str) -> None:
    assert_same_card(font, CardText(title, *SITE[:2], date, SITE[2]))


def test_real_and_generated_titles_have_the_pixels_pillow_draws(font: CardFont) -> None:
    pick = random.Random(12)
    titles = pick.sample(real_titles(), 25) + pick.sample(generated_titles(200), 25)
    for number, title in enumerate(titles):
        assert_same_card(font, CardText(title, *SITE[:2], f"2025年{number % 12 + 1}月{number % 28 + 1}日", SITE[2]))


def test_lines_only_pillow_can_shape_are_left_to_it(font: CardFont) -> None:
    assert place_line(font, 72, "祝賀👍🏽", MARGIN, 300.0) is None  # an emoji modifier joins the emoji
    assert place_line(font, 72, "葛󠄀飾区", MARGIN, 300.0) is None  # a variation selector picks another glyph
    assert place_line(font, 72, "平和 שלום", MARGIN, 300.0) is None  # right to left
    placed = place_line(font, 72, "𠮷野家🎉", MARGIN, 300.0)  # a glyph the font lacks is its box (豆腐)
    assert placed is not None and len(placed.glyphs) == 4


@pytest.mark.parametrize("background", [None, 0, 5])
@pytest.mark.parametrize("left", [MARGIN, MARGIN + 1])
def test_a_line_pasted_into_packed_rows_has_the_pixels_pillow_draws(font: CardFont, background: int | None,
                                                                     left: int) -> None:
    """Glyph by glyph (no background known) or ready-blended, from an even pixel or an odd one, on
    index 0 or another, clipped to the rows: glyphs whose boxes share a byte keep each other's ink."""
    plain = background or 0
    for title in (TITLES["meeting Latin glyphs"], TITLES["Latin and digits"][:20], TITLES["brackets"][:16]):
        placed = place_line(font, 56, title, left, 70.0)
        assert placed is not None
        expected = Image.new("L", (draw.WIDTH, 100), plain)
        ImageDraw.Draw(expected).text((left, 70.0), title, font=load_face(font, 56), fill=plain + 3, anchor="ls")
        for top in (0, 30):  # the whole line, and its rows from the 30th on
            rows = nibbles.pack(np.full((100 - top, draw.WIDTH), plain, np.uint8))
            paste_line(rows, placed, plain + 3, (0, top), background if top == 0 else None)
            wrong = np.count_nonzero(nibbles.unpack(rows) != np.asarray(expected)[top:])
            assert wrong == 0, (title, top)
