"""An encyclopedia mirror's marks printed as another mirror prints them: the edit link after a
section heading ('[編集]', '［編集］', '✎', '🖉', '[ソースを編集]'), the back-link mark and number
before a footnote ('^', '↑', '1. ^', '(1) ⤴', '[1] ↩'), and the footnotes' heading ('脚注',
'注釈・出典', '脚注と出典'). The marks are visible text in a dump and in a saved page alike; only a
page that names Wikipedia is rewritten, and each page gets one form throughout, as a site prints
its own marks alike."""

from __future__ import annotations

import random
import re

_WIKIPEDIA = re.compile(r"ウィキペディア|Wikipedia")

# --- Edit links ---------------------------------------------------------------------------------------

EDIT_MARKS = (" [編集]", "［編集］", " [ソースを編集]", " ✎", " 🖉", "［編集する］")
_MARK_TEXT = r"(?:[\[［][ \t]*(?:ソースを)?編集(?:する)?[ \t]*[\]］]|[✎✏🖉🖊📝]\ufe0f?)"
# A heading line of a text page and its edit link: short, no sentence.
_TEXT_EDIT_LINE = re.compile(rf"^(?P<head>[^\n。]{{1,30}}?)[ \t]?(?P<mark>{_MARK_TEXT})(?P<tail>[ \t]*\r?)$",
                             re.MULTILINE)
# A saved page's edit link: the word in its anchor, in brackets or not ('[<a …>編集</a>]').
_HTML_EDIT_LINK = re.compile(
    r"(?P<open>[\[［]?)(?P<before>[ \t]*<a\b[^>]*>[ \t]*)(?:ソースを)?編集(?P<after>[ \t]*</a>[ \t]*)(?P<close>[\]］]?)")


def swap_text_edit_marks(text: str, rng: random.Random) -> str:
    """Every heading's edit link printed as one other mirror prints it."""
    if not _WIKIPEDIA.search(text):
        return text
    used = {_mark_key(match["mark"]) for match in _TEXT_EDIT_LINE.finditer(text)}
    if not used:
        return text
    mark = rng.choice([mark for mark in EDIT_MARKS if _mark_key(mark) not in used] or list(EDIT_MARKS))
    return _TEXT_EDIT_LINE.sub(lambda match: match["head"] + mark + match["tail"], text)


def swap_html_edit_marks(page: str, rng: random.Random) -> str:
    """Every edit link's visible word and brackets printed as one other mirror prints them; the
    anchor stays."""
    if not _WIKIPEDIA.search(page) or not _HTML_EDIT_LINK.search(page):
        return page
    used = {_mark_key(match["open"] + "編集" + match["close"]) for match in _HTML_EDIT_LINK.finditer(page)}
    word = rng.choice([mark for mark in EDIT_MARKS if _mark_key(mark) not in used]).strip()

    def rewrite(match: re.Match[str]) -> str:
        if word.startswith(("[", "［")):
            return word[0] + match["before"] + word[1:-1] + match["after"] + word[-1]
        return match["before"] + word + match["after"]

    return _HTML_EDIT_LINK.sub(rewrite, page)


def _mark_key(mark: str) -> str:
    return re.sub(r"[\s\ufe0f［］\[\]]", "", mark)


# --- Footnote marks -----------------------------------------------------------------------------------

# How a footnote's label is printed: its number (n) and its back-link mark.
FOOTNOTE_STYLES = ("^ ", "↑ ", "{n}. ^ ", "{n}. ↑ ", "({n}) ⤴ ", "[{n}] ↩ ", "{n}. ⬆ ")
_TEXT_FOOTNOTE = re.compile(
    r"^(?P<indent>[ \t]*)(?P<number>(?:(?P<digits>\d{1,4})[ \t]*[.．]|[(（](?P<parenthesised>\d{1,4})[)）]"
    r"|[\[［](?P<bracketed>\d{1,4})[\]］])[ \t]*)?[\^↑↓⤴↩⬆][ \t]*(?=\S)", re.MULTILINE)
_HTML_FOOTNOTE_MARK = re.compile(r"(?P<open><a\b[^>]*>)[ \t]*[\^↑↓⤴↩⬆][ \t]*(?P<close></a>)")
HTML_MARKS = ("^", "↑", "⤴", "↩", "⬆")


def swap_text_footnote_marks(text: str, rng: random.Random) -> str:
    """Every footnote under the footnotes' heading labelled in one other style; a footnote printed
    unnumbered is numbered by its place in the list."""
    heading = _references_heading_at(text)
    if heading is None or not _WIKIPEDIA.search(text):
        return text
    head, footnotes = text[:heading], text[heading:]
    first = _TEXT_FOOTNOTE.search(footnotes)
    if first is None:
        return text
    printed_first = first.group(0)[len(first["indent"]):]
    style = rng.choice([style for style in FOOTNOTE_STYLES
                        if style.format(n=_number(first) or 1).strip() != printed_first.strip()])
    count = 0

    def rewrite(match: re.Match[str]) -> str:
        nonlocal count
        count += 1
        return match["indent"] + style.format(n=_number(match) or count)

    return head + _TEXT_FOOTNOTE.sub(rewrite, footnotes)


