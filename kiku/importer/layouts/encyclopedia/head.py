"""An encyclopedia mirror's head: the line crediting Wikipedia (the source line), the article's title,
and where its text starts under the frame the site prints around it."""

from __future__ import annotations

import re

from kiku.importer.layouts.encyclopedia.numbering import without_number
from kiku.importer.layouts.encyclopedia.references import REFERENCE
from kiku.importer.layouts.encyclopedia.sections import DIGIT, has_edit_link, is_references_heading
from kiku.importer.layouts.encyclopedia.statements import names_licence, statement_title
from kiku.importer.page import ImportFailed, Line
from kiku.importer.report import ImportReport

# "出典: フリー百科事典『ウィキペディア（Wikipedia）』" and what a mirror prints after it: the
# revision "(2025/03/21 04:36 UTC 版)" or "（2025年5月30日 11:02 版）", or the last-edited date
# "最終更新 2025年4月2日 (水) 09:12 UTC" (a revision may print its weekday so too: "2025年11月3日 (月)
# 02:40 UTC 版"), or the day the mirror copied it "｜最終取得 2025年8月30日 11:02", "（2025年9月10日取得）";
# the whole line may stand in brackets: "（出典: 『ウィキペディア (Wikipedia)』 2025/04/18 22:41 UTC 版）".
# The label may be 提供 or 引用元, and the encyclopedia's name may come before "フリー百科事典":
# "提供：ウィキペディア フリー百科事典（2025年8月3日 06:41 UTC 版）". With no label, the name is followed by
# "from" and maybe the verb: "ウィキペディア（Wikipedia）より転載（2025年9月2日 08:14 UTC の版）".
SOURCE_LINE = re.compile(
    r"^(?:[（(]\s*)?(?P<label>(?:出典|提供|引用元?|出所)\s*[:：]\s*)?(?:フリー百科事典\s*)?[『「]?\s*"
    r"(?:ウィキペディア|Wikipedia)\s*(?:日本語版\s*)?"
    r"(?:[（(]\s*(?:Wikipedia|ウィキペディア)\s*[)）])?\s*[』」]?\s*(?:フリー百科事典\s*)?"
    r"(?(label)|(?:より|から)\s*(?:転載|引用|抜粋)?\s*)"
    rf"(?:[(（]?\s*(?P<revision>(?P<year>{DIGIT}{{4}})\s*(?:[/／]|年)\s*(?P<month>{DIGIT}{{1,2}})\s*(?:[/／]|月)\s*"
    rf"(?P<day>{DIGIT}{{1,2}})(?:[(（][月火水木金土日][)）]|[^)）])*?)\s*(?:の\s*)?版\s*[)）]?)?"
    r"\s*(?P<after>[(（]?\s*(?:[|｜]\s*)?(?:(?:最終更新|更新|最終取得|取得日|Last edited).*"
    rf"|{DIGIT}{{4}}\s*(?:[/／]|年)\s*{DIGIT}{{1,2}}\s*(?:[/／]|月)\s*{DIGIT}{{1,2}}\s*日?(?:\s*{DIGIT}{{1,2}}[:：]{DIGIT}{{2}})?\s*(?:取得|閲覧|現在|時点).*))?"
    r"\s*[)）]?$"
)
# A dictionary frame's entry header naming Wikipedia: 'ウィキペディア（Wikipedia） の解説', 'Wikipedia より'.
# A handover sentence may end in a full stop: '以下はウィキペディア（Wikipedia）の記事からの引用です。'.
WIKIPEDIA_ENTRY_HEADER = re.compile(r"^[^。]{0,20}(?:ウィキペディア|Wikipedia)[^。]{0,20}。?$")
# What a dictionary site appends to the title it prints: "JASM（Wikipedia）", "JASM - ウィキペディア".
_NAME = r"(?:Wikipedia|ウィキペディア)"
TITLE_SUFFIX = re.compile(rf"\s*(?:[（(]\s*{_NAME}\s*[)）]|[-－–|｜]\s*{_NAME})\s*$")
# A title printed under the source line: short, not a sentence.
MAX_TITLE_LENGTH = 60


