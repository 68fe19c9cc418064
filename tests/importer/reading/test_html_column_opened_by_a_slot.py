"""A column holding the whole article is not chrome because a smaller box opens it: an ad slot's
sponsor label or a contents box as its first text names that box, not the column, and a sponsor
label among its parts marks a card's box, never one holding more than a card's worth of text."""

from __future__ import annotations

from kiku.importer.reading.html.page import read_html
from kiku.importer.report import ImportReport

_PARAGRAPHS = (
    "灯台守の暮らしは、天候と船の動きに合わせて組み立てられていた。",
    "夜ごとに灯油を補い、レンズの曇りを拭き取る作業が欠かせなかった。",
    "無人化が進んだ後も、旧官舎は資料館として公開されている。",
)


def _page(opener: str) -> str:
    body = "".join(f"<p>{text}</p>" for text in _PARAGRAPHS)
    return (
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>岬灯台 - みさき辞典</title></head><body>"
        "<div id='top'><a href='/'>みさき辞典</a><span>百科事典のミラーと言葉さがし</span></div>"
        f"<div id='cols'><div id='colA'>{opener}<h1>岬灯台</h1><h2>歴史</h2>{body}</div>"
        "<div id='colB'><h3>今日のことば</h3><p>潮目</p></div></div></body></html>")


def _read(markup: str) -> tuple[list[str], dict[str, str]]:
    report = ImportReport("page.html")
    kept = [line.text for line in read_html(markup, report)]
    return kept, {dropped.line.text: dropped.rule for dropped in report.dropped}


def test_a_sponsor_slot_opening_the_column_is_dropped_alone() -> None:
    for label in ("広告", "PR", "Advertisement"):
        kept, dropped = _read(_page(f"<div class='s1'>{label}</div>"))
        assert all(text in kept for text in _PARAGRAPHS), label
        assert "岬灯台" in kept
        assert dropped.get(label) == "advertisement"


def test_a_contents_box_opening_the_column_leaves_the_article() -> None:
    kept, dropped = _read(_page("<div class='c1'>もくじ</div><ul class='c2'><li>歴史</li></ul>"))
    assert all(text in kept for text in _PARAGRAPHS)
    assert dropped.get("もくじ") == "table-of-contents"


def test_a_box_around_a_card_with_a_sponsor_label_part_is_still_an_ad() -> None:
    card = ("<div class='k'><span>PR</span><a href='https://shop.example.com/lamp'>"
            "船の灯りを再現したランプ、数量限定で販売中です</a></div>")
    kept, dropped = _read(_page("").replace("<h2>歴史</h2>", "<h2>歴史</h2>" + card))
    assert all(any(text in line for line in kept) for text in _PARAGRAPHS)
    assert "船の灯りを再現したランプ、数量限定で販売中です" in kept
    assert dropped.get("PR") == "ad-label"  # the card's sponsor label: the card stays, marked as an ad


def test_a_slot_opening_the_main_element_inside_a_wrapper_names_neither() -> None:
    """The slot stands first in a <main> that a layout's wrapper holds beside a side column: the wrapper starts
    with the slot's text too, two levels down, and is no ad for it."""
    body = "".join(f"<p>{text}</p>" for text in _PARAGRAPHS)
    markup = ("<!DOCTYPE html><html><head><meta charset='utf-8'><title>岬灯台</title></head><body>"
              "<div class='x7'><main><div class='q2'>スポンサーリンク</div><h1>岬灯台</h1><h2>歴史</h2>"
              f"{body}</main><aside><h3>今日のことば</h3><p>潮目</p></aside></div></body></html>")
    kept, dropped = _read(markup)
    assert all(text in kept for text in _PARAGRAPHS)
    assert "岬灯台" in kept
    assert dropped.get("スポンサーリンク") == "advertisement"


def test_a_comment_box_classed_with_a_prefix_is_reader_comments() -> None:
    # A utility prefix before the plural ('xy-Comments') names the reader comments' box as 'comments' does.
    box = ("<section class='xy-Comments'><h2>コメント</h2><p>まだ書き込みはありません。</p>"
           "<a href='/join?next=comment'>登録して書き込む</a></section>")
    kept, dropped = _read(_page("").replace("</div><div id='colB'>", box + "</div><div id='colB'>"))
    assert all(text in kept for text in _PARAGRAPHS)
    assert dropped.get("まだ書き込みはありません。") == "comments"
