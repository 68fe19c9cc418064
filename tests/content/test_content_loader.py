"""Loading valid content: site.yaml, both article kinds, the whole site, and the URL rules."""

from __future__ import annotations

import datetime as dt
import re
import textwrap
from pathlib import Path

import pytest

from kiku.content.checking.links import is_http_url, parsed_link_targets, unsafe_link_targets
from kiku.content.loading.loader import load_article, load_config, load_site
from kiku.content.model import (
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

REPO_ROOT = Path(__file__).resolve().parents[2]

SITE_YAML = """\
title: 菊 Chrysanthemum Digest
base_url: https://example.github.io/digest
tags:
  ukraine: {ja: ウクライナ, en: Ukraine, terms: [ウクライナ, キーウ]}
  russia: {ja: ロシア, en: Russia}
"""


def config() -> SiteConfig:
    return SiteConfig(
        title="テスト",
        base_url="https://example.org/",
        tags={
            "ukraine": Tag("ukraine", "ウクライナ", "Ukraine", ("ウクライナ",)),
            "russia": Tag("russia", "ロシア", "Russia"),
        },
    )


def load(text: str, slug: str = "x") -> DigestArticle | EncyclopediaArticle:
    return load_article(textwrap.dedent(text), path=f"content/{slug}.yaml", slug=slug, config=config())


def write_site(root: Path, articles: dict[str, str], site_yaml: str = SITE_YAML) -> Path:
    (root / "content").mkdir(parents=True, exist_ok=True)
    (root / "site.yaml").write_text(site_yaml, encoding="utf-8")
    for name, text in articles.items():
        (root / "content" / name).write_text(textwrap.dedent(text), encoding="utf-8")
    return root


# --- site.yaml ---------------------------------------------------------------------------------


def test_real_site_yaml_loads_with_its_tag_vocabulary() -> None:
    site_config = load_config(REPO_ROOT)
    assert site_config.title == "菊 Chrysanthemum Digest"
    assert site_config.base_url.endswith("/")
    assert site_config.language == "ja"
    ukraine = site_config.tags["ukraine"]
    assert (ukraine.key, ukraine.ja, ukraine.en) == ("ukraine", "ウクライナ", "Ukraine")
    assert "キーウ" in ukraine.terms
    assert list(site_config.tags)[:2] == ["ukraine", "russia"]  # file order is kept


def test_config_defaults_and_base_url_normalised(tmp_path: Path) -> None:
    site_config = load_config(write_site(tmp_path, {}))
    assert site_config == SiteConfig(
        title="菊 Chrysanthemum Digest",
        base_url="https://example.github.io/digest/",
        tags={
            "ukraine": Tag("ukraine", "ウクライナ", "Ukraine", ("ウクライナ", "キーウ")),
            "russia": Tag("russia", "ロシア", "Russia", ()),
        },
        title_en=None,
        description=None,
        language="ja",
        per_page=10,
    )


def test_config_optional_fields(tmp_path: Path) -> None:
    site_yaml = (
        "title: T\ntitle_en: T en\ndescription: 説明\nbase_url: https://x.org/\n"
        "language: en-US\nper_page: 25\n"
    )
    site_config = load_config(write_site(tmp_path, {}, site_yaml))
    assert (site_config.title_en, site_config.description) == ("T en", "説明")
    assert (site_config.language, site_config.per_page, site_config.tags) == ("en-US", 25, {})


# --- digest articles ---------------------------------------------------------------------------

FULL_DIGEST = """\
title: 米ロ首脳電話会談
date: 2025-03-19
lead: |
  プーチン大統領とトランプ大統領が電話会談。

  停戦に向けた合意も。
tags: [ukraine, russia]
key_points:
  - 米ロ首脳が電話会談
  - 停戦で合意
intro: それでは詳しく見ていきましょう。
sections:
  - heading: 米ロ首脳電話会談
    question: 何を話し合った?
    answer: ウクライナ情勢
    comments: [影響が大きそうですね。]
    source:
      title: 米ロ首脳、全面停戦合意せず
      publisher: ロイター
      url: https://jp.reuters.com/world/ukraine/x/
      published: 2025-03-18
      summary:
        - 攻撃を30日間停止することで合意。
        - "[ホワイトハウス](https://www.whitehouse.gov/)の発表。"
      off_topic: true
    source_comments: [評価できます。]
    body:
      - 2025年3月18日、電話会談を行いました。
      - 主な議題はウクライナ情勢でした。
    reaction: ええ、確かに。
  - heading: 次の節
outro: [今後に注目です。]
conclusion:
  - まとめ
scraped_from: scraped/000_7bb388bc84c6bf8d.txt
"""


def test_full_digest_article_loads_every_field() -> None:
    article = load(FULL_DIGEST, slug="us-russia-call")
    assert article == DigestArticle(
        slug="us-russia-call",
        title="米ロ首脳電話会談",
        date=dt.date(2025, 3, 19),
        lead="プーチン大統領とトランプ大統領が電話会談。\n\n停戦に向けた合意も。",
        tags=("ukraine", "russia"),
        key_points=("米ロ首脳が電話会談", "停戦で合意"),
        intro="それでは詳しく見ていきましょう。",
        sections=(
            Section(
                heading="米ロ首脳電話会談",
                question="何を話し合った?",
                answer="ウクライナ情勢",
                comments=("影響が大きそうですね。",),
                sources=(SourceCard(
                    url="https://jp.reuters.com/world/ukraine/x/",
                    title="米ロ首脳、全面停戦合意せず",
                    publisher="ロイター",
                    published=dt.date(2025, 3, 18),
                    summary=(
                        "攻撃を30日間停止することで合意。",
                        "[ホワイトハウス](https://www.whitehouse.gov/)の発表。",
                    ),
                    off_topic=True,
                    comments=("評価できます。",),
                ),),
                body=("2025年3月18日、電話会談を行いました。", "主な議題はウクライナ情勢でした。"),
                reaction=("ええ、確かに。",),
            ),
            Section(heading="次の節"),
        ),
        outro=("今後に注目です。",),
        conclusion=("まとめ",),
        scraped_from="scraped/000_7bb388bc84c6bf8d.txt",
    )
    assert article.source_urls == ("https://jp.reuters.com/world/ukraine/x/",)


def test_minimal_digest_article_has_defaults() -> None:
    article = load("title: T\ndate: 2025-03-19\n")
    assert article == DigestArticle(slug="x", title="T", date=dt.date(2025, 3, 19))
    assert article.kind == "digest"


def test_explicit_kind_digest_is_accepted() -> None:
    assert load("kind: digest\ntitle: T\ndate: 2025-03-19\n").kind == "digest"


def test_single_string_is_a_one_item_list() -> None:
    article = load(
        """\
        title: T
        date: 2025-03-19
        tags: ukraine
        key_points: ひとつだけ
        sections:
          - heading: H
            reaction: そうですね。
            body: 一段落だけ。
        """
    )
    assert isinstance(article, DigestArticle)
    assert article.tags == ("ukraine",)
    assert article.key_points == ("ひとつだけ",)
    assert article.sections[0].reaction == ("そうですね。",)
    assert article.sections[0].body == ("一段落だけ。",)


def test_empty_values_of_optional_fields_are_absent() -> None:
    article = load("title: T\ndate: 2025-03-19\nlead:\nintro: ''\ntags: []\nkey_points: ''\noutro: ~\n")
    assert article == DigestArticle(slug="x", title="T", date=dt.date(2025, 3, 19))


def test_bare_numbers_are_text_as_written() -> None:
    article = load("title: 2025\ndate: 2025-03-19\nsections:\n  - heading: 3.10\n    body: [1_000]\n")
    assert isinstance(article, DigestArticle)
    assert article.title == "2025"
    assert article.sections[0].heading == "3.10"  # the source text, not the float 3.1
    assert article.sections[0].body == ("1_000",)


def test_quoted_date_is_accepted_and_text_is_stripped() -> None:
    article = load("title: '  T  '\ndate: '2025-03-19'\nlead: |\n  一行目\n")
    assert (article.title, article.date, article.lead) == ("T", dt.date(2025, 3, 19), "一行目")


def test_empty_source_is_absent() -> None:
    article = load("title: T\ndate: 2025-03-19\nsections:\n  - heading: H\n    source:\n")
    assert isinstance(article, DigestArticle)
    assert article.sections == (Section(heading="H"),)


def test_off_topic_accepts_yes_and_no() -> None:
    article = load(
        "title: T\ndate: 2025-03-19\nsections:\n  - heading: H\n"
        "    source: {url: 'https://a.jp/', off_topic: yes}\n"
    )
    assert isinstance(article, DigestArticle)
    assert article.sections[0].sources == (SourceCard(url="https://a.jp/", off_topic=True),)


# --- encyclopedia articles ---------------------------------------------------------------------

ENCYCLOPEDIA = """\
kind: encyclopedia
title: 北大西洋条約機構
date: 2025-03-01
lead: 北大西洋条約機構(NATO)は軍事同盟である[1]。
tags: [ukraine]
sections:
  - heading: 歴史
    body:
      - 1949年に設立された[2]。
references:
  - id: 1
    text: NATO公式サイト
    url: https://www.nato.int/
  - id: 2
    text: 北大西洋条約
attribution:
  source: ウィキペディア
  title: 北大西洋条約機構
  url: https://ja.wikipedia.org/wiki/北大西洋条約機構
  revision: '123456789'
  license: CC BY-SA 4.0
  license_url: https://creativecommons.org/licenses/by-sa/4.0/deed.ja
scraped_from: scraped/050.txt
"""


def test_encyclopedia_article_loads_every_field() -> None:
    article = load(ENCYCLOPEDIA, slug="nato")
    assert article == EncyclopediaArticle(
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
        ),
        lead="北大西洋条約機構(NATO)は軍事同盟である[1]。",
        tags=("ukraine",),
        sections=(EncyclopediaSection(heading="歴史", body=("1949年に設立された[2]。",)),),
        references=(
            Reference(id=1, text="NATO公式サイト", url="https://www.nato.int/"),
            Reference(id=2, text="北大西洋条約"),
        ),
        scraped_from="scraped/050.txt",
    )
    assert article.kind == "encyclopedia"
    assert article.source_urls == ("https://ja.wikipedia.org/wiki/北大西洋条約機構", "https://www.nato.int/")


