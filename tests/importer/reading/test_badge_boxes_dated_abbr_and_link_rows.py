"""Saved-page shapes read as a text dump prints them: a word badge opening the box of a question and another
the box of its answer, each before its line's block ('<div><span>問い</span><p>…？</p></div>'); a microformat
date in an <abbr>'s title under a localised text; a row of headline links (a pager) each a line of its own;
a glyph-marked heading element at the page's close over sentences, a label over the closing words."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from kiku.importer.cleaning.rows.block_rows import is_headed_teaser
from kiku.importer.grammar.lines.dates import line_date
from kiku.importer.reading.html.page import read_html
from kiku.importer.report import ImportReport
from tests.support.importing import digest_of as _digest
from tests.support.importing import import_text as _import


def _lines(body: str) -> list[str]:
    return [line.text for line in read_html(f"<html><body><article>{body}</article></body></html>",
                                            ImportReport("page.html"))]


def test_a_word_badge_before_the_block_of_its_line_is_written_a_space_before_it() -> None:
    body = ("<h2>渡し船が復活</h2><div class='ask'><i class='chip'>たずね</i><p>いつから乗れる？</p></div>"
            "<div class='say'><i class='chip'>こたえ</i><p>4月の週末から</p></div><p>町は客の増加を見込む。</p>")
    assert _lines(body) == ["渡し船が復活", "たずね いつから乗れる？", "こたえ 4月の週末から", "町は客の増加を見込む。"]


def test_a_word_before_a_block_with_no_badge_beside_it_keeps_its_own_line() -> None:
    body = "<h2>渡し船が復活</h2><div><i>編集部</i><p>町は客の増加を見込む。</p></div><p>春が待ち遠しい。</p>"
    assert _lines(body) == ["渡し船が復活", "編集部", "町は客の増加を見込む。", "春が待ち遠しい。"]


def test_a_date_in_an_abbr_title_stands_for_its_localised_text() -> None:
    body = ("<h1>港の朝市が再開、週末ごとに</h1><p><abbr class='stamp' title='2024-12-03T09:00:00+09:00'>"
            "Posted: 火 03 12月</abbr></p><p>本文です。</p>")
    assert _lines(body)[1] == "2024/12/03"


def test_a_localised_text_that_is_a_whole_date_is_kept_as_printed() -> None:
    body = ("<h1>港の朝市が再開、週末ごとに</h1><p><abbr class='stamp' title='2024-12-03T09:00:00+09:00'>"
            "Posted: 火 03 12月 2024</abbr></p><p>本文です。</p>")
    printed = _lines(body)[1]
    assert (printed, line_date(printed)) == ("Posted: 火 03 12月 2024", dt.date(2024, 12, 3))


def test_a_row_of_headline_links_is_a_line_each_and_a_row_of_words_stays_one() -> None:
    pager = ("<div class='around'><a href='/a'>‹ 前の記事：港の朝市、冬の営業時間を短縮へ</a> "
             "<a href='/b'>次の記事：漁協の新しい直売所がオープン ›</a></div>")
    words = "<div class='x'><a href='/s/1'>港町の朝市</a> <a href='/s/2'>漁協の直売所</a></div>"
    assert _lines(pager + "<p>本文です。</p>" + words) == [
        "‹ 前の記事：港の朝市、冬の営業時間を短縮へ", "次の記事：漁協の新しい直売所がオープン ›", "本文です。", "港町の朝市 漁協の直売所"]


_PAGE = """<html><head><meta charset="utf-8"><title>港の朝市</title></head><body><main><article>
<h1>港の朝市が再開、週末ごとに開催へ　出店者と客足はどう変わる?</h1><p>2024年12月3日</p>
<p>休止していた港の朝市が、週末ごとに再開されました。出店者の顔ぶれや客足の変化をまとめます。</p>
<h3 class="mi"><img src="/i/dot.gif" alt="◆">再開の経緯</h3>
<p>朝市はなぜ休止していたのか?</p><p>出店者の高齢化で担い手が足りなくなったため</p>
<p>漁協が運営を引き継ぎ、再開にこぎつけました。</p>
<p>港町新報　2024年12月1日　<a href="https://minato.example.jp/n/1">https://minato.example.jp/n/1</a></p>
<h3 class="mi"><img src="/i/dot.gif" alt="◆">客足の変化</h3>
<p>客足は戻ったのか?</p><p>初日は予想の2倍の人出となった</p>
<p>市外からの客も目立ちました。</p>
<p>港町新報　2024年12月2日　<a href="https://minato.example.jp/n/2">https://minato.example.jp/n/2</a></p>
<h3 class="mi"><img src="/i/dot.gif" alt="◆">さいごに</h3>
<p>朝市は港町のにぎわいを取り戻すきっかけになりそうです。</p>
<p>冬の間も続けられるかが次の課題です。</p>
</article></main></body></html>
"""


def test_a_glyph_marked_closing_heading_over_sentences_heads_the_closing_words(tmp_path: Path) -> None:
    article = _digest(_import(tmp_path, "page.html", _PAGE))
    assert [section.heading for section in article.sections] == ["再開の経緯", "客足の変化"]
    assert article.outro == ("朝市は港町のにぎわいを取り戻すきっかけになりそうです。", "冬の間も続けられるかが次の課題です。")
    assert article.date == dt.date(2024, 12, 3)


def test_a_pager_label_behind_a_guillemet_heads_its_teaser() -> None:
    assert is_headed_teaser("‹ 前の記事：港の朝市、冬の営業時間を短縮へ")
    assert is_headed_teaser("« 次の記事：漁協の新しい直売所がオープン")
    assert not is_headed_teaser("« 港の朝市：冬の営業時間を短縮へ")
