"""A site's calls to its reader and its counters, told by their shape whatever pictogram leads them:
a button in brackets closing the line, a sign-up's note, a call-out's polite promise, 'はこちら' with an
arrow, a row of counts, a related title after its label or framed by dashes, a picture's note in brackets,
a link back to the top."""

from __future__ import annotations

from kiku.importer.cleaning.debris import strip_debris
from kiku.importer.page import Line
from kiku.importer.report import ImportReport


def _dropped(texts: list[str]) -> list[tuple[str, str]]:
    report = ImportReport("page.txt")
    strip_debris([Line(number, text) for number, text in enumerate(texts, start=1)], report)
    return [(item.line.text, item.rule) for item in report.dropped]


def test_a_call_closed_by_its_button_in_brackets_is_chrome_and_a_sentence_with_the_words_stays() -> None:
    assert _dropped([
        "🎧 音声版なら通勤中も最新ニュースを耳でチェック【今すぐインストール】",
        "気になる話題を見逃したくない方は、このページを登録しませんか？［登録する］",
        "◇ 市民アンケート受付中！駅前広場に欲しいものは？（回答はこちら）",
        # The same words in the article: a card title, a sentence, a read-more link of a card.
        "市、防災アプリの無料ダウンロード開始【速報】",
        "町は新しい防災アプリを配信し、無料でダウンロードできるようにした。（回答はこちら）",
        "▶ 駅前広場の再整備案を公表（続きはこちら）",
    ]) == [
        ("🎧 音声版なら通勤中も最新ニュースを耳でチェック【今すぐインストール】", "button-call"),
        ("気になる話題を見逃したくない方は、このページを登録しませんか？［登録する］", "button-call"),
        ("◇ 市民アンケート受付中！駅前広場に欲しいものは？（回答はこちら）", "button-call"),
    ]


def test_a_marked_sign_up_with_its_note_is_a_form_but_a_marked_point_ending_in_a_verb_is_not() -> None:
    assert _dropped(["✏️ 毎朝のまとめメール「けさの港」を購読する（無料）", "◆ 組合は新しい漁船を登録する",
                     "■ 応募者は事前に氏名を入力"]) == [
        ("✏️ 毎朝のまとめメール「けさの港」を購読する（無料）", "form")]


def test_a_marked_call_out_promising_the_reader_a_gain_politely_is_chrome() -> None:
    assert _dropped([
        "⭐ 当ブログをフォローすると、更新のたびに通知が届きます",
        "🔖 このページをブックマークすれば、毎週の特集をいつでも読めます",
        # Told as news (a full stop, a plain verb) or unmarked in a paragraph, the same act stays.
        "▶ 県の公式アカウントをフォローすると、避難情報が届く。",
        "県の公式アカウントを登録すると、避難の呼びかけが届きます。",
        "● 組合に登録すると、漁の割り当てが届く",
    ]) == [
        ("⭐ 当ブログをフォローすると、更新のたびに通知が届きます", "follow-call"),
        ("🔖 このページをブックマークすれば、毎週の特集をいつでも読めます", "follow-call"),
    ]


def test_a_pictograms_here_link_with_a_note_and_an_arrow_is_chrome_but_a_cards_read_on_link_is_not() -> None:
    assert _dropped(["📮 ポッドキャスト配信（毎週金曜）はこちら →", "⭐ 会員登録はこちら ≫",
                     "▷ 続きはこちら ⇒", "申し込みはこちらの窓口で受け付ける。"]) == [
        ("📮 ポッドキャスト配信（毎週金曜）はこちら →", "here-link"), ("⭐ 会員登録はこちら ≫", "here-link")]


def test_counts_beside_pictograms_and_rows_of_counted_buttons_are_chrome() -> None:
    assert _dropped([
        "🗨 15", "❤ 1,024", "⭐ 本記事へのコメント（3件）", "🗨 コメント 5件 ｜ ❤ いいね 87",
        # A rise or fall, a price, a number after a bracket or a ranked entry are not counts of buttons.
        "▲ 12", "￥ 980", "（3）", "1位 港の朝市", "この記事へのコメントが相次いだ（12件）",
    ]) == [
        ("🗨 15", "counted-button"), ("❤ 1,024", "counted-button"), ("⭐ 本記事へのコメント（3件）", "counted-button"),
        ("🗨 コメント 5件 ｜ ❤ いいね 87", "counted-button"),
    ]



