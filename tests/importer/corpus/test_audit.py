"""The importer against hand-written ground truth (``<stem>.debris``, ``<stem>.offtopic``).

The ``.debris`` files were written from the pages, line by line, before the importer ran on
them; a failure here is an importer bug, not a file to regenerate.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kiku.content.loading.loader import load_article, load_config
from kiku.importer.page import Line
from kiku.importer.pipeline import import_page
from tests.support.import_audit import (
    CaseAudit,
    RecordedScore,
    TruthLines,
    audit_case,
    audit_or_refusal,
    audited_cases,
    ground_truth,
    is_content_line,
    is_held_out,
)
from tests.support.import_cases import ImportCase, import_cases
from tests.support.paths import REPO

# The held-out pages were written by someone who had not read the importer; they are held to
# their recorded score (never worse), the others to a perfect one.
CASES = [case for case in audited_cases() if not is_held_out(case)]
HELD_OUT = [case for case in audited_cases() if is_held_out(case)]
# A refused page has no content file to check.
ARTICLES = [case for case in audited_cases() if case.expected_yaml.exists()]


@pytest.fixture(scope="module", params=CASES, ids=[case.name for case in CASES])
def audit(request: pytest.FixtureRequest) -> CaseAudit:
    return audit_case(request.param)


def test_every_case_has_its_ground_truth() -> None:
    missing = [case.name for case in import_cases()
               if not ground_truth(case, "debris").exists() or not ground_truth(case, "offtopic").exists()]
    assert missing == []


def test_no_debris_line_reaches_the_article(audit: CaseAudit) -> None:
    assert audit.leaked_into_article == ()


def test_every_debris_line_is_dropped_as_debris(audit: CaseAudit) -> None:
    assert [line.text for line in audit.debris_not_dropped] == []


def test_no_content_line_is_dropped_as_debris(audit: CaseAudit) -> None:
    """A content line is in the article or consumed as structure (a label, a repeated title)."""
    assert [(line.number, line.text) for line in audit.content_dropped_as_debris] == []


def test_every_ad_card_is_flagged_and_no_real_card(audit: CaseAudit) -> None:
    assert audit.missed_ads == ()
    assert audit.flagged_real_cards == ()
    assert len(audit.flagged_ads) == len(audit.ad_cards)


def test_the_corpus_covers_the_variations() -> None:
    """Enough pages of enough kinds that the numbers above mean something."""
    audits = [audit_case(case) for case in CASES]
    assert len(audits) >= 16
    assert sum(audit.debris_lines for audit in audits) >= 80
    assert sum(len(audit.ad_cards) for audit in audits) >= 5


def test_every_truth_check_passes_on_the_pages_we_wrote(audit: CaseAudit) -> None:
    if audit.truth is not None:
        assert audit.truth.content_missing == ()
        assert audit.truth.structure_failed == ()


@pytest.mark.parametrize("case", HELD_OUT, ids=[case.name for case in HELD_OUT])
def test_a_held_out_page_scores_no_worse_than_recorded(case: ImportCase) -> None:
    recorded = RecordedScore.parse(ground_truth(case, "score").read_text(encoding="utf-8"))
    assert RecordedScore.of(audit_or_refusal(case)).worse_than(recorded) == []


@pytest.mark.parametrize("case", ARTICLES, ids=[case.name for case in ARTICLES])
def test_the_expected_article_is_a_valid_content_file(case: ImportCase) -> None:
    """What the editor gets loads back without a single error (tags known, URLs http(s), …)."""
    config = load_config(REPO)
    article = load_article(case.expected_yaml.read_text(encoding="utf-8"), path=str(case.expected_yaml),
                           slug=case.name.replace("_", "-"), config=config)
    assert article.title


MIRROR = """<html><head><meta charset="utf-8"><title>はやぶさ2とは｜ことば事典</title></head><body>
<div id="main"><div class="entry">
<h1>はやぶさ2</h1>
<p>出典：フリー百科事典『ウィキペディア（Wikipedia）』（2025/05/02 11:20 UTC 版）</p>
<p>はやぶさ2は、JAXAが開発した小惑星探査機である<sup><a href="#cite_note-1">[1]</a></sup>。</p>
<h2>概要</h2><p>初代はやぶさの後継機として計画され、小惑星リュウグウから試料を持ち帰った。</p>
<h2>脚注</h2><ol class="references"><li id="cite_note-1"><a href="#cite_ref-1">^</a> “小惑星探査機「はやぶさ2」”. 宇宙航空研究開発機構.
<a class="external" href="https://www.hayabusa2.jaxa.jp/">https://www.hayabusa2.jaxa.jp/</a> 2025年4月30日閲覧。</li></ol>
</div>
<div class="related"><h3>「はやぶさ2」に関連する言葉</h3><ul><li>イトカワ</li><li>宇宙航空研究開発機構</li></ul></div>
<p class="license-text">この記事は、ウィキペディアのはやぶさ2 (改訂履歴) の記事を複製、再配布したものにあたり、GNU Free Documentation Licenseの下で提供されています。</p>
</div></body></html>
"""


@pytest.mark.parametrize(("reference_urls", "leaked"), [
    (["https://www.hayabusa2.jaxa.jp/"], ()),
    ([], ("宇宙航空研究開発機構",)),
])
def test_a_debris_line_named_in_a_vouched_reference_has_not_leaked(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, reference_urls: list[str], leaked: tuple[str, ...]) -> None:
    """The reference's text is the page's own when the truth lists its URL; a related-words line
    that repeats the publisher's name is dropped, not leaked."""
    monkeypatch.setattr("tests.support.import_cases.IMPORT_FIXTURES", tmp_path)
    monkeypatch.setattr("tests.support.import_audit._import", lambda page, source: import_page(
        page, load_config(REPO), scraped_from=page.name))
    page = tmp_path / "mirror.html"
    page.write_text(MIRROR, encoding="utf-8")
    (tmp_path / "mirror.debris").write_text("イトカワ\n宇宙航空研究開発機構\n", encoding="utf-8")
    (tmp_path / "mirror.offtopic").write_text("", encoding="utf-8")
    (tmp_path / "mirror.truth.yaml").write_text(
        "layout: encyclopedia\ntitle: はやぶさ2\nreference_urls: [" + ", ".join(reference_urls) + "]\n", encoding="utf-8")
    audit = audit_case(ImportCase(page))
    assert audit.leaked_into_article == leaked


