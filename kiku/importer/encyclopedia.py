"""The encyclopedia layout: a Wikipedia article as a dictionary site wraps it.

    [site chrome] · title · 出典: フリー百科事典『ウィキペディア（Wikipedia）』 (REVISION 版)
    lead paragraphs · (heading · paragraphs)* · 脚注 · "N. ^ [a b] reference" lines
    [site chrome, with the licence statement]
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from urllib.parse import quote

from kiku.content.model import Attribution, EncyclopediaSection, Reference
from kiku.importer.escape import escape_markdown
from kiku.importer.labels import URL
from kiku.importer.page import ImportFailed, Line
from kiku.importer.report import ImportReport

REVISION = re.compile(
    r"^出典\s*[:：]\s*フリー百科事典\s*『ウィキペディア\s*[（(]Wikipedia[)）]』\s*"
    r"[(（]\s*(?P<revision>(?P<year>\d{4})/(?P<month>\d{1,2})/(?P<day>\d{1,2})[^)）]*?)\s*版\s*[)）]"
)
REFERENCES_HEADING = re.compile(r"^(?:脚注|出典|注釈|参考文献|参照)$")
REFERENCE = re.compile(r"^(?P<id>\d{1,4})[.．]\s*\^\s*(?P<text>.*)$")
# "a b c" back-links to each place a reference is cited; only runs that start at 'a'.
BACK_LINKS = re.compile(r"^a(?: [b-z](?= ))+\s+")
LICENSES = {
    "GNU Free Documentation License": "https://www.gnu.org/licenses/fdl-1.3.html",
    "Creative Commons Attribution-ShareAlike": "https://creativecommons.org/licenses/by-sa/4.0/",
}
WIKIPEDIA_COPY = re.compile(r"ウィキペディアの(?P<title>.+?)\s*[(（]改訂履歴[)）]の記事")
MAX_HEADING_LENGTH = 30


@dataclass(frozen=True, slots=True)
class EncyclopediaParts:
    title: str
    date: dt.date
    lead: str | None
    sections: tuple[EncyclopediaSection, ...]
    references: tuple[Reference, ...]
    attribution: Attribution


def is_encyclopedia(lines: list[Line]) -> bool:
    return any(REVISION.match(line.text) for line in lines)


def parse_encyclopedia(lines: list[Line], report: ImportReport) -> EncyclopediaParts:
    revision_index = next(i for i, line in enumerate(lines) if REVISION.match(line.text))
    if revision_index == 0:
        raise ImportFailed("no article title above the 'フリー百科事典『ウィキペディア』' line")
    revision = REVISION.match(lines[revision_index].text)
    assert revision is not None
    title = lines[revision_index - 1].text
    report.drop_all(lines[:revision_index - 1], "dictionary-header")
    report.drop(lines[revision_index], "wikipedia-revision", "attribution.revision, date")

    references_at = next((i for i in range(revision_index + 1, len(lines))
                          if REFERENCES_HEADING.match(lines[i].text)), len(lines))
    lead, sections = _body(lines[revision_index + 1:references_at])
    references: list[Reference] = []
    trailer_at = references_at + 1
    if references_at < len(lines):
        report.drop(lines[references_at], "references-heading")
        seen_ids: set[int] = set()
        while trailer_at < len(lines) and (match := REFERENCE.match(lines[trailer_at].text)):
            if int(match["id"]) in seen_ids:  # a reference line printed twice: ids must stay unique
                report.drop(lines[trailer_at], "repeated-reference")
            elif reference := _reference(lines[trailer_at], report, len(references)):
                references.append(reference)
                seen_ids.add(reference.id)
            trailer_at += 1
    license_name = _attribution_lines(lines[trailer_at:], report)
    revision_text = revision["revision"].strip()
    attribution = Attribution(
        source="Wikipedia", title=title, url="https://ja.wikipedia.org/wiki/" + quote(title.replace(" ", "_")),
        license=license_name, revision=revision_text, license_url=LICENSES.get(license_name))
    date = dt.date(int(revision["year"]), int(revision["month"]), int(revision["day"]))
    return EncyclopediaParts(title, date, lead, sections, tuple(references), attribution)


def _body(lines: list[Line]) -> tuple[str | None, tuple[EncyclopediaSection, ...]]:
    lead: list[str] = []
    sections: list[tuple[str, list[str]]] = []
    for line in lines:
        if _is_heading(line.text):
            sections.append((line.text, []))
        elif sections:
            sections[-1][1].append(escape_markdown(line.text))
        else:
            lead.append(escape_markdown(line.text))
    return ("\n\n".join(lead) or None,
            tuple(EncyclopediaSection(heading, tuple(body)) for heading, body in sections))


def _is_heading(text: str) -> bool:
    return len(text) <= MAX_HEADING_LENGTH and not re.search(r"[。．]|\[\d+\]$", text)


def _reference(line: Line, report: ImportReport, index: int) -> Reference | None:
    match = REFERENCE.match(line.text)
    if match is None:
        return None
    body = BACK_LINKS.sub("", match["text"].strip())
    label = line.text[:len(line.text) - len(body)].strip()
    report.trim(line, "reference-label", label, f"references[{index}]")
    url_match = URL.search(body)
    url = url_match.group() if url_match else None
    if url_match:
        body = (body[:url_match.start()].rstrip() + " " + body[url_match.end():].lstrip()).strip()
    return Reference(id=int(match["id"]), text=escape_markdown(body), url=url)


def _attribution_lines(lines: list[Line], report: ImportReport) -> str:
    """Find the licence in the page's trailer; everything else there is the site's chrome."""
    license_name = None
    for line in lines:
        named = next((name for name in LICENSES if name in line.text), None)
        if named:
            license_name = license_name or named
            report.drop(line, "license-statement", "attribution.license")
        elif WIKIPEDIA_COPY.search(line.text):
            report.drop(line, "license-statement", "attribution")
        else:
            report.drop(line, "dictionary-trailer")
    if license_name is None:
        report.warn("no licence statement found; Wikipedia text is under CC BY-SA and GFDL: set attribution.license")
        return "GNU Free Documentation License"
    return license_name
