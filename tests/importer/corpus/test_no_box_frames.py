"""No expected article publishes a piece of a box drawn in text: a string opening or closing on box-drawing glyphs
('┏━ 今回のニュース ━┓', '━━━━') is the box's label or frame, never a point, a remark or a heading. The structure
audit cannot see it when the truth lists only the points."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.support.paths import REPO

EXPECTED = sorted((REPO / "tests" / "fixtures" / "import").glob("*.expected.yaml"))
_FRAME_END = re.compile(r"^\s*[\u2500-\u257f]|[\u2500-\u257f]\s*$")


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


@pytest.mark.parametrize("path", EXPECTED, ids=[path.name for path in EXPECTED])
def test_no_published_text_is_a_box_frame(path: Path) -> None:
    framed = [text for text in _strings(yaml.safe_load(path.read_text(encoding="utf-8")))
              if _FRAME_END.search(text)]
    assert framed == []
