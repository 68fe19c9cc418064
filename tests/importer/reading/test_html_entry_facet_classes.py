"""A blog engine classes a post by its facets — its author, category and tags ('entry-author-<name>',
'tag-ads') — on the box holding the whole post. Such a class names no chrome box: the box holding most
of the page's text is read. The blog's name in the banner <h1> is not the post's title, which the
<title> element names beside it; reader comments longer than a short post are still dropped."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tests.support.importing import digest_of as _digest
from tests.support.importing import import_text as _import

_POST = """<!DOCTYPE html><html><head><meta charset="utf-8">
<title>{title_element}</title></head><body>
<div id="page"><div class="page-inner">
<div id="top"><h1><a href="/">みちくさ鉄道手帖</a></h1><p>ローカル線の話題を集めるブログ</p></div>
<div id="columns"><div class="columns-inner"><div id="center"><div class="center-inner">
<p class="day">2026/02/14 (土)</p>
<div class="{facets}">
<h2 class="post-title">小湊線に新型気動車　３月から順次投入</h2>
<div class="post-body"><div class="post-text">
<p>房総の小湊線に、新しい気動車が入ることになりました。古い車両の置き換えが一気に進みます。</p>
<h3 class="sub">何両が入るの？</h3>
<p>新車は何両？</p>
<p>まずは４両</p>
<div class="clip">
<p>小湊鉄道、新型気動車４両を導入へ</p>
<p>2026年2月10日</p>
<p>◇ 昭和の車両を置き換えるため、新型の気動車を４両導入すると発表した。</p>
<p>◇ ３月から順に営業運転に入る予定。</p>
<p>続きを読む ⇒ 房総日報 出典: <a href="https://boso.example.jp/n/5521">https://boso.example.jp/n/5521</a></p>
</div>
<p>乗り比べができるのは今のうちかもしれません。</p>
</div></div>
<p class="post-meta">2026/02/14 鉄道 | リンク</p>
</div>
<div class="comments">{comments}</div>
</div></div>
<div id="right"><div class="author-profile"><p>書いた人：みちくさ</p></div></div>
</div></div>
</div></div></body></html>"""

_TITLE = "小湊線に新型気動車　３月から順次投入"


@pytest.mark.parametrize("facets", [
    "post post-author-michikusa post-category-rail",  # the author box rule's word, as the post's author
    "hentry type-post category-travel tag-ads",  # the ad rule's word, as one of the post's tags
])
def test_a_post_classed_by_its_facets_is_read(tmp_path: Path, facets: str) -> None:
    page = _POST.format(title_element=f"{_TITLE}：みちくさ鉄道手帖", facets=facets, comments="")
    result = _import(tmp_path, "post.html", page)
    article = _digest(result)
    assert article.title == _TITLE
    assert article.date == dt.date(2026, 2, 14)
    assert article.lead == "房総の小湊線に、新しい気動車が入ることになりました。古い車両の置き換えが一気に進みます。"
    assert [(section.heading, section.question, section.answer) for section in article.sections] \
        == [("何両が入るの？", "新車は何両？", "まずは４両")]
    card = article.sections[0].sources[0]
    assert (card.title, card.publisher, card.url, card.off_topic) == (
        "小湊鉄道、新型気動車４両を導入へ", "房総日報", "https://boso.example.jp/n/5521", False)
    # The author box beside the post is still chrome.
    assert ("書いた人：みちくさ", "author-box") in [(item.line.text, item.rule) for item in result.report.dropped]


def test_the_blogs_name_in_the_banner_is_not_the_posts_title_whichever_side_of_the_title_element(
        tmp_path: Path) -> None:
    page = _POST.format(title_element=f"みちくさ鉄道手帖 | {_TITLE}", facets="post", comments="")
    assert _digest(_import(tmp_path, "post.html", page)).title == _TITLE


def test_comments_outweighing_a_short_post_are_still_dropped(tmp_path: Path) -> None:
    comments = "".join(f"<p>{number}番目のコメントです。新型車両、早く乗ってみたいですね。週末に見に行くつもりです。</p>"
                       for number in range(1, 40))
    page = _POST.format(title_element=f"{_TITLE}：みちくさ鉄道手帖", facets="post", comments=comments)
    result = _import(tmp_path, "post.html", page)
    assert _digest(result).title == _TITLE
    dropped = {item.line.text: item.rule for item in result.report.dropped}
    assert dropped["1番目のコメントです。新型車両、早く乗ってみたいですね。週末に見に行くつもりです。"] == "comments"
