"""A list of contents names each heading once: the first line naming what an entry already named, whatever
marks each ('1. …' in the list, '◆…' as the heading), is that heading, in the article, and the list has ended."""

from __future__ import annotations

from kiku.importer.cleaning.debris import strip_debris
from kiku.importer.page import Line
from kiku.importer.report import ImportReport


def _kept(*texts: str) -> list[str]:
    lines = [Line(number, text) for number, text in enumerate(texts, start=1)]
    return [line.text for line in strip_debris(lines, ImportReport("page.txt"))]


def test_the_first_heading_repeating_an_entry_with_another_mark_ends_the_contents() -> None:
    kept = _kept("目次", "1. 朝市はいつから?", "2. 名物の干物", "3. 行き方",
                 "◆朝市はいつから?", "Q：朝市はいつ始まったのですか?", "A：明治の初めです")
    assert kept == ["◆朝市はいつから?", "Q：朝市はいつ始まったのですか?", "A：明治の初めです"]


def test_entries_marked_alike_are_all_the_contents_s() -> None:
    kept = _kept("目次", "・朝市はいつから?", "・名物の干物", "朝市はいつから?", "Q：朝市はいつ始まったのですか?")
    assert kept == ["朝市はいつから?", "Q：朝市はいつ始まったのですか?"]
