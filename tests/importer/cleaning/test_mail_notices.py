"""A mail's note on its own delivery, the mail itself the sentence's subject: why the reader got it, how to stop
or answer it. Never the article's, wherever it stands; a sentence about another mail is. A note that a machine
summed up the news, and a mail's ad framed by glyphs with its link alone under it, are the site's too."""

from __future__ import annotations

import pytest

from kiku.importer.cleaning.chrome import is_ad_line, is_site_note
from kiku.importer.cleaning.lines.link_lines import claim_ad_line
from kiku.importer.cleaning.lines.site_lines import is_mail_notice


@pytest.mark.parametrize("text", [
    "＊本メールマガジンは、港町だよりの読者登録をされた方へ配信しています。",
    "このメールへの返信にはお答えできませんので、ご了承ください。",
    "本ニュースレターの購読解除は、下記のページから手続きできます。",
    "※このメルマガは毎週金曜日にお届けしています。",
])
def test_a_note_on_the_mail_s_delivery(text: str) -> None:
    assert is_mail_notice(text)


@pytest.mark.parametrize("text", [
    "このメールは偽物で、銀行を名乗って暗証番号を聞き出そうとします。",  # no delivery: the article's words
    "市役所は、不審なメールが届いたら開かずに削除するよう呼びかけています。",  # another mail, not this one
    "このメールマガジンの配信日",  # no sentence: a label
])
def test_sentences_about_other_mails_are_the_article_s(text: str) -> None:
    assert not is_mail_notice(text)


@pytest.mark.parametrize("text", [
    "AIが複数の記事をもとに要約しています",
    "人工知能により各社の報道をまとめました。",
])
def test_a_note_that_a_machine_summed_up_the_news_is_the_site_s(text: str) -> None:
    assert is_site_note(text)


def test_a_sentence_about_what_a_machine_makes_of_other_things_is_the_article_s() -> None:
    assert not is_site_note("AIが画像を生成しています")


def test_a_glyph_framed_ad_line_and_its_link_alone_under_it_are_the_ad_s() -> None:
    texts = ["◆PR◆ 港の干物、今なら送料無料！", "https://himono.example.jp/lp?m=3", "━━━━━━━━", "▼ 朝市のいま"]
    assert is_ad_line(texts[0]) and not is_ad_line("◆朝市◆ 港のにぎわい")
    assert claim_ad_line(texts, 0) == 2
    # a bullet under the link: the card of an ad, kept to be judged
    assert claim_ad_line([texts[0], texts[1], "・干物セットが半額。"], 0) == 0
