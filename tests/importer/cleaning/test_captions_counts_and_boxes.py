"""Chrome told by its shape: picture captions, counted buttons, reading times, a folded contents
box, a share row naming a service with a note, a writer's self-introduction in an author box."""

from __future__ import annotations

from pathlib import Path

from kiku.importer.cleaning.debris import strip_debris
from kiku.importer.page import Line
from kiku.importer.report import ImportReport
from tests.support.importing import digest_of, import_text


def _dropped(texts: list[str]) -> list[tuple[str, str]]:
    report = ImportReport("page.txt")
    strip_debris([Line(number, text) for number, text in enumerate(texts, start=1)], report)
    return [(item.line.text, item.rule) for item in report.dropped]


def test_a_caption_is_labelled_as_a_picture_or_notes_that_it_is_an_illustration() -> None:
    assert _dropped([
        "△朝市に並ぶ干物（写真はイメージです）", "写真：改修前の駅舎", "図：月ごとの入港数の推移", "漁港の朝（資料写真）",
        "◇ 市場の競り（撮影：編集部）", "写真＝潮見市提供", "△ 復旧した桟橋（写真：海辺タイムズ）",
        # A sentence that mentions a picture, and a heading about an image, are the article's.
        "市は完成後の駅舎のイメージ図を公開しました。", "新駅舎のイメージ", "写真で見る港の100年",
    ]) == [
        ("△朝市に並ぶ干物（写真はイメージです）", "image-caption"), ("写真：改修前の駅舎", "image-caption"),
        ("図：月ごとの入港数の推移", "image-caption"), ("漁港の朝（資料写真）", "image-caption"),
        ("◇ 市場の競り（撮影：編集部）", "image-caption"), ("写真＝潮見市提供", "image-caption"),
        ("△ 復旧した桟橋（写真：海辺タイムズ）", "image-caption"),
    ]


def test_a_button_with_its_count_is_chrome_whatever_the_brackets() -> None:
    assert _dropped(["コメント 3件", "🗨 コメント（４５）", "いいね(120)", "コメント数 8", "17件のコメント",
                     "コメント", "3件のコメントが寄せられた。", "市民から30件", "30件の相談"]) == [
        ("コメント 3件", "counted-button"), ("🗨 コメント（４５）", "counted-button"),
        ("いいね(120)", "counted-button"), ("コメント数 8", "counted-button"), ("17件のコメント", "counted-button")]


def test_a_reading_time_is_chrome_unless_it_speaks_of_something_else() -> None:
    assert _dropped(["この記事は約4分で読めます。", "読了時間：約9分", "⏱ 6 min read", "約2分で読めます",
                     "この絵本は10分で読めます", "駅から約5分で着きます", "朝5分で読めるニュースまとめ"]) == [
        ("この記事は約4分で読めます。", "reading-time"), ("読了時間：約9分", "reading-time"),
        ("⏱ 6 min read", "reading-time"), ("約2分で読めます", "reading-time")]


def test_a_folded_contents_box_is_its_button_alone_and_the_points_under_it_stay() -> None:
    assert _dropped(["目次を表示する ▼", "■ 港の予約枠は月曜に集中", "■ 夜間の搬出が倍増"]) == [
        ("目次を表示する ▼", "toc-opener")]
    assert _dropped(["もくじを見る", "目次を読む人が増えた"]) == [("もくじを見る", "toc-opener")]


def test_a_share_button_may_carry_a_note_in_brackets() -> None:
    assert _dropped(["記事をシェアする　𝕏（旧ツイッター）　LINE（ライン）　Facebook"]) == [
        ("記事をシェアする　𝕏（旧ツイッター）　LINE（ライン）　Facebook", "share-buttons")]


def test_an_author_box_takes_the_writers_self_introduction_but_not_the_next_heading() -> None:
    assert _dropped(["この記事を書いた人", "港町ニュース編集部　佐々木", "気象予報士。天気と暮らしの話題を届けています。",
                     "台風シーズンの備えは？", "本文です。"]) == [
        ("この記事を書いた人", "author-box"), ("港町ニュース編集部　佐々木", "author-box"),
        ("気象予報士。天気と暮らしの話題を届けています。", "author-box")]
    # A sentence with a subject is the article's, even right under the box.
    assert _dropped(["この記事を書いた人", "港町ニュース編集部　佐々木", "試験は25日。追試は翌週です。"]) == [
        ("この記事を書いた人", "author-box"), ("港町ニュース編集部　佐々木", "author-box")]


def test_a_caption_and_a_comment_count_between_paragraphs_do_not_open_a_section(tmp_path: Path) -> None:
    page = "\n".join([
        "港の予約制、1年でどう変わった？", "港の予約制が広がっています。その効果をまとめました。",
        "ゲート前の列", "列は短くなった？", "半分になった", "数字で見ると改善は明らかです。",
        "ゲート待ち、1年で半減", "公開日:2025/05/28",
        "● 港湾局の調査で、ゲート前の待ち時間が前年の半分になった。",
        "続きを読む ⇒山里新聞出典/画像元: https://yamazato.example/news/1",
        "半分とは驚きです。",
        "◇ 夜明けのコンテナふ頭（写真はイメージ）",
        "港湾局は夜間の搬出枠も広げました。",
        "コメント（８）",
        "曜日による差は残っているそうです。",
        "船の沖待ち", "船はなぜ待つの？", "荷役が追いつかない", "岸壁の作業員が足りません。",
        "船の沖待ち、秋まで続く", "公開日:2025/06/03",
        "● 沖合で順番を待つ船が増えている。",
        "続きを読む ⇒海辺タイムズ出典/画像元: https://umibe.example/news/2",
        "人手の問題に戻ってきますね。",
    ])
    article = digest_of(import_text(tmp_path, "page.txt", page))
    assert [section.heading for section in article.sections] == ["ゲート前の列", "船の沖待ち"]
    first = article.sections[0]
    assert first.sources[0].comments + first.body == (
        "半分とは驚きです。", "港湾局は夜間の搬出枠も広げました。", "曜日による差は残っているそうです。")
