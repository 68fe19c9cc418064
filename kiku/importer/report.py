"""The import report: every line the importer did not put in the article, and why."""

from __future__ import annotations

from dataclasses import dataclass, field

from kiku.importer.page import Line


@dataclass(frozen=True, slots=True)
class DroppedLine:
    line: Line
    rule: str
    # What the line was read into before it was dropped, e.g. "sections[0].source.published".
    read_into: str | None = None
    # Set when only this part of the line was dropped (a label) and the rest is in the article.
    removed: str | None = None


@dataclass
class ImportReport:
    """Collected while one page is imported; printed or written with ``--report``."""

    source: str
    dropped: list[DroppedLine] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def drop(self, line: Line, rule: str, read_into: str | None = None) -> None:
        self.dropped.append(DroppedLine(line, rule, read_into))

    def trim(self, line: Line, rule: str, removed: str, read_into: str) -> None:
        """Only ``removed`` (a label such as '10. ^ a b') was dropped; the rest went to ``read_into``."""
        self.dropped.append(DroppedLine(line, rule, read_into, removed))

    def drop_all(self, lines: list[Line], rule: str) -> None:
        for line in lines:
            self.drop(line, rule)

    def warn(self, message: str) -> None:
        self.warnings.append(message)

    def format(self) -> str:
        """Compiler-style lines: ``page.txt:12: dropped [rule] text``, then the warnings."""
        rows = []
        for dropped in sorted(self.dropped, key=lambda item: item.line.number):
            location = f"{self.source}:{dropped.line.number}"
            if dropped.removed is not None:
                rows.append(f"{location}: trimmed [{dropped.rule}] {dropped.removed!r} "
                            f"(the rest read into {dropped.read_into})")
                continue
            note = f" (read into {dropped.read_into})" if dropped.read_into else ""
            rows.append(f"{location}: dropped [{dropped.rule}]{note} {dropped.line.text}")
        rows.extend(f"{self.source}: warning: {warning}" for warning in self.warnings)
        return "\n".join(rows)
