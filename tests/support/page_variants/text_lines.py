"""Text-page rewrites of single lines and of the spacing between them: another site's bullet
glyphs, card link phrase, blank-line habit or line ending. No rewrite adds or removes a
non-blank line, so the variant's lines stay aligned with the page's (``variant_audit``)."""

from __future__ import annotations

import random
import re

from kiku.importer.page import split_lines
from tests.support.page_variants.mutation import injective_choice

# Glyphs that lead a bullet line on the family's pages ('▶ 山梨・静岡両県で…'), followed by a space.
BULLETS = frozenset("✔●▶◆👉✅■★➡💡☑◎📌🔸・◇▷🔹✦▼🟢📝☆○▸•✓□➤▪🔷✨⭐🔶➜")
# What other sites lead the same lines with.
BULLET_POOL = ("✔", "👉", "●", "・", "◆", "▶", "■", "➤")
# A line holding a URL is left alone: its glyph points at the link ('▷ 記事の続きを読む https://…'),
# and a bullet glyph there ('・') would say the line is a summary point instead.
_BULLET_LINE = re.compile(r"^([ \t\u3000]*)(\S)[ \t\u3000]+(?=\S)(?![^\n]*https?://)", re.MULTILINE)


def _bullets_used(text: str) -> list[str]:
    return sorted({match.group(2) for match in _BULLET_LINE.finditer(text) if match.group(2) in BULLETS})


def swap_bullets(text: str, rng: random.Random) -> str:
    """Every bullet glyph of the page replaced by another (two glyphs stay two)."""
    used = _bullets_used(text)
    if not used:
        return text
    pool = [glyph for glyph in BULLET_POOL if glyph not in used] or list(BULLET_POOL)
    return _rebulleted(text, injective_choice(used, pool, rng))


def drop_one_bullet(text: str, rng: random.Random) -> str:
    """The lines led by one of the page's bullet glyphs printed without it (a site that marks
    that kind of line by nothing but its place)."""
    used = _bullets_used(text)
    if not used:
        return text
    return _rebulleted(text, {rng.choice(used): ""})


def _rebulleted(text: str, mapping: dict[str, str]) -> str:
    def replaced(match: re.Match[str]) -> str:
        glyph = match.group(2)
        if glyph not in mapping:
            return match.group(0)
        new = mapping[glyph]
        return f"{match.group(1)}{new} " if new else match.group(1)

    return _BULLET_LINE.sub(replaced, text)


# What sites lead a card's link line with ('▶ 続きを読む：ITmedia NEWS https://…').
LINK_GLYPHS = ("▶", "▷", "➤", "👉", "→", "⇒", "»")
_LINK_GLYPH_LINE = re.compile(r"^([ \t\u3000]*)(\S)[ \t\u3000]+(?=[^\n]*https?://)", re.MULTILINE)


def swap_link_glyph(text: str, rng: random.Random) -> str:
    """The arrow glyph that leads the page's link lines replaced by another site's arrow."""
    used = {match.group(2) for match in _LINK_GLYPH_LINE.finditer(text) if match.group(2) in LINK_GLYPHS}
    if not used:
        return text
    mapping = injective_choice(sorted(used), [glyph for glyph in LINK_GLYPHS if glyph not in used], rng)
    return _LINK_GLYPH_LINE.sub(lambda match: f"{match.group(1)}{mapping[match.group(2)]} "
                                if match.group(2) in mapping else match.group(0), text)


_LINK_PHRASE = re.compile(
    r"^([ \t\u3000]*)(?:続きを読む|さらに読む|元記事を読む|全文を読む|記事全文を読む|記事を読む)"
    r"[ \t\u3000]*(?:⇒|→|＞|>>|≫|»|>|▶|▷)?[ \t\u3000]*(?=\S)", re.MULTILINE)
LINK_PHRASES = ("さらに読む ⇒ ", "続きを読む → ", "元記事を読む ＞ ", "» ")


