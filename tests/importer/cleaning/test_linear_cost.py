"""Rules asked about every line of a page read the page once, not once per line: a page four times longer
costs at most about four times the reads (counted, never timed), and the rules still judge as before."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import overload

from bs4 import BeautifulSoup, Tag

from kiku.importer.cleaning.blocks.comments import claim_aged_byline
from kiku.importer.cleaning.blocks.ruled_blocks import claim_running_header
from kiku.importer.reading.html.chrome.shapes.captions import picture_caption

# Four times the page costs at most this many times the reads (a little over four: the page's ends).
MAX_GROWTH = 4.5


class CountedLines(Sequence[str]):
    """A page's lines that count how many of them a rule reads."""

    def __init__(self, lines: list[str]) -> None:
        self._lines = lines
        self.reads = 0

    def __len__(self) -> int:
        return len(self._lines)

    @overload
    def __getitem__(self, index: int) -> str: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[str]: ...

    def __getitem__(self, index: int | slice) -> str | Sequence[str]:
        if isinstance(index, slice):
            part = self._lines[index]
            self.reads += len(part)
            return part
        self.reads += 1
        return self._lines[index]

    def __iter__(self) -> Iterator[str]:
        for line in self._lines:
            self.reads += 1
            yield line


def _page(parts: int) -> list[str]:
    """A text export: each part a short label line and a sentence (no page numbers, so no running header)."""
    lines = ["市民プール利用案内"]
    for part in range(parts):
        lines += ["利用時間", f"第{part}レーンは午前九時から午後五時まで開いています。", "更衣室"]
    return lines


def _reads(rule: Callable[[Sequence[str], int], int], parts: int) -> int:
    texts = CountedLines(_page(parts))
    for index in range(len(texts)):
        rule(texts, index)
    return texts.reads


def test_the_running_header_rule_reads_the_page_once_whatever_its_length() -> None:
    assert _reads(claim_running_header, 400) <= MAX_GROWTH * _reads(claim_running_header, 100)


def test_the_byline_rule_reads_only_the_head_whatever_the_page_length() -> None:
    assert _reads(claim_aged_byline, 400) <= MAX_GROWTH * _reads(claim_aged_byline, 100)


def test_a_label_repeated_beside_each_page_number_is_still_a_running_header() -> None:
    texts = ["市民プール利用案内", "本文の一行目です。", "- 1 -", "市民プール利用案内", "本文の二行目です。", "- 2 -",
             "市民プール利用案内", "更衣室"]
    assert [claim_running_header(texts, index) for index in range(len(texts))] == [1, 0, 0, 1, 0, 0, 1, 0]
    assert claim_running_header(CountedLines(_page(3)), 1) == 0


class CountedChildren(list[object]):
    """A box's children that count how many of them are read."""

    reads = 0

    def __iter__(self) -> Iterator[object]:
        for child in super().__iter__():
            CountedChildren.reads += 1
            yield child


def _caption_reads(spans: int) -> int:
    html = "<div>" + "".join(f"<span>写真{number}</span>" for number in range(spans)) + "</div>"
    box = BeautifulSoup(html, "html.parser").div
    assert isinstance(box, Tag)
    children = [child for child in box.contents if isinstance(child, Tag)]
    box.contents = CountedChildren(box.contents)  # type: ignore[assignment]
    CountedChildren.reads = 0
    assert not any(picture_caption(child) for child in children)
    return CountedChildren.reads


def test_the_picture_caption_rule_stops_at_the_first_other_line_of_a_long_box() -> None:
    assert _caption_reads(400) <= MAX_GROWTH * _caption_reads(100)
