"""A Wikipedia article's footnotes as a page prints them: "10. ^ a b text URL", "^ text",
"↑ text", "[3] text", "注 1. text"; a URL that wrapped onto the next line is joined again."""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from collections.abc import Callable

from kiku.content.model import Reference
from kiku.importer.finishing.escape import escape_markdown
from kiku.importer.layouts.labels import FOOTNOTE_BACK_MARK, URL
from kiku.importer.page import Line
from kiku.importer.report import ImportReport

_MARK = FOOTNOTE_BACK_MARK
# A footnote: "10. ^ text", "^ text", "↑ text", "1. text" (numbered, no mark), "[1] text" (the
# number in brackets, as the body cites it), "(1) ⤴ text" (in parentheses), or "*1 text" ("※1",
# the body's mark "*1"). Its back-link mark is a caret or an arrow pointing up, down or back
# (``FOOTNOTE_BACK_MARK``).
REFERENCE = re.compile(
    rf"^(?:(?:(?:(?!{_MARK})[^\d\s.．\[［(（]){{1,2}}\s*)?(?P<id>\d{{1,4}})\s*[.．]\s*(?:\d{{1,4}}\s*[.．]\s*)?(?:{_MARK}\s*)?"
    rf"|{_MARK}\s*|[\[［](?P<bracketed>\d{{1,4}})[\]］]\s*(?:{_MARK}\s*)?"
    rf"|[(（](?P<parenthesised>\d{{1,4}})[)）]\s*(?:{_MARK}\s*)?|[*＊※](?P<starred>\d{{1,4}})\s+)(?P<text>\S.*)$"
)
# The rest of a URL that wrapped onto the next line: "senjoukousuitai.html 2025年6月1日閲覧。".
URL_REST = re.compile(r"^[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]+")
# A wrapped URL's rest that looks like a numbered footnote ("2984.html…"): a footnote's number is
# followed by a space or its text, never by a letter of a file name.
URL_REST_NOT_FOOTNOTE = re.compile(r"^\d{1,4}\.[A-Za-z]")
# A footnote's number printed alone on its line ("1.", "[1]", "*1"): an old CMS's table cell or a list
# marker the page put on a line of its own; the footnote's text is the next line.
NUMBER_ONLY = re.compile(r"^(?:(?P<id>\d{1,4})\s*[.．]|[\[［](?P<bracketed>\d{1,4})[\]］]"
                         r"|[(（](?P<parenthesised>\d{1,4})[)）]|[*＊※](?P<starred>\d{1,4}))$")
# "a b c" back-links to each place a reference is cited; only runs that start at 'a'.
BACK_LINKS = re.compile(r"^a(?: [b-z](?= ))+\s+")


def unwrapped_url(reference: Reference, lines: list[Line], index: int, number: int,
                  report: ImportReport) -> tuple[Reference, int]:
    """The reference with the rest of its URL joined, when its line ended with the URL and the
    next line starts with URL characters (a path, not a word) and is not a reference itself; with
    the next line's access date joined to its text when that line starts with one."""
    if reference.url is None or index + 1 >= len(lines):
        return reference, index
    following = lines[index + 1].text
    if _ACCESS_DATE.match(following):
        # The page broke the line after the URL ('…/matsu<br>2025年8月10日閲覧。'): the date is the
        # footnote's, and its year is not the rest of the URL.
        report.consume(lines[index + 1], "reference-access-date", f"references[{number}].text")
        text = (reference.text + " " + escape_markdown(following.strip())).strip()
        return dataclasses.replace(reference, text=text), index + 1
    rest = URL_REST.match(following)
    is_footnote = REFERENCE.match(following) is not None and not URL_REST_NOT_FOOTNOTE.match(following)
    # A path has a digit or a path mark in it; a word ('Text from …') does not, unless it ends a file
    # name's extension the line broke inside ('….ht' / 'ml 2025年…').
    if rest is None or is_footnote or len(rest.group()) < 2 or not (
            re.search(r"[0-9/._\-?=&%]", rest.group()) or _ends_extension(reference.url, rest.group())):
        return reference, index
    report.consume(lines[index + 1], "wrapped-reference-url", f"references[{number}].url")
    end = _before_glued_year(following, rest.end())
    text = (reference.text + " " + escape_markdown(following[end:].strip())).strip()
    return dataclasses.replace(reference, url=reference.url + following[:end], text=text), index + 1


# The extensions of a web page's file name a wrapped URL may break inside.
_PAGE_EXTENSION = re.compile(r"\.(?:html?|php|aspx?|jsp|cgi|pdf)$", re.IGNORECASE)


