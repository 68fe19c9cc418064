"""General rules of the page family that batch heldout5 showed missing, each on a small crafted page."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from kiku.content.loader import load_config
from kiku.content.model import DigestArticle
from kiku.importer.grammar.card_link import read_card_link
from kiku.importer.layouts.cards import UrlAndRemark, split_url_and_remark
from kiku.importer.layouts.off_topic import ad_weights, card_evidence, is_off_topic
from kiku.importer.layouts.relevance import PageBigrams
from kiku.importer.pipeline import ImportResult, import_page
from tests.paths import REPO


def _import(tmp_path: Path, name: str, text: str) -> ImportResult:
    page = tmp_path / name
    page.write_text(text, encoding="utf-8")
    return import_page(page, load_config(REPO), scraped_from=name)


# --- 1. A number glued to a URL: it does not start with 0; a URL ending in '/' ended there ------

@pytest.mark.parametrize(("rest", "split"), [
    # The shortest run of the URL's last digits that does not start with 0 opens the remark.
    ("https://a.example/articles/-/141234510倍という引き上げ幅です。",
     UrlAndRemark("https://a.example/articles/-/1412345", "10倍という引き上げ幅です。", "10")),
    ("https://a.example/jc/article?k=202510030074510月に入り、初めて実施された。",
     UrlAndRemark("https://a.example/jc/article?k=2025100300745", "10月に入り、初めて実施された。", "10")),
    ("https://a.example/article/12345400円の値上げです。",
     UrlAndRemark("https://a.example/article/12345", "400円の値上げです。", "400")),
    # One digit is still one digit when it can open a number.
    ("https://a.example/article/10582133時間待ちはつらい。",
     UrlAndRemark("https://a.example/article/1058213", "3時間待ちはつらい。", "3")),
    # A short last segment after '/': the URL ended at the slash; sure when a counter follows…
    ("https://a.example/article/DGXZQ25A3000000/28万円という初任給です。",
     UrlAndRemark("https://a.example/article/DGXZQ25A3000000/", "28万円という初任給です。")),
    # … a guess to check otherwise (the URL may have had a page number).
    ("https://a.example/news/202507/120125/33という数字を覚えておきたい。",
     UrlAndRemark("https://a.example/news/202507/120125/", "33という数字を覚えておきたい。", "33")),
    ("https://a.example/news/20250307-OYO1T50012/2段階の運賃が実現すれば。",
     UrlAndRemark("https://a.example/news/20250307-OYO1T50012/", "2段階の運賃が実現すれば。", "2")),
])
def test_a_number_glued_to_a_url_is_read_whole(rest: str, split: UrlAndRemark) -> None:
    assert split_url_and_remark(rest) == split
    assert (split.url or "") + split.remark == rest


def test_a_multi_digit_guess_is_a_warning_naming_the_line(tmp_path: Path) -> None:
    result = _import(tmp_path, "page.txt", "\n".join([
        "京都市、宿泊税を最大1万円に", "京都市が宿泊税の上限を引き上げます。", "宿泊税の引き上げ", "宿泊税はいくらになる？",
        "最大1万円", "公開日:2025/03/05", "■ 京都市は宿泊税の上限を1泊1万円に引き上げる条例を可決した。",
        "記事全文 ＞ 京都新聞出典/画像元: https://www.kyoto-np.co.jp/articles/-/141234510倍という引き上げ幅は注目されています。"]))
    article = result.article
    assert isinstance(article, DigestArticle)
    card = article.sections[0].sources[0]
    assert (card.url, card.publisher) == ("https://www.kyoto-np.co.jp/articles/-/1412345", "京都新聞")
    assert card.comments == ("10倍という引き上げ幅は注目されています。",)
    assert ("line 8: the text glued to the URL starts with a count; '10' was read as its number (10倍という引き上げ幅は…), "
            "not as the URL's last digits (https://www.kyoto-np.co.jp/articles/-/1412345): check both") in result.report.warnings


# --- 2. The link's own label and arrows are not the publisher, wherever they stand ------------

@pytest.mark.parametrize(("line", "publisher", "url"), [
    ("記事全文 ＞ 京都新聞出典/画像元: https://www.kyoto-np.co.jp/articles/-/1", "京都新聞", "https://www.kyoto-np.co.jp/articles/-/1"),
    ("元記事 → 毎日新聞 https://mainichi.jp/articles/2", "毎日新聞", "https://mainichi.jp/articles/2"),
    ("続きを読む ⇒ 福井新聞ONLINE\u3000元記事：https://www.fukuishimbun.co.jp/articles/-/3", "福井新聞ONLINE",
     "https://www.fukuishimbun.co.jp/articles/-/3"),
    ("続きを読む ⇒ 産経新聞 ≫ 記事全文 https://www.sankei.com/article/4", "産経新聞", "https://www.sankei.com/article/4"),
    # A name that itself ends in one of the words is kept whole.
    ("さらに読む ⇒ 新聞記事 https://a.example/5", "新聞記事", "https://a.example/5"),
])
def test_the_link_label_is_not_the_publisher(line: str, publisher: str, url: str) -> None:
    link = read_card_link(line)
    assert link is not None
    assert (link.publisher, link.url) == (publisher, url)


# --- 3. An old table layout's title in <font><b>, named by <title>, with its date line above ------

OLD_CMS = """<html><head><meta charset="utf-8">
<title>路線バスの減便、地方で相次ぐ　通院の足をどう守るか - 地域ニュース倶楽部</title></head>
<body><table><tr><td class="header">地域ニュース倶楽部</td></tr>
<tr><td><table>
<tr><td><font size="2">掲載日：2025/04/18　カテゴリ：交通</font></td></tr>
<tr><td><font size="4"><b>路線バスの減便、地方で相次ぐ　通院の足をどう守るか</b></font></td></tr>
<tr><td>
<p>運転手不足で路線バスの減便が続いています。通院や通学への影響を整理しました。</p>
<p><b>この記事のポイント</b><br>
◎運転手不足で全国の路線バスが減便している<br>
◎病院への便が1日2本に減った町もある</p>
<h2>減便の広がり</h2>
<p>Ｑ．路線バスの減便はどこまで広がっている？</p>
<p>Ａ．全国の事業者の多くが減便</p>
<p>運転手の確保が難しくなっています。運転手の不足は深刻で、減便の動きは全国の路線に広がり、地方では通院や通学の足が細っています。</p>
<table><tr><td><font size="2">公開日：2025年4月16日</font></td></tr>
<tr><td>○運転手不足を理由に、全国のバス事業者の多くが路線の減便や廃止に踏み切った。<br>
○病院への便が1日2本に減り、帰りのバスまで3時間待つ高齢者もいる。</td></tr>
<tr><td>続きを読む ⇒ <a href="https://www.chunichi.co.jp/article/1058213">中日新聞　元記事：https://www.chunichi.co.jp/article/1058213</a></td></tr>
</table>
<p>通院の足をどう守るかが課題です。</p>
</td></tr></table></td></tr>
<tr><td class="footer">会社概要｜お問い合わせ</td></tr></table></body></html>
"""


def test_an_old_table_layouts_title_is_the_bold_line_named_by_the_title_element(tmp_path: Path) -> None:
    result = _import(tmp_path, "page.html", OLD_CMS)
    article = result.article
    assert isinstance(article, DigestArticle)
    assert article.title == "路線バスの減便、地方で相次ぐ\u3000通院の足をどう守るか"
    assert article.date == dt.date(2025, 4, 18)
    assert article.lead == "運転手不足で路線バスの減便が続いています。通院や通学への影響を整理しました。"
    assert article.key_points == ("運転手不足で全国の路線バスが減便している", "病院への便が1日2本に減った町もある")
    card = article.sections[0].sources[0]
    assert (card.publisher, card.url, card.published) == (
        "中日新聞", "https://www.chunichi.co.jp/article/1058213", dt.date(2025, 4, 16))


# --- 4. Off-topic cards: an untitled summary judged on its own; a summary vouching for its title -

PAGE_TITLE = "クマ出没、東北で過去最多ペース 市街地に現れる理由"
BEAR_SECTION = ["なぜ人里に下りてくるのか", "クマが市街地に現れるのはなぜ？", "えさ不足と里山の荒廃",
                "今年は全国的にブナの実が少なく、えさを求めて人里に下りるクマが増えています。",
                "高齢化で見回りの担い手が減ったことも、出没が増えた一因とされます。"]


def test_an_untitled_card_sharing_only_generic_words_is_an_ad() -> None:
    pet_ad = ["今年の秋も全国の保険会社で、ペット保険の加入者向けに保険料を割り引くキャンペーンが始まった。",
              "犬や猫の高齢化で通院が増えており、補償内容を見直す飼い主が多いという。"]
    topic = [PAGE_TITLE, *BEAR_SECTION[:3]]
    assert is_off_topic(None, pet_ad, BEAR_SECTION, [PAGE_TITLE, *BEAR_SECTION], topic)
    real = ["人が減った集落では、収穫されない柿の木がクマを引き寄せている。", "専門家は柿の実を早めに取るよう呼びかけている。"]
    assert not is_off_topic(None, real, BEAR_SECTION, [PAGE_TITLE, *BEAR_SECTION], topic)


def test_a_summary_sharing_the_page_titles_words_vouches_for_a_title_worded_otherwise() -> None:
    title = "花火大会の有料席、1席10万円も 値上げの裏にある「警備費」"
    section = ["有料席はなぜ高い？", "観覧席の価格はどこまで上がった？", "10万円の席も登場",
               "都心の大会では、警備や清掃にかかる費用が年々増えています。", "無料の場所は年々狭くなっています。"]
    summary = ["隅田川花火大会の一部の協賛会場で、料理と飲み物付きの観覧席が1人10万円で販売された。",
               "主催者側は、混雑を避けて落ち着いて楽しみたい人や訪日客の需要を見込んでいる。"]
    card_title = "隅田川に初の「特等席」 飲食付きで川沿い独占"
    assert not is_off_topic(card_title, summary, section, [title, *section], [title, *section[:3]])

    # Without the page's title to share words with, the title worded otherwise weighs against the card
    # again; its summary saying its title's and its section's words keeps it real all the same.
    def title_weights(page_title: str) -> list[float]:
        evidence = card_evidence(card_title, summary, section, PageBigrams(enumerate([title, *section])), (),
                                 [page_title, *section[:3]])
        return [weight.weight for weight in ad_weights(evidence) if weight.feature.startswith("its title shares")]

    assert title_weights(title) == []
    assert title_weights("夏の催し") == [1.5]
    assert not is_off_topic(card_title, summary, section, [title, *section], ["夏の催し", *section[:3]])
