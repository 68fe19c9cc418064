"""The importer's open warnings: ``# warning: …`` comment lines at the top of a content file.

``kiku import`` writes what the scrape may have damaged (a number lost from a title, a card
flagged as an ad) as comments above the article's first field. Such a line stays *open* until
the editor resolves it, by deleting the line or by turning ``# warning:`` into ``# resolved:``
(which keeps the note in the file). ``kiku check`` lists the open ones (``--strict`` fails on
them) and ``kiku serve`` shows them on the article's preview page; a build never shows them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Only the comment block above the first field is read: a comment further down is the editor's.
_WARNING = re.compile(r"#\s*warning:\s*(.*\S)")
# Whether the first line with anything on it is a comment (every line break is whitespace).
_COMMENT_FIRST = re.compile(r"\s*#")


@dataclass(frozen=True, slots=True)
class OpenWarning:
    """One unresolved importer warning: where it is written, and what it says."""

    path: str
    line: int
    message: str

    @property
    def location(self) -> str:
        return f"{self.path}:{self.line}"

    def __str__(self) -> str:
        return f"{self.location}: warning: {self.message}"


def open_warnings(text: str, path: str) -> tuple[OpenWarning, ...]:
    """The ``# warning: …`` lines of the comment block that starts ``text`` (the file at ``path``)."""
    if not _COMMENT_FIRST.match(text):  # most files: none of their lines split (7 µs a 3 kB file)
        return ()
    found: list[OpenWarning] = []
    for number, line in enumerate(text.splitlines(), 1):
        stripped = line.strip()
        if stripped and not stripped.startswith("#"):
            break
        match = _WARNING.fullmatch(stripped)
        if match:
            found.append(OpenWarning(path, number, match[1]))
    return tuple(found)