def swap_link_phrase(text: str, rng: random.Random) -> str:
    """The phrase that leads a card's link line ('続きを読む → https://…') replaced by another
    site's, the same on every card."""
    found = {match.group(0).strip() for match in _LINK_PHRASE.finditer(text)}
    if not found:
        return text
    choices = [phrase for phrase in LINK_PHRASES if phrase.strip() not in found] or list(LINK_PHRASES)
    phrase = rng.choice(choices)
    return _LINK_PHRASE.sub(lambda match: match.group(1) + phrase, text)


_OPENING = (r"^(?P<indent>[ \t\u3000]*)(?:続きを読む|さらに読む|元記事を読む|全文を読む|記事全文を読む|記事を読む)"
            r"[ \t\u3000]*(?:⇒|→|＞|>>|≫|»|>|▶|▷)?[ \t\u3000]*")
_NAME = r"(?P<name>[^\s:：。、（）()/／][^:：。、（）()/／]{0,19}?)"
_SOURCE_WORD = r"(?:出典/画像元|出典|ソース|引用元|情報元)"
# A URL's own characters: a remark glued to it ('…/0328試合時間が…') is no part of it.
_URL_CHARS = r"[A-Za-z0-9\-._~:/?#\[\]@!$&'*+,;=%]"
# 'さらに読む ⇒ NHKニュース 出典：https://…' and '続きを読む → https://… （出典：みなと新聞）', nothing after.
_NAME_THEN_URL = re.compile(
    rf"{_OPENING}{_NAME}[ \t\u3000]*{_SOURCE_WORD}[ \t]*[:：][ \t\u3000]*(?P<url>https?://{_URL_CHARS}+)[ \t\u3000]*$",
    re.MULTILINE)
_URL_THEN_NAME = re.compile(
    rf"{_OPENING}(?P<url>https?://{_URL_CHARS}+)[ \t\u3000]*[（(](?:{_SOURCE_WORD}[ \t]*[:：])?[ \t\u3000]*{_NAME}"
    r"[ \t\u3000]*[）)][ \t\u3000]*$", re.MULTILINE)
# What other sites print before a card's URL, the source's name after it in brackets.
URL_LABELS = ("リンク", "URL", "記事URL", "記事")


def label_before_url(text: str, rng: random.Random) -> str:
    """Each card's link line printed as a label word, the URL and the source's name in brackets after it
    ('リンク：https://… （みなと新聞）'), the same label on every card; a line with more than the phrase, the
    name and the URL is left alone."""
    label = rng.choice(URL_LABELS)

    def relabelled(match: re.Match[str]) -> str:
        return f"{match['indent']}{label}：{match['url']} （{match['name'].strip()}）"

    return _URL_THEN_NAME.sub(relabelled, _NAME_THEN_URL.sub(relabelled, text))


def _same_lines(before: str, after: str) -> bool:
    """The reader sees the same lines: no paragraph got joined as hard-wrapped, none split."""
    return [line.text for line in split_lines(before)] == [line.text for line in split_lines(after)]


def dense(text: str, rng: random.Random) -> str:
    """Blank lines removed, where that joins nothing."""
    result = re.sub(r"\n(?:[ \t\u3000]*\r?\n)+", "\n", text)
    return result if _same_lines(text, result) else text


def spaced(text: str, rng: random.Random) -> str:
    """A blank line after every line, where that splits nothing."""
    lines = text.splitlines()
    out: list[str] = []
    for index, line in enumerate(lines):
        out.append(line)
        following = lines[index + 1] if index + 1 < len(lines) else ""
        if line.strip() and following.strip():
            out.append("")
    result = "\n".join(out) + ("\n" if text.endswith("\n") else "")
    return result if _same_lines(text, result) else text


def crlf(text: str, rng: random.Random) -> str:
    """Saved on Windows: every line ends with CRLF."""
    return text.replace("\r\n", "\n").replace("\n", "\r\n")