def _ends_extension(url: str, rest: str) -> bool:
    """The URL broke inside its file name's extension: '….ht' and 'ml' make '….html'."""
    return re.search(r"\.[A-Za-z]{1,3}$", url) is not None and _PAGE_EXTENSION.search(url + rest) is not None \
        and _PAGE_EXTENSION.search(url) is None


def url_on_next_line(reference: Reference, lines: list[Line], index: int, number: int,
                     report: ImportReport) -> tuple[Reference, int]:
    """The reference with the URL printed at the start of the next line (the page wrapped its line
    before the URL: '^ a b 「沿革」公益財団法人X ' / 'https://… 2025年5月1日閲覧。'), or after the last words
    of its name ('… UNESCO World Heritage' / 'Centre. https://…'), when it has none."""
    if reference.url is not None or index + 1 >= len(lines):
        return reference, index
    following = lines[index + 1].text
    url = URL.match(following) or _url_after_wrapped_words(following)
    if url is None:
        return reference, index
    report.consume(lines[index + 1], "wrapped-reference-url", f"references[{number}].url")
    end = _before_glued_year(following, url.end())
    rest = (following[:url.start()].strip() + " " + following[end:].strip()).strip()
    text = (reference.text + " " + escape_markdown(rest)).strip()
    return dataclasses.replace(reference, url=following[url.start():end], text=text), index + 1


# The few words of a footnote that wrapped before its URL ('Centre. https://…', 'センター. https://…'):
# the end of a name and its full stop, no sentence and no footnote of its own.
MAX_WRAPPED_WORDS = 30


def _url_after_wrapped_words(following: str) -> re.Match[str] | None:
    """The URL on a line that goes on with a footnote's last words and then its URL, else None."""
    url = URL.search(following)
    if url is None or REFERENCE.match(following) is not None:
        return None
    words = following[:url.start()].strip()
    if not words or len(words) > MAX_WRAPPED_WORDS or "。" in words:
        return None
    return url


def numbered_by_line_above(lines: list[Line], index: int) -> tuple[Line, Line] | None:
    """The footnote number alone on ``lines[index]`` and the line of its text below it, or None.
    The text is read as if printed after its number ('1.' / '^ text' reads as '1. ^ text')."""
    number = NUMBER_ONLY.match(lines[index].text)
    if number is None or index + 1 >= len(lines) or NUMBER_ONLY.match(lines[index + 1].text):
        return None
    return lines[index], lines[index + 1]


def read_numbered_reference(number_line: Line, text_line: Line,
                            index: int) -> tuple[Reference, str, bool] | None:
    """``read_reference`` on the text under a number printed alone (``numbered_by_line_above``);
    the label returned is the one printed on ``text_line`` ('^', or '' when it has none)."""
    read = read_reference(Line(text_line.number, f"{number_line.text} {text_line.text}"), index)
    if read is None:
        return None
    reference, label, ends_with_url = read
    return reference, label[len(number_line.text):].strip(), ends_with_url


# When the page was read: '2025年8月20日閲覧'.
_ACCESS_DATE = re.compile(r"(?:19|20)[0-9]{2}\s*年\s*[0-9]{1,2}\s*月\s*[0-9]{1,2}\s*日\s*閲覧")
_YEAR_DIGITS = 4


def _before_glued_year(text: str, url_end: int) -> int:
    """Where the URL ending at ``url_end`` really ends: before an access date's year glued to it
    ('…/index.php2025年8月20日閲覧': the year is the date's), unless a digit precedes the year."""
    start = url_end - _YEAR_DIGITS
    glued = start > 0 and _ACCESS_DATE.match(text, start) is not None and not text[start - 1].isdigit()
    return start if glued else url_end


def read_reference(line: Line, index: int) -> tuple[Reference, str, bool] | None:
    """The reference on ``line`` (the ``index``-th one), its label ('10. ^ a b') and whether its
    URL ends the line (it may go on on the next one), or None."""
    match = REFERENCE.match(line.text)
    if match is None:
        return None
    body = BACK_LINKS.sub("", match["text"].strip())
    label = line.text[:len(line.text) - len(body)].strip()
    url_match = URL.search(body)
    url, url_end = (url_match.group(), url_match.end()) if url_match else (None, 0)
    if url is not None and (end := _before_glued_year(body, url_end)) != url_end:
        url, url_end = url[:end - url_end], end
    ends_with_url = url_match is not None and not body[url_end:].strip()
    if url_match:
        body = (body[:url_match.start()].rstrip() + " " + body[url_end:].lstrip()).strip()
    printed_number = match["id"] or match["bracketed"] or match["parenthesised"] or match["starred"]
    number = int(unicodedata.normalize("NFKC", printed_number)) if printed_number else index + 1
    return Reference(id=number, text=escape_markdown(body), url=url), label, ends_with_url


