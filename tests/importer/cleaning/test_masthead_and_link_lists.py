"""Site lines around the article: the masthead above the title, a ranking, a related list, a bulleted list after the conclusion."""

from __future__ import annotations

from pathlib import Path

from kiku.content.loading.loader import load_config
from kiku.content.model import DigestArticle
from kiku.importer.cleaning.debris import strip_debris
from kiku.importer.page import Line
from kiku.importer.pipeline import ImportResult, import_page
from kiku.importer.report import ImportReport
from tests.support.paths import REPO


def _import(tmp_path: Path, *lines: str) -> ImportResult:
    page = tmp_path / "page.txt"
    page.write_text("\n".join(lines), encoding="utf-8")
    return import_page(page, load_config(REPO), scraped_from="page.txt")


def _dropped(result: ImportResult) -> list[tuple[int, str]]:
    return [(item.line.number, item.rule) for item in result.report.dropped if item.debris]


CARD = ("✅ 気象庁は、台風10号が29日にも九州南部に上陸するおそれがあると発表した。",
        "さらに読む ⇒ウェザーニュース出典/画像元: https://weathernews.jp/s/topics/202508/270155/")


def test_a_site_line_with_its_tagline_and_menu_above_the_title_is_the_masthead(tmp_path: Path) -> None:
    result = _import(
        tmp_path,
        "台風ニュース速報 ｜ 防災・気象のまとめ", "検索 ログイン 会員登録",
        "台風10号はなぜ遅い？九州上陸の恐れと交通への影響",
        "非常に強い台風10号が九州南部に接近しています。動きが遅く、雨が長く続くおそれがあります。",
        "台風の進路", "台風10号はどこへ向かう？", "九州南部に上陸のおそれ", "公開日:2025/08/28", *CARD)
    article = result.article
    assert isinstance(article, DigestArticle)
    assert article.title == "台風10号はなぜ遅い？九州上陸の恐れと交通への影響"
    assert article.lead == "非常に強い台風10号が九州南部に接近しています。動きが遅く、雨が長く続くおそれがあります。"
    assert [section.heading for section in article.sections] == ["台風の進路"]
    assert _dropped(result) == [(1, "masthead"), (2, "masthead")]


def test_a_ranked_list_ends_at_the_first_line_without_a_rank() -> None:
    report = ImportReport("page.txt")
    texts = ("人気記事ランキング", "1位 新米の値段はいつ下がる？", "2位 冷凍食品の値上げ、10月は何品目？",
             "コメ価格はなぜ高止まり？備蓄米放出と新米の店頭価格", "スーパーのコメ5キロが4000円台に。")
    kept = strip_debris([Line(number, text) for number, text in enumerate(texts, start=1)], report)
    assert [line.text for line in kept] == list(texts[3:])
    assert [(item.line.number, item.rule) for item in report.dropped] == [
        (1, "popular-keywords"), (2, "popular-keywords"), (3, "popular-keywords")]


def test_a_bulleted_list_after_the_conclusion_is_dropped_with_a_warning(tmp_path: Path) -> None:
    result = _import(
        tmp_path, "台風10号、九州に上陸のおそれ", "非常に強い台風10号が九州南部に接近しています。", "台風の進路",
        "台風10号はどこに向かう？", "九州南部に上陸のおそれ", "公開日:2025/08/28", *CARD,
        "◎ 台風は九州南部に上陸するおそれ", "◎ 早めの備えが大切", "このカテゴリーの新着",
        "・駅前再開発、タワマン計画に住民が反対署名", "・市電の延伸ルート、3案から絞り込みへ")
    article = result.article
    assert isinstance(article, DigestArticle)
    assert article.conclusion == ("台風は九州南部に上陸するおそれ", "早めの備えが大切")
    assert len(article.sections[0].sources) == 1
    assert _dropped(result) == [(11, "after-conclusion"), (12, "after-conclusion"), (13, "after-conclusion")]
    assert ("lines 11-13 after the conclusion read as the site's trailing lines and dropped: check them "
            "(このカテゴリーの新着)") in result.report.warnings


def test_a_related_list_ending_in_a_question_is_dropped_whole_and_makes_no_section() -> None:
    texts = ["終わってみれば、行ってよかったって人が多かった気がするなあ。", "関連記事", "・夢洲IR、開業は2030年秋に",
             "・ミャクミャク、万博後も大阪の顔に?", "大屋根リングはどうなる", "大屋根リングは残されるのか？"]
    report = ImportReport("page.txt")
    kept = strip_debris([Line(number, text) for number, text in enumerate(texts, start=1)], report)
    assert [line.text for line in kept] == [texts[0], texts[4], texts[5]]
    assert [(item.rule, item.line.number) for item in report.dropped] == [
        ("related-articles", 2), ("related-articles", 3), ("related-articles", 4)]
