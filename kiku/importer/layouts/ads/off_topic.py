"""Is a source card an ad? One scored decision over all the evidence a card gives.

Each piece of evidence is a feature with a weight; a card whose weights add up to
``AD_THRESHOLD`` (2.0) or more is flagged off-topic. A positive weight says "this card is about
something else, or sells something", a negative one "this card is about its page". No feature
decides alone except by its weight: the page's own ad mark is strong, not an override.
The weights were set on the import corpus (``bench/import_audit.py``: every ad card found, no
real card flagged) and the crafted cases of ``tests/importer/layouts/`` (``test_off_topic_words.py``,
``test_marked_ads.py``, ``test_ad_score.py``, ``test_summary_voice.py``), choosing among the weights
that fit them those that leave every card furthest from 2.0.

Markup (a saved page only; a text dump gives none of it)
- the page marks the card's box as an ad (data-ad, an ad class, a sponsor label such as '広告'
  or 'PR' in it): +4.0. A page knows its ads, so the mark alone passes 2.0 with room to spare;
  only a card whose words all say it is about the page (its summary on the page and in its
  section, under a title about the page, not one offer word) weighs it down below 2.0.
- the page marks some card as an ad, but not this one: -1.0. A page that marks its ads mostly
  marks all of them, so an unmarked card needs 3.0 from its words; an unmarked ad whose summary
  is about something else than its title and offers something still has them.
- the card's title opens with an ad slot's label ('【PR】', '［広告］'): +3.0.
- the card's link names an ad label where its publisher stands, or its meta line where its date stands
  ('— name, PR'; '詳しくはこちら https://…（スポンサー）',
  'PR', '広告'): +3.0. A text dump's own mark of an ad, as the title's label is.

What the summary is about (shares of character bigrams, ``relevance``)
- its words found in its section or anywhere else on the page: under 0.07 +1.5, under 0.12
  +1.0, under 0.2 +0.5, else -0.5. An ad borrows the page's generic words (今年, 全国, 速報,
  価格), rarely a fifth of its own; one that does needs several offer words to pass 2.0.
- 0.12 or more of its words in its own section: -1.0.
- a summary holding two offer words or more whose distinctive words (``relevance.distinctive_bigrams``:
  its bigrams of kanji, katakana or Latin letters once generic news words and offer words are taken
  out; four or more of them) are under 0.07 on the page is weighed by that share instead, and not
  as about its section: what it shares with the page is then the generic words and the offers
  themselves (今年, 価格, キャンペーン, 人気), the look an ad borrows, not a topic. A real card
  worded unlike its page offers nothing, so its shares are weighed as before.
- under a tenth of its own title's words, while under 0.2 about the page: +0.5. An ad's title
  is written to match the page; its summary sells another thing.
- a fifth or more of its own title's words and two or more of its section's heading, question
  and answer, with not one offer word on the card: -1.0. A real card under a title worded unlike
  its page still says what its title says and names what its section asks.
  (These two only for a title that counts: see below.)

What the title is about
- its words found in the section or the page: under 0.15 +1.5, under 0.25 +0.5. A title that
  is a quotation ('「もう限界」') names no topic, nor does one whose summary shares words of the
  page's own title beyond those the title itself shares with it: neither counts.
- a title about the page (half its words on the page, and not neutral) over a summary that says
  at most one content word of the page's title and its section's heading, question and answer
  while it holds two offer words or more: +2.5. The bait an ad is built as: a title written from
  the page's own words over a summary that sells another thing, sharing with the page only
  generic words (今年, 価格, 比較) that put its bigram shares near a real card's. A real card
  under a title about the page says its topic, or offers nothing.
- otherwise, a summary holding two offer words or more that says not one content word of the
  page's title and its section's heading, question and answer: +0.5. An ad under a title of the
  page's generic words ('【速報】全国の…価格、今年も…') sells a thing the page never names; no real
  card of the corpus both offers twice and misses its whole topic.
- not one offer word on the card, under a title about the page (half its words on the page,
  or 0.15 and a word of its section's heading, question or answer in the summary, or any and two
  such words): -2.0. A real card worded unlike its page, not an ad.
- no title: +1.0, and +1.0 more when its summary shares not one content word with the page's
  title or the section's heading, question and answer while it holds an offer word (an untitled
  real card on a side of the story holds none).

What the summary does (its register, ``summary_voice``: no word of any topic)
- +0.5 for each mark of a seller speaking to its reader, at most two: an exclamation, a call to act
  or a seller's courtesy ('今すぐ', 'お届けします'), the reader addressed ('お悩みの方'), a hurry
  ('今なら', 'なくなり次第'), a price the reader pays ('月額990円から', '1日300円'), a promise of
  speed ('最短60秒'). No real card of the corpus holds one (0 of 776), 69 of its 123 ads do; an ad
  under a news title whose summary shares its section's own words (スマホ, 乗り換え, 価格) still
  sells in a seller's voice. At most two, as a mark often repeats an offer word ('今なら').
- -0.75 (one offer word's weight, the other way) when it quotes someone's own words ('「…」と話した',
  '「…」との声'): a report lets the people it is about speak; an ad has no one to quote but its
  customer. 75 real cards of the corpus quote someone, no ad does. A real card worded unlike its
  title and its page, with one word that also serves offers ('人気'), still reports.

A card in another script than its page
- a card whose title and summary hold no kana or kanji, on a page written in Japanese ('Sumo returns
  to …' under a Japanese section): its shares of the page's words and of its title's are not weighed.
  Words written in two scripts share no bigram whatever they are about; what it offers and how it
  speaks still count.

Who the card cites (``relevance.names_a_seller``)
- its publisher names a shop, a store or a school ('…公式ストア', '…専門店', '…ドライビングスクール'): +1.0.
  A digest cites the press, agencies and offices; a card from a seller is its offer, whatever its
  summary borrows from the section (逆走, カメラ; タクシー, 免許). No real card of the corpus cites one.

Offer words (``relevance.promotion_cues``)
- +0.75 each different word of an offer (今なら, 無料, 会員登録, 最大, 人気 …) in the summary, at
  most four. A news summary may hold one or two; an ad holds several.
- the same for offer words only in the title (up to four in all), unless half the title's words
  are on the page: one word such as '予約で' in a news title about the page is news wording.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Hashable, Iterable, Sequence
from dataclasses import dataclass

from kiku.importer.cleaning.chrome import AD_LABELS, is_ad_line, normalise
from kiku.importer.layouts.ads.relevance import (
    PageBigrams,
    content_bigrams,
    coverage,
    distinctive_bigrams,
    names_a_seller,
    promotion_cues,
    topic_words,
)
from kiku.importer.layouts.ads.summary_voice import summary_voice
from kiku.importer.page import Line

AD_THRESHOLD = 2.0
MARKED = 4.0
UNMARKED = -1.0
AD_LABEL = 3.0
# What an ad's link prints where a card's publisher stands.
SPONSOR_LABELS = AD_LABELS | {"スポンサー", "タイアップ"}
# (share under which, weight): the first step the share is under gives the weight, none gives 0.
SUMMARY_OFF_PAGE = ((0.07, 1.5), (0.12, 1.0), (0.2, 0.5))
SUMMARY_ON_PAGE = -0.5
DISTINCTIVE_WORDS = 4
SUMMARY_ABOUT_SECTION = 0.12
SUMMARY_ABOUT_SECTION_WEIGHT = -1.0
SUMMARY_OFF_TITLE = 0.1
SUMMARY_OFF_TITLE_WEIGHT = 0.5
SUMMARY_SAYS_TITLE = 0.2
SUMMARY_SAYS_TITLE_WEIGHT = -1.0
TITLE_OFF_PAGE = ((0.15, 1.5), (0.25, 0.5))
TITLE_ABOUT_PAGE = 0.5
TITLE_NEAR_PAGE = 0.15
TITLE_VOUCHES = -2.0
BAIT = 2.5
BAIT_TOPIC_WORDS = 1
BAIT_OFFERS = 2
UNTITLED = 1.0
UNTITLED_OFF_TOPIC = 1.0
OFF_TOPIC_OFFERS = 0.5
OFFER = 0.75
SELLER = 1.0
MAX_OFFERS = 4
SELLING_MARK = 0.5
MAX_SELLING_MARKS = 2
QUOTES_SOMEONE = -OFFER  # a quote weighs as much as one offer word, the other way


@dataclass(frozen=True, slots=True)
class CardEvidence:
    """What one card says about itself, measured once."""

    # The saved page marks this card's box as an ad; the page marks some card, maybe another.
    marked: bool
    page_marks_ads: bool
    # The title opens with an ad slot's label ('【PR】').
    ad_label: bool
    # Shares (0 to 1) of the summary's words found in the section or the rest of the page, and
    # in the section alone.
    summary_about_page: float
    summary_about_section: float
    # How many distinctive words (bigrams beyond generic news words and offers) the summary says,
    # and the share of them the section or the rest of the page says.
    summary_words: int
    summary_words_about_page: float
    # The share of the title's words the summary says, and the section or page says (None: untitled).
    summary_about_title: float | None
    title_about_page: float | None
    # The title is no evidence of topic: a quotation, or a title the summary outdoes by sharing
    # more of the page's own title.
    title_neutral: bool
    # How many content words of the section's heading, question and answer the summary says, and
    # of those and the page's title (None: the topic is not known).
    section_words: int
    topic_words: int | None
    # Different offer words on the card (summary and title), and in the summary alone.
    offers: int
    summary_offers: int
    has_summary: bool
    # The summary's register (``summary_voice``): the marks of a seller speaking to the reader it
    # holds, and whether it quotes someone's own words as a report does.
    selling: tuple[str, ...]
    quotes_someone: bool
    # The card's publisher names a shop, a store or a school.
    seller: bool = False
    # The link names an ad label where the publisher stands ('（スポンサー）').
    sponsor_named: bool = False
    # Title and summary in another script than the section's text: word shares are no evidence.
    other_script: bool = False


@dataclass(frozen=True, slots=True)
class Weight:
    """One feature's contribution to a card's score, with what it says."""

    feature: str
    weight: float


def card_evidence(title: str | None, summary: Sequence[str], section_text: Sequence[str],
                  page: PageBigrams | None = None, card_lines: Collection[Hashable] = (),
                  topic: Sequence[str] = (), *, page_marks_ads: bool = False,
                  publisher: str | None = None, sponsor_mark: bool = False) -> CardEvidence:
    """The card's evidence: ``page`` is the whole page (``card_lines``, this card's own lines, are left
    out of it); ``topic`` the page's title, then the section's heading, question and answer; ``publisher``
    what the card's link names as its source."""
    summary_pairs = content_bigrams(" ".join(summary))
    section_pairs = content_bigrams(" ".join(section_text))
    about_section = coverage(summary_pairs, section_pairs)
    summary_words = distinctive_bigrams(" ".join(summary))
    words_about_section = coverage(summary_words, section_pairs)
    title_pairs = content_bigrams(title) if title else frozenset()
    in_page_title = topic_words(summary_pairs, topic[:1]) if topic else frozenset()
    voice = summary_voice(summary)
    echoed = bool(in_page_title) and in_page_title <= topic_words(title_pairs, topic[:1]) if topic else False
    return CardEvidence(
        marked=any(isinstance(line, Line) and line.ad for line in card_lines), page_marks_ads=page_marks_ads,
        ad_label=bool(title) and is_ad_line(title or ""),
        summary_about_page=_about_page(summary_pairs, about_section, page, card_lines),
        summary_about_section=about_section,
        summary_words=len(summary_words),
        summary_words_about_page=_about_page(summary_words, words_about_section, page, card_lines),
        summary_about_title=coverage(title_pairs, summary_pairs) if title else None,
        title_about_page=(_about_page(title_pairs, coverage(title_pairs, section_pairs), page, card_lines)
                          if title else None),
        title_neutral=bool(title) and (_is_quotation(title or "") or (bool(in_page_title) and not echoed)),
        section_words=len(topic_words(summary_pairs, topic[1:])) if topic else 0,
        topic_words=len(topic_words(summary_pairs, topic)) if topic else None,
        offers=promotion_cues([*summary, title or ""]), summary_offers=promotion_cues(summary),
        has_summary=bool(summary), selling=voice.selling, quotes_someone=voice.quotes_someone,
        seller=names_a_seller(publisher),
        sponsor_named=sponsor_mark or (publisher is not None and normalise(publisher) in SPONSOR_LABELS),
        other_script=_japanese(" ".join(section_text)) and not _japanese(" ".join([title or "", *summary])))


