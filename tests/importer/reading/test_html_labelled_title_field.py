"""A record's print view prints the article's title as a field under a label naming it the title, outside the
field holding the text: the title is that field's value, not a label inside the text."""

from __future__ import annotations

from pathlib import Path

from tests.support.importing import digest_of, import_text

_BODY = """<div>掲載日：2025年9月2日</div>
<div>駅前の駐輪場が有料化されます。利用者の声と、市が示した料金の考え方をまとめました。</div>
<div><b>ここがポイント</b></div>
<div>・10月から1日100円、定期は月1500円</div>
<div>・学生は半額、最初の2時間は無料</div>
<div><span style="font-size:18px;"><b>なぜ有料に？</b></span></div>
<div>Q. 市が有料化に踏み切った理由は？</div>
<div>A. 放置自転車の撤去費用が年々増えているため</div>
<div>駐輪場の整備にかかる費用も課題です。</div>
<div><b>駅前駐輪場、10月から有料化へ　市が条例改正案</b></div>
<div>みなと市政ニュース｜2025/08/20</div>
<div>・市は駅前の3か所の駐輪場を10月から有料にする条例改正案を議会に提出した。</div>
<div>元記事を読む→<a href="https://minato-shisei.example.jp/2025/08/20/churinjo">https://minato-shisei.example.jp/2025/08/20/churinjo</a></div>
<div>料金の使い道がはっきりすれば、納得する人も増えそうです。</div>"""


def _page(label: str) -> str:
    return f"""<html><head><title>Record print - 地域ニュース台帳</title></head><body>
<div class="sheet">
<div class="row"><div class="cell"><label>No.</label></div><div class="cell"><span>A-77</span></div></div>
<div class="row"><div class="cell"><label>{label}</label></div><div class="cell"><span>駅前の駐輪場が10月から有料に！料金と無料になる人は</span></div></div>
<div class="row"><div class="cell"><label>本文</label></div><div class="cell"><div class="rich">{_BODY}</div></div></div>
</div></body></html>"""


def test_the_value_of_a_field_labelled_as_the_title_is_the_title(tmp_path: Path) -> None:
    for label in ("Subject", "見出しタイトル", "件名："):
        article = digest_of(import_text(tmp_path, "record.html", _page(label)))
        assert article.title == "駅前の駐輪場が10月から有料に！料金と無料になる人は", label
        assert article.lead is not None and article.lead.startswith("駅前の駐輪場が有料化されます。")
        assert list(article.key_points) == ["10月から1日100円、定期は月1500円", "学生は半額、最初の2時間は無料"]


def test_a_field_labelled_otherwise_names_no_title(tmp_path: Path) -> None:
    article = digest_of(import_text(tmp_path, "record.html", _page("担当者")))
    assert article.title != "駅前の駐輪場が10月から有料に！料金と無料になる人は"
