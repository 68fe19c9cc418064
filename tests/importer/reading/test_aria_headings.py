"""A block marked a heading by ARIA alone ('<div role="heading" aria-level="2">', a component library's
heading without a heading element or a class naming it) is read as a heading, as an <h2> is."""

from __future__ import annotations

from kiku.importer.reading.html.page import read_html
from kiku.importer.report import ImportReport


def _headings(body: str) -> list[tuple[str, bool]]:
    lines = read_html(f"<html><body><main>{body}</main></body></html>", ImportReport("page.html"))
    return [(line.text, line.heading) for line in lines]


def test_a_block_with_the_heading_role_is_a_heading() -> None:
    body = ('<section><div role="heading" aria-level="2">渡し船はどこを走る？</div>'
            "<div>対岸の集落と港を結ぶ航路です。</div></section>")
    assert _headings(body) == [("渡し船はどこを走る？", True), ("対岸の集落と港を結ぶ航路です。", False)]


def test_another_role_is_no_heading() -> None:
    body = '<section><div role="note">渡し船はどこを走る？</div></section>'
    assert _headings(body) == [("渡し船はどこを走る？", False)]
