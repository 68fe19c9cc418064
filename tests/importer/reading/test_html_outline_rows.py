"""Pages of an outliner or wiki editor print every row as a sibling block, the nesting shown only by
an indent (a blank spacer opening the row, or the row's own left padding): an indented row and the
rows indented deeper under it are read as one box, as a card of marked-up pages is."""

from __future__ import annotations

from collections.abc import Callable

from kiku.importer.reading.html.page import read_html
from kiku.importer.report import ImportReport


def _row(depth: int, inner: str) -> str:
    return f"<div class='block' style='padding-left:{depth * 24}px'>{inner}</div>"


def _spacer_row(depth: int, inner: str) -> str:
    return f"<div class='row'><span class='pad' style='width:{depth * 1.2}em'> </span>{inner}</div>"


def _card(row: Callable[[int, str], str], number: int, publisher: str, headline: str, summary: str) -> str:
    return (row(1, "出典元") + row(2, f"媒体：{publisher} ｜ 2025.9.{number}")
            + row(2, f"<a href='https://kawa.example.net/a/{number}'>{headline}</a>") + row(3, f"「{summary}」"))


def _page(row: Callable[[int, str], str]) -> str:
    rows = [row(0, "<b>水不足の広がり</b>"), row(0, "川の水位が下がり、取水制限が続いている。"),
            row(0, "農家は田に引く水の確保に追われている。"), row(0, "関連記事"),
            _card(row, 2, "河北日報", "渇水で取水制限、県内3市に拡大", "県は取水制限の対象を3市に広げると発表した。"),
            _card(row, 4, "みどり新聞", "農業用水の確保へ 臨時の井戸", "農協は臨時の井戸を掘り、田の水を確保する。"),
            row(0, "雨の少ない状態は今月いっぱい続く見込みだ。"), row(0, "<b>暮らしへの影響</b>"),
            row(0, "一部の地域では夜間の減圧給水が始まった。"), row(0, "住民は節水を呼びかけられている。")]
    return f"<html><body><main><div class='page'>{''.join(rows)}</div></main></body></html>"


_CARD_LINES = ["→ 媒体：河北日報 ｜ 2025.9.2 https://kawa.example.net/a/2",
               "→ 媒体：みどり新聞 ｜ 2025.9.4 https://kawa.example.net/a/4"]


def _lines(page: str) -> list[str]:
    return [line.text for line in read_html(page, ImportReport("page.html"))]


def test_rows_indented_by_their_own_padding_nest_into_one_card_box() -> None:
    lines = _lines(_page(_row))
    assert [line for line in lines if line.startswith("→")] == _CARD_LINES, lines


def test_rows_indented_by_a_blank_spacer_nest_into_one_card_box() -> None:
    lines = _lines(_page(_spacer_row))
    assert [line for line in lines if line.startswith("→")] == _CARD_LINES, lines


def test_rows_all_at_one_depth_are_left_as_they_are() -> None:
    rows = "".join(_row(1, text) for text in ("川の水位が下がった。", "取水制限が続く。", "雨は少ない。"))
    page = f"<html><body><main><div class='page'>{rows}</div></main></body></html>"
    assert _lines(page) == ["川の水位が下がった。", "取水制限が続く。", "雨は少ない。"]
