"""Debris rules: site chrome that is never content, whatever the layout.

The chain is data: each rule is a name, a one-line description and a predicate on one
line. A rule with ``drops_rest`` also drops every later line (a next-article teaser). A new
site's debris is a new entry here, not an edit to a parser.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from kiku.importer.labels import NEXT_PAGE
from kiku.importer.page import Line
from kiku.importer.report import ImportReport


@dataclass(frozen=True, slots=True)
class DebrisRule:
    name: str
    description: str
    matches: Callable[[str], bool]
    drops_rest: bool = False


def _pattern(regex: str) -> Callable[[str], bool]:
    compiled = re.compile(regex)
    return lambda text: compiled.search(text) is not None


def _phrases(*phrases: str) -> Callable[[str], bool]:
    return lambda text: any(phrase in text for phrase in phrases)


DEBRIS_RULES: tuple[DebrisRule, ...] = (
    DebrisRule("site-menu", "the site's logo and menu button: '… Logo Menu opener'",
               _pattern(r"(?i)\blogo\s+menu(?:\s+opener)?\s*$")),
    DebrisRule("next-page", "'次のページを読む ⇒' and the next article's teaser after it",
               lambda text: NEXT_PAGE.match(text) is not None, drops_rest=True),
    DebrisRule("dictionary-title", "the dictionary site's page title: '… とは? わかりやすく解説'",
               _pattern(r"とは\s*[?？]\s*(?:わかりやすく解説|意味|読み方)")),
    DebrisRule("breadcrumb", "a breadcrumb trail: 'A > B > C'",
               _pattern(r"^[^。]{1,40}\s[>＞]\s[^。]{1,40}\s[>＞]\s")),
    DebrisRule("translation-widget", "the dictionary site's translation box",
               _pattern(r"テキスト翻訳|^(?:英語⇒日本語|日本語⇒英語)+$")),
    DebrisRule("dictionary-navigation", "the dictionary site's shortcut, index, related-term and ranking blocks",
               _phrases("辞書ショートカット", "すべての辞書の索引", "検索ランキング", "のページへのリンク",
                        "の関連用語", "のお隣キーワード", "のページの著作権", "情報提供元は", "参加元一覧")),
    DebrisRule("logo-text", "a logo's text printed twice: 'ウィキペディアウィキペディア'",
               _pattern(r"^(\S{2,20})\1$")),
    DebrisRule("copyright", "the site's copyright line",
               _pattern(r"^(?:©|\(c\)|Copyright\b)|All Rights Reserved")),
)


def strip_debris(lines: Sequence[Line], report: ImportReport,
                 rules: Sequence[DebrisRule] = DEBRIS_RULES) -> list[Line]:
    """The lines no rule drops; each dropped line goes to ``report`` with its rule's name."""
    kept: list[Line] = []
    for index, line in enumerate(lines):
        rule = next((rule for rule in rules if rule.matches(line.text)), None)
        if rule is None:
            kept.append(line)
            continue
        report.drop(line, rule.name)
        if rule.drops_rest:
            report.drop_all(list(lines[index + 1:]), f"{rule.name} (teaser)")
            break
    return kept
