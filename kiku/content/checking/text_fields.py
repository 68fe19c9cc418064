"""Every text of an article with its field path, in document order."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from typing import Any


def iter_text_fields(value: Any, path: str = "") -> Iterator[tuple[str, str]]:
    """Yield ``(field_path, text)`` for every string inside a model object (``sections[0].body[2]``)."""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, tuple):
        for index, item in enumerate(value):
            yield from iter_text_fields(item, f"{path}[{index}]")
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for field in dataclasses.fields(value):
            child = f"{path}.{field.name}" if path else field.name
            yield from iter_text_fields(getattr(value, field.name), child)
