"""A card's link label printed where its publisher's name goes: before the name on a line of its own (the source
and URL on the next line), alone after two arrows, and a list's bullet before a name beside the card's date."""

from __future__ import annotations

from pathlib import Path

from kiku.importer.grammar.cards.card_link import read_card_link
from kiku.importer.grammar.cards.card_meta import card_date
from tests.support.importing import digest_of, import_text

_HEAD = ["川の水位計、全域に設置へ　県が3年で整備", "県は、すべての一級河川に水位計を置く計画を発表しました。",
         "水位計の整備", "いつまでに置く？", "3年以内に全域で"]


def _card_publisher(tmp_path: Path, card: list[str]) -> str | None:
    page = [*_HEAD, "県、河川の水位計を3年で全域に　大雨への備え急ぐ", "公表日：2025年6月2日",
            "・県は一級河川すべてに水位計を設置する計画をまとめた。", "・費用は国の補助を受け、約12億円を見込む。",
            *card, "早めの避難につながる情報になりそうです。"]
    return digest_of(import_text(tmp_path, "page.txt", "\n".join(page))).sections[0].sources[0].publisher


def test_a_link_label_opening_the_name_line_over_a_labelled_url_is_not_the_publisher(tmp_path: Path) -> None:
    publisher = _card_publisher(tmp_path, ["記事を見る → 川辺日報", "出典：https://kawabe.example.jp/n/20250602"])
    assert publisher == "川辺日報"


def test_a_link_label_after_two_arrows_names_no_publisher() -> None:
    link = read_card_link("→ » もっと見る https://kawabe.example.jp/n/1")
    assert link is not None
    assert (link.url, link.publisher) == ("https://kawabe.example.jp/n/1", None)


def test_a_bullet_before_a_name_beside_the_date_is_not_the_name() -> None:
    dated = card_date("・川辺日報 · 2025-06-02")
    assert dated is not None
    assert dated.publisher == "川辺日報"