def source_line(text: str) -> re.Match[str] | None:
    return SOURCE_LINE.match(text.strip())


def is_encyclopedia(lines: list[Line]) -> bool:
    return any(source_line(line.text) for line in lines) or copied_title_at(lines) is not None


def reads_as_encyclopedia(lines: list[Line]) -> bool:
    """A page that credits no source by a line this layout knows, but has an encyclopedia's back
    matter (a licence statement naming CC BY-SA or the GFDL, or footnotes under their heading) and a
    lead that opens with the title printed above it: refusing it would lose a page of the family."""
    has_back_matter = any(names_licence(line.text) for line in lines) or _has_footnotes(lines)
    return has_back_matter and lead_named_title_at(lines) is not None


def _has_footnotes(lines: list[Line]) -> bool:
    return any(is_references_heading(line.text) and _marks_article_heading(lines, index)
               for index, line in enumerate(lines))


def copied_title_at(lines: list[Line]) -> int | None:
    """Without a source line: the line that is the title named by the page's copy statement
    ('この記事は、ウィキペディアの<title> (改訂履歴) の記事を…', '出典：Wikipedia「<title>」…GFDL…'),
    when the page prints it. Where other dictionaries' entries print it too, the one under a line
    naming Wikipedia (the frame's 'ウィキペディア（Wikipedia） の解説') heads the article."""
    title = next((named for line in lines if (named := statement_title(line.text))), None)
    if title is None:
        return None
    printed = [index for index, line in enumerate(lines) if line.text.strip() == title]
    under_wikipedia = [index for index in printed
                       if index > 0 and WIKIPEDIA_ENTRY_HEADER.match(lines[index - 1].text.strip())]
    return next(iter(under_wikipedia or printed), None)


def source_and_title(lines: list[Line], report: ImportReport) -> tuple[int, int, re.Match[str] | None]:
    """The title's index, where the article starts (the index of its first body line) and the
    source line's match."""
    source_index = head_source_index(lines)
    if source_index is None:
        found = _title_without_source_line(lines, report)
        if found is not None:
            return found
        # Only a credit in the footer, and no title found without it: read as if it headed the article.
        source_index = next((i for i, line in enumerate(lines) if source_line(line.text)), None)
        if source_index is None:
            raise ImportFailed("no article title: no 'フリー百科事典『ウィキペディア』' line over the article, no "
                               "title named by the licence statement, no short line the lead's first sentence "
                               "opens with")
    source = source_line(lines[source_index].text)
    assert source is not None
    report.consume(lines[source_index], "wikipedia-revision" if source["revision"] else "wikipedia-source",
                   "attribution.revision, date" if source["revision"] else "attribution.source")
    below = source_index + 1
    if (source_index > 0 and _titles_lead_under(lines, below)
            and title_text(lines[below].text) not in lines[source_index - 1].text):
        # The credit printed over the title (a mirror's line above its <h1>, under the site's name):
        # the lead under the line below opens with it.
        report.drop_all(lines[:source_index], "dictionary-header")
        return below, below + 1, source
    if source_index > 0:
        # The title is the line above the source line, or the heading a saved page marks up a few
        # lines above it (a frame's fields such as '読み方：…' may stand between).
        marked = [index for index in range(max(0, source_index - MAX_FRAME_FIELDS), source_index)
                  if lines[index].heading]
        title_at = marked[-1] if marked else _above_frame_fields(lines, source_index)
        report.drop_all(lines[:title_at], "dictionary-header")
        for line in lines[title_at + 1:source_index]:
            if _reading_in_lead(line.text, lines[source_index + 1:source_index + 2]):
                report.consume(line, "title-reading", "lead")  # the headword's reading, which the lead prints again
            else:
                report.drop(line, "dictionary-header")
        return title_at, source_index + 1, source
    # Nothing above the source line (a mirror printing it before its <h1>): the title is the line
    # under it when that line is title-like, else the one the licence statement names.
    if below < len(lines) and is_title_like(lines[below].text):
        return below, below + 1, source
    copied_at = copied_title_at(lines)
    if copied_at is None:
        raise ImportFailed("no article title: looked above and below the 'フリー百科事典『ウィキペディア』' line "
                           "and for the title the licence statement names ('ウィキペディアの<title> (改訂履歴)')")
    report.drop_all(lines[below:copied_at], "dictionary-header")
    return copied_at, copied_at + 1, source


