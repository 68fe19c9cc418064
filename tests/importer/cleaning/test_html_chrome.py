"""Chrome in saved HTML: bylines, captions, in-page links, copyright blocks and a mirror's boxes, while the marked-up title and the article stay."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from kiku.content.loading.loader import load_config
from kiku.content.model import EncyclopediaArticle
from kiku.importer.pipeline import ImportResult, import_page
from kiku.importer.reading.html.page import read_html
from kiku.importer.report import ImportReport
from tests.support.importing import digest_of as _digest
from tests.support.paths import REPO

IMPORT_DAY = dt.date(2026, 3, 9)


def _lines(markup: str) -> list[str]:
    return [line.text for line in read_html(markup, ImportReport("page.html"))]


def _import(tmp_path: Path, markup: str, name: str = "page.html") -> ImportResult:
    page = tmp_path / name
    page.write_text(markup, encoding="utf-8")
    return import_page(page, load_config(REPO), scraped_from=name, import_day=IMPORT_DAY)


def _page(body: str, title: str = "山あいの村で路線バス再開　住民の足が戻る") -> str:
    return (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{title}｜里山ニュース</title></head>"
            f"<body><main><article>{body}</article></main><footer>© 里山ニュース</footer></body></html>")


def _section(heading: str, question: str, answer: str, card: str, remark: str) -> str:
    return f"<h2>{heading}</h2><p>{question}</p><p>{answer}</p>{card}<p>{remark}</p>"


def _card(title: str, bullets: tuple[str, ...], publisher: str, url: str, attributes: str = "",
          label: str = "") -> str:
    items = "".join(f"<li>{bullet}</li>" for bullet in bullets)
    return (f"<div class='src'{attributes}>{label}<p>{title}</p><ul>{items}</ul>"
            f"<p>{publisher}　2025/04/01　<a href='{url}'>記事を読む →</a></p></div>")


REAL = _card("村営バス、4月から毎日運行に", ("平日だけだった便を土日にも広げる。", "運賃は一律200円のまま据え置く。"),
             "峠新報", "https://toge.example.jp/n/12")


def test_a_byline_marked_as_the_author_is_chrome() -> None:
    markup = _page("<p>掲載 <time datetime='2025-03-19'>2025年3月19日</time>　<span itemprop='author'>文：編集部</span></p>")
    assert _lines(markup) == ["掲載 2025年3月19日"]


def test_the_marked_up_title_is_the_title_over_a_dated_byline_above_the_lead(tmp_path: Path) -> None:
    markup = _page("<h1>山あいの村で路線バス再開　住民の足が戻る</h1><p>掲載 2025年4月3日 木曜 午前9時　村の話題</p>"
                   "<p>廃止された路線バスが、村の運営で戻ってきました。利用は順調です。</p>"
                   + _section("毎日走るようになった", "いつから毎日？", "4月から土日も", REAL, "便利になりそうです。"))
    article = _digest(_import(tmp_path, markup))
    assert article.title == "山あいの村で路線バス再開　住民の足が戻る"
    assert article.date == dt.date(2025, 4, 3)


def test_a_caption_of_a_picture_or_video_is_chrome_but_not_of_a_quoted_card() -> None:
    markup = _page("<figure><img src='/a.jpg' alt=''><figcaption>▲写真はイメージです</figcaption></figure>"
                   "<figure><iframe src='https://video.example.jp/e/1'></iframe></figure>"
                   "<figure><figcaption>▲村の動画（動画サイトより）</figcaption></figure>"
                   "<figure><div><p>村営バス、毎日運行に</p></div><figcaption>出典：峠新報</figcaption></figure>")
    assert _lines(markup) == ["村営バス、毎日運行に", "出典：峠新報"]


def test_a_short_line_classed_as_a_caption_outside_a_figure_is_chrome_but_not_one_with_a_link() -> None:
    report = ImportReport("page.html")
    markup = _page("<p>村営バスが毎日走るようになりました。</p>"
                   "<div class='photo_caption-text'>画像：峠の停留所に着いたバス（ファイル写真）</div>"
                   "<p class='c-card__caption'><a href='https://touge.example.jp/a/1'>続きを読む</a> 峠新報</p>"
                   "<p class='caption'>村のバスは、朝と夕方に一本ずつ増えました。そのぶん運転手の負担も増えています。"
                   "役場は来年、運転手を二人増やす予定です。</p>")
    lines = [line.text for line in read_html(markup, report)]
    assert lines == ["村営バスが毎日走るようになりました。", "続きを読む 峠新報 https://touge.example.jp/a/1",
                     "村のバスは、朝と夕方に一本ずつ増えました。そのぶん運転手の負担も増えています。役場は来年、運転手を二人増やす予定です。"]
    assert ("media-caption", "画像：峠の停留所に着いたバス（ファイル写真）") in {
        (item.rule, item.line.text) for item in report.dropped}


MIRROR = """<html><head><meta charset="utf-8"><title>峠の茶屋 - 山の百科</title></head><body>
<main><h1>峠の茶屋</h1>
<p>読み方：とうげのちゃや</p>
<div>出典: フリー百科事典『ウィキペディア（Wikipedia）』</div>
<p>最終更新：2025年5月6日 (火) 10:00 UTC</p>
<div class="hatnote">「茶屋」はこの項目へ転送されています。</div>
<table class="ambox"><tr><td>この記事には出典が不足しています。</td></tr></table>
<table class="infobox"><tr><th>所在地</th><td>山の上</td></tr></table>
<p>峠の茶屋は、峠道の頂に建つ休み処である<sup class="reference">[1]</sup>。</p>
<h2>歴史</h2><p>江戸時代から旅人を迎えてきた。</p><p>茶店</p>
<h2>脚注</h2><ol><li>^ 「峠の茶屋」山の文庫、2001年。</li></ol>
<h2>関連項目</h2><ul><li>茶店</li><li>峠</li></ul>
<div id="catlinks">カテゴリ: 茶屋 | 峠</div>
<p>この記事は、ウィキペディアの峠の茶屋 (改訂履歴) の記事を複製、再配布したものにあたり、GNU Free Documentation Licenseの下で提供されています。</p>
</main></body></html>"""


def test_a_mirror_s_boxes_are_chrome_and_its_marked_title_and_head_date_are_read(tmp_path: Path) -> None:
    result = _import(tmp_path, MIRROR, "mirror.html")
    article = result.article
    assert isinstance(article, EncyclopediaArticle)
    assert (article.title, article.date) == ("峠の茶屋", dt.date(2025, 5, 6))
    # Under marked-up headings, the short items of a list are not headings (関連項目 is back matter).
    assert [section.heading for section in article.sections] == ["歴史"]
    assert article.lead == "峠の茶屋は、峠道の頂に建つ休み処である[1]。"
    assert article.sections[0].body == ("江戸時代から旅人を迎えてきた。", "茶店")
    rules = {entry.line.text: entry.rule for entry in result.report.dropped}
    assert rules["「茶屋」はこの項目へ転送されています。"] == "wiki-notice"
    assert rules["この記事には出典が不足しています。"] == "wiki-notice"
    assert rules["カテゴリ: 茶屋 | 峠"] == "wiki-categories"
    assert rules["読み方：とうげのちゃや"] == "dictionary-header"


def test_a_line_that_is_only_a_link_within_the_page_is_chrome_but_not_a_footnote_mark() -> None:
    markup = _page("<p>村の路線バスが戻りました<span><a href='#cite_note-10'>[10]</a></span>。</p>"
                   "<center><font size='2'><a href='#top'>▲このページの上へ</a></font></center>"
                   "<ol><li><span><a href='#cite_ref-10'>^</a></span> 村の広報、2025年。</li></ol>")
    assert _lines(markup) == ["村の路線バスが戻りました[10]。", "1. ^ 村の広報、2025年。"]


def test_a_short_block_with_a_copyright_line_is_chrome_with_its_counter() -> None:
    markup = _page("<p>村の路線バスが戻りました。</p><center><font size='1'>あなたは 0012 人目の訪問者です<br>"
                   "Copyright (C) 2004-2025 Sato News. All Rights Reserved.</font></center>"
                   "<p>写真の説明です。© 村役場の提供写真を使っています。</p>")
    assert _lines(markup) == ["村の路線バスが戻りました。", "写真の説明です。© 村役場の提供写真を使っています。"]


def test_a_list_of_short_links_into_the_sites_tags_or_categories_is_chrome() -> None:
    markup = _page("<p>村の路線バスが戻りました。</p>"
                   "<div class='entry-terms'><ul><li><a href='/tag/%E8%B7%AF%E7%B7%9A%E3%83%90%E3%82%B9/'>路線バス</a></li>"
                   "<li><a href='/tag/%E9%87%8C%E5%B1%B1/'>里山</a></li></ul></div>"
                   "<p>分類：<a href='https://satoyama.example.jp/category/kotsu/'>交通</a></p>"
                   "<p>詳しくは<a href='/tag/bus/'>バスの記事</a>で紹介しています。</p>")
    assert _lines(markup) == ["村の路線バスが戻りました。", "詳しくはバスの記事で紹介しています。"]


def test_a_taxonomy_list_under_a_label_word_in_latin_letters_is_chrome() -> None:
    markup = _page("<p>村の路線バスが戻りました。</p>"
                   "<section class='x4'><span>Keywords /</span><a href='/keyword/bus/'>バス</a> "
                   "<a href='/keyword/mura/'>村</a></section>"
                   "<section class='x4'><span>See all stories about</span><a href='/keyword/bus/'>バス</a></section>")
    assert _lines(markup) == ["村の路線バスが戻りました。", "See all stories about バス"]


def test_the_name_under_a_speakers_picture_is_chrome_and_the_words_stay() -> None:
    markup = _page("<p>村の路線バスが戻りました。</p>"
                   "<div class='talk'><div class='who'><img src='/me.png' alt=''><br><b>管理人ハル</b></div>"
                   "<div class='words'>毎日走るのは本当に心強いです。</div></div>"
                   "<div><img src='/bus.jpg' alt=''>バス停の新しい時刻表</div>"
                   "<p><img src='/icon.png' alt=''>お知らせ：運賃は据え置きです。</p><p>次の便は9時です。</p>")
    assert _lines(markup) == ["村の路線バスが戻りました。", "毎日走るのは本当に心強いです。", "バス停の新しい時刻表",
                              "お知らせ：運賃は据え置きです。", "次の便は9時です。"]


def test_a_short_line_classed_as_the_posts_genre_is_chrome_but_not_one_with_its_date_or_a_sentence() -> None:
    markup = _page("<span class='p-genre'>ジャンル｜里山のくらし</span><p>村の路線バスが戻りました。</p>"
                   "<div class='meta-tags'><time datetime='2025-04-01'>2025/04/01</time> 交通</div>"
                   "<p class='tag'>毎朝の便が増えて、通学が楽になりました。</p>")
    assert _lines(markup) == ["村の路線バスが戻りました。", "2025/04/01 交通", "毎朝の便が増えて、通学が楽になりました。"]


def test_a_numbered_category_line_and_a_term_list_classed_as_tags_are_chrome() -> None:
    # 'entry-genre2' numbered as one of several; a <ul> of terms under a label the page classes as its tags.
    markup = _page("<p>村の路線バスが戻りました。</p>"
                   "<ul class='post_tag'><li>分類</li><li>交通</li><li>里山</li></ul>"
                   "<div class='entry-genre2'><a href='/archives/c_12.html'>くらし</a></div>"
                   "<ul class='tag-list'><li>毎朝の便が増えて、通学が楽になりました。</li></ul>")
    assert _lines(markup) == ["村の路線バスが戻りました。", "・毎朝の便が増えて、通学が楽になりました。"]


def test_a_small_box_around_a_sign_up_form_is_chrome_with_its_heading_and_prompt() -> None:
    signup = ("<section class='mailbox'><h3>メール便りを受け取る</h3><p>週に一度、村の話題をお届けします。</p>"
              "<form><input type='email' name='m'><button>申し込む</button></form></section>")
    markup = _page(f"<p>村の路線バスが戻りました。</p>{signup}<p>停留所は役場の前です。</p>")
    assert _lines(markup) == ["村の路線バスが戻りました。", "停留所は役場の前です。"]


def test_a_box_of_text_with_a_form_under_it_is_not_a_form_box() -> None:
    essay = ("村の路線バスが戻りました。平日は一日六便、土日は四便が走ります。停留所は役場の前と駅前の二か所で、"
             "運賃は一律二百円です。高齢の住民からは通院が楽になったという声が聞かれました。")
    markup = _page(f"<div class='post'><p>{essay}</p><form><input type='email'><button>送信</button></form></div>")
    assert _lines(markup) == [essay]


def test_a_subscribe_box_is_chrome_but_not_a_cards_read_more_line_classed_as_a_call_to_action() -> None:
    lines = _lines(_page("<p>村営バスが毎日走るようになりました。</p>"
                         "<div class='mailmag-box'><p>里山ニュースの新着をメールで受け取る</p></div>"
                         "<section class='post-cta'><h3>毎週の特集をお届けします</h3><div>登録はこちら</div></section>"
                         "<p class='quote-cta'>&gt;&gt; 記事を読む <a href='https://toge.example.jp/n/8'>"
                         "https://toge.example.jp/n/8</a></p>"))
    assert lines == ["村営バスが毎日走るようになりました。", ">> 記事を読む https://toge.example.jp/n/8"]


def test_category_and_tag_lines_named_as_the_links_they_held_are_chrome() -> None:
    lines = _lines(_page("<p>村営バスが毎日走るようになりました。</p><footer class='post-meta'>"
                         "<span class='cat-links'>分類：交通</span> <span class='tags-links'>タグ：バス, 村, 交通</span>"
                         "</footer>"))
    assert lines == ["村営バスが毎日走るようになりました。"]


def test_an_author_named_in_a_link_card_is_its_source_but_a_linked_byline_is_still_chrome() -> None:
    lines = _lines(_page("<p><a href='https://satoyama.example.jp/writers/ueda'><span class='post-author'>上田</span>"
                         "</a></p><p>村営バスが毎日走るようになりました。</p>"
                         "<a href='https://toge.example.jp/n/40'><div>村営バス、毎日運行に</div>"
                         "<div><span class='card-author'>峠新報</span> 2025/04/02</div></a>"))
    assert lines == ["村営バスが毎日走るようになりました。", "村営バス、毎日運行に",
                     "→ 峠新報 2025/04/02 https://toge.example.jp/n/40"]


def test_a_box_headed_by_the_count_of_its_comments_is_the_readers_comments() -> None:
    page = ("<html><body><article><h1>港の朝市、冬も毎週開催へ</h1><p>組合は冬の間も朝市を続けると決めました。</p>"
            "<div class='voices'><h4>みんなのコメント（2）</h4><div><p>minato***</p><p>冬も行けるのはうれしい。</p>"
            "<p>そう思う 31</p></div><div><p>asa_ichi</p><p>寒いので屋根がほしいです。</p></div></div>"
            "<div class='remark'><h4>コメント</h4><p>編集部としても楽しみにしています。</p></div></article></body></html>")
    report = ImportReport("page.html")
    lines = [line.text for line in read_html(page, report)]
    assert "冬も行けるのはうれしい。" not in lines and "minato***" not in lines
    assert any(item.rule == "comments" and item.line.text == "冬も行けるのはうれしい。" for item in report.dropped)
    # A box headed by a bare 'コメント' may be the editor's remark: it stays.
    assert "編集部としても楽しみにしています。" in lines


def test_a_headings_permalink_mark_is_dropped_and_a_symbol_link_elsewhere_is_kept() -> None:
    page = ("<html><body><main><h1>港の朝市、日曜も開催へ<a class='hl' href='#top'>¶</a></h1><p>本文です。</p>"
            "<h2 id='s2'>市場の改修 <a href='/minato/asaichi.html#s2' title='s2'>§</a></h2><p>改修は来春です。</p>"
            "<p>評価 <a href='#rate'>★</a></p></main></body></html>")
    report = ImportReport("page.html")
    lines = [line.text for line in read_html(page, report)]
    assert lines == ["港の朝市、日曜も開催へ", "本文です。", "市場の改修", "改修は来春です。", "評価 ★"]
    assert [dropped.rule for dropped in report.dropped] == ["heading-permalink", "heading-permalink"]


def test_a_section_heading_linking_to_itself_stays_whatever_its_class_says() -> None:
    # A theme classes every section heading for the offset under its sticky menu bar ('…-menu-offset');
    # the heading links to its own id, as a site's sections do and its menus do not.
    page = ("<html><body><article><h1>図書館の夜間開館、試行へ</h1><p>市立図書館が開館時間を延ばします。</p>"
            "<h2 class='heading stickyMenuOffset' id='why'>なぜ夜に開けるのか<a href='#why' class='h-anchor'>#</a></h2>"
            "<p>仕事帰りの利用が増えています。</p>"
            "<div class='site-menu'><h2 class='menuTitle'>メニュー</h2><p>ホーム</p></div></article></body></html>")
    report = ImportReport("page.html")
    lines = [line.text for line in read_html(page, report)]
    assert lines == ["図書館の夜間開館、試行へ", "市立図書館が開館時間を延ばします。", "なぜ夜に開けるのか",
                     "仕事帰りの利用が増えています。"]
    assert {dropped.rule for dropped in report.dropped} == {"heading-permalink", "navigation"}


def test_a_footer_inside_the_article_with_a_copyright_line_goes_whole_with_its_links_and_credit() -> None:
    markup = _page("<p>村の路線バスが戻りました。</p><footer><span>© 2024 かわせみ通信</span> "
                   "<a href='/legal'>個人情報の扱い</a> <a href='/'>この通信はかわせみ舎が発行しています</a></footer>")
    assert _lines(markup) == ["村の路線バスが戻りました。"]


def test_a_box_of_a_heading_and_titles_linking_into_the_site_is_its_list_of_posts() -> None:
    posts = ("<div class='x9f'><h3>かわせみ通信のバックナンバー</h3><a href='/p/aki'>秋の川で見つけた生き物</a>"
             "<span>2024/10/02</span><a href='/p/natsu'>夏休みの川あそび、気をつけたいこと</a>"
             "<span>2024/08/20</span><a>冬鳥がやってきた</a></div>")
    assert _lines(_page(f"<p>村の路線バスが戻りました。</p>{posts}")) == ["村の路線バスが戻りました。"]
    # Titles linking out of the site are cited sources; a sentence beside the links is the box's text.
    cited = ("<div><h3>参考にした記事</h3><a href='https://news.example.jp/a'>川の水位、平年並みに</a>"
             "<a href='https://news.example.jp/b'>アユの遡上が始まる</a></div>")
    kept = "".join(_lines(_page(f"<p>村の路線バスが戻りました。</p>{cited}")))
    assert all(text in kept for text in ("参考にした記事", "川の水位、平年並みに", "アユの遡上が始まる"))
    told = posts.replace("<span>2024/10/02</span>", "<p>川の生き物を毎週紹介しています。</p>")
    assert "川の生き物を毎週紹介しています。" in _lines(_page(f"<p>村の路線バスが戻りました。</p>{told}"))
