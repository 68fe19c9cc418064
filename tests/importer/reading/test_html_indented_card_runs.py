"""Cards printed as sibling paragraphs set apart only by an inline indent, with no element around
each card, are read as the boxed cards of marked-up pages: each link-only paragraph opens a card."""

from __future__ import annotations

from kiku.importer.reading.html.page import read_html
from kiku.importer.report import ImportReport

_INDENT = "padding-left:24px;border-left:3px solid #ccc"


def _card(number: int, headline: str, summary: str, source: str) -> str:
    return (f"<div style='{_INDENT}'><a href='https://kawa.example.net/a/{number}'>{headline}</a></div>"
            f"<div style='{_INDENT}'>{summary}</div>"
            f"<div style='{_INDENT}; font-size:12px; color:gray'>{source}</div>")


def _lines(body: str) -> list[str]:
    page = f"<html><body><div class='post'><div class='text'>{body}</div></div></body></html>"
    return [line.text for line in read_html(page, ImportReport("page.html"))]


def test_indented_runs_split_at_each_link_only_paragraph_are_cards() -> None:
    body = ("<div>川の水位が下がり、取水制限が続いている。</div>"
            + _card(1, "渇水で取水制限、県内3市に拡大", "県は取水制限の対象を3市に広げると発表した。", "河北日報 9月2日")
            + _card(2, "農業用水の確保へ 臨時の井戸を掘削", "農協は臨時の井戸を掘り、田の水を確保する。", "みどり新聞 9月4日")
            + "<div>雨の少ない状態は今月いっぱい続く見込みだ。</div>")
    assert _lines(body) == [
        "川の水位が下がり、取水制限が続いている。",
        "渇水で取水制限、県内3市に拡大", "・県は取水制限の対象を3市に広げると発表した。",
        "→ 河北日報 9月2日 https://kawa.example.net/a/1",
        "農業用水の確保へ 臨時の井戸を掘削", "・農協は臨時の井戸を掘り、田の水を確保する。",
        "→ みどり新聞 9月4日 https://kawa.example.net/a/2",
        "雨の少ない状態は今月いっぱい続く見込みだ。"]


def test_an_indent_every_paragraph_carries_is_the_bodys_not_a_card() -> None:
    # Every block indented alike: the indent is the body's, and a link-only paragraph in it is no card head.
    blocks = ["川の水位が下がり、取水制限が続いている。", "<a href='https://kawa.example.net/a/1'>渇水で取水制限、県内3市に拡大</a>",
              "県は取水制限の対象を3市に広げると発表した。", "河北日報 9月2日", "雨の少ない状態は今月いっぱい続く見込みだ。"]
    lines = _lines("".join(f"<div style='{_INDENT}'>{block}</div>" for block in blocks))
    assert not any(line.startswith("→") for line in lines)