# Kana and kanji: text written in Japanese holds some.
_JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]")


def _japanese(text: str) -> bool:
    return _JAPANESE.search(text) is not None


def ad_weights(evidence: CardEvidence) -> list[Weight]:
    """Each feature's weight for this card (the module docstring says why each weighs what it does)."""
    weights = _markup_weights(evidence)
    if not evidence.has_summary:
        return weights  # nothing to read: the markup alone speaks

    def add(feature: str, weight: float) -> None:
        if weight:
            weights.append(Weight(feature, weight))

    page_share = evidence.summary_about_page
    if (evidence.summary_offers >= BAIT_OFFERS and evidence.summary_words >= DISTINCTIVE_WORDS
            and evidence.summary_words_about_page < SUMMARY_OFF_PAGE[0][0]):
        # Only generic words and offers in common with the page: a borrowed look, not a shared topic.
        page_share = evidence.summary_words_about_page
    if evidence.other_script:
        return weights + _register_weights(evidence, evidence.summary_offers)
    add(f"its summary shares {page_share:.2f} of its words with the page",
        _step(page_share, SUMMARY_OFF_PAGE) if page_share < SUMMARY_OFF_PAGE[-1][0] else SUMMARY_ON_PAGE)
    if evidence.summary_about_section >= SUMMARY_ABOUT_SECTION and page_share >= SUMMARY_OFF_PAGE[0][0]:
        add("its summary is about its section", SUMMARY_ABOUT_SECTION_WEIGHT)
    title_share = evidence.title_about_page
    if title_share is None:
        add("it has no title", UNTITLED)
        if evidence.topic_words == 0 and evidence.offers:
            add("its summary shares no word of the page's or the section's topic", UNTITLED_OFF_TOPIC)
    else:
        if not evidence.title_neutral:
            add(f"its title shares {title_share:.2f} of its words with the page", _step(title_share, TITLE_OFF_PAGE))
            if (evidence.summary_about_title is not None and evidence.summary_about_title < SUMMARY_OFF_TITLE
                    and page_share < SUMMARY_OFF_PAGE[-1][0]):
                add("its summary is about something else than its title", SUMMARY_OFF_TITLE_WEIGHT)
            if (evidence.summary_about_title is not None and evidence.summary_about_title >= SUMMARY_SAYS_TITLE
                    and evidence.section_words >= 2 and not evidence.offers):
                add("its summary says its title's and its section's words, and no offer", SUMMARY_SAYS_TITLE_WEIGHT)
        if not evidence.offers and _title_vouches(evidence, title_share):
            add("no offer word, under a title about the page", TITLE_VOUCHES)
        if _is_bait(evidence, title_share):
            add("its title is about the page, its summary sells another thing", BAIT)
        elif evidence.topic_words == 0 and evidence.summary_offers >= BAIT_OFFERS:
            add("its summary sells something and says no word of the page's or the section's topic", OFF_TOPIC_OFFERS)
    summary_offers = min(evidence.summary_offers, MAX_OFFERS)
    weights += _register_weights(evidence, summary_offers)
    if title_share is None or title_share < TITLE_ABOUT_PAGE:
        title_offers = min(evidence.offers - evidence.summary_offers, MAX_OFFERS - summary_offers)
        add(f"{_offer_words(title_offers)} in its title", OFFER * title_offers)
    return weights


