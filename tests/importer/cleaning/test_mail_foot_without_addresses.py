"""A saved mail's links lose their addresses ('配信の解除はこちら'): the foot ruled off at the page's end still
names itself by the mail's note on its own delivery, and a notice of the next issue in it goes with it."""

from __future__ import annotations

from kiku.importer.cleaning.ruled_blocks import claim_ruled_footer

_CLOSING = ["来週も港の話題をお届けします。", "━━━━━━━━━━━━"]


def test_a_mail_s_last_ruled_block_with_its_delivery_note_is_its_foot() -> None:
    foot = ["次回のお知らせ：秋祭りの準備を特集します", "※本メールは配信専用のアドレスからお送りしています。",
            "購読の解除はこちら"]
    texts = [*_CLOSING, *foot]
    assert claim_ruled_footer(texts, 1) == 1 + len(foot)


def test_without_the_delivery_note_or_before_more_text_it_is_no_foot() -> None:
    unmarked = ["次回のお知らせ：秋祭りの準備を特集します", "購読の解除はこちら"]
    assert claim_ruled_footer([*_CLOSING, *unmarked], 1) == 0
    # Not at the page's end, the block is judged as before: it names no address.
    middle = ["※本メールは配信専用のアドレスからお送りしています。", "購読の解除はこちら"]
    assert claim_ruled_footer([*_CLOSING, *middle, "━━━━━━━━━━━━", "朝市は毎週開かれます。"], 1) == 0