def _titles_lead_under(lines: list[Line], at: int) -> bool:
    return at + 1 < len(lines) and _opens_with(lines[at + 1].text.strip(), lines[at].text)


def head_source_index(lines: list[Line]) -> int | None:
    """The source line over the article: the first one, unless it stands under the article's
    sections or footnotes (a mirror crediting Wikipedia in its footer), where it is the trailer's."""
    for index, line in enumerate(lines):
        if _marks_article_heading(lines, index):
            return None
        if source_line(line.text):
            return index
    return None


def _marks_article_heading(lines: list[Line], index: int) -> bool:
    """Whether ``lines[index]`` heads a part of the article: its footnotes (a footnote under it), or
    a section whose edit link (a word in brackets, a pencil) stands after it and whose text follows.
    A search box's button ('キーワード ［検索］') or a contents box's toggle ('目次 [非表示]') is
    followed by no sentence."""
    text = lines[index].text
    following = lines[index + 1].text if index + 1 < len(lines) else ""
    # A mirror numbering its sections numbers the footnotes' heading too ('4. 脚注').
    if is_references_heading(text) or is_references_heading(without_number(text)):
        return REFERENCE.match(following) is not None
    return has_edit_link(text) and "。" in following


def _title_without_source_line(lines: list[Line], report: ImportReport) -> tuple[int, int, None] | None:
    """The title's index and where the article starts when no source line heads it: the title the
    licence statement names, else the short line the lead's first sentence opens with; None when
    there is neither."""
    title_at = copied_title_at(lines)
    if title_at is not None:
        report.warn(f"no 'フリー百科事典『ウィキペディア』' line; the title is the one the licence statement names "
                    f"(line {lines[title_at].number})")
        report.drop_all(lines[:title_at], "dictionary-header")
        return title_at, _body_start(lines, title_at, report), None
    named = lead_named_title_at(lines)
    if named is None:
        return None
    title_at, lead_at = named
    report.warn(f"no 'フリー百科事典『ウィキペディア』' line over the article and no title in the licence statement; "
                f"the title is line {lines[title_at].number}, the name the lead opens with (line "
                f"{lines[lead_at].number}): check the title and the lines dropped above the lead")
    report.drop_all(lines[:title_at], "dictionary-header")
    # Between the title and the lead: the site's note that it copies the article, Wikipedia's
    # redirect notes ('「…」はこの項目へ転送されています。').
    report.drop_all(lines[title_at + 1:lead_at], "above-lead")
    return title_at, lead_at, None


# A Wikipedia lead opens with the article's name, then its reading or its predicate:
# '讃岐うどん（さぬきうどん）は、…', '関門トンネルは、…'.
_AFTER_LEAD_NAME = ("（", "(", "は", "、", "，", "とは", "または", "又は", "［", "[")
# How far above its lead the title may stand (the frame's notes, a redirect note, an image caption).
MAX_LEAD_GAP = 12
# A lead sentence is longer than this.
MIN_LEAD_LENGTH = 20
# A title's disambiguation in brackets, which the lead does not repeat: '関門トンネル (山陽本線)'.
_DISAMBIGUATION = re.compile(r"\s*[(（][^()（）]{1,30}[)）]$")