def _register_weights(evidence: CardEvidence, summary_offers: int) -> list[Weight]:
    """What the card offers, how its summary speaks and whom it cites: no word of any topic."""
    weights = [Weight(f"{_offer_words(summary_offers)} in its summary", OFFER * summary_offers)]
    if evidence.selling:
        weights.append(Weight(f"its summary speaks as a seller to its reader ({', '.join(evidence.selling)})",
                              SELLING_MARK * min(len(evidence.selling), MAX_SELLING_MARKS)))
    if evidence.quotes_someone:
        weights.append(Weight("its summary quotes someone's own words, as a report does", QUOTES_SOMEONE))
    if evidence.seller:
        weights.append(Weight("its publisher names a shop, a store or a school", SELLER))
    return [weight for weight in weights if weight.weight]


def _offer_words(count: int) -> str:
    return f"{count} offer word" + ("s" if count != 1 else "")


def _markup_weights(evidence: CardEvidence) -> list[Weight]:
    weights = []
    if evidence.marked:
        weights.append(Weight("the page marks the card as an ad", MARKED))
    elif evidence.page_marks_ads:
        weights.append(Weight("the page marks other cards as ads, not this one", UNMARKED))
    if evidence.ad_label:
        weights.append(Weight("its title has an ad label", AD_LABEL))
    if evidence.sponsor_named:
        weights.append(Weight("its link names an ad label as its publisher", AD_LABEL))
    return weights


