"""The variant harness scores an unmutated page exactly as the audit does, and counts a rewritten
or added debris line as debris."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from tests.support.import_audit import PageGround, audit_or_refusal, audited_cases, ground_of
from tests.support.import_cases import ImportCase
from tests.support.page_variants.chrome import CHROME_LINES
from tests.support.page_variants.mutation import PageMutation
from tests.support.page_variants.page_source import read_source
from tests.support.page_variants.registry import IDENTITY, MUTATIONS, identity
from tests.support.page_variants.variant_audit import audit_variant, variant_ground


def _smallest(suffix: str, count: int) -> list[ImportCase]:
    cases = [case for case in audited_cases()
             if case.page.suffix == suffix and ground_of(case).truth is not None]
    return sorted(cases, key=lambda case: case.page.stat().st_size)[:count]


SMALL = [*_smallest(".txt", 2), *_smallest(".html", 1)]


@pytest.mark.parametrize("case", SMALL, ids=[case.name for case in SMALL])
def test_the_unmutated_page_scores_exactly_what_the_audit_scores(case: ImportCase, tmp_path: Path) -> None:
    outcome = audit_variant(case, ground_of(case), (PageMutation(IDENTITY, "text", identity),), IDENTITY,
                            tmp_path, seed=1, require_change=False)
    assert outcome.skipped is None
    assert outcome.audit == audit_or_refusal(case)


def test_a_rewritten_debris_line_and_an_added_chrome_line_are_debris(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text("まとめ速報｜トップ\n\n題名の行\n\n◆ 本文の一行目\n◆ 関連：ほかの記事\n", encoding="utf-8")
    source = read_source(page)
    assert source is not None
    ground = PageGround(debris=("まとめ速報｜トップ", "◆ 関連：ほかの記事"), ads=(), truth=None)
    variant = MUTATIONS["text_chrome"].rewrite(MUTATIONS["text_bullets"].rewrite(source.text, random.Random(2)),
                                               random.Random(2))
    rewritten, aligned = variant_ground(ground, source, variant)
    assert aligned
    swapped = next(line for line in variant.splitlines() if line.endswith("関連：ほかの記事"))
    assert swapped != "◆ 関連：ほかの記事"
    assert swapped.strip() in rewritten.debris
    assert any(line in CHROME_LINES for line in rewritten.debris)
    assert "本文の一行目" not in "".join(rewritten.debris)


def test_a_screen_reader_s_announcements_are_added_lines_counted_as_debris(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text("港の朝市、今年で30回目\n\n■ 朝市の歴史\n\nいつ始まった?\n\n・明治の初め\n・漁師の町から\n\n"
                    "https://minato.example.jp/ichi\n", encoding="utf-8")
    source = read_source(page)
    assert source is not None
    truth = {"title": "港の朝市、今年で30回目", "sections": [{"heading": "朝市の歴史"}]}
    variant = MUTATIONS["text_screen_reader"].apply(source.text, random.Random(3), truth)
    assert [line for line in variant.splitlines() if line.strip()] == [
        "見出し レベル 1", "港の朝市、今年で30回目", "見出し レベル 2", "■ 朝市の歴史", "いつ始まった?",
        "リスト 2項目", "・明治の初め", "・漁師の町から", "リストの終わり", "リンク", "https://minato.example.jp/ichi"]
    rewritten, aligned = variant_ground(PageGround(debris=(), ads=(), truth=None), source, variant)
    assert aligned
    assert sorted(rewritten.debris) == sorted({"見出し レベル 1", "見出し レベル 2", "リスト 2項目", "リストの終わり",
                                               "リンク"})