# --- the whole site ----------------------------------------------------------------------------


def test_load_site_sorts_newest_first_then_by_slug(tmp_path: Path) -> None:
    write_site(
        tmp_path,
        {
            "b-old.yaml": "title: B\ndate: 2025-01-01\n",
            "c-new.yaml": "title: C\ndate: 2025-03-19\n",
            "a-new.yaml": "title: A\ndate: 2025-03-19\ntags: [russia]\n",
            "nato.yaml": ENCYCLOPEDIA,
            "README.md": "not an article",
            ".#draft.yaml": "an editor's lock file",
        },
    )
    site = load_site(tmp_path)
    assert [article.slug for article in site.articles] == ["a-new", "c-new", "nato", "b-old"]
    assert site.config.tags["ukraine"].ja == "ウクライナ"


def test_load_site_without_articles(tmp_path: Path) -> None:
    write_site(tmp_path, {})
    assert load_site(tmp_path).articles == ()
    (tmp_path / "content").rmdir()
    assert load_site(tmp_path).articles == ()


# --- URLs and Markdown links -------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    ["https://example.org", "http://example.org/a?b=1#c", "HTTPS://EXAMPLE.ORG/", "https://例え.jp/パス"],
)
def test_is_http_url_accepts(url: str) -> None:
    assert is_http_url(url)


