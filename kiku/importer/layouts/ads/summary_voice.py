"""What a card's summary does: sell something to its reader, or report what happened.

Word overlap says what a summary is about; it cannot tell an ad that borrows its section's words
(スマホ, 価格, 乗り換え) from the news it imitates, nor a real card worded unlike its own title.
The voice can: an ad speaks to its reader as a seller — it exclaims, it calls to act ('今すぐ',
'こちらから'), it waits on the reader ('お届けします', 'ご用意しました'), it addresses the reader
('お悩みの方', 'あなたに'), it hurries the reader ('今なら', 'なくなり次第終了'), it names the price
the reader pays ('月額990円から') and how soon the reader is served ('最短60秒'). A news summary
reports, and lets the people it reports on speak in quotes ('「…」と話した'); an ad has no one to
quote but its customer.
Nothing here knows any page's topic: the measures are the register alone.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

# A seller's calls to act and courtesy towards a customer (the reader). News reports on a
# sale in the third person ('…の予約を受け付ける'); an ad asks the reader to buy.
CALLS_TO_ACT = (
    "今すぐ", "こちらから", "こちらをチェック", "お見逃しなく", "ご覧ください", "ご確認ください",
    "お申し込みは", "お申込みは", "お問い合わせは", "ご注文は", "ご予約は", "ぜひ一度", "お気軽に",
    "ご用意しました", "ご用意しています", "ご案内します", "ご案内。", "お届けします", "お届け。", "お届け!",
    "お届けでき", "お試しいただけ", "ご利用いただけ", "お楽しみいただけ", "お選びいただけ",
    "おすすめです", "おすすめします",
)
# The reader addressed as a customer ('お悩みの方', 'あなたに'): news speaks of people, not to them.
ADDRESSES = (
    "あなたに", "あなたの", "あなたも", "あなたが", "お悩みの方", "気になる方", "はじめての方", "初めての方",
    "ご希望の方", "ご検討中の方", "方はぜひ",
)
# The hurry an ad presses on its reader: the offer ends, so act now.
HURRIES = ("今なら", "いまなら", "今だけ", "いまだけ", "お早めに", "なくなり次第", "なくなりしだい", "在庫限り")
# Sentence ends that invite the reader ('見直そう!', '…しませんか'): a news summary states, an ad invites.
_INVITATION = re.compile(r"(?:しよう|ましょう|ませんか|てみて|てください|下さい)[。!?]?$")
# A price the reader pays from: '990円から', '月額1980円から', '1日300円', '実質1円'; not a change
# reported between two figures ('150円から160円に') or from one ('1000円から引き上げる').
_OFFER_PRICE = re.compile(
    r"(?:[0-9][0-9,.]*(?:万|千)?円(?:台)?から(?![0-9一二三四五六七八九十百千万]|引き|値上|値下|上が|下が|増|減|改)"
    r"|月額(?:料金)?[0-9][0-9,.]*(?:万|千)?円(?:から|~)"
    r"|1日(?:たった|わずか)?[0-9][0-9,.]*円"
    r"|実質[0-9][0-9,.]*(?:万|千)?円)"
)
# How soon the reader is served ('最短60秒', '最短即日'): a promise to a customer, not a report.
_SPEED_PROMISE = re.compile(r"最短(?:[0-9]+(?:秒|分|時間|日|営業日)|即日|翌日|当日)")
# Someone's own words in quotes, then what they did with them ('「…」と話した', '「…」との声'): the
# quote ends as speech does, in kana or a full stop, unlike a name in brackets ('「激せまアパート」と呼ばれる').
_QUOTED_WORDS = re.compile(r"「[^「」]*[ぁ-ゖー。!?]」(?:と|との|って)(?!呼|称)")
_SENTENCE_END = re.compile(r"(?<=[。!?])")


@dataclass(frozen=True, slots=True)
class SummaryVoice:
    """The register of a summary: which marks of a seller it holds, and whether it quotes anyone."""

    # The seller's marks it holds, each named by what it is ('an exclamation', …), at most once each.
    selling: tuple[str, ...]
    # It gives someone's own words in quotes, as a report does.
    quotes_someone: bool


def summary_voice(summary: Iterable[str]) -> SummaryVoice:
    """Read the summary's register from its sentences."""
    text = unicodedata.normalize("NFKC", " ".join(summary))
    sentences = [sentence.strip() for sentence in _SENTENCE_END.split(text) if sentence.strip()]
    marks = (
        ("an exclamation", "!" in text),
        ("a call to act", any(call in text for call in CALLS_TO_ACT)
         or any(_INVITATION.search(sentence) for sentence in sentences)),
        ("the reader addressed", any(address in text for address in ADDRESSES)),
        ("a hurry", any(hurry in text for hurry in HURRIES)),
        ("a price the reader pays", _OFFER_PRICE.search(text) is not None),
        ("a promise of speed", _SPEED_PROMISE.search(text) is not None),
    )
    return SummaryVoice(selling=tuple(name for name, found in marks if found),
                        quotes_someone=_QUOTED_WORDS.search(text) is not None)
