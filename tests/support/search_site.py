"""The site the search tests run on: the sample articles plus four written to probe the search.

Each written article exists for a reason given beside it: full-width and half-width forms, a
decoy that holds every bigram of a query but never the query, English words that are prefixes of
each other, markup in scraped text. Articles are newest first, as ``Site.articles`` promises.
"""

from __future__ import annotations

import datetime as dt

from kiku.content.model import DigestArticle, Section, Site, SiteConfig, SourceCard, Tag
from tests.support.sample_site import ENCYCLOPEDIA, PEACE_TALKS, PHONE_CALL, TAGS, sample_config

SEARCH_TAGS = {
    **TAGS,
    "nato": Tag("nato", "NATO", "NATO"),
    "economy": Tag("economy", "経済", "Economy"),
    "economic-cooperation": Tag("economic-cooperation", "経済協力", "Economic cooperation"),
}

# Full-width Latin and digits, half-width katakana, ㈱ and ① in scraped text.
PRICES = DigestArticle(
    slug="2025-03-25-consumer-prices",
    title="消費者物価指数が上昇、円安が家計を圧迫",
    date=dt.date(2025, 3, 25),
    lead="総務省が発表した２月の消費者物価指数（ＣＰＩ）は前年同月比３.２％上昇した。",
    tags=("economy",),
    key_points=("① 円安で輸入物価が上がり、ｶﾞｿﾘﾝ価格も高止まりしている。",),
    sections=(
        Section(
            heading="家計への影響",
            body=(
                "㈱日本総合研究所の試算では、食料品の値上がりが家計を最も圧迫している。",
                "Analysts at the Bank of Japan expect inflation to slow in the second half.",
            ),
        ),
    ),
    conclusion=("物価の先行きは為替次第だ。",),
)

# NATO written full-width in the title and half-width in the text; Ｇ７ full-width; 安全保障.
SUMMIT = DigestArticle(
    slug="2025-03-22-nato-summit",
    title="ＮＡＴＯ首脳会議、安全保障で結束を確認",
    date=dt.date(2025, 3, 22),
    lead="ゼレンスキー大統領も招かれ、ウクライナのNATO加盟が議題になった。",
    tags=("nato", "ukraine", "economic-cooperation"),
    sections=(
        Section(
            heading="Ｇ７との連携",
            question="何が決まった?",
            answer="防衛費の増額",
            sources=(SourceCard(
                url="https://example.org/nato-summit",
                title="NATO allies pledge more for defence",
                publisher="Example Wire",
                summary=("Secretary General Mark Rutte said the alliance stands with Ukraine.",),
            ),),
            body=("加盟国は国防費をＧＤＰ比２％以上に引き上げることで一致した。",),
        ),
    ),
)

# Every bigram of 停戦交渉 (停戦, 戦交, 交渉) but never the word; "national" but never "nation" or
# "nato"; 露 only at the end of a run (米露).
DECOY = DigestArticle(
    slug="2025-01-15-decoy",
    title="作戦交代の舞台裏",
    date=dt.date(2025, 1, 15),
    lead="停戦は遠く、前線では作戦交代が続く。外交交渉も進まない。",
    tags=("russia",),
    sections=(
        Section(
            heading="national guard の動き",
            body=("The national guard moved north. 米露の協議は中断した。",),
        ),
    ),
)

# Markup in scraped text: shown as text on the article page, and as text in search results.
MARKUP = DigestArticle(
    slug="2025-01-10-markup",
    title="<img src=x onerror=\"window.__searchXss=1\">タグ混入の記事",
    date=dt.date(2025, 1, 10),
    lead="本文に <b onmouseover=\"window.__searchXss=1\">マークアップ</b> を含む記事。",
    tags=(),
)


def search_config() -> SiteConfig:
    config = sample_config()
    return SiteConfig(
        title=config.title,
        title_en=config.title_en,
        description=config.description,
        base_url=config.base_url,
        tags=dict(SEARCH_TAGS),
        per_page=config.per_page,
    )


def search_site() -> Site:
    """Seven articles, newest first."""
    articles = (PRICES, SUMMIT, PHONE_CALL, ENCYCLOPEDIA, PEACE_TALKS, DECOY, MARKUP)
    return Site(config=search_config(), articles=articles)


FREQUENT_ARTICLES = 150


def frequent_site() -> Site:
    """``FREQUENT_ARTICLES`` articles, newest first, where 停戦交渉 is frequent and its postings cannot
    settle it: four in five say it (one in ten of them in the title), the fifth is a decoy holding
    停戦, 戦交 (in 作戦交代) and 交渉 (in 外交交渉) in its title and lead. So each of its bigrams occurs in
    more than one context, and every candidate must be confirmed in its text to count the matches."""
    articles = []
    newest = dt.date(2025, 6, 30)
    for number in range(FREQUENT_ARTICLES):
        if number % 5 == 3:
            title, lead = f"作戦交代の舞台裏 {number}", "停戦は遠く、外交交渉も進まない。"
        elif number % 10 == 0:
            title, lead = f"停戦交渉の行方 {number}", "両国の代表が会談した。"
        else:
            title, lead = f"前線の様子 {number}", "両国の代表が会談した。"
        body = "前線の兵士は休めない。" if number % 5 == 3 else "停戦交渉は来週も続く見通しだ。"
        articles.append(DigestArticle(
            slug=f"{(newest - dt.timedelta(days=number)).isoformat()}-frequent-{number}",
            title=title,
            date=newest - dt.timedelta(days=number),
            lead=lead,
            tags=("russia",),
            sections=(Section(heading="現地から", body=(body,)),),
        ))
    return Site(config=search_config(), articles=tuple(articles))
