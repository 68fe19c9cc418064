"""Errors as data: every problem names its file, position and field."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class ContentError:
    """One problem in a content or config file.

    ``path`` is as the editor would type it (relative to the site root), ``line`` and
    ``column`` are 1-based, ``field`` is the dotted path inside the document
    (``sections[1].source.url``).
    """

    path: str
    message: str
    line: int | None = None
    column: int | None = None
    field: str | None = None

    def __str__(self) -> str:
        location = self.path
        if self.line is not None:
            location += f":{self.line}"
            if self.column is not None:
                location += f":{self.column}"
        if self.field:
            return f"{location}: {self.field}: {self.message}"
        return f"{location}: {self.message}"


class KikuError(Exception):
    """A failure the CLI reports as a message (exit 1), never as a traceback."""


class ContentErrors(KikuError):
    """All the problems found in one load, reported together."""

    def __init__(self, errors: Sequence[ContentError]) -> None:
        self.errors = tuple(errors)
        super().__init__("\n".join(str(error) for error in self.errors))