@pytest.mark.parametrize(
    "url",
    [
        "",
        "javascript:alert(1)",
        "data:text/html,x",
        "ftp://example.org/",
        "//example.org/",
        "/relative",
        "https://",
        "https:///path",
        "http:example.org",
        " https://example.org",
        "https://exa mple.org",
        "https://example.org/\u3000x",
        "https://example.org/\nx",
        "https://example.org/\x00",
        "https://[::1",
        "https://example.org:99999/",
        "https://example.org:port/",
    ],
)
def test_is_http_url_refuses(url: str) -> None:
    assert not is_http_url(url)


LINK_CASES = [
    ("ただの文章。", []),
    ("a < b かつ b > c", []),
    ("[x](https://a.jp/) と [y](#note) と ![i](http://a.jp/i.png)", []),
    ("<https://a.jp/?q=1&r=2>", []),
    ("[x](https://a.jp/(x)) 括弧つき", []),
    ("[x](javascript:alert(1))", ["javascript:alert(1)"]),
    ("[x]( javascript:alert(1) 'title')", ["javascript:alert(1)"]),
    ("<javascript:alert(1)>", ["javascript:alert(1)"]),
    ("[x](data:text/html,hi)", ["data:text/html,hi"]),
    ("![i](vbscript:x)", ["vbscript:x"]),
    ("[x](/relative)", ["/relative"]),
    ("[x](<https://a b>)", ["https://a b"]),
    ("[x](https://a.jp/\u3000x)", ["https://a.jp/\u3000x"]),
    ("[x](javascript&#58;alert(1))", ["javascript:alert(1)"]),
    ("<a@example.org>", ["mailto:a@example.org"]),
    ("[x][r]\n\n[r]: javascript:y", ["javascript:y"]),
    ("[r]: javascript:unused", ["javascript:unused"]),
    ("`[x](javascript:a)` はコード", []),
    (r"\[x](javascript:a) はエスケープ", []),
]


