"""A small Site built straight from model objects, for render, build and browser tests.

It does not use the YAML loader, on purpose: the renderer is tested on its own, including
content the loader would refuse (a ``javascript:`` link) to prove the second fence holds.
Articles are newest first, as ``Site.articles`` promises.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

from kiku.content.model import (
    Attribution,
    DigestArticle,
    EncyclopediaArticle,
    EncyclopediaSection,
    Reference,
    Section,
    Site,
    SiteConfig,
    SourceCard,
    Tag,
)

REPO_ROOT = Path(__file__).resolve().parents[2]
BASE_URL = "https://example.github.io/digest/"

SCRIPT_TEXT = "<script>alert(1)</script>"
JAVASCRIPT_LINK = "[x](javascript:alert(1))"
REUTERS_URL = "https://jp.reuters.com/world/ukraine/NEEU3BDE5NKJNJWOCN5IWDYGIE-2025-03-18/"
COURRIER_URL = "https://courrier.jp/news/archives/395171/"
NIKKEI_URL = "https://www.nikkei.com/article/DGXZQOGN19ABC0Z10C25A3000000/"
ASAHI_URL = "https://globe.asahi.com/article/15630313"
OFF_TOPIC_URL = "https://example.com/news/tiny-apartment-99-percent"
OFF_TOPIC_BULLET = "「激せまアパート」と呼ばれる3畳のワンルームが入居率99.9%という人気を博している。"
WIKIPEDIA_URL = "https://ja.wikipedia.org/wiki/プーチン・トランプ電話会談"
GFDL_URL = "https://www.gnu.org/licenses/fdl-1.3.html"

TAGS = {
    "ukraine": Tag("ukraine", "ウクライナ", "Ukraine", ("ウクライナ", "ゼレンスキー")),
    "russia": Tag("russia", "ロシア", "Russia", ("ロシア", "プーチン")),
    "united-states": Tag("united-states", "アメリカ", "United States", ("アメリカ", "トランプ")),
    "ceasefire": Tag("ceasefire", "停戦", "Ceasefire", ("停戦",)),
    "saudi-arabia": Tag("saudi-arabia", "サウジアラビア", "Saudi Arabia", ("サウジアラビア",)),
    "energy": Tag("energy", "エネルギー", "Energy", ("エネルギー",)),  # used by no article
}

PHONE_CALL = DigestArticle(
    slug="2025-03-19-us-russia-phone-call",
    title="米ロ首脳電話会談:ウクライナ情勢と新たな協力?停戦合意と関係改善の可能性を探る",
    date=dt.date(2025, 3, 19),
    lead=(
        "プーチン大統領とトランプ大統領、2時間半の電話会談でウクライナ停戦に向けた合意! "
        "さらに、経済協力やアイスホッケー試合開催も! 米ロ関係、新たな章へ?"
    ),
    tags=("ukraine", "russia", "united-states", "ceasefire"),
    key_points=(
        "💡 米ロ首脳がウクライナ情勢をめぐり電話会談を実施",
        "停戦や人道支援、捕虜交換で合意",
        "米ロ関係正常化に向けた動きも示唆",
    ),
    intro="それでは、今回の電話会談の内容について詳しく見ていきましょう。",
    sections=(
        Section(
            heading="米ロ首脳電話会談:ウクライナ情勢と新たな協力",
            question="プーチンとトランプは、どんな問題について話し合った?",
            answer="ウクライナ情勢",
            comments=("今回の会談は、ウクライナ情勢の進展に大きな影響を与えそうですね。",),
            sources=(SourceCard(
                url=REUTERS_URL,
                title="米ロ首脳、ウクライナ全面停戦合意せずインフラ攻撃日間停止",
                publisher="ロイター",
                published=dt.date(2025, 3, 19),
                summary=(
                    "✅ トランプ米大統領とプーチン大統領は電話会談を行い、ウクライナのエネルギー施設と"
                    "インフラに対する攻撃を30日間停止することで合意しました。",
                    "ホワイトハウスは、今回の合意が黒海における停戦や恒久的な和平合意に向けた協議開始に"
                    "つながると発表しました。",
                    "専門家からは、この合意がロシアに有利に働く可能性を指摘する声も上がっています。",
                ),
                comments=("双方に譲歩が見られた点は評価できますが、今後の具体的な進展が気になります。",),
            ),),
            body=(
                "2025年3月18日、プーチン大統領とトランプ大統領は2時間半を超える電話会談を行いました。",
                f"主な議題はウクライナ情勢で、**人道的支援**や捕虜交換を進めることで合意しました。{SCRIPT_TEXT}",
                f"この段落には危険なリンク {JAVASCRIPT_LINK} と、[安全なリンク]({COURRIER_URL}) があります。",
            ),
            reaction=(
                "ええ、確かに。停戦は歓迎すべきですが、ロシアが時間稼ぎをしている可能性も否定できません。",
            ),
        ),
        Section(
            heading="米ロ関係正常化に向けた動き",
            question="トランプ次期大統領とプーチン大統領は、どんな協力関係を築く意向?",
            answer="経済・エネルギー分野での協力",
            comments=("関係正常化に向けた動きは、今後の国際情勢に大きな影響を与える可能性があります。",),
            sources=(SourceCard(
                url=COURRIER_URL,
                title="トランプとプーチンの「時間半の長電話」で合意されたことは何か",
                publisher="クーリエ・ジャポン",
                published=dt.date(2025, 3, 19),
                summary=("ロシアはウクライナ兵士23人を解放し、捕虜交換を行うことを発表しました。",),
                comments=("経済協力の可能性も言及されたのは興味深いですね。",),
            ), SourceCard(
                url=NIKKEI_URL,
                title="米ロ、エネルギー協力を協議へ",
                publisher="日本経済新聞",
                summary=("米ロ両政府はエネルギー分野での協力を協議する方針を示しました。",),
                comments=("二つの記事を読み比べると、協力の範囲が見えてきます。",),
            ),),
            body=(
                "両首脳は、中東・紅海地域情勢や核不拡散問題に関する協力を推進していく意向も表明しました。",
            ),
        ),
    ),
    outro=("おおきに!この電話会談は、米ロ関係の改善に向けた新たな一歩となる可能性を秘めてますね。",),
    conclusion=(
        "米ロ首脳は停戦に向けた限定的な合意に達した。",
        "関係正常化と経済協力に向けた動きも見え始めている。",
    ),
)

ENCYCLOPEDIA = EncyclopediaArticle(
    slug="putin-trump-phone-call",
    title="プーチン・トランプ電話会談",
    date=dt.date(2025, 3, 10),
    attribution=Attribution(
        source="Wikipedia",
        title="プーチン・トランプ電話会談",
        url=WIKIPEDIA_URL,
        license="GNU Free Documentation License",
        revision="2025/03/21 04:36 UTC 版",
        license_url=GFDL_URL,
        notice="この記事は、ウィキペディアの米ロ首脳電話会談 (改訂履歴) の記事を複製、再配布したものにあたり、"
               "GNU Free Documentation Licenseというライセンスの下で提供されています。",
    ),
    lead=(
        "プーチン・トランプ電話会談は、2025年2月12日にアメリカ大統領ドナルド・トランプとロシア大統領"
        "ウラジーミル・プーチンが行った電話会談である[1]。\n\n"
        "会談はおよそ1時間半に及び、ウクライナ情勢や中東情勢など幅広く議論した[2]。"
    ),
    tags=("russia", "united-states", "ukraine"),
    sections=(
        EncyclopediaSection(
            heading="背景",
            body=(
                "2024年11月7日、プーチンはトランプが大統領選挙で勝利したことを祝福した[3][4]。",
                "2月12日、ヘグセスはウクライナのNATO加盟を支持しないと述べた[3]。存在しない脚注[99]はそのまま。",
            ),
        ),
        EncyclopediaSection(
            heading="結果",
            body=("2月18日、サウジアラビアで米露首脳会談が行われ、協議継続で合意した[4]。",),
        ),
    ),
    references=(
        Reference(
            1,
            "“米ロ高官が会合へ” (英語). www.bloomberg.co.jp. (2025年2月16日).",
            "https://www.bloomberg.co.jp/news/articles/2025-02-16/SRR2XIDWLU6800",
        ),
        Reference(2, "Quinn, Melissa (2025年2月12日). “Trump speaks with Putin” - CBS News."),
        Reference(
            3,
            "Troianovski, Anton (2024年11月7日). “Putin Lavishes Praise on Trump”. NYT.",
            "https://www.nytimes.com/2024/11/07/world/europe/trump-putin-russia-ukraine-war-"
            "restored-ties-open-to-dialogue-with-the-new-administration.html",
        ),
        Reference(
            4,
            "“米ロ、ウクライナ紛争終結へ協議継続で合意 サウジで高官会合”. ロイター.",
            "https://jp.reuters.com/world/ukraine/MVQEE3G5KBJJHH35UG42CSPFNI-2025-02-18/",
        ),
    ),
)

PEACE_TALKS = DigestArticle(
    slug="2025-02-19-peace-talks",
    title="トランプとプーチンによる和平交渉、ウクライナ戦争は本当に終わるのか?",
    date=dt.date(2025, 2, 19),
    lead="トランプ前大統領、プーチン大統領と電話会談!ウクライナ戦争終結へ、交渉開始か?",
    tags=("ukraine", "ceasefire", "saudi-arabia"),
    key_points=("トランプ前大統領とプーチン大統領が停戦交渉を開始することで合意した。",),
    sections=(
        Section(
            heading="トランプとプーチンによる和平交渉の開始",
            question="トランプ氏とプーチン氏はどんな合意をしましたか?",
            answer="交渉開始で合意",
            sources=(SourceCard(
                url=ASAHI_URL,
                title="ウクライナめぐり米ロが停戦交渉へ 和平の功績急ぐトランプ氏",
                publisher="朝日新聞GLOBE+",
                published=dt.date(2025, 2, 19),
                summary=("米ロ両国は停戦交渉の開始で合意しました。",),
            ),),
            body=("トランプ氏は、プーチン氏と「サウジアラビアで会う可能性」も示唆しました。",),
        ),
        Section(
            heading="サウジアラビアでの会談の可能性",
            sources=(SourceCard(
                url=OFF_TOPIC_URL,
                title="ウクライナ和平、サウジで協議へ",
                publisher="例示ニュース",
                published=dt.date(2025, 2, 18),
                summary=(OFF_TOPIC_BULLET,),
                off_topic=True,
            ),),
            body=("会談の場所としてサウジアラビアが浮上しています。",),
            reaction=("本当に実現するのでしょうか。",),
        ),
    ),
    conclusion=("停戦交渉は容易ではなく、米ロ両国の緊張状態は続いている。",),
)


def sample_config(per_page: int = 10) -> SiteConfig:
    return SiteConfig(
        title="菊 Chrysanthemum Digest",
        title_en="Chrysanthemum Digest",
        description="海外ニュースを日本語でまとめて読むダイジェスト。出典へのリンク付き。",
        base_url=BASE_URL,
        tags=dict(TAGS),
        per_page=per_page,
    )


def sample_site(per_page: int = 10) -> Site:
    """Three articles, newest first: a digest, an encyclopedia article, a digest with an off-topic card."""
    return Site(config=sample_config(per_page), articles=(PHONE_CALL, ENCYCLOPEDIA, PEACE_TALKS))


def with_articles(site: Site, *articles: DigestArticle | EncyclopediaArticle) -> Site:
    return replace(site, articles=articles)
