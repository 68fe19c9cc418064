"""dump_article: the exact YAML written, and the round trip load_article(dump_article(a)) == a."""

from __future__ import annotations

import datetime as dt

import pytest
import yaml

from kiku.content.checking.article import (
    ATTRIBUTION_FIELDS,
    CARD_FIELDS,
    DIGEST_FIELDS,
    ENCYCLOPEDIA_FIELDS,
    SECTION_FIELDS,
)
from kiku.content.loading.loader import load_article
from kiku.content.model import (
    Article,
    Attribution,
    DigestArticle,
    EncyclopediaArticle,
    EncyclopediaSection,
    Reference,
    Section,
    SiteConfig,
    SourceCard,
    Tag,
)
from kiku.content.writing.writer import dump_article

CONFIG = SiteConfig(
    title="テスト",
    base_url="https://example.org/",
    tags={
        "ukraine": Tag("ukraine", "ウクライナ", "Ukraine"),
        "russia": Tag("russia", "ロシア", "Russia"),
        "united-states": Tag("united-states", "アメリカ", "United States"),
    },
)


def reload(article: Article) -> Article:
    return load_article(
        dump_article(article), path=f"content/{article.slug}.yaml", slug=article.slug, config=CONFIG
    )


FULL_DIGEST = DigestArticle(
    slug="us-russia-call",
    title="米ロ首脳電話会談:ウクライナ情勢と新たな協力?",
    date=dt.date(2025, 3, 19),
    lead="プーチン大統領とトランプ大統領、2時間半の電話会談。\n\n米ロ関係、新たな章へ?",
    tags=("ukraine", "russia", "united-states"),
    key_points=("米ロ首脳が電話会談を実施", "停戦や人道支援、捕虜交換で合意", "2025"),
    intro="それでは、今回の電話会談の内容について詳しく見ていきましょう。",
    sections=(
        Section(
            heading="米ロ首脳電話会談",
            question="プーチンとトランプは、どんな問題について話し合った?",
            answer="yes",  # a YAML boolean word: must come back as text
            comments=("今回の会談は、影響を与えそうですね。",),
            sources=(SourceCard(
                url="https://jp.reuters.com/world/ukraine/NEEU3BDE5NKJNJWOCN5IWDYGIE-2025-03-18/",
                title="米ロ首脳、ウクライナ全面停戦合意せず",
                publisher="ロイター",
                published=dt.date(2025, 3, 18),
                summary=(
                    "トランプ米大統領とプーチン大統領は電話会談を行いました。",
                    "- ダッシュで始まる行",
                    "# シャープで始まる行",
                    "注: コロンを含む",
                    "[ホワイトハウス](https://www.whitehouse.gov/)は発表した。",
                ),
                off_topic=True,
                comments=("双方に譲歩が見られた点は評価できます。",),
            ),),
            body=(
                "2025年3月18日、電話会談を行いました。",
                "一行目\n二行目",
                "段落の中の 'シングル' と \"ダブル\" の引用符",
                "a" * 300 + " 折り返さない長い行 " + "b" * 300,
            ),
            reaction=("ええ、確かに。",),
        ),
        Section(heading="見出しだけの節"),
        Section(heading="3.10", sources=(SourceCard(url="https://example.org/a"),)),
    ),
    outro=("今後の展開に注目です。",),
    conclusion=("まとめ1", "まとめ2"),
    scraped_from="scraped/000_7bb388bc84c6bf8d.txt",
)