def add_reference(references: list[Reference], line: Line, reference: Reference, label: str,
                  report: ImportReport) -> None:
    """Append ``reference``; a reference printed twice is read once, and a second reference
    under a number already taken gets the next free number (with a warning)."""
    if any(item.text == reference.text and item.url == reference.url for item in references):
        report.consume(line, "repeated-reference")
        return
    previous = next((item for item in references if item.id == reference.id), None)
    if previous is not None:
        number = max(item.id for item in references) + 1
        report.warn(f"references: two references numbered {reference.id}; the second is kept as {number}: "
                    f"check which [{reference.id}] markers cite it")
        reference = dataclasses.replace(reference, id=number)
    if label:
        report.trim(line, "reference-label", label, f"references[{len(references)}]")
    else:
        # Its number was printed on the line above; the whole line is the reference.
        report.consume(line, "reference", f"references[{len(references)}]")
    references.append(reference)


def read_references(lines: list[Line], at: int, report: ImportReport, *,
                    is_heading: Callable[[str], bool]) -> tuple[list[Reference], int]:
    """The footnotes from ``lines[at]`` on (a repeated references heading among them is read as
    the block printed again), and the index of the first line that is none of them."""
    references: list[Reference] = []
    while at < len(lines):
        if is_heading(lines[at].text):
            report.consume(lines[at], "references-heading")  # the block printed again
        elif (found := _reference_at(lines, at, len(references), report)) is not None:
            (reference, label, url_ends_line), at = found
            line, text_at = lines[at], at
            if not url_ends_line:
                reference, at = url_on_next_line(reference, lines, at, len(references), report)
                # The URL on the next line may wrap again ('https://…/kankyochiri/' / 'koshou_index.html …').
                url_ends_line = (at != text_at and reference.url is not None
                                 and lines[at].text.rstrip().endswith(reference.url))
            while url_ends_line:
                joined_at = at
                reference, at = unwrapped_url(reference, lines, at, len(references), report)
                # A long URL may wrap twice: a line of its characters alone goes on on the next.
                url_ends_line = at != joined_at and URL_REST.fullmatch(lines[at].text.strip()) is not None
            add_reference(references, line, reference, label, report)
        elif references and _continues_footnote(lines, at, references[-1].id, is_heading):
            _join_continuation(references, lines[at], report)
        else:
            break
        at += 1
    return references, at


# A footnote's line wrapped where the list goes on is at most this long.
MAX_CONTINUATION = 200


def _continues_footnote(lines: list[Line], at: int, last_id: int, is_heading: Callable[[str], bool]) -> bool:
    """A line between two footnotes that is no footnote itself: the rest of the one above, which the
    page wrapped ('^ …国土地理院. https://www.gsi.go.jp/kankyochiri/' / 'koshou_index.html 2025年…').
    A numbered list under it must go on from the footnotes' numbers (a ranking's '1. …' does not)."""
    following = lines[at + 1].text if at + 1 < len(lines) else ""
    text = lines[at].text
    footnote = REFERENCE.match(following)
    if footnote is None or len(text) > MAX_CONTINUATION or is_heading(text) or URL_REST_NOT_FOOTNOTE.match(following):
        return False
    printed = footnote["id"] or footnote["bracketed"] or footnote["parenthesised"] or footnote["starred"]
    return printed is None or int(unicodedata.normalize("NFKC", printed)) == last_id + 1


def _join_continuation(references: list[Reference], line: Line, report: ImportReport) -> None:
    number = len(references) - 1
    report.consume(line, "wrapped-reference", f"references[{number}]")
    previous = references[number]
    text = (previous.text + " " + escape_markdown(line.text.strip())).strip()
    references[number] = dataclasses.replace(previous, text=text)


def _reference_at(lines: list[Line], at: int, count: int,
                  report: ImportReport) -> tuple[tuple[Reference, str, bool], int] | None:
    """The reference starting at ``lines[at]`` and the index of the line holding its text: the
    same line, or the next one when ``lines[at]`` is its number printed alone."""
    if (read := read_reference(lines[at], count)) is not None:
        return read, at
    numbered = numbered_by_line_above(lines, at)
    if numbered is None or (read := read_numbered_reference(*numbered, count)) is None:
        return None
    report.consume(lines[at], "reference-number", f"references[{count}].id")
    return read, at + 1