@pytest.mark.parametrize(("markdown", "expected"), LINK_CASES)
def test_unsafe_link_targets(markdown: str, expected: list[str]) -> None:
    assert unsafe_link_targets(markdown) == expected


@pytest.mark.parametrize(("markdown", "expected"), LINK_CASES)
def test_fast_path_never_disagrees_with_the_parser(markdown: str, expected: list[str]) -> None:
    """The regex fast path may only skip the parser when the parser would find nothing bad."""
    parsed_bad = [target for target in parsed_link_targets(markdown) if not is_http_url(target)]
    parsed_bad = [target for target in parsed_bad if not target.startswith("#")]
    assert unsafe_link_targets(markdown) == list(dict.fromkeys(parsed_bad))


# --- the documented examples -------------------------------------------------------------------

_EXAMPLE_BLOCK = re.compile(r"```yaml\n# (content/[a-z0-9-]+\.yaml|site\.yaml)\n(.*?)```", re.DOTALL)


def test_the_examples_in_the_format_documentation_load(tmp_path: Path) -> None:
    examples = dict(
        _EXAMPLE_BLOCK.findall((REPO_ROOT / "docs" / "content-format.md").read_text(encoding="utf-8"))
    )
    assert set(examples) == {"content/us-russia-call.yaml", "content/nato.yaml", "site.yaml"}
    documented_config = load_config(write_site(tmp_path, {}, examples["site.yaml"]))
    assert documented_config.tags["united-states"].en == "United States"
    real_config = load_config(REPO_ROOT)  # the article examples use the real vocabulary
    digest = load_article(
        examples["content/us-russia-call.yaml"], path="d", slug="us-russia-call", config=real_config
    )
    assert isinstance(digest, DigestArticle) and len(digest.sections[0].body) == 2
    encyclopedia = load_article(examples["content/nato.yaml"], path="e", slug="nato", config=real_config)
    assert isinstance(encyclopedia, EncyclopediaArticle) and encyclopedia.references[1].id == 2