FULL_ENCYCLOPEDIA = EncyclopediaArticle(
    slug="nato",
    title="北大西洋条約機構",
    date=dt.date(2025, 3, 1),
    attribution=Attribution(
        source="ウィキペディア",
        title="北大西洋条約機構",
        url="https://ja.wikipedia.org/wiki/北大西洋条約機構",
        license="CC BY-SA 4.0",
        revision="123456789",
        license_url="https://creativecommons.org/licenses/by-sa/4.0/deed.ja",
        notice="この記事は、ウィキペディアの北大西洋条約機構 (改訂履歴) の記事を複製、再配布したものにあたり、…",
    ),
    lead="北大西洋条約機構は軍事同盟である[1]。",
    tags=("ukraine",),
    sections=(
        EncyclopediaSection(heading="歴史", body=("1949年に設立された[2]。", "第一段落\n\n第二段落")),
        EncyclopediaSection(heading="加盟国"),
    ),
    references=(
        Reference(id=1, text="NATO公式サイト", url="https://www.nato.int/"),
        Reference(id=2, text="条約"),
    ),
    scraped_from="scraped/050.txt",
)


@pytest.mark.parametrize("article", [FULL_DIGEST, FULL_ENCYCLOPEDIA], ids=["digest", "encyclopedia"])
def test_round_trip_of_a_full_article(article: Article) -> None:
    assert reload(article) == article


@pytest.mark.parametrize(
    "text",
    [
        "yes",
        "No",
        "~",
        "null",
        "2025-03-19",
        "12:30",
        "0x1F",
        "1e3",
        "'quoted'",
        '"double"',
        "a: b",
        "a #b",
        "@at",
        "`back`",
        "{curly}",
        "[square]",
        "*star",
        "&amp",
        "!bang",
        "%percent",
        "|pipe",
        ">gt",
        "tab\tinside",
        "line one\nline two",
        "para\n\n\npara",
        "trailing space \nnext",
        "emoji 💡 and ✅",
        "💡\n✅ 二行",
        "C:\\Users\\kiku",
        "\u3000全角スペース\u3000で囲む",
        "a\u2028b",
    ],
)
def test_round_trip_of_awkward_text(text: str) -> None:
    article = DigestArticle(
        slug="x",
        title=text.replace("\n", " "),
        date=dt.date(2025, 1, 1),
        lead=text,
        sections=(Section(heading="H", body=(text,), sources=(SourceCard(url="https://a.jp/", title=text),)),),
    )
    assert reload(article) == article


def test_dump_of_a_small_digest_article_is_exact() -> None:
    article = DigestArticle(
        slug="small",
        title="米ロ首脳電話会談",
        date=dt.date(2025, 3, 19),
        lead="一段落目。\n\n二段落目。",
        tags=("ukraine",),
        sections=(
            Section(
                heading="見出し",
                sources=(SourceCard(
                    url="https://jp.reuters.com/x/", publisher="ロイター", published=dt.date(2025, 3, 18)
                ),),
                body=("本文です。",),
            ),
        ),
    )
    assert dump_article(article, comments=["imported from scraped/000.txt", "", "check the tags"]) == (
        "# imported from scraped/000.txt\n"
        "#\n"
        "# check the tags\n"
        "title: 米ロ首脳電話会談\n"
        "date: 2025-03-19\n"
        "lead: |-\n"
        "  一段落目。\n"
        "\n"
        "  二段落目。\n"
        "tags:\n"
        "- ukraine\n"
        "sections:\n"
        "- heading: 見出し\n"
        "  sources:\n"
        "  - publisher: ロイター\n"
        "    url: https://jp.reuters.com/x/\n"
        "    published: 2025-03-18\n"
        "  body:\n"
        "  - 本文です。\n"
    )


def test_dump_of_a_small_encyclopedia_article_is_exact() -> None:
    article = EncyclopediaArticle(
        slug="nato",
        title="NATO",
        date=dt.date(2025, 3, 1),
        attribution=Attribution(
            source="ウィキペディア",
            title="NATO",
            url="https://ja.wikipedia.org/wiki/NATO",
            license="CC BY-SA 4.0",
        ),
        references=(Reference(id=1, text="公式"),),
    )
    assert dump_article(article) == (
        "kind: encyclopedia\n"
        "title: NATO\n"
        "date: 2025-03-01\n"
        "references:\n"
        "- id: 1\n"
        "  text: 公式\n"
        "attribution:\n"
        "  source: ウィキペディア\n"
        "  title: NATO\n"
        "  url: https://ja.wikipedia.org/wiki/NATO\n"
        "  license: CC BY-SA 4.0\n"
    )