def _title_vouches(evidence: CardEvidence, title_share: float) -> bool:
    """A title about the page, or near it with the summary naming its section's words."""
    return (title_share >= TITLE_ABOUT_PAGE or (evidence.section_words >= 1 and title_share >= TITLE_NEAR_PAGE)
            or (evidence.section_words >= 2 and title_share > 0))


def _is_bait(evidence: CardEvidence, title_share: float) -> bool:
    """A title about the page over a summary naming at most one word of its topic and offering something."""
    return (not evidence.title_neutral and title_share >= TITLE_ABOUT_PAGE and evidence.topic_words is not None
            and evidence.topic_words <= BAIT_TOPIC_WORDS and evidence.summary_offers >= BAIT_OFFERS)


def ad_reason(evidence: CardEvidence) -> str | None:
    """Why the card reads as an ad: its score and every weight, largest first; None for a real card."""
    weights = ad_weights(evidence)
    score = sum(weight.weight for weight in weights)
    if score < AD_THRESHOLD:
        return None
    named = ", ".join(f"{weight.feature} {weight.weight:+g}"
                      for weight in sorted(weights, key=lambda weight: -weight.weight))
    return f"it reads as an ad (score {score:g}, flagged from {AD_THRESHOLD:g}): {named}"


def off_topic_reason(title: str | None, summary: Iterable[str], section_text: Iterable[str],
                     page: PageBigrams | None = None, card_lines: Collection[Hashable] = (),
                     topic: Sequence[str] = (), *, page_marks_ads: bool = False,
                     publisher: str | None = None, sponsor_mark: bool = False) -> str | None:
    """Why the card is an ad, or None; a card without a summary is judged by its markup alone. ``sponsor_mark``:
    a sponsor's mark stands where the card's meta line prints its date ('— name, PR')."""
    return ad_reason(card_evidence(title, list(summary), list(section_text), page, card_lines, topic,
                                   page_marks_ads=page_marks_ads, publisher=publisher, sponsor_mark=sponsor_mark))


