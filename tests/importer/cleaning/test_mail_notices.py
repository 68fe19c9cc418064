"""A mail's note on its own delivery, the mail itself the sentence's subject: why the reader got it, how to stop
or answer it. Never the article's, wherever it stands; a sentence about another mail is."""

from __future__ import annotations

import pytest

from kiku.importer.cleaning.site_lines import is_mail_notice


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
