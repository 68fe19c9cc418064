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
    # True for site chrome; False for a line read as the page's structure (a label, a repeated
    # title, a card's link line): it is not in the article's text, but it is not debris either.
    debris: bool = True


@dataclass
class ImportReport:
    """Collected while one page is imported; printed or written with ``--report``."""

    source: str
    dropped: list[DroppedLine] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def drop(self, line: Line, rule: str, read_into: str | None = None) -> None:
        self.dropped.append(DroppedLine(line, rule, read_into))

    def consume(self, line: Line, rule: str, read_into: str | None = None) -> None:
        """``line`` was read as structure (a label, a repeated title, a link line), not as debris."""
        self.dropped.append(DroppedLine(line, rule, read_into, debris=False))

    def trim(self, line: Line, rule: str, removed: str, read_into: str) -> None:
        """Only ``removed`` (a label such as '10. ^ a b') was dropped; the rest went to ``read_into``."""
        self.dropped.append(DroppedLine(line, rule, read_into, removed, debris=False))

    def drop_all(self, lines: list[Line], rule: str) -> None:
        for line in lines:
            self.drop(line, rule)

    def warn(self, message: str) -> None:
        self.warnings.append(message)

    def warn_first(self, message: str) -> None:
        """A warning about the whole article (its date), listed before those about its parts."""
        self.warnings.insert(0, message)

    def format(self) -> str:
        """Compiler-style lines: ``page.txt:12: dropped [rule] text`` for debris, ``consumed [rule]``
        for a line read as structure, ``trimmed [rule]`` for a label cut off a line; then the warnings."""
        rows = []
        for dropped in sorted(self.dropped, key=lambda item: item.line.number):
            location = f"{self.source}:{dropped.line.number}"
            if dropped.removed is not None:
                rows.append(f"{location}: trimmed [{dropped.rule}] {dropped.removed!r} "
                            f"(the rest read into {dropped.read_into})")
                continue
            note = f" (read into {dropped.read_into})" if dropped.read_into else ""
            verb = "dropped" if dropped.debris else "consumed"
            rows.append(f"{location}: {verb} [{dropped.rule}]{note} {dropped.line.text}")
        rows.extend(f"{self.source}: warning: {warning}" for warning in self.warnings)
        return "\n".join(rows)