def is_off_topic(title: str | None, summary: Iterable[str], section_text: Iterable[str],
                 page_text: Iterable[str] = (), topic: Sequence[str] = ()) -> bool:
    """The summary is about something else than its card, its section and ``page_text``: an ad."""
    page = PageBigrams(enumerate(page_text))
    return off_topic_reason(title, summary, section_text, page, topic=topic) is not None


def _step(share: float, steps: tuple[tuple[float, float], ...]) -> float:
    """The weight of the first step whose bound ``share`` is under (0 when it is under none)."""
    return next((weight for bound, weight in steps if share < bound), 0.0)


def _about_page(pairs: frozenset[str], about_section: float, page: PageBigrams | None,
                card_lines: Collection[Hashable]) -> float:
    """How much of ``pairs`` the section (``about_section``) or the rest of the page says."""
    return max(about_section, page.coverage_without(pairs, card_lines)) if page is not None else about_section


def _is_quotation(title: str) -> bool:
    """A title that is someone's words in quotes ('「もう限界」') says who spoke, not what about."""
    text = title.strip()
    return len(text) > 2 and text[0] in "「『“\"" and text[-1] in "」』”\"" and not _QUOTE_INSIDE.search(text[1:-1])


_QUOTE_INSIDE = re.compile(r"[」』”]")
