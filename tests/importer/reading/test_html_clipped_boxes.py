"""A note app keeps what its writer clipped in a box closed by the address it came from ('Copied from
<https://…>'): the box is a source card, its other lines its source, title and summary; a source dated by
month and day alone gets the page's year, as a text dump's card date line does. A sentence beside a link in a
box, or a 'from' line that does not close the box, makes no such card."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tests.support.importing import digest_of, import_text


def _p(text: str) -> str:
    return f"<p style='margin:0'>{text}</p>"


def _box(*lines: str) -> str:
    return "<div style='border:solid 1px #ccc;padding:4pt'>" + "".join(_p(line) for line in lines) + "</div>"


_CLIP = ("Copied from &lt;<a href='https://minato.example.jp/news/0611/ferry'>"
         "https://minato.example.jp/news/0611/ferry</a>&gt;")


def _page(box: str) -> str:
    body = [
        "<h1>離島フェリー、夏ダイヤで増便へ</h1>",
        _p("2025年6月14日"),
        _p("島と本土を結ぶフェリーが、7月から夏のダイヤで1日2便増えます。"),
        _p("観光客の増加に合わせた措置です。"),
        "<h2>増便の中身</h2>",
        _p("Q) いつから増えるの？"),
        _p("A) 7月1日から8月末までです。"),
        _p("朝と夕方の便が1本ずつ加わります。"),
        box,
        _p("帰省にも使いやすくなりそうです。"),
    ]
    return f"<html><head><meta charset='utf-8'></head><body>{''.join(body)}</body></html>"


def test_a_box_closed_by_a_copied_from_line_is_a_card(tmp_path: Path) -> None:
    box = _box("（出典）みなと新報　6月11日", "<b>フェリー夏ダイヤ、2便増で調整</b>",
               "運航会社は夏季の増便を決め、島の観光協会と調整を進めている。", _CLIP)
    article = digest_of(import_text(tmp_path, "ferry.html", _page(box)))
    (section,) = article.sections
    (card,) = section.sources
    assert (card.title, card.url, card.publisher) == (
        "フェリー夏ダイヤ、2便増で調整", "https://minato.example.jp/news/0611/ferry", "みなと新報")
    assert card.published == dt.date(2025, 6, 11)
    assert card.summary == ("運航会社は夏季の増便を決め、島の観光協会と調整を進めている。",)


def test_a_copied_from_line_above_the_boxs_text_makes_no_card(tmp_path: Path) -> None:
    box = _box(_CLIP, "（出典）みなと新報　6月11日", "<b>フェリー夏ダイヤ、2便増で調整</b>",
               "運航会社は夏季の増便を決め、島の観光協会と調整を進めている。")
    article = digest_of(import_text(tmp_path, "ferry.html", _page(box)))
    assert all(not section.sources or section.sources[0].publisher != "みなと新報" for section in article.sections)
