"""A card whose only head line is short enough for a name but says something in kana ('旬のいちごをおうちで
味わおう' over a link line naming no one) has that line as its title and no publisher: a name's words are nouns,
a headline's particles and endings are kana."""

from __future__ import annotations

from pathlib import Path

from tests.support.importing import digest_of, import_text

PAGE = """いちご狩りの季節、農園に予約が殺到　週末は満席続き
2025年2月10日
いちご狩りの予約が各地の農園で相次いでいます。週末は早くから満席になっています。
■ 予約の状況
Q：予約は取れるの？
A：平日なら空きがある
週末を避けるのがよさそうです。
県内の農園、週末のいちご狩りは3月まで満席
・県内の主な農園では、週末の予約が3月末まで埋まった。
・平日は比較的空きがあるという。
→ 県農業新聞 2025年2月8日 https://ken-nogyo.example.jp/news/ichigo-2025
産地直送のいちごを期間限定でお届けします。今なら送料無料。
旬のいちごをおうちで味わおう
→ https://shop.example.com/lp/ichigo?ref=digest
予約は早めがよさそうですね。
"""


def test_a_kana_headline_over_a_bare_link_is_the_title(tmp_path: Path) -> None:
    cards = digest_of(import_text(tmp_path, "page.txt", PAGE)).sections[0].sources
    assert [(card.title, card.publisher) for card in cards] == [
        ("県内の農園、週末のいちご狩りは3月まで満席", "県農業新聞"), ("旬のいちごをおうちで味わおう", None)]
