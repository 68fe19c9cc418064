"""A card printed whole on one line with the writer's remark glued after its URL, its summary under it; and a word
of transition over the closing words with a shop's lines below them."""

from __future__ import annotations

from pathlib import Path

from tests.support.importing import digest_of, import_text

_HEAD = ["市民プールの夏季営業、7月から時間延長", "掲載 2025.06.20 10:00",
         "市営プールの営業時間が今年の夏から延びます。変わる点と、利用のときの注意をまとめました。"]
_SECTION = ["《1》何が変わる？", "◇ 営業時間はどうなるの？", "◆ 夜8時まで延長",
            "出典｜みなと市スポーツ課｜2025-06-18｜市営プール夏季営業のお知らせ "
            "https://www.minato-city.example.jp/sports/pool-2025.html夜に泳げるのは助かります。",
            "・ 7月1日から8月31日まで、閉場を午後8時に延ばす。",
            "・ 監視員を増やし、夜間も安全を確保する。",
            "仕事帰りに利用したいという声が、以前から多く寄せられていました。",
            "市は監視員の募集を進めており、夜間の人手も確保できる見通しです。"]


def test_the_summary_under_a_remark_glued_to_a_whole_card_line_is_the_cards(tmp_path: Path) -> None:
    article = digest_of(import_text(tmp_path, "page.txt", "\n".join(_HEAD + _SECTION)))
    card = article.sections[0].sources[0]
    assert card.summary == ("7月1日から8月31日まで、閉場を午後8時に延ばす。", "監視員を増やし、夜間も安全を確保する。")
    assert card.comments[0] == "夜に泳げるのは助かります。"
    # The paragraphs under the card are the section's text (a remark or its body), not the site's trailing lines.
    kept = (*card.comments, *article.sections[0].body)
    assert "仕事帰りに利用したいという声が、以前から多く寄せられていました。" in kept
    assert "市は監視員の募集を進めており、夜間の人手も確保できる見通しです。" in kept
    assert article.conclusion == ()


def test_a_transition_word_over_the_closing_words_labels_them_though_shop_lines_follow(tmp_path: Path) -> None:
    closing = ["さいごに", "暑い日が続きます。こまめな水分補給を忘れずに、夏のプールを楽しんでください。",
               "この記事に関連するグッズ", "ゴーグル 子ども用　¥980", "買い物かごへ", "ほかの人はこちらも読んでいます"]
    result = import_text(tmp_path, "page.txt", "\n".join(_HEAD + _SECTION + closing))
    article = digest_of(result)
    assert "暑い日が続きます。こまめな水分補給を忘れずに、夏のプールを楽しんでください。" in article.outro
    assert "さいごに" not in (*article.sections[-1].body, *article.outro)
