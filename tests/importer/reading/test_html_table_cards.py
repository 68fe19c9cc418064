"""A card printed as a table of labelled rows (title, date, publisher, summary, a link label) reads
as a text dump prints a card; a table of labelled facts without a card's link stays as it is. A
post's heading inside its permalink is the page's title."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from kiku.importer.reading.html.page import read_html
from kiku.importer.report import ImportReport
from tests.support.importing import digest_of, import_text

_URL = "https://kaigan.example.jp/local/2231"


def _card_table(title: str, fields: tuple[tuple[str, str], ...], summary: tuple[str, ...], link: str) -> str:
    rows = f"<tr><td class='lb'>見出し</td><td><a href='{_URL}'>{title}</a></td></tr>"
    rows += "".join(f"<tr><td class='lb'>{label}</td><td>{value}</td></tr>" for label, value in fields)
    rows += "<tr><td class='lb'>内容</td><td>" + "".join(f"・{line}<br/>" for line in summary) + "</td></tr>"
    return f"<table class='k'><tbody>{rows}<tr><td colspan='2'><a href='{_URL}'>{link}</a></td></tr></tbody></table>"


_CARD = _card_table("海岸の清掃に500人参加　漂着ごみ2トン回収",
                    (("掲載", "2025.09.21"), ("出所", "浜風日報")),
                    ("市内の海岸で恒例の清掃活動があり、約500人が参加した。", "回収したごみは約2トンにのぼった。"),
                    "続きを読む »")


def test_a_table_of_labelled_rows_ending_in_a_link_label_is_a_card() -> None:
    report = ImportReport("page.html")
    lines = [line.text for line in read_html(f"<html><body><main>{_CARD}</main></body></html>", report)]
    assert lines == ["海岸の清掃に500人参加　漂着ごみ2トン回収",
                     "・市内の海岸で恒例の清掃活動があり、約500人が参加した。", "・回収したごみは約2トンにのぼった。",
                     f"続きを読む » 浜風日報 2025.09.21 {_URL}"]
    assert [(item.rule, item.line.text) for item in report.dropped] == [
        ("card-field-label", "見出し"), ("card-field-label", "掲載"), ("card-field-label", "出所"),
        ("card-field-label", "内容")]


def test_a_table_of_labelled_facts_without_a_card_link_stays_as_it_is() -> None:
    facts = ("<table><tr><th>所在地</th><td>浜辺町1-2</td></tr><tr><th>開館</th><td>午前9時から午後5時まで</td></tr>"
             "<tr><th>公式</th><td><a href='https://hama.example.jp/'>https://hama.example.jp/</a></td></tr></table>")
    lines = [line.text for line in read_html(f"<html><body><main><p>浜辺の資料館を訪ねた。</p>{facts}</main></body></html>",
                                             ImportReport("page.html"))]
    # Each row reads as its text dump's 'label：value' line (``html.labels``), not as a card's fields.
    assert lines == ["浜辺の資料館を訪ねた。", "所在地：浜辺町1-2", "開館：午前9時から午後5時まで", "公式：https://hama.example.jp/"]


_PAGE = f"""<!DOCTYPE html><html><head><meta charset="utf-8">
<title>海岸清掃に過去最多の参加者 - はまかぜブログ</title></head><body>
<div id="top"><a href="/">はまかぜブログ</a></div>
<div id="body-col">
<p class="day">2025年9月23日</p>
<h3 class="ttl"><a href="https://hamakaze.example.jp/entry/77">海岸清掃に過去最多の参加者</a></h3>
<div class="entry">
<p>週末の海岸清掃に、過去最多の人が集まりました。地元の小学生や観光客の姿もありました。</p>
<p class="midashi">どれくらい集まった？</p>
<p>何人が参加した？</p>
<p>約500人</p>
{_CARD}
<p>年々参加者が増えているのはうれしいことですね。</p>
<p>次回は来年の春に開かれる予定です。</p>
</div>
</div>
</body></html>"""


def test_a_card_table_under_a_linked_post_heading_imports_with_its_fields(tmp_path: Path) -> None:
    article = digest_of(import_text(tmp_path, "kaigan.html", _PAGE))
    assert article.title == "海岸清掃に過去最多の参加者"
    assert article.date == dt.date(2025, 9, 23)
    [card] = [card for section in article.sections for card in section.sources]
    assert (card.title, card.publisher, card.published, card.url) == (
        "海岸の清掃に500人参加　漂着ごみ2トン回収", "浜風日報", dt.date(2025, 9, 21), _URL)


def test_a_blog_name_heading_the_window_title_in_the_sites_header_is_not_the_posts_title(tmp_path: Path) -> None:
    # '<title>ブログ名: 記事の題</title>' with the blog's name in a linked <h1> of the site's header.
    page = _PAGE.replace("<title>海岸清掃に過去最多の参加者 - はまかぜブログ</title>",
                         "<title>はまかぜブログ: 海岸清掃に過去最多の参加者</title>")
    page = page.replace("<div id=\"top\"><a href=\"/\">はまかぜブログ</a></div>",
                        "<header><h1><a href=\"/\">はまかぜブログ</a></h1></header>")
    assert "<header><h1>" in page and "<title>はまかぜブログ:" in page
    article = digest_of(import_text(tmp_path, "kaigan_blog.html", page))
    assert article.title == "海岸清掃に過去最多の参加者"
    assert [section.heading for section in article.sections] == ["どれくらい集まった？"]


def _field_table(fields: tuple[tuple[str, str], ...]) -> str:
    rows = "".join(f"<tr><th>{label}</th><td>{value}</td></tr>" for label, value in fields)
    return f"<table class='src'>{rows}</table>"


def test_a_table_labelled_as_the_pages_card_tables_is_a_card_without_its_date() -> None:
    # The page prints its cards by one template; one card leaves its date row out. Alone, a table of a
    # headline, a name and a link is no card (it may be facts about an organisation).
    dated = _field_table((("題", "港の朝市、春から毎週開催に　観光客の呼び込み狙う"),
                          ("リンク", "<a href='https://minato.example.jp/n/7'>https://minato.example.jp/n/7</a>"),
                          ("発行", "みなと日報"), ("日時", "2025年3月2日")))
    undated = _field_table((("題", "朝市の出店者募集について（市の案内ページ）"),
                            ("リンク", "<a href='https://city.example.lg.jp/asaichi'>https://city.example.lg.jp/asaichi</a>"),
                            ("発行", "潮見市役所")))
    page = f"<html><body><main><p>本文です。</p>{dated}<p>次の段落です。</p>{undated}<p>終わりです。</p></main></body></html>"
    lines = [line.text for line in read_html(page, ImportReport("page.html"))]
    assert "→ 潮見市役所 https://city.example.lg.jp/asaichi" in lines
    alone = f"<html><body><main><p>本文です。</p>{undated}</main></body></html>"
    assert not any(line.startswith("→") for line in (line.text for line in read_html(alone, ImportReport("p"))))


def test_a_summary_row_across_a_card_table_is_the_cards_summary() -> None:
    table = ("<table><tr><th>タイトル</th><td><a href='https://minato.example.jp/n/9'>港の朝市、冬も毎週開催へ</a></td></tr>"
             "<tr><td colspan='2'>組合は冬の間も朝市を続けると決めた。観光客の増加に応える。</td></tr>"
             "<tr><th>発信</th><td>みなと日報</td></tr><tr><th>日付</th><td>2024年11月8日</td></tr></table>")
    lines = [line.text for line in read_html(f"<html><body><main><p>本文です。</p>{table}</main></body></html>",
                                             ImportReport("page.html"))]
    assert lines[1:] == ["港の朝市、冬も毎週開催へ", "・組合は冬の間も朝市を続けると決めた。観光客の増加に応える。",
                         "→ みなと日報 2024年11月8日 https://minato.example.jp/n/9"]


def test_a_tables_caption_may_title_its_card_but_never_names_its_source() -> None:
    # The caption is a short phrase shaped like a name; the card prints no source of its own (an ad's card):
    # the caption labels the table and is reported, the link line names no publisher.
    table = ("<table><caption>読んでおきたい話</caption><tbody>"
             "<tr><th>見出し</th><td>秋の行楽、混雑を避けるなら平日の朝がおすすめ</td></tr>"
             "<tr><th>URL</th><td><a href='https://lp.example.com/aki?ref=9'>https://lp.example.com/aki?ref=9</a></td></tr>"
             "</tbody></table><ul><li>いまなら入会金が無料になります。</li></ul>")
    report = ImportReport("page.html")
    lines = [line.text for line in read_html(f"<html><body><main>{table}</main></body></html>", report)]
    assert lines == ["秋の行楽、混雑を避けるなら平日の朝がおすすめ", "・いまなら入会金が無料になります。",
                     "→ https://lp.example.com/aki?ref=9"]
    assert "読んでおきたい話" in [item.line.text for item in report.dropped if item.rule == "card-field-label"]


def test_a_labelled_row_holding_the_linked_headline_over_its_summary_is_the_cards_title_and_summary() -> None:
    # The headline is linked on the first line of its cell and the summary follows it after a <br>: the scorer
    # reads the cell's lines apart, whatever row the fields stand in.
    url = "https://yamabiko.example.jp/n/3310"
    rows = (f"<tr><th>掲載日</th><td>2025/10/02</td></tr><tr><th>媒体</th><td>やまびこ通信</td></tr>"
            f"<tr><th>記事</th><td><a href='{url}'>峠の旧道、紅葉シーズンに限り歩行者天国へ</a><br>"
            "町は週末の車両通行を止め、散策路として開放する。</td></tr>")
    report = ImportReport("page.html")
    lines = [line.text for line in read_html(f"<html><body><main><table>{rows}</table></main></body></html>", report)]
    assert lines == ["峠の旧道、紅葉シーズンに限り歩行者天国へ", "・町は週末の車両通行を止め、散策路として開放する。",
                     f"→ やまびこ通信 2025/10/02 {url}"]
    assert [item.line.text for item in report.dropped if item.rule == "card-field-label"] == ["掲載日", "媒体", "記事"]