def test_how_often_the_page_was_read_in_brackets_of_its_own_is_a_counter() -> None:
    assert _dropped([
        "（閲覧 3,208）", "[57 hits]", "【アクセス数 1,930】",
        # A count in a phrase, or brackets that are not the whole line, are text.
        "（ヒット曲 3）", "3ヒットで完封負け", "(2025年)",
    ]) == [("（閲覧 3,208）", "counted-button"), ("[57 hits]", "counted-button"), ("【アクセス数 1,930】", "counted-button")]


def test_a_labelled_count_of_a_counted_button_is_a_counter_but_a_count_of_people_is_text() -> None:
    assert _dropped(["閲覧数：2,871", "いいね数 40", "参加人数: 52", "得点数：3"]) == [
        ("閲覧数：2,871", "counted-button"), ("いいね数 40", "counted-button")]

def test_a_related_title_after_its_label_or_framed_by_dashes_is_chrome() -> None:
    assert _dropped([
        "— 関連：港の再開発、住民説明会で異論相次ぐ —",
        "📎 あわせて読みたい｜漁港の朝市、観光客が過去最多に",
        "関連リンク：市の防災ページ",
        # A framed label of the article's own points, and a sentence about what is related, stay.
        "― この記事の要点 ―",
        "関連：市の説明では、工事は来年に始まる。",
        "港の再開発と関連して、道路も広げられる",
    ]) == [
        ("— 関連：港の再開発、住民説明会で異論相次ぐ —", "related-label"),
        ("📎 あわせて読みたい｜漁港の朝市、観光客が過去最多に", "related-label"),
        ("関連リンク：市の防災ページ", "related-label"),
    ]


def test_a_pictures_long_note_in_brackets_on_its_own_line_is_chrome() -> None:
    assert _dropped([
        "（写真：初競りでにぎわう市場の様子、左奥は新しい冷蔵倉庫／画像はイメージ）",
        "（画像：工事が進む新しい駅舎の外観）",
        # A bracketed remark that speaks in sentences is the writer's.
        "（写真：市場の組合によると、初競りの様子は例年どおりだった。）",
        "（撮影の仕方は人それぞれですね）",
    ]) == [
        ("（写真：初競りでにぎわう市場の様子、左奥は新しい冷蔵倉庫／画像はイメージ）", "media-placeholder"),
        ("（画像：工事が進む新しい駅舎の外観）", "media-placeholder"),
    ]


def test_a_link_back_to_the_top_in_latin_letters_or_with_ni_is_page_navigation() -> None:
    assert _dropped(["Topに戻る ↑", "一覧に戻る", "記事一覧にもどる人が多い", "TOPICS"]) == [
        ("Topに戻る ↑", "page-navigation"), ("一覧に戻る", "page-navigation")]


def test_a_count_alone_and_a_separator_alone_are_chrome_but_a_year_in_words_is_not() -> None:
    assert _dropped(["1,208", "47", "1.2K", "3.4万", "｜", " · ", "2025年", "3人", "1.2倍"]) == [
        ("1,208", "counted-button"), ("47", "counted-button"), ("1.2K", "counted-button"), ("3.4万", "counted-button"),
        ("｜", "separator-only"), (" · ", "separator-only")]


def test_a_host_name_over_the_link_line_to_that_host_is_the_cards_site_line() -> None:
    assert _dropped([
        "港の朝市、日曜も開催へ", "◆ 組合は日曜の朝市を始める。", "minato-nippo.example.jp",
        "続きを読む → みなと日報 https://www.minato-nippo.example.jp/n/5",
        # A host with no link to it below is text (a site named in the article).
        "kankou.example.jp", "観光協会のサイトで確かめられます。",
    ]) == [("minato-nippo.example.jp", "link-host")]
