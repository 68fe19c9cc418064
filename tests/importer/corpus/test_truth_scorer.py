"""The scorer of ``<stem>.truth.yaml`` counts what it should and names what failed."""

from __future__ import annotations

import datetime as dt
from typing import Any

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
TRUTH: dict[str, Any] = {
    "layout": "digest", "title": "台風10号", "date": dt.date(2025, 8, 28),
    "sections": [
        {"heading": "進路", "question": "どこへ？", "answer": "九州", "sources": [
            {"url": "https://a.jp/1", "publisher": "ウェザーニュース", "published": dt.date(2025, 8, 27),
             "off_topic": False},
            {"url": "https://b.jp/2", "publisher": None, "published": None, "off_topic": True},
        ]},
        {"heading": "交通", "question": "運休は？", "answer": None, "sources": []},
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


def test_a_footnote_mark_the_truth_leaves_out_is_not_asked_of_the_article() -> None:
    article = DigestArticle(slug="x", title="t", date=dt.date(2025, 1, 1),
                            lead="湖面の氷がせり上がる[1]。神事として扱われてきた[注 2]。")
    truth = {"layout": "digest", "title": "t", "date": dt.date(2025, 1, 1), "sections": [],
             "content": ["湖面の氷がせり上がる。", "神事として扱われてきた[注 2]。", "神事として扱われた。"]}
    assert score_truth(article, truth).content_missing == ("神事として扱われた。",)


CLOSING_TRUTH: dict[str, Any] = {
    "layout": "digest", "title": "台風10号", "date": dt.date(2025, 8, 28),
    "sections": [TRUTH["sections"][0], {"heading": "まとめ", "question": None, "answer": None, "sources": []}],
    "content": ["非常に強い台風です。", "北上しています。", "早めの備えを。"],
}


def test_a_closing_prose_section_in_the_truth_may_be_the_articles_conclusion() -> None:
    concluded = DigestArticle(slug="x", title="台風10号", date=dt.date(2025, 8, 28), sections=ARTICLE.sections,
                              conclusion=("早めの備えを。",))
    assert score_truth(concluded, CLOSING_TRUTH).structure_failed == ()


def test_a_closing_section_with_a_question_is_still_asked_for() -> None:
    asked = {**CLOSING_TRUTH, "sections": [TRUTH["sections"][0], {
        "heading": "まとめ", "question": "どうする？", "answer": None, "sources": []}]}
    assert "section count: expected 2, got 1" in score_truth(ARTICLE, asked).structure_failed


def test_the_articles_closing_prose_section_passes_only_when_its_body_is_content() -> None:
    truth = {**CLOSING_TRUTH, "sections": [TRUTH["sections"][0]]}
    closing = Section(heading="まとめ", body=("早めの備えを。",))
    chrome = Section(heading="関連記事", body=("台風11号の進路は？",))
    with_closing = DigestArticle(slug="x", title="台風10号", date=dt.date(2025, 8, 28),
                                 sections=(*ARTICLE.sections, closing))
    with_chrome = DigestArticle(slug="x", title="台風10号", date=dt.date(2025, 8, 28),
                                sections=(*ARTICLE.sections, chrome))
    assert score_truth(with_closing, truth).structure_failed == ()
    assert score_truth(with_chrome, truth).structure_failed == ("section count: expected 1, got 2",)


def test_an_ad_label_and_no_publisher_are_the_same_reading_of_an_ad_card() -> None:
    labelled = DigestArticle(slug="x", title="台風10号", date=dt.date(2025, 8, 28), lead="非常に強い台風です。",
                             sections=(Section(heading="進路", question="どこへ？", answer="九州", sources=(
                                 ARTICLE.sections[0].sources[0],
                                 SourceCard(url="https://b.jp/2", publisher="広告", off_topic=True))),))
    truth = {**TRUTH, "sections": TRUTH["sections"][:1]}
    assert score_truth(labelled, truth).structure_failed == ()
    real_publisher = {**truth, "sections": [{**truth["sections"][0], "sources": [
        truth["sections"][0]["sources"][0],
        {"url": "https://b.jp/2", "publisher": "比較ナビ", "published": None, "off_topic": True}]}]}
    assert score_truth(labelled, real_publisher).structure_failed == (
        "sections[0].sources[1].publisher: expected '比較ナビ', got '広告'",)


def test_a_qa_label_the_truth_keeps_is_not_asked_of_the_article() -> None:
    labelled = {**TRUTH, "sections": [{**TRUTH["sections"][0], "question": "Q. どこへ？", "answer": "A. 九州"},
                                      TRUTH["sections"][1]],
                "content": ["Ｑ．どこへ？", "A：九州", "北上しています。"]}
    score = score_truth(ARTICLE, labelled)
    assert not any(failure.startswith("sections[0].question") for failure in score.structure_failed)
    assert score.content_missing == ()
    wrong = {**labelled, "sections": [{**labelled["sections"][0], "question": "Q. いつ？"}, TRUTH["sections"][1]]}
    assert "sections[0].question: expected 'いつ？', got 'どこへ？'" in score_truth(ARTICLE, wrong).structure_failed


def test_an_ad_cards_advertiser_reads_alike_with_its_sponsor_label_or_without() -> None:
    labelled = DigestArticle(slug="x", title="台風10号", date=dt.date(2025, 8, 28), lead="非常に強い台風です。",
                             sections=(Section(heading="進路", question="どこへ？", answer="九州", sources=(
                                 ARTICLE.sections[0].sources[0],
                                 SourceCard(url="https://b.jp/2", publisher="[PR] 比較ナビ", off_topic=True))),))

    def truth_with(publisher: str, off_topic: bool = True) -> dict[str, Any]:
        section = {**TRUTH["sections"][0], "sources": [
            TRUTH["sections"][0]["sources"][0],
            {"url": "https://b.jp/2", "publisher": publisher, "published": None, "off_topic": off_topic}]}
        return {**TRUTH, "sections": [section]}

    assert score_truth(labelled, truth_with("比較ナビ")).structure_failed == ()
    assert score_truth(labelled, truth_with("PR：比較ナビ")).structure_failed == ()
    assert score_truth(labelled, truth_with("比較ナビ株式会社")).structure_failed == (
        "sections[0].sources[1].publisher: expected '比較ナビ株式会社', got '[PR] 比較ナビ'",)
    # A real card's publisher is compared as printed.
    assert "sections[0].sources[1].publisher: expected '比較ナビ', got '[PR] 比較ナビ'" in score_truth(
        labelled, truth_with("比較ナビ", off_topic=False)).structure_failed


def test_a_chapter_number_before_a_heading_is_read_alike_kept_or_left_out() -> None:
    numbered = {**TRUTH, "sections": [{**TRUTH["sections"][0], "heading": "第1章　進路"}, TRUTH["sections"][1]],
                "content": ["第1章　進路", "北上しています。"]}
    score = score_truth(ARTICLE, numbered)
    assert not any(failure.startswith("sections[0]") for failure in score.structure_failed)
    assert score.content_missing == ()
    glued = DigestArticle(slug="x", title=ARTICLE.title, date=ARTICLE.date, lead=ARTICLE.lead,
                          sections=(Section(heading="CHAPTER 01進路", question="どこへ？", answer="九州",
                                            sources=ARTICLE.sections[0].sources),))
    assert not any(failure.startswith("sections[0]") for failure in score_truth(glued, TRUTH).structure_failed)
    other = {**TRUTH, "sections": [{**TRUTH["sections"][0], "heading": "第2章　交通"}, TRUTH["sections"][1]]}
    assert "sections[0].heading: expected '交通', got '進路'" in score_truth(ARTICLE, other).structure_failed
