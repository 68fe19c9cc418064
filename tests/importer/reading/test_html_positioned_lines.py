"""A page printed one element per line, each placed by its coordinates (a PDF's or an OCR's converter): its lines
run on as a text dump's do, a card's title, summary and URL read as one card whatever element prints each line."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from kiku.content.loading.loader import load_config
from kiku.content.model import DigestArticle
from kiku.importer.pipeline import import_page
from kiku.importer.reading.html.page import read_html
from kiku.importer.report import ImportReport
from tests.support.paths import REPO

IMPORT_DAY = dt.date(2026, 3, 20)
_URL = "https://minato-nippo.example.jp/local/2025/03/suii"
LINES = (
    "まちの防災通信　第18号",
    "河川の水位計、全域でオンライン化へ",
    "2025年3月14日発行　編集：市民防災センター",
    "市内を流れる中小河川の水位計が、4月までにすべてインターネットで見られるようになります。",
    "大雨の際、住民が自宅から水位を確認できるようにするのが狙いです。",
    "◆新しい水位計のしくみ",
    "［問］どこで水位を確認できる？",
    "［答］市のホームページとスマートフォンのアプリで確認できます。",
    "水位計は10分ごとに計測した値を送り、危険な水位に近づくと色が変わって知らせます。",
    "これまでは一部の大きな川にしか設置されていませんでした。",
    "［参考資料］中小河川の水位、スマホで確認可能に ／ 出典：みなと日報 ／ 2025-03-02",
    "・市は新たに42か所に水位計を設置した。",
    "・費用の半分は国の補助でまかなう。",
    f"リンク：{_URL}",
    "◆避難の目安",
    "［問］どの水位で避難すればいい？",
    "［答］黄色の表示が出たら、避難の準備を始めてください。",
    "赤色の表示は、川があふれるおそれがあることを示します。",
    "夜間の大雨では、明るいうちに早めに避難することが大切です。",
)


def _sources(page: str, tmp_path: Path) -> list[tuple[str | None, str | None, str]]:
    path = tmp_path / "suii.html"
    path.write_text(page, encoding="utf-8")
    article = import_page(path, load_config(REPO), scraped_from="suii.html", import_day=IMPORT_DAY).article
    assert isinstance(article, DigestArticle)
    return [(card.title, card.publisher, card.url) for section in article.sections for card in section.sources]


def test_lines_placed_by_inline_styles_read_as_a_text_dump_with_its_card(tmp_path: Path) -> None:
    spans = "\n".join(f'<span style="position:absolute; left:48px; top:{60 + 24 * at}px">{text}</span>'
                      for at, text in enumerate(LINES))
    page = f'<html><head><meta charset="utf-8"></head><body><div class="scan">\n{spans}\n</div></body></html>'
    assert _sources(page, tmp_path) == [("中小河川の水位、スマホで確認可能に", "みなと日報", _URL)]


def test_lines_placed_by_a_style_sheet_class_read_as_a_text_dump_with_its_card(tmp_path: Path) -> None:
    rows = "\n".join(f'<div class="ln r{at}">{text}</div>' for at, text in enumerate(LINES))
    page = ('<html><head><meta charset="utf-8"><style>.page{position:relative}'
            '.ln, .cap {position: absolute; white-space: pre}</style></head>'
            f'<body><div class="page">\n{rows}\n</div></body></html>')
    assert _sources(page, tmp_path) == [("中小河川の水位、スマホで確認可能に", "みなと日報", _URL)]


def test_a_line_a_text_layer_prints_in_runs_at_one_height_reads_as_one_line(tmp_path: Path) -> None:
    runs = "\n".join(f'<span style="left:48px; top:{60 + 24 * at}px">{text[:6]}</span>'
                     f'<span style="left:{48 + 6 * 12}px; top:{60 + 24 * at}px">{text[6:]}</span>'
                     for at, text in enumerate(LINES))
    page = f'<html><head><meta charset="utf-8"></head><body><div class="textLayer">\n{runs}\n</div></body></html>'
    page = page.replace('<span style="', '<span style="position:absolute; ')
    lines = [line.text for line in read_html(page, ImportReport("suii.html"))]
    assert lines == list(LINES)
    assert _sources(page, tmp_path) == [("中小河川の水位、スマホで確認可能に", "みなと日報", _URL)]