def _number(footnote: re.Match[str]) -> str | None:
    return footnote["digits"] or footnote["parenthesised"] or footnote["bracketed"]


# A footnote's URL, after its label and words ('^ a b 「…」香川県。https://… 2025年9月20日閲覧。').
_FOOTNOTE_URL = re.compile(_TEXT_FOOTNOTE.pattern + r"(?P<words>[^\n]*?)(?P<url>https?://[^\s]+)", re.MULTILINE)
# Where a dump wraps a long footnote: inside its URL, after a slash, or before its URL.
WRAPS = ("in the url", "before the url")
MIN_WRAPPED_URL = 30


def wrap_text_reference_urls(text: str, rng: random.Random) -> str:
    """Every footnote's long URL wrapped onto the next line as a dump of a narrow page prints it:
    after a slash in its second half, or whole, the line breaking before it."""
    heading = _references_heading_at(text)
    if heading is None or not _WIKIPEDIA.search(text):
        return text
    newline = "\r\n" if "\r\n" in text else "\n"
    wrap = rng.choice(WRAPS)

    def rewrite(match: re.Match[str]) -> str:
        url, start = match["url"], match.group(0)[:match.start("url") - match.start()]
        if len(url) < MIN_WRAPPED_URL:
            return match.group(0)
        if wrap == "before the url":
            return start.rstrip(" \t") + newline + url
        cut = url.find("/", len(url) // 2) + 1
        return start + url[:cut] + newline + url[cut:] if 0 < cut < len(url) else match.group(0)

    return text[:heading] + _FOOTNOTE_URL.sub(rewrite, text[heading:])


def swap_html_footnote_marks(page: str, rng: random.Random) -> str:
    """Every back-link anchor's mark ('<a href="#cite_ref-1">↑</a>') printed as another glyph."""
    if not _WIKIPEDIA.search(page):
        return page
    used = {match.group(0)[len(match["open"]):-len(match["close"])].strip()
            for match in _HTML_FOOTNOTE_MARK.finditer(page)}
    if not used:
        return page
    mark = rng.choice([mark for mark in HTML_MARKS if mark not in used] or list(HTML_MARKS))
    return _HTML_FOOTNOTE_MARK.sub(lambda match: match["open"] + mark + match["close"], page)


# --- The footnotes' heading ---------------------------------------------------------------------------

REFERENCES_HEADINGS = ("脚注", "注釈・出典", "脚注と出典", "出典", "注釈")
_HEADING_WORDS = "|".join(sorted(REFERENCES_HEADINGS, key=len, reverse=True))
# The heading line of a text page (after its table of contents' number, before its edit link).
_TEXT_HEADING = re.compile(
    rf"^(?P<before>[ \t]*(?:\d{{1,2}}(?:\.\d{{1,2}})*[ \t]+)?)(?:{_HEADING_WORDS})(?P<after>[ \t]?(?:{_MARK_TEXT})?[ \t]*\r?)$",
    re.MULTILINE)
_HTML_HEADING = re.compile(
    rf"(?P<before><h[2-4]\b[^>]*>(?:[ \t]*<span\b[^>]*>)?[ \t]*)(?:{_HEADING_WORDS})(?P<after>[ \t]*<)")


def swap_text_references_heading(text: str, rng: random.Random) -> str:
    """The footnotes' heading (and its entry in the table of contents) in another of Wikipedia's
    words for it, on a page with one such heading."""
    headings = [match for match in _TEXT_HEADING.finditer(text) if not match["before"].strip()]
    if len(headings) != 1 or not _WIKIPEDIA.search(text):
        return text
    word = _other_word(headings[0].group(0), rng)
    return _TEXT_HEADING.sub(lambda match: match["before"] + word + match["after"], text)


def swap_html_references_heading(page: str, rng: random.Random) -> str:
    """The footnotes' heading element in another of Wikipedia's words for it."""
    headings = list(_HTML_HEADING.finditer(page))
    if len(headings) != 1 or not _WIKIPEDIA.search(page):
        return page
    word = _other_word(headings[0].group(0), rng)
    return _HTML_HEADING.sub(lambda match: match["before"] + word + match["after"], page)


def _other_word(printed: str, rng: random.Random) -> str:
    return rng.choice([word for word in REFERENCES_HEADINGS if word not in printed])


def _references_heading_at(text: str) -> int | None:
    headings = [match for match in _TEXT_HEADING.finditer(text) if not match["before"].strip()]
    return headings[-1].start() if headings else None


# --- The table of contents ----------------------------------------------------------------------------

CONTENTS_HEADINGS = ("目次", "目次 [非表示]", "目次［表示］", "もくじ", "Contents")
CONTENTS_NUMBERS = ("{n} ", "{n}. ", "{n}\u3000", "{n}) ")
_CONTENTS_HEADING = re.compile(r"^(?P<heading>目次|もくじ|Contents)(?:[ \t\u3000]*[\[［][^\]］\n]{1,6}[\]］])?(?P<tail>[ \t]*\r?)$",
                               re.MULTILINE)
# An entry: its number ('1', '1.', '2.1') and a short heading.
_CONTENTS_ENTRY = re.compile(r"(?P<number>\d{1,2}(?:[.．]\d{1,2})*)(?:[.．)）]|(?=[ \t\u3000]))[ \t\u3000]*(?P<heading>[^\s\d][^\n]{0,29})")


def swap_text_contents(text: str, rng: random.Random) -> str:
    """A numbered table of contents printed as another mirror prints it: its heading with or
    without a toggle, its entries numbered '1 ', '1. ', '1）' and so on (sub-entries '2.1' stay)."""
    heading = _CONTENTS_HEADING.search(text)
    if heading is None or not _WIKIPEDIA.search(text):
        return text
    lines = text[heading.end():].split("\n")[1:]
    entries = 0
    while entries < len(lines) and _CONTENTS_ENTRY.fullmatch(lines[entries].rstrip("\r")):
        entries += 1
    if entries == 0:
        return text
    title = rng.choice([title for title in CONTENTS_HEADINGS if title != heading.group(0).strip()])
    number = rng.choice([style for style in CONTENTS_NUMBERS if _entry(lines[0], style) != lines[0]])
    rewritten = [_entry(line, number) for line in lines[:entries]] + lines[entries:]
    return text[:heading.start()] + title + heading["tail"] + "\n" + "\n".join(rewritten)


def _entry(line: str, number: str) -> str:
    found = _CONTENTS_ENTRY.fullmatch(line.rstrip("\r"))
    assert found is not None
    return number.format(n=found["number"]) + found["heading"] + line[len(line.rstrip("\r")):]


# --- The source line ----------------------------------------------------------------------------------

# How a mirror credits Wikipedia over the article (a revision or last-edited date after it stays).
SOURCE_CREDITS = ("出典: フリー百科事典『ウィキペディア（Wikipedia）』", "出典：フリー百科事典「ウィキペディア (Wikipedia)」",
                  "出典：『ウィキペディア（Wikipedia）』", "提供：ウィキペディア フリー百科事典",
                  "ウィキペディア（Wikipedia）より転載", "出典：ウィキペディア日本語版")
_SOURCE_CREDIT = re.compile(r"(?:出典|提供)[ \t]*[:：][ \t]*フリー百科事典[ \t]*[『「]ウィキペディア[ \t]*[（(]Wikipedia[)）][』」]")


def swap_source_credit(page: str, rng: random.Random) -> str:
    """The line crediting Wikipedia ('出典: フリー百科事典『ウィキペディア（Wikipedia）』') in another
    mirror's words, in a dump or a saved page."""
    found = _SOURCE_CREDIT.search(page)
    if found is None:
        return page
    credit = rng.choice([credit for credit in SOURCE_CREDITS if credit != found.group(0)])
    return _SOURCE_CREDIT.sub(credit, page)


# --- Section numbers ----------------------------------------------------------------------------------

# How a mirror numbers its section headings (n: '1', or '2.1' under a page's sub-sections).
SECTION_NUMBERS = ("{n} ", "{n}. ", "{n}.", "{n}）", "({n}) ", "{n}\u3000")
# The permalink glyph a mirror prints after a heading's words ('' for none).
HEADING_ANCHORS = ("", "¶", " §", " #", "†")
_HTML_SECTION_HEADING = re.compile(r"(?P<open><h(?P<level>[2-4])\b[^>]*>)(?P<inner>.*?)(?P<close></h(?P=level)>)", re.DOTALL)
_BACK_WORDS = re.compile(r"^(?:脚注|出典|注釈|参考文献|関連項目|外部リンク)")
_CONTENTS_WORDS = re.compile(r"^(?:目次|もくじ|Contents)")
# The first words of a heading's markup: its text before the next tag.
_FIRST_WORDS = re.compile(r"(?<=>)(?P<words>[^<>]*\S)(?=\s*<)|^(?P<bare>[^<>]*\S)(?=\s*(?:<|$))")


def number_text_headings(text: str, rng: random.Random) -> str:
    """Every section heading of a dump (a line with an edit link) numbered 1, 2, 3… as a mirror that
    numbers its sections prints them, in one style per page, with a permalink glyph after its words."""
    if not _WIKIPEDIA.search(text) or len(_TEXT_EDIT_LINE.findall(text)) < 2:
        return text
    style, anchor = rng.choice(SECTION_NUMBERS), rng.choice(HEADING_ANCHORS)
    count = 0

    def rewrite(match: re.Match[str]) -> str:
        nonlocal count
        count += 1
        line = match.group(0)
        return style.format(n=count) + match["head"] + anchor + line[match.end("head") - match.start():]

    return _TEXT_EDIT_LINE.sub(rewrite, text)


def number_html_headings(page: str, rng: random.Random) -> str:
    """The article's section headings (h2–h4 after the title, up to the footnotes and back matter)
    numbered 1, 2, 2.1… in one style, with a permalink glyph after their words."""
    title = page.find("<h1")
    if not _WIKIPEDIA.search(page) or title < 0:
        return page
    headings = [match for match in _HTML_SECTION_HEADING.finditer(page, title)
                if not _CONTENTS_WORDS.match(_visible(match["inner"]))]
    last = max((index for index, match in enumerate(headings) if _BACK_WORDS.match(_visible(match["inner"]))),
               default=None)
    if last is None or last < 1:
        return page
    headings = headings[:last + 1]
    top = min(int(match["level"]) for match in headings)
    style, anchor = rng.choice(SECTION_NUMBERS), rng.choice(HEADING_ANCHORS)
    numbers = _section_numbers([int(match["level"]) > top for match in headings])
    pieces: list[str] = []
    at = 0
    for match, number in zip(headings, numbers, strict=True):
        inner = _with_anchor(match["inner"], anchor)
        pieces += [page[at:match.start()], match["open"], f'<span class="secno">{style.format(n=number)}</span>',
                   inner, match["close"]]
        at = match.end()
    return "".join(pieces) + page[at:]


def _section_numbers(subs: list[bool]) -> list[str]:
    numbers: list[str] = []
    top = sub = 0
    for is_sub in subs:
        if is_sub and top:
            sub += 1
            numbers.append(f"{top}.{sub}")
        else:
            top, sub = top + 1, 0
            numbers.append(str(top))
    return numbers


def _visible(inner: str) -> str:
    return re.sub(r"<[^>]*>", "", inner).strip()


def _with_anchor(inner: str, anchor: str) -> str:
    if not anchor:
        return inner
    words = _FIRST_WORDS.search(inner)
    if words is None:
        return inner
    spacing = " " if anchor.startswith(" ") else ""
    return inner[:words.end()] + f'{spacing}<a class="permalink" href="#">{anchor.strip()}</a>' + inner[words.end():]


# --- A contents list and glyphed headings added ---------------------------------------------------------

# A contents box's heading and the toggle a mirror prints on the line under it ('' for none).
ADDED_CONTENTS = (("目次", "［非表示］"), ("もくじ", "[hide]"), ("Contents", ""), ("目次", "［表示］"))
ADDED_NUMBERS = ("{n}\u3000", "{n} ", "{n}. ")
# A glyph a mirror sets before each heading, and the edit link it prints after it.
HEADING_GLYPHS = ("§ ", "■ ", "◆", "▍")
GLYPHED_EDIT_MARKS = ("〔編集〕", " [編集]", "［編集］")


def add_text_contents(text: str, rng: random.Random) -> str:
    """A numbered list of contents (the headings with edit links, in order) inserted over the first heading of a
    dump that prints none, under a contents heading and perhaps its toggle on a line of its own."""
    headings = list(_TEXT_EDIT_LINE.finditer(text))
    if not _WIKIPEDIA.search(text) or len(headings) < 2 or _CONTENTS_HEADING.search(text):
        return text
    newline = "\r\n" if "\r\n" in text else "\n"
    title, toggle = rng.choice(ADDED_CONTENTS)
    number = rng.choice(ADDED_NUMBERS)
    entries = [number.format(n=count) + match["head"].strip() for count, match in enumerate(headings, start=1)]
    block = newline.join([title, *([toggle] if toggle else []), *entries]) + newline + newline
    first = headings[0].start()
    return text[:first] + block + text[first:]


def glyph_text_headings(text: str, rng: random.Random) -> str:
    """Every heading with an edit link printed after a glyph and with another mirror's edit link ('§ 歴史〔編集〕')."""
    if not _WIKIPEDIA.search(text) or len(_TEXT_EDIT_LINE.findall(text)) < 2:
        return text
    glyph, mark = rng.choice(HEADING_GLYPHS), rng.choice(GLYPHED_EDIT_MARKS)
    return _TEXT_EDIT_LINE.sub(lambda match: glyph + match["head"].strip() + mark + match["tail"], text)
