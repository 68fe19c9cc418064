"""The scorer of ``<stem>.truth.yaml`` counts what it should and names what failed."""

from __future__ import annotations

import datetime as dt

from kiku.content.model import DigestArticle, Section, SourceCard
from tests.support.import_truth import score_truth

ARTICLE = DigestArticle(
    slug="x", title="台風10号", date=dt.date(2025, 8, 28), lead="非常に強い台風です。",
    sections=(
        Section(heading="進路", question="どこへ？", answer="九州", body=("北上しています。",), sources=(
            SourceCard(url="https://a.jp/1", publisher="ウェザーニュース", published=dt.date(2025, 8, 27),
                       summary=("気象庁が会見。",), comments=("備えが大切ですね。",)),
            SourceCard(url="https://b.jp/2", summary=("今だけ半額\\!",), off_topic=True),
        )),
    ),
)
TRUTH = {
    "layout": "digest", "title": "台風10号", "date": dt.date(2025, 8, 28),
    "sections": [
        {"heading": "進路", "question": "どこへ？", "answer": "九州", "sources": [
            {"url": "https://a.jp/1", "publisher": "ウェザーニュース", "published": dt.date(2025, 8, 27),
             "off_topic": False},
            {"url": "https://b.jp/2", "publisher": None, "published": None, "off_topic": True},
        ]},
        {"heading": "交通", "question": None, "answer": None, "sources": []},
    ],
    "content": ["非常に強い台風です。", "北上しています。", "備えが大切ですね。", "気象庁が会見。", "今だけ半額!", "計画運休"],
}


def test_every_check_is_counted_and_each_failure_named() -> None:
    score = score_truth(ARTICLE, TRUTH)
    # layout, title, date, section count; per section heading, question, card count; 4 per card.
    assert score.structure_checks == 4 + 3 + 2 * 4 + 3
    assert score.structure_failed == (
        "section count: expected 2, got 1",
        "sections[1].heading: no section '交通' in the article",
        "sections[1].question: no section '交通' in the article",
        "sections[1].card count: no section '交通' in the article",
    )


def test_content_is_searched_in_what_the_page_shows() -> None:
    """An ad card's summary is not shown, so a string found only there is not kept."""
    score = score_truth(ARTICLE, TRUTH)
    assert score.content_strings == 6
    assert score.content_missing == ("今だけ半額!", "計画運休")


def test_a_refused_page_fails_everything() -> None:
    score = score_truth(None, TRUTH)
    assert score.content_kept == 0 and score.structure_passed == 0


def test_a_page_without_its_own_date_is_not_judged_on_the_date_it_was_given() -> None:
    """Truth ``date: null``: the importer dated the page by --date or the import day (a placeholder)."""
    undated = {**TRUTH, "date": None}
    dated = score_truth(ARTICLE, TRUTH)
    score = score_truth(ARTICLE, undated)
    assert score.structure_checks == dated.structure_checks - 1
    assert not any(failure.startswith("date:") for failure in score.structure_failed)


def test_a_quoted_iso_date_in_the_truth_is_a_date() -> None:
    """A truth file may quote its dates ('2025-08-28' is a string to YAML): they still compare as dates,
    and a wrong one still fails."""
    quoted = {**TRUTH, "date": "2025-08-28", "sections": [
        {**TRUTH["sections"][0], "sources": [{**TRUTH["sections"][0]["sources"][0], "published": "2025-08-26"},
                                             TRUTH["sections"][0]["sources"][1]]},
        TRUTH["sections"][1]]}
    failed = score_truth(ARTICLE, quoted).structure_failed
    assert not any(failure.startswith("date:") for failure in failed)
    assert "sections[0].sources[0].published: expected '2025-08-26', got datetime.date(2025, 8, 27)" in failed
