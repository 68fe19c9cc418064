"""Digest pages the fixtures do not show: odd section shapes must lose nothing and not crash."""

from __future__ import annotations

from pathlib import Path

from kiku.content.loading.loader import load_config
from kiku.content.model import DigestArticle
from kiku.importer.pipeline import import_page
from tests.support.paths import REPO


def test_a_question_right_after_an_answer_does_not_start_an_overlapping_section(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text("\n".join([
        "台風10号の進路と備え", "台風10号が接近しています。",
        "台風の進路", "台風はどこに向かう？", "九州南部", "上陸はいつ？", "29日の見込み",
        "公開日:2025/08/28", "台風10号、九州に上陸のおそれ 気象庁が会見",
        "✅ 気象庁は、台風10号が29日にも九州南部に上陸するおそれがあると発表した。",
        "さらに読む ⇒ウェザーニュース出典/画像元: https://weathernews.jp/s/topics/202508/270155/",
        "早めの備えが大切ですね。",
    ]), encoding="utf-8")
    result = import_page(page, load_config(REPO), scraped_from="page.txt")
    article = result.article
    assert isinstance(article, DigestArticle)
    assert [(section.heading, section.question, section.answer) for section in article.sections] == [
        ("台風の進路", "台風はどこに向かう？", "九州南部")]
    assert article.sections[0].comments == ("上陸はいつ？", "29日の見込み")
    assert not [warning for warning in result.report.warnings if "neither in the article" in warning]