def test_dump_leaves_out_slug_kind_and_empty_fields() -> None:
    article = DigestArticle(
        slug="minimal",
        title="T",
        date=dt.date(2025, 1, 2),
        sections=(Section(heading="H", sources=(SourceCard(url="https://a.jp/", off_topic=False),)),),
    )
    assert dump_article(article) == (
        "title: T\ndate: 2025-01-02\nsections:\n- heading: H\n  sources:\n  - url: https://a.jp/\n"
    )


def test_field_order_follows_the_format() -> None:
    document = yaml.safe_load(dump_article(FULL_DIGEST))
    assert list(document) == [name for name in DIGEST_FIELDS if name != "kind"]
    # The importer and the writer use ``sources``; the one-card form is only read.
    assert list(document["sections"][0]) == [name for name in SECTION_FIELDS if not name.startswith("source_")
                                             and name != "source"]
    assert list(document["sections"][0]["sources"][0]) == list(CARD_FIELDS)
    encyclopedia = yaml.safe_load(dump_article(FULL_ENCYCLOPEDIA))
    assert list(encyclopedia) == list(ENCYCLOPEDIA_FIELDS)
    assert list(encyclopedia["attribution"]) == list(ATTRIBUTION_FIELDS)


def test_text_is_written_readably() -> None:
    text = dump_article(FULL_DIGEST)
    assert "  - |-\n    一行目\n    二行目\n" in text  # multi-line text is a literal block
    assert "answer: 'yes'\n" in text  # a boolean word stays text
    assert "- '2025'\n" in text
    assert "a" * 300 + " 折り返さない長い行 " + "b" * 300 + "\n" in text  # never folded


def test_emoji_are_written_as_they_are() -> None:
    article = DigestArticle(
        slug="e", title="💡 ポイント", date=dt.date(2025, 1, 1), lead="✅ 一つ目\n✅ 二つ目"
    )
    text = dump_article(article)
    assert text == "title: 💡 ポイント\ndate: 2025-01-01\nlead: |-\n  ✅ 一つ目\n  ✅ 二つ目\n"
    assert "\\U" not in text
    assert reload(article) == article


def test_multi_line_comment_becomes_several_comment_lines() -> None:
    text = dump_article(DigestArticle(slug="c", title="T", date=dt.date(2025, 1, 1)), comments=["a\nb  ", ""])
    assert text.startswith("# a\n# b\n#\ntitle: T\n")


def test_loaded_article_round_trips_through_the_writer() -> None:
    source = (
        "title: T\ndate: '2025-03-19'\ntags: ukraine\nsections:\n"
        "  - heading: H\n    reaction: そうですね。\n    source: {url: 'https://a.jp/', off_topic: no}\n"
    )
    article = load_article(source, path="content/t.yaml", slug="t", config=CONFIG)
    assert reload(article) == article
    assert dump_article(article) == (
        "title: T\ndate: 2025-03-19\ntags:\n- ukraine\nsections:\n- heading: H\n"
        "  sources:\n  - url: https://a.jp/\n  reaction:\n  - そうですね。\n"
    )


def test_shared_values_are_written_out_in_every_place_not_as_yaml_aliases() -> None:
    import datetime as dt

    from kiku.content.model import DigestArticle, Section, SourceCard

    day = dt.date(2025, 2, 19)
    card = SourceCard(url="https://example.com/a", published=day)
    article = DigestArticle(slug="x", title="題", date=day, sections=(Section(heading="見出し", sources=(card,)),))
    text = dump_article(article)
    assert "&id" not in text and "*id" not in text
    assert text.count("2025-02-19") == 2
