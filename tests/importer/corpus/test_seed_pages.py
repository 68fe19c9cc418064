"""What each seed page must yield: the fields an editor relies on, named one by one."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from kiku.content.loading.loader import load_config
from kiku.content.model import DigestArticle, EncyclopediaArticle, SiteConfig
from kiku.importer.pipeline import ImportResult, import_page
from tests.support.paths import REPO, seed


@pytest.fixture(scope="module")
def config() -> SiteConfig:
    return load_config(REPO)


def _import(prefix: str, config: SiteConfig) -> ImportResult:
    path = seed(prefix)
    return import_page(path, config, scraped_from=path.relative_to(REPO).as_posix())


def _digest(prefix: str, config: SiteConfig) -> DigestArticle:
    article = _import(prefix, config).article
    assert isinstance(article, DigestArticle)
    return article


def _dropped(result: ImportResult) -> dict[str, list[str]]:
    rules: dict[str, list[str]] = {}
    for item in result.report.dropped:
        rules.setdefault(item.rule, []).append(item.line.text)
    return rules


def test_seed_000_layout_a(config: SiteConfig) -> None:
    result = _import("000", config)
    article = result.article
    assert isinstance(article, DigestArticle)
    assert article.title == "米ロ首脳電話会談:ウクライナ情勢と新たな協力?停戦合意と関係改善の可能性を探る"
    assert article.lead is not None and article.lead.startswith("プーチン大統領とトランプ大統領、2時間半の電話会談")
    assert article.date == dt.date(2025, 3, 19)
    assert article.key_points == ("米ロ首脳がウクライナ情勢をめぐり電話会談を実施", "停戦や人道支援、捕虜交換で合意",
                                  "米ロ関係正常化に向けた動きも示唆")
    assert article.intro == "それでは、今回の電話会談の内容について詳しく見ていきましょう。"
    assert len(article.sections) == 2
    first = article.sections[0]
    assert (first.heading, first.question, first.answer) == (
        "米ロ首脳電話会談:ウクライナ情勢と新たな協力", "プーチンとトランプは、どんな問題について話し合った?", "ウクライナ情勢")
    assert first.comments == ("今回の会談は、ウクライナ情勢の進展に大きな影響を与えそうですね。",)
    (first_card,) = first.sources
    assert first_card.url == "https://jp.reuters.com/world/ukraine/NEEU3BDE5NKJNJWOCN5IWDYGIE-2025-03-18/"
    assert first_card.publisher == "ロイター"
    assert first_card.title == "米ロ首脳、ウクライナ全面停戦合意せずインフラ攻撃日間停止"
    assert first_card.published == dt.date(2025, 3, 19)
    assert len(first_card.summary) == 3 and not first_card.off_topic
    assert first_card.comments == ("双方に譲歩が見られた点は評価できますが、今後の具体的な進展が気になります。",)
    assert len(first.body) == 3 and first.body[0].startswith("2025年3月18日、")
    assert first.reaction[0].startswith("ええ、確かに。")
    second = article.sections[1]
    (second_card,) = second.sources
    assert second_card.publisher == "クーリエ・ジャポン"
    assert second_card.comments == ("経済協力の可能性も言及されたのは興味深いですね。",
                                      "実現すれば、両国にとって大きなメリットになるでしょう。")
    assert len(second.body) == 6 and second.reaction[0].startswith("おおきに!")
    assert article.conclusion == () and article.outro == ()
    rules = _dropped(result)
    assert rules["site-menu"] == ["Chrysanthemum Digest Logo Menu opener"]
    assert rules["repeated-title"] == [article.title]
    assert rules["key-points-label"] == ["📘 この記事で分かる事!"]
    assert rules["next-page"] == ["次のページを読む ⇒"]
    assert rules["next-page (teaser)"] == ["トランプ氏、ウクライナ停戦案で米ロ接近加速! 世界に衝撃!"]
    assert len(rules["published-date"]) == 2 and len(rules["repeated-card-title"]) == 2
    assert len(rules["read-more-link"]) == 2


def test_seed_000_warns_about_lost_digits_without_guessing(config: SiteConfig) -> None:
    result = _import("000", config)
    warnings = "\n".join(result.report.warnings)
    assert "sections[0].sources[0].title: '日間' has no number before it" in warnings
    assert "sections[1].sources[0].title: '時間半' has no number before it" in warnings
    article = result.article
    assert isinstance(article, DigestArticle)
    assert article.sections[1].sources[0].title == "トランプとプーチンの「時間半の長電話」で合意されたことは何か"


def test_seed_001_flags_the_off_topic_card_and_keeps_its_link(config: SiteConfig) -> None:
    article = _digest("001", config)
    assert [[card.off_topic for card in section.sources] for section in article.sections] == [[False], [True]]
    (card,) = article.sections[1].sources
    assert card.title == "プーチン大統領、ロシアとウクライナの一時停戦案に「欧米によるウクライナへの軍事支援の停止」などを条件に"
    assert card.url == "https://newsdig.tbs.co.jp/articles/-/1788901"
    assert card.publisher is None and card.published is None
    assert card.summary[0].startswith("「激せまアパート」")
    (first,) = article.sections[0].sources
    assert first.publisher == "朝日新聞+"
    assert first.url == "https://globe.asahi.com/article/15630313"
    assert len(article.key_points) == 3 and article.intro == "それでは、最初の章に入ります。"


def test_seed_002_layout_b_splits_glued_urls_and_keeps_the_outro(config: SiteConfig) -> None:
    article = _digest("002", config)
    assert article.title.startswith("米ロ関係の現在地は?")
    assert article.key_points == () and len(article.sections) == 3
    assert all(len(section.sources) == 1 and section.sources[0].title is None for section in article.sections)
    (first,) = article.sections[0].sources
    assert first.url == "https://globe.asahi.com/article/15630313"
    assert first.comments == ("停戦交渉の難しさ、そして双方の思惑が交錯する様子がよく分かりますね。",
                                     "ウクライナの立場は本当に難しいですね。")
    (third,) = article.sections[2].sources
    assert third.published is None
    assert third.url == "https://news.yahoo.co.jp/articles/fdce41646030db8069c1e7fabc3c063599bfe811"
    assert [card.published for section in article.sections for card in section.sources] == [
        dt.date(2025, 2, 19), dt.date(2025, 2, 10), None]
    assert article.date == dt.date(2025, 2, 19)
    assert article.outro == ("米ロ関係は、複雑な国際情勢の中で揺れ動き、課題も多いですが、対話と協力による関係改善への道を探る動きも出てきています。",
                             "今後の展開に注目していきましょう。")
    assert len(article.conclusion) == 3 and article.conclusion[0].startswith("米ロ関係は、トランプ大統領就任後")
    assert article.sections[2].reaction[0].startswith("ほほう、")


def test_seed_004_layout_b(config: SiteConfig) -> None:
    article = _digest("004", config)
    assert len(article.sections) == 3 and len(article.conclusion) == 3
    urls = [card.url for section in article.sections for card in section.sources]
    assert urls == ["https://jp.reuters.com/world/ukraine/MVQEE3G5KBJJHH35UG42CSPFNI-2025-02-18/",
                    "https://mainichi.jp/articles/20250219/k00/00m/030/045000c",
                    "https://globe.asahi.com/article/15630313"]
    assert article.sections[1].sources[0].comments[0] == "今後の交渉の行方を左右する、重要な情報ですね。"
    assert article.sections[2].sources[0].comments[-1] == "今後の展開を見守りましょう。"
    assert article.outro[0] == "今回の記事では、ウクライナ紛争の現状と、和平への道筋についてご紹介しました。"
    assert "saudi-arabia" in article.tags and "nato" in article.tags


def test_seed_003_encyclopedia(config: SiteConfig) -> None:
    result = _import("003", config)
    article = result.article
    assert isinstance(article, EncyclopediaArticle)
    assert article.title == "プーチン・トランプ電話会談"
    assert article.date == dt.date(2025, 3, 21)
    assert article.lead is not None and article.lead.count("\n\n") == 1
    assert article.lead.startswith("プーチン・トランプ電話会談(プーチン・トランプでんわかいだん)は、")
    assert [section.heading for section in article.sections] == ["背景", "会談", "結果"]
    assert [len(section.body) for section in article.sections] == [4, 3, 5]
    assert article.sections[0].body[0].endswith("[3][4]")
    assert len(article.references) == 26
    assert [reference.id for reference in article.references] == list(range(1, 27))
    tenth = article.references[9]
    assert tenth.text.startswith("Liptak, Kevin") and tenth.url is None
    assert article.references[0].url == "https://www.bloomberg.co.jp/news/articles/2025-02-16/SRR2XIDWLU6800"
    assert "ISSN 0362-4331" in article.references[2].text
    attribution = article.attribution
    assert attribution.source == "Wikipedia"
    assert attribution.license == "GNU Free Documentation License"
    assert attribution.revision == "2025/03/21 04:36 UTC"
    assert attribution.url == ("https://ja.wikipedia.org/wiki/"
                               "%E3%83%97%E3%83%BC%E3%83%81%E3%83%B3%E3%83%BB%E3%83%88%E3%83%A9%E3%83%B3%E3%83%97"
                               "%E9%9B%BB%E8%A9%B1%E4%BC%9A%E8%AB%87")
    rules = _dropped(result)
    for rule in ("dictionary-title", "breadcrumb", "translation-widget", "dictionary-navigation", "copyright"):
        assert rule in rules, rule


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_every_line_is_in_the_article_or_the_report(prefix: str, config: SiteConfig) -> None:
    assert not [warning for warning in _import(prefix, config).report.warnings
                if "neither in the article nor dropped" in warning]


def test_slugs_are_stable_ascii_and_unique(config: SiteConfig) -> None:
    slugs = [_import(prefix, config).article.slug for prefix in ("000", "001", "002", "003", "004")]
    assert slugs == [_import(prefix, config).article.slug for prefix in ("000", "001", "002", "003", "004")]
    assert len(set(slugs)) == 5
    assert all(slug.isascii() and slug == slug.lower() for slug in slugs)
    assert slugs[0].startswith("2025-03-19-")


def test_tags_come_from_the_vocabulary(config: SiteConfig) -> None:
    article = _import("000", config).article
    assert {"ukraine", "russia", "united-states", "ceasefire"} <= set(article.tags)
    assert set(article.tags) <= set(config.tags)


def test_a_page_of_another_kind_is_refused_in_one_line(tmp_path: Path, config: SiteConfig) -> None:
    from kiku.importer.page import ImportFailed

    page = tmp_path / "recipe.txt"
    page.write_text("肉じゃがの作り方\n\nじゃがいもを切ります。\n", encoding="utf-8")
    with pytest.raises(ImportFailed, match="no recognisable layout"):
        import_page(page, config, scraped_from="recipe.txt")
