"""Page-level section shape: on a page whose sections open heading · question, a card's unmarked title
and date are the card's head, not more sections; a section of text alone stays a section."""

from __future__ import annotations

from pathlib import Path

from kiku.importer.grammar.page.decode import Detour, best_reading
from tests.support.importing import digest_of, import_text

# Three question sections; each card prints its title and date with no glyph and its summary
# with none either, so the first reading takes every card's title for one more heading.
_UNMARKED_CARDS = """山あいの村に新しい図書館、住民の声は
山あいの村に新しい図書館が完成し、開館式が開かれました。
新図書館の概要
どんな建物なの？
木造二階建て
地元の杉をふんだんに使っているそうです。
村立図書館が完成　木造二階建て
2025年4月3日
村産の杉材を使った木造二階建ての図書館が完成した。
蔵書は約3万冊で、子ども向けの本を充実させた。
出典: https://yamabiko.example.jp/news/library-open
木の香りがする図書館は落ち着きそうですね。
利用者の反応
評判はどう？
上々
週末は家族連れでにぎわっています。
家族連れでにぎわう新図書館
2025年4月20日
開館から2週間で延べ2千人が訪れた。
読み聞かせ会は毎回満員だという。
出典: https://sanson-times.example.jp/articles/5521
子どもが本に親しめる場所は貴重です。
{middle}今後の計画
次は何をする？
移動図書館
山奥の集落にも本を届けたいとのことです。
移動図書館車の導入を検討
2025年5月8日
村は来年度、移動図書館車の導入を検討している。
高齢者の多い集落を優先して回る計画だ。
出典: https://yamabiko.example.jp/news/mobile-library
本がもっと身近になりそうですね。
村の図書館が、これからも住民に愛される場所であってほしいです。
"""
_TEXT_SECTION = """旧図書館の思い出
旧図書館は昭和の初めに建てられ、90年近く使われてきました。
建て替えの際には、住民から古い書棚を残してほしいという声が寄せられました。
"""


def test_unmarked_card_heads_on_a_page_of_question_sections_are_cards(tmp_path: Path) -> None:
    article = digest_of(import_text(tmp_path, "toshokan.txt", _UNMARKED_CARDS.format(middle="")))
    assert [section.heading for section in article.sections] == ["新図書館の概要", "利用者の反応", "今後の計画"]
    assert [section.question for section in article.sections] == ["どんな建物なの？", "評判はどう？", "次は何をする？"]
    cards = [card for section in article.sections for card in section.sources]
    assert [card.title for card in cards] == ["村立図書館が完成　木造二階建て", "家族連れでにぎわう新図書館",
                                             "移動図書館車の導入を検討"]
    assert [card.published.isoformat() if card.published else None for card in cards] == \
        ["2025-04-03", "2025-04-20", "2025-05-08"]
    assert cards[1].summary[0] == "開館から2週間で延べ2千人が訪れた。"


def test_a_section_of_text_alone_stays_a_section_on_such_a_page(tmp_path: Path) -> None:
    article = digest_of(import_text(tmp_path, "toshokan.txt", _UNMARKED_CARDS.format(middle=_TEXT_SECTION)))
    assert [section.heading for section in article.sections] == \
        ["新図書館の概要", "利用者の反応", "旧図書館の思い出", "今後の計画"]
    kept = article.sections[2]
    assert kept.question is None
    assert kept.body[0] == "旧図書館は昭和の初めに建てられ、90年近く使われてきました。"
    assert [len(section.sources) for section in article.sections] == [1, 1, 0, 1]


def test_a_detour_costs_a_part_followed_by_anything_but_the_expected_one() -> None:
    # Parts 0 and 1; part 0 may be followed by 0 or 1, part 1 only by 1. Line 0 leans to part 0.
    fits = [[1.0, 0.0], [0.0, 0.5], [0.0, 2.0]]
    follows = {0: {0: 0.0, 1: 0.0}, 1: {1: 0.0}}
    ends = {0: 0.0, 1: 0.0}
    plain = best_reading(fits, follows, {0: 0.0, 1: 0.0}, ends)
    assert plain is not None and plain.parts == (0, 1, 1)
    # Part 0 followed by anything but part 0 now costs 2 at line 0: line 0 is read as part 1 instead.
    detoured = best_reading(fits, follows, {0: 0.0, 1: 0.0}, ends, Detour(0, 0, [-2.0, -2.0, -2.0]))
    assert detoured is not None and detoured.parts == (1, 1, 1)
    assert detoured.margins[0] == (1, 0, 1.0)