def lead_named_title_at(lines: list[Line]) -> tuple[int, int] | None:
    """(the title's index, the lead's index): the first sentence above the article's headings that
    opens with a short line printed a few lines above it (the nearest such line)."""
    for lead_at, line in enumerate(lines):
        if _marks_article_heading(lines, lead_at):
            return None
        text = line.text.strip()
        if len(text) < MIN_LEAD_LENGTH or "。" not in text:
            continue
        for title_at in range(lead_at - 1, max(-1, lead_at - 1 - MAX_LEAD_GAP), -1):
            if _opens_with(text, lines[title_at].text):
                return title_at, lead_at
    return None


def _opens_with(lead: str, title_line: str) -> bool:
    if not is_title_like(title_line):
        return False
    title = title_text(title_line)
    names = {title, _DISAMBIGUATION.sub("", title)}
    return any(name and lead.startswith(name) and lead[len(name):].startswith(_AFTER_LEAD_NAME) for name in names)


# A dictionary frame's field printed between its headword and the source line: a short label, a
# colon and its value ('読み：しらかわごう', '品詞：名詞', '分野: 地理').
# A headword's reading printed alone in brackets under it is one too ('【しらかわごう】', '（シラカワゴウ）').
FRAME_FIELD = re.compile(r"^[\u3040-\u30ff\u4e00-\u9fff]{1,5}\s*[:：]\s*\S"
                         r"|^[【\[［〔（(〈《]\s*[\u3040-\u30ff・\s]+[】\]］〕）)〉》]$")


_READING = re.compile(r"^[【\[［〔（(〈《]\s*[\u3040-\u30ff・\s]+[】\]］〕）)〉》]$")


def _reading_in_lead(text: str, lead: list[Line]) -> bool:
    """``text`` is the headword's reading alone in brackets ('（びわこそすい）'), and the lead's first line prints it
    after the headword: the article's own words, not the frame's."""
    reading = text.strip()
    return _READING.match(reading) is not None and bool(lead) and reading[1:-1].strip() in lead[0].text


def _above_frame_fields(lines: list[Line], source_index: int) -> int:
    """The line above the source line, or, when the frame prints its fields there, the line above
    them: the headword the fields describe."""
    lowest = max(0, source_index - MAX_FRAME_FIELDS)
    at = source_index - 1
    while at > lowest and FRAME_FIELD.match(lines[at].text.strip()):
        at -= 1
    return source_index - 1 if FRAME_FIELD.match(lines[at].text.strip()) else at


# How far under the title a frame's own fields (reading, field, glosses) may run before its
# line handing over to the quoted article ('― 以下、ウィキペディア（Wikipedia）より ―').
MAX_FRAME_FIELDS = 8


def _body_start(lines: list[Line], title_at: int, report: ImportReport) -> int:
    """Where the article's text starts under its title: after a line naming Wikipedia that
    hands over to it, when one stands a few lines down before the lead or a heading (the lines
    between are the frame's)."""
    handover = None
    for index in range(title_at + 1, min(len(lines), title_at + 1 + MAX_FRAME_FIELDS)):
        text = lines[index].text
        if _marks_article_heading(lines, index) or _opens_with(text.strip(), lines[title_at].text):
            break  # the article has begun: a credit further down is the footer's
        if WIKIPEDIA_ENTRY_HEADER.match(text.strip()):
            handover = index
            break
    if handover is None:
        return title_at + 1
    report.drop_all(lines[title_at + 1:handover + 1], "dictionary-header")
    return handover + 1


def is_title_like(text: str) -> bool:
    stripped = text.strip()
    return 0 < len(stripped) <= MAX_TITLE_LENGTH and not stripped.endswith(("。", "．", "."))


def title_text(text: str) -> str:
    """The title without the encyclopedia's name a dictionary site appends to it."""
    return TITLE_SUFFIX.sub("", text.strip()) or text.strip()

