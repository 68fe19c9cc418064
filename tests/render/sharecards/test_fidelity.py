"""A share card shows everything it is drawn with, as Pillow draws it in full colour: the title's every
line, the date, the site's mark, name and address. Its few shades are within half a shade of the
full-colour card everywhere, so a card that lost a line, its date or its frame, or whose shades
became too coarse to draw the text's edges, fails here whatever its palette indices are."""

from __future__ import annotations

import io
import math
from dataclasses import replace

import pytest
from PIL import Image, ImageChops, ImageDraw

from kiku.render.sharecards import draw
from kiku.render.sharecards.draw import CardText, draw_card, frame_in_full_colour, title_baselines
from kiku.render.sharecards.fonts import CardFont, load_face
from kiku.render.sharecards.title import MARGIN, title_layout

SITE_NAME, MARK, ADDRESS = "菊 Chrysanthemum Digest", "菊", "example.github.io/digest"
CARDS = {
    "short": CardText("停戦合意", SITE_NAME, MARK, "2025年3月19日", ADDRESS),
    "three lines": CardText("米連邦準備制度理事会(FRB)、気候変動対策を検討していると明らかにしました(ロンドン)",
                            SITE_NAME, MARK, "2026年3月31日", ADDRESS),
    "long, shrunk": CardText("米ロ首脳が電話会談、ウクライナ停戦に向けた30日間のエネルギー施設攻撃停止で合意し、"
                             "黒海での航行の安全確保や捕虜交換についても協議を継続することで一致した",
                             SITE_NAME, MARK, "2026年12月31日", ADDRESS),
    "Latin and emoji": CardText("NATO首脳会議、Trump大統領がGDP比5％を要求🎉", SITE_NAME, MARK, "2025年6月1日", ADDRESS),
    "the site's card": CardText("海外ニュースを日本語でまとめて読むダイジェスト。", SITE_NAME, MARK, "", ADDRESS),
}
# The widest ramp step is the paper's to the ink's ((251 - 31) / (shades - 1) levels): a pixel between
# two shades is at most half of that from the nearest one.
HALF_A_SHADE = math.ceil((draw.PAPER[0] - draw.INK[0]) / (draw.RAMP_SHADES - 1) / 2)
# A piece of text left out leaves at least this many pixels more than half a shade off (the mark, the
# smallest, covers some hundreds).
_MISSING_PIXELS = 100



def full_colour_card(font: CardFont, card: CardText) -> Image.Image:
    """The card drawn by Pillow in RGB: the frame, each line of the title in ink, the date muted."""
    image = frame_in_full_colour(font, card.site_name, card.mark, card.footer_right)
    canvas = ImageDraw.Draw(image)
    layout = title_layout(font, card.title)
    face = load_face(font, layout.size)
    for line, baseline in zip(layout.lines, title_baselines(layout), strict=True):
        canvas.text((MARGIN, baseline), line, font=face, fill=draw.INK, anchor="ls")
    if card.date:
        canvas.text((MARGIN, draw.FOOTER_CENTRE), card.date, font=load_face(font, draw.DATE_SIZE), fill=draw.MUTED,
                    anchor="lm")
    return image


def drawn(font: CardFont, card: CardText) -> Image.Image:
    with Image.open(io.BytesIO(draw_card(font, card))) as image:
        return image.convert("RGB")


@pytest.mark.parametrize("card", CARDS.values(), ids=CARDS.keys())
def test_every_pixel_is_within_half_a_shade_of_the_full_colour_card(font: CardFont, card: CardText) -> None:
    difference = ImageChops.difference(drawn(font, card), full_colour_card(font, card))
    worst = max(high for _, high in difference.getextrema())
    assert worst <= HALF_A_SHADE, f"{card.title}: a pixel is {worst} levels off"


@pytest.mark.parametrize(("what", "field", "value"), [
    ("the title's last line", "title", "米連邦準備制度理事会(FRB)、気候変動対策を検討していると"),
    ("the date", "date", ""),
    ("the site's name", "site_name", ""),
    ("the mark", "mark", ""),
    ("the address", "footer_right", ""),
])
def test_a_card_missing_any_of_its_text_is_told_apart(font: CardFont, what: str, field: str, value: str) -> None:
    """The comparison above sees each piece of text: the card drawn without it is far off."""
    card = CARDS["three lines"]
    difference = ImageChops.difference(drawn(font, replace(card, **{field: value})), full_colour_card(font, card))
    red, green, blue = difference.split()
    worst = ImageChops.lighter(ImageChops.lighter(red, green), blue)
    assert sum(worst.histogram()[HALF_A_SHADE + 1:]) > _MISSING_PIXELS, what