def test_a_section_cites_several_cards_each_with_its_remarks() -> None:
    article = load(
        "title: T\ndate: 2025-03-19\nsections:\n  - heading: H\n    sources:\n"
        "      - url: https://a.jp/1\n        title: 一つ目\n        comments: [一つ目を読んで。]\n"
        "      - url: https://b.jp/2\n        published: 2025-03-18\n        comments: [二つ目を読んで。, 続き。]\n"
    )
    assert isinstance(article, DigestArticle)
    assert article.sections[0].sources == (
        SourceCard(url="https://a.jp/1", title="一つ目", comments=("一つ目を読んで。",)),
        SourceCard(url="https://b.jp/2", published=dt.date(2025, 3, 18), comments=("二つ目を読んで。", "続き。")),
    )
    assert article.source_urls == ("https://a.jp/1", "https://b.jp/2")


def test_the_one_card_form_is_a_list_of_that_card_with_source_comments_as_its_remarks() -> None:
    old = load("title: T\ndate: 2025-03-19\nsections:\n  - heading: H\n"
               "    source: {url: 'https://a.jp/'}\n    source_comments: [読んで。]\n")
    new = load("title: T\ndate: 2025-03-19\nsections:\n  - heading: H\n"
               "    sources:\n      - {url: 'https://a.jp/', comments: [読んで。]}\n")
    assert old == new


def _node_tree(node: object) -> object:
    """A composed node as plain data: kind, tag, position, value (recursively), style."""
    import yaml.nodes

    assert isinstance(node, yaml.nodes.Node)
    position = (node.start_mark.line, node.start_mark.column)
    if isinstance(node, yaml.nodes.ScalarNode):
        return ("scalar", node.tag, position, node.value, node.style)
    if isinstance(node, yaml.nodes.SequenceNode):
        return ("seq", node.tag, position, [_node_tree(item) for item in node.value])
    assert isinstance(node, yaml.nodes.MappingNode)
    return ("map", node.tag, position, [(_node_tree(key), _node_tree(value)) for key, value in node.value])


_EVERY_KIND_OF_SCALAR = """\
plain: テキスト
empty:
tilde: ~
null_word: null
yes_no: [yes, No, on, OFF, true, False]
numbers: [0, -12, 0x1F, 0o17, 1_000, 3.5, .inf, -.Inf, .nan, 1e3]
dates: [2025-03-19, 2025-03-19T10:00:00+09:00, 2025-3-9]
quoted: ["yes", '12', "", "null"]
tagged: !!str 12
block: |
  行1
  行2
"": empty key
"""


def test_the_content_loader_composes_exactly_what_libyamls_safe_loader_does() -> None:
    """``document._ContentLoader`` resolves tags in fewer steps: the same tree, tags and positions."""
    import yaml

    from kiku.content.reading.document import _ContentLoader

    texts = [_EVERY_KIND_OF_SCALAR, SITE_YAML]
    texts += [path.read_text(encoding="utf-8") for path in sorted((REPO_ROOT / "content").glob("*.yaml"))]
    for text in texts:
        expected = _node_tree(yaml.compose(text, Loader=yaml.CSafeLoader))
        assert _node_tree(yaml.compose(text, Loader=_ContentLoader)) == expected
    scalar_tags = set(re.findall(r"'tag:yaml\.org,2002:(\w+)'", repr(_node_tree(
        yaml.compose(_EVERY_KIND_OF_SCALAR, Loader=_ContentLoader)))))
    # every implicit resolver was exercised by the comparison above
    assert scalar_tags == {"str", "null", "bool", "int", "float", "timestamp", "seq", "map"}