def test_a_line_in_neither_list_is_not_counted_as_content() -> None:
    """A line that is neither debris nor holds the truth's title, a heading or a content string
    (a licence block's 'ウィキペディア' heading) is structure: dropping it loses nothing."""
    truth = TruthLines(frozenset({"潮見台", "概要"}), ("潮見台は、架空の港町にある高台である[1]。",))
    assert not is_content_line(Line(1, "ウィキペディア"), truth)
    assert is_content_line(Line(2, "概要"), truth)
    assert is_content_line(Line(3, "潮見台は、架空の港町にある高台である[1]。"), truth)
    # A paragraph wrapped onto two lines: each part is content.
    assert is_content_line(Line(4, "潮見台は、架空の港町にある"), truth)
    assert is_content_line(Line(5, "ウィキペディア"), None)


def test_a_flagged_ad_cards_lines_listed_as_debris_have_not_leaked(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A writer listed the ad card's lines in ``.debris`` and asked for the card, flagged, in the
    truth: the importer that flags it has leaked nothing; one that does not is told it missed the ad."""
    monkeypatch.setattr("tests.support.import_cases.IMPORT_FIXTURES", tmp_path)
    monkeypatch.setattr("tests.support.import_audit._import", lambda page, source: import_page(
        page, load_config(REPO), scraped_from=page.name))
    source = REPO / "tests/fixtures/import/digest_heatwave_power_ad_card.txt"
    page = tmp_path / "ad.txt"
    page.write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
    ad_lines = ["電気代を抑えるならこの転職サイト 年収アップで家計にゆとりを",
                "✅ 登録は3分で完了し、非公開求人が10万件以上から選べる。", "Ads by Google"]
    (tmp_path / "ad.debris").write_text("\n".join(ad_lines) + "\n", encoding="utf-8")
    (tmp_path / "ad.offtopic").write_text("https://career.example.com/lp/summer2025\n", encoding="utf-8")
    audit = audit_case(ImportCase(page))
    assert audit.flagged_ads == ("電気代を抑えるならこの転職サイト 年収アップで家計にゆとりを",)
    assert audit.debris_not_dropped == () and audit.leaked_into_article == ()

    (tmp_path / "ad.offtopic").write_text("", encoding="utf-8")
    unnamed = audit_case(ImportCase(page))
    assert unnamed.flagged_real_cards == ("電気代を抑えるならこの転職サイト 年収アップで家計にゆとりを",)
    assert [line.text for line in unnamed.debris_not_dropped] == ad_lines[:2]



def test_a_debris_date_that_the_slug_opens_with_has_not_leaked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A byline's ISO date listed as debris is the article's date, which the importer writes into the slug it
    makes ('2025-08-26-…'): the slug is not the page's text, and the date has not leaked."""
    monkeypatch.setattr("tests.support.import_cases.IMPORT_FIXTURES", tmp_path)
    monkeypatch.setattr("tests.support.import_audit._import", lambda page, source: import_page(
        page, load_config(REPO), scraped_from=page.name))
    source = REPO / "tests/fixtures/import/digest_heatwave_power_ad_card.txt"
    page = tmp_path / "dated.txt"
    page.write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
    slug = import_page(page, load_config(REPO), scraped_from=page.name).article.slug
    (tmp_path / "dated.debris").write_text(slug[:10] + "\n", encoding="utf-8")
    (tmp_path / "dated.offtopic").write_text("", encoding="utf-8")
    assert audit_case(ImportCase(page)).leaked_into_article == ()
