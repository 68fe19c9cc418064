"""Chrome of embedded media and of mirrors: placeholders, credits, embed buttons, promo links, notices, infobox rows."""

from __future__ import annotations

from kiku.importer.cleaning.debris import strip_debris
from kiku.importer.page import Line
from kiku.importer.report import ImportReport


def _dropped(texts: list[str]) -> list[tuple[str, str]]:
    report = ImportReport("page.txt")
    strip_debris([Line(number, text) for number, text in enumerate(texts, start=1)], report)
    return [(item.line.text, item.rule) for item in report.dropped]


def test_media_placeholders_credits_image_notes_and_embed_buttons_are_chrome() -> None:
    assert _dropped(["[IMG]", "［画像］", "（写真：山里日報）", "※写真はイメージです", "Instagramで見る",
                     "写真の町を歩く", "※この数字は速報値です。"]) == [
        ("[IMG]", "media-placeholder"), ("［画像］", "media-placeholder"), ("（写真：山里日報）", "media-placeholder"),
        ("※写真はイメージです", "media-placeholder"), ("Instagramで見る", "media-placeholder")]


def test_a_players_running_time_alone_on_its_line_is_chrome() -> None:
    assert _dropped(["2:48", "▶ 14:05", "１:０２:３３", "午後2:48に放送", "2:48から中継します。"]) == [
        ("2:48", "clock-alone"), ("▶ 14:05", "clock-alone"), ("１:０２:３３", "clock-alone")]


def test_a_printed_pages_number_alone_on_its_line_is_chrome() -> None:
    assert _dropped(["- 7 -", "－１２－", "— 3 —", "p. 4", "2 / 9 ページ", "Page 2 of 9",
                     "- 7 -から始まる", "3 - 2 = 1", "p. 4を参照。", "2/9"]) == [
        ("- 7 -", "page-number"), ("－１２－", "page-number"), ("— 3 —", "page-number"), ("p. 4", "page-number"),
        ("2 / 9 ページ", "page-number"), ("Page 2 of 9", "page-number")]


def test_an_embedded_posts_buttons_with_their_counts_are_a_share_row() -> None:
    assert _dropped(["532件の返信　リポスト　1.2万 いいね", "返信が相次いだ。"]) == [
        ("532件の返信　リポスト　1.2万 いいね", "share-buttons")]


def test_a_promo_link_may_end_in_any_short_note_in_brackets() -> None:
    assert _dropped(["▶ ニュースレターの登録はこちら（毎月配信・無料）"]) == [
        ("▶ ニュースレターの登録はこちら（毎月配信・無料）", "promo-link")]


def test_a_name_and_an_age_over_bullets_is_a_card_head_not_a_comment() -> None:
    assert _dropped(["山里日報・2日前", "・町は橋の架け替えを決めた。"]) == []
    assert _dropped(["さくら 2日前", "いい記事でした"]) == [("さくら 2日前", "comments"), ("いい記事でした", "comments")]


def test_a_mirrors_notes_infobox_rows_tools_and_toggles_are_chrome() -> None:
    assert _dropped([
        "「潮見台」はこの項目へ転送されています。その他の用法については「潮見台 (曖昧さ回避)」をご覧ください。",
        "この記事は検証可能な参考文献や出典が全く示されていないか、不十分です。",
        "出典を追加して記事の信頼性向上にご協力ください。（2025年1月）",
        "所在地　　　海辺県潮見市1-1", "開館　　　　1970年4月1日", "高さ\t\t113m",
        "☆ ウォッチ　⤴ 共有　文A 言語", "▼ 展開", "閉じる", "最終編集から2か月経過",
        "しおみペディアについて　免責事項　PC版で表示",
        "この記事は、ウィキペディアの潮見台 (改訂履歴) の記事を複製、再配布したものにあたり、GNU Free Documentation Licenseの下で提供されています。",
        "灯台は潮見台の先にある。",
    ]) == [
        ("「潮見台」はこの項目へ転送されています。その他の用法については「潮見台 (曖昧さ回避)」をご覧ください。",
         "wiki-hatnote"),
        ("この記事は検証可能な参考文献や出典が全く示されていないか、不十分です。", "wiki-notice"),
        ("出典を追加して記事の信頼性向上にご協力ください。（2025年1月）", "wiki-notice"),
        ("所在地　　　海辺県潮見市1-1", "infobox"), ("開館　　　　1970年4月1日", "infobox"), ("高さ\t\t113m", "infobox"),
        ("☆ ウォッチ　⤴ 共有　文A 言語", "wiki-tools"), ("▼ 展開", "section-toggle"), ("閉じる", "section-toggle"),
        ("最終編集から2か月経過", "edit-age"), ("しおみペディアについて　免責事項　PC版で表示", "footer-links"),
    ]


def test_more_notice_wordings_and_a_terminal_browsers_boxed_infobox_are_chrome() -> None:
    assert _dropped([
        "「潮見」はここにリダイレクトされています。",
        "この記事には複数の問題があります。改善やノートページでの議論にご協力ください。",
        "┌────┬──────────┐", "│所在地│海辺県潮見市1-1│", "├────┼──────────┤", "│開館　│1970年4月1日　　│",
        "│高さ　│24m　　　　　　　│", "└────┴──────────┘",
        "潮見台は海辺県にある。",
    ]) == [
        ("「潮見」はここにリダイレクトされています。", "wiki-hatnote"),
        ("この記事には複数の問題があります。改善やノートページでの議論にご協力ください。", "wiki-notice"),
        ("┌────┬──────────┐", "infobox"), ("│所在地│海辺県潮見市1-1│", "infobox"),
        ("├────┼──────────┤", "infobox"), ("│開館　│1970年4月1日　　│", "infobox"),
        ("│高さ　│24m　　　　　　　│", "infobox"), ("└────┴──────────┘", "infobox"),
    ]
