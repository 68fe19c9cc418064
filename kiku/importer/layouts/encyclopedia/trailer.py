"""An encyclopedia mirror's trailer, under the article: its licence statement, kept word for word,
its last-edited date, and the site's lines."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from kiku.importer.layouts.encyclopedia.head import source_line
from kiku.importer.layouts.encyclopedia.sections import LAST_EDITED, matched_date
from kiku.importer.layouts.encyclopedia.statements import licence_named, names_licence, statement_title
from kiku.importer.page import Line
from kiku.importer.report import ImportReport


def _starts_trailer(text: str) -> bool:
    return (names_licence(text) or statement_title(text) is not None
            or LAST_EDITED.search(text) is not None or source_line(text) is not None)


def trailer_start(lines: list[Line], at: int) -> int:
    """The index of the trailer's first line from ``lines[at]`` on (``len(lines)`` when there is
    none); a label the site prints over its licence statement ('【ライセンス】', '利用条件：') is the
    trailer's too."""
    end = next((index for index in range(at, len(lines)) if _starts_trailer(lines[index].text)), len(lines))
    return end - 1 if end > at and end < len(lines) and TRAILER_LABEL.match(lines[end - 1].text.strip()) else end


# A label alone on its line: a short word in brackets, or before a colon.
TRAILER_LABEL = re.compile(r"^(?:[【［\[〔][^】］\]〕。]{1,12}[】］\]〕]|[^\s。:：]{1,12}\s*[:：])$")


@dataclass(frozen=True, slots=True)
class Trailer:
    license: tuple[str, str] | None
    date: dt.date | None
    # The licence statement as the page prints it.
    notice: str | None


def read_trailer(lines: list[Line], report: ImportReport, *, dated: bool) -> Trailer:
    """Find the licence and the last-edited date in the page's trailer; the rest is chrome."""
    license_found: tuple[str, str] | None = None
    # The page's statement that it copies the Wikipedia article, else its first line naming a licence.
    copy_notice: str | None = None
    license_notice: str | None = None
    date = None
    # Beside a statement naming the article, a line naming a licence and no article ('All text is
    # available under the terms of the GNU Free Documentation License.') is the site's footer.
    names_article = any(statement_title(line.text) for line in lines)
    # A statement naming the article and no licence, printed over or under a line naming one ('テキストは…
    # ライセンスの下で利用可能です。' · 'この記事は、ウィキペディアの<title> (改訂履歴) の記事を…'): one statement in
    # two lines, both kept word for word.
    paired = _licence_beside_copy(lines)
    licence_part: str | None = None
    for index, line in enumerate(lines):
        named = licence_named(line.text)
        edited = LAST_EDITED.search(line.text)
        copies = statement_title(line.text)
        if named and names_article and not copies and index not in paired:
            report.drop(line, "site-license-footer")
            continue
        if named and index in paired:
            licence_part = licence_part or line.text
        if copies:
            # The licence line is kept word for word, as the page prints it: a sentence the site
            # adds on the same line ('…の記事も、全てGNU Free Documentation Licenseの元に…') is
            # part of the statement the article must carry.
            copy_notice = copy_notice or line.text
        if named:
            license_found = license_found or named
            license_notice = license_notice or line.text
            report.consume(line, "license-statement", "attribution.license, attribution.notice")
        elif copies:
            report.consume(line, "license-statement", "attribution.notice")
        elif source_line(line.text):
            # The mirror's credit printed in its footer, under the article.
            report.consume(line, "wikipedia-source", "attribution.source")
        elif edited and not dated:
            date = date or matched_date(edited)
            report.consume(line, "wikipedia-last-edited", "date")
        else:
            report.drop(line, "dictionary-trailer")
    if licence_part is not None and copy_notice is not None:
        first, second = sorted((licence_part, copy_notice), key=[line.text for line in lines].index)
        return Trailer(license_found, date, f"{first}\n{second}")
    return Trailer(license_found, date, copy_notice or license_notice)


def _licence_beside_copy(lines: list[Line]) -> set[int]:
    """The indexes of lines naming a licence and no article right over or under a line naming the article and
    no licence; empty when a line names both (the lines beside it are the site's footer)."""
    copies = [index for index, line in enumerate(lines) if statement_title(line.text) is not None]
    if any(names_licence(lines[index].text) for index in copies):
        return set()
    return {index for index in range(len(lines)) for copy in copies
            if abs(index - copy) == 1 and names_licence(lines[index].text)
            and statement_title(lines[index].text) is None}


def unstated_license(report: ImportReport) -> tuple[str, str]:
    report.warn("no licence statement found; Wikipedia text is under CC BY-SA and GFDL: set attribution.license")
    return "GNU Free Documentation License", "https://www.gnu.org/licenses/fdl-1.3.html"

