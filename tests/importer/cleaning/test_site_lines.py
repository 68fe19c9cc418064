"""Lines a site prints around every article: a credit, the site's note on itself, the next article's
teaser under a pager label at the page's foot."""

from __future__ import annotations

import pytest

from kiku.importer.cleaning.chrome import is_reporter_credit
from kiku.importer.cleaning.debris import strip_debris
from kiku.importer.page import Line
from kiku.importer.report import ImportReport

_BODY = ["港の朝市が春から毎週開かれます。", "観光客も増えています。", "地元の店も喜んでいます。"]


def _strip(*texts: str) -> tuple[list[str], list[tuple[str, str]]]:
    report = ImportReport("page.txt")
    kept = strip_debris([Line(number, text) for number, text in enumerate(texts, start=1)], report)
    return [line.text for line in kept], [(item.rule, item.line.text) for item in report.dropped]


@pytest.mark.parametrize("credit", ["取材・文／浜田みなと", "監修：港町クリニック院長 佐藤一郎", "文: 朝市だより編集室"])
def test_a_role_and_a_name_credit_the_article_and_are_dropped(credit: str) -> None:
    kept, dropped = _strip(credit, *_BODY)
    assert kept == _BODY
    assert dropped == [("credit-line", credit)]


def test_a_sentence_after_a_role_word_is_the_articles() -> None:
    sentence = "編集：この号では朝市の歴史を特集しました。"
    assert _strip(sentence, *_BODY)[0] == [sentence, *_BODY]


def test_a_sentence_whose_subject_is_the_site_is_the_sites_note() -> None:
    note = "本ブログの情報は投資の助言ではありません。最終的な判断はご自身でお願いします。"
    kept, dropped = _strip(*_BODY, note)
    assert kept == _BODY
    assert dropped == [("site-disclaimer", note)]
    # The article speaking of itself is its own text.
    assert _strip("この記事では朝市の一日を追いました。", *_BODY)[0][0] == "この記事では朝市の一日を追いました。"


def test_a_pager_label_at_the_foot_takes_the_next_articles_teaser_with_it() -> None:
    teaser = ["PREV", "前のページへ", "雨の日の朝市、屋根付き通路が完成", "市場の通路に屋根が付き、雨でも買い物ができるようになりました。"]
    page = [*_BODY, *_BODY, "まとめると、朝市は町の顔です。"]
    kept, dropped = _strip(*page, *teaser)
    assert kept == page
    assert [text for _, text in dropped] == teaser


def test_a_pager_label_over_a_sentence_or_high_on_the_page_leaves_the_text() -> None:
    assert "次回は港の競りを取り上げます。" in _strip(*_BODY, *_BODY, "NEXT", "次回は港の競りを取り上げます。")[0]
    top = ["NEXT", "港の朝市、春から毎週開催に", *_BODY, "最後の本文です。", "おわりです。"]
    assert _strip(*top)[0][1:] == top[1:]


def test_a_name_and_an_age_under_the_title_is_the_articles_byline_not_a_comment() -> None:
    title, lead = "港の朝市、冬も毎週開催へ", "組合は冬の間も朝市を続けると決めました。理由をまとめました。"
    kept, dropped = _strip(title, "みなと編集室 5時間前", lead, *_BODY)
    assert kept == [title, lead, *_BODY]
    assert dropped == [("aged-byline", "みなと編集室 5時間前")]


def test_a_reporters_credit_in_brackets_is_debris_and_a_bracketed_note_is_not() -> None:
    assert is_reporter_credit("（経済部・佐藤花子）") and is_reporter_credit("(函館支局・森一郎)")
    assert is_reporter_credit("（鈴木次郎記者）")
    assert not is_reporter_credit("（写真・共同）") and not is_reporter_credit("（北海道・函館）")
    assert not is_reporter_credit("（注・数字は速報値です。）")


_NOTE = "この記事は生成AIの下書きをもとに編集部がまとめたものです。"


def test_an_unmarked_note_on_how_the_article_was_made_among_the_sites_closing_lines_is_dropped() -> None:
    kept, dropped = _strip(*_BODY, "#朝市 #港町", _NOTE, "コメントを書く", "© 2026 港町だより")
    assert kept == _BODY
    assert ("closing-note", _NOTE) in dropped


def test_the_same_note_among_the_articles_own_lines_is_kept() -> None:
    # Under the text, the article's last sentence; between two of its sentences, its own words.
    assert _strip(*_BODY, _NOTE)[0] == [*_BODY, _NOTE]
    assert _strip(_BODY[0], _NOTE, *_BODY[1:])[0] == [_BODY[0], _NOTE, *_BODY[1:]]
    # Over more of the article's text, even after a line of the site's.
    assert _strip(*_BODY, "#朝市 #港町", _NOTE, "朝市は毎週日曜日に開かれます。")[0] == [
        *_BODY, _NOTE, "朝市は毎週日曜日に開かれます。"]


@pytest.mark.parametrize("note", [_NOTE, f"（{_NOTE}）", f"ⓘ {_NOTE}"])
def test_the_note_closing_the_text_over_the_sites_footer_is_dropped_whatever_frames_it(note: str) -> None:
    kept, dropped = _strip(*_BODY, note, "コメントを書く", "© 2026 港町だより")
    assert kept == _BODY
    assert ("closing-note", note) in dropped


def test_an_unmarked_note_that_the_text_was_written_by_a_machine_is_the_sites_note() -> None:
    note = "本文は人工知能で作成した下書きを記者が校正したものです。"
    kept, dropped = _strip(*_BODY, note)
    assert kept == _BODY
    assert dropped == [("site-note", note)]
    # The article speaking of machines is its own text.
    prose = "この記事はAIを活用した朝市の集客を紹介します。"
    assert _strip(*_BODY, prose)[0] == [*_BODY, prose]


@pytest.mark.parametrize("heading", ["関連キーワード", "この記事の関連タグ"])
def test_the_sites_related_topics_listed_under_their_heading_are_its_index(heading: str) -> None:
    topics = [heading, "水産業", "観光", "港町"]
    kept, dropped = _strip(*_BODY, *topics)
    assert kept == _BODY
    assert [text for _, text in dropped] == topics
