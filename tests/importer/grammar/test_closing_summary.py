"""A closing summary: its label over one-line points is the conclusion; over paragraphs it heads the last section."""

from __future__ import annotations

from pathlib import Path

from tests.support.importing import digest_of, import_text

_HEAD = [
    "路面電車の延伸区間が開業　初日は3万人が利用",
    "公開日：2025/09/01",
    "市の中心部と新駅を結ぶ路面電車の延伸区間が1日に開業し、初日は約3万人が利用しました。",
    "延伸区間のようす",
    "どこまで延びた？",
    "新駅まで2.4キロ",
    "公開日：2025/09/01",
    "路面電車、新駅まで延伸開業　初日3万人",
    "● 市交通局によると、延伸区間の初日の利用者は約3万人だった。",
    "続きを読む → 港町日報 出典：https://minato.example.jp/news/2025/0901",
    "通勤がずいぶん楽になりそうですね。",
]


def test_a_summary_label_over_paragraphs_heads_the_last_section(tmp_path: Path) -> None:
    result = import_text(tmp_path, "tram.txt", "\n".join([
        *_HEAD, "まとめ",
        "延伸で新駅周辺の再開発にも弾みがつきそうです。",
        "混雑が落ち着くまでは、時間に余裕をもって出かけるのがよさそうです。"]))
    article = digest_of(result)
    last = article.sections[-1]
    assert [section.heading for section in article.sections] == ["延伸区間のようす", "まとめ"]
    assert (last.question, last.answer, last.sources) == (None, None, ())
    assert last.body == ("延伸で新駅周辺の再開発にも弾みがつきそうです。",
                         "混雑が落ち着くまでは、時間に余裕をもって出かけるのがよさそうです。")
    assert (article.conclusion, article.outro) == ((), ())
    assert not [warning for warning in result.report.warnings if "まとめ" in warning]


def test_a_summary_label_over_marked_points_is_the_conclusion(tmp_path: Path) -> None:
    article = digest_of(import_text(tmp_path, "tram.txt", "\n".join([
        *_HEAD, "まとめ", "● 延伸区間は新駅まで2.4キロ", "● 初日の利用者は約3万人"])))
    assert [section.heading for section in article.sections] == ["延伸区間のようす"]
    assert article.conclusion == ("延伸区間は新駅まで2.4キロ", "初日の利用者は約3万人")


def test_a_sentence_introducing_the_points_keeps_them_the_conclusion(tmp_path: Path) -> None:
    article = digest_of(import_text(tmp_path, "tram.txt", "\n".join([
        *_HEAD, "まとめ", "今回のポイントを振り返ります。", "● 延伸区間は新駅まで2.4キロ", "● 初日の利用者は約3万人"])))
    assert [section.heading for section in article.sections] == ["延伸区間のようす"]
    assert article.conclusion == ("延伸区間は新駅まで2.4キロ", "初日の利用者は約3万人")


def test_in_a_saved_page_list_items_under_the_summary_heading_are_the_conclusion(tmp_path: Path) -> None:
    head = ("<html><head><title>路面電車の延伸区間が開業</title></head><body><article>"
            "<h1>路面電車の延伸区間が開業　初日は3万人が利用</h1><p>公開日：2025/09/01</p>"
            "<p>市の中心部と新駅を結ぶ路面電車の延伸区間が1日に開業し、初日は約3万人が利用しました。</p>"
            "<h2>延伸区間のようす</h2><p>どこまで延びた？</p><p>新駅まで2.4キロ</p>"
            "<div><p>路面電車、新駅まで延伸開業　初日3万人</p><p>2025年9月1日</p>"
            "<ul><li>市交通局によると、延伸区間の初日の利用者は約3万人だった。</li></ul>"
            "<p>続きを読む → 港町日報 出典：https://minato.example.jp/news/2025/0901</p></div>"
            "<p>通勤がずいぶん楽になりそうですね。</p><h2>まとめ</h2>")
    listed = digest_of(import_text(tmp_path, "listed.html", head + (
        "<ul><li>延伸区間は新駅まで2.4キロ</li><li>初日の利用者は約3万人</li></ul></article></body></html>")))
    assert [section.heading for section in listed.sections] == ["延伸区間のようす"]
    assert listed.conclusion == ("延伸区間は新駅まで2.4キロ", "初日の利用者は約3万人")
    paragraphs = digest_of(import_text(tmp_path, "paragraphs.html", head + (
        "<p>延伸で新駅周辺の再開発にも弾みがつきそうです。</p><p>秋には利用者の調査も行われます。</p>"
        "</article></body></html>")))
    assert [section.heading for section in paragraphs.sections] == ["延伸区間のようす", "まとめ"]
    assert paragraphs.sections[-1].body == ("延伸で新駅周辺の再開発にも弾みがつきそうです。", "秋には利用者の調査も行われます。")


def _saved_page(summary_heading: str) -> str:
    return ("<html><head><title>路面電車の延伸区間が開業</title></head><body><article>"
            "<h1>路面電車の延伸区間が開業　初日は3万人が利用</h1><p>公開日：2025/09/01</p>"
            "<p>市の中心部と新駅を結ぶ路面電車の延伸区間が1日に開業し、初日は約3万人が利用しました。</p>"
            "<h2 class='sec'>延伸区間のようす</h2><p>どこまで延びた？</p><p>新駅まで2.4キロ</p>"
            "<div><p>路面電車、新駅まで延伸開業　初日3万人</p><p>2025年9月1日</p>"
            "<ul><li>市交通局によると、延伸区間の初日の利用者は約3万人だった。</li></ul>"
            "<p>続きを読む → 港町日報 出典：https://minato.example.jp/news/2025/0901</p></div>"
            f"<p>通勤がずいぶん楽になりそうですね。</p>{summary_heading}"
            "<p>◆ 延伸で新駅周辺の再開発にも弾みがつきそうです。</p><p>◆ 秋には利用者の調査も行われます。</p>"
            "</article></body></html>")


def test_a_summary_marked_up_as_the_section_headings_over_paragraphs_heads_a_section(tmp_path: Path) -> None:
    article = digest_of(import_text(tmp_path, "alike.html", _saved_page("<h2 class='sec'>まとめ</h2>")))
    assert [section.heading for section in article.sections] == ["延伸区間のようす", "まとめ"]
    assert article.sections[-1].body == ("延伸で新駅周辺の再開発にも弾みがつきそうです。", "秋には利用者の調査も行われます。")
    assert article.conclusion == ()


def test_a_summary_marked_up_unlike_the_section_headings_over_marked_lines_is_the_conclusion(tmp_path: Path) -> None:
    article = digest_of(import_text(tmp_path, "box.html", _saved_page("<h3 class='box-title'>まとめ</h3>")))
    assert [section.heading for section in article.sections] == ["延伸区間のようす"]
    assert article.conclusion == ("延伸で新駅周辺の再開発にも弾みがつきそうです。", "秋には利用者の調査も行われます。")


def test_paragraphs_under_the_summary_label_leading_into_points_are_the_closing_words(tmp_path: Path) -> None:
    article = digest_of(import_text(tmp_path, "tram.txt", "\n".join([
        *_HEAD, "まとめ",
        "延伸で新駅周辺の再開発にも弾みがつきそうです。",
        "混雑が落ち着くまでは、時間に余裕をもって出かけるのがよさそうです。",
        "◆ 延伸区間は新駅まで2.4キロ", "◆ 初日の利用者は約3万人"])))
    assert [section.heading for section in article.sections] == ["延伸区間のようす"]
    assert article.outro == ("延伸で新駅周辺の再開発にも弾みがつきそうです。",
                             "混雑が落ち着くまでは、時間に余裕をもって出かけるのがよさそうです。")
    assert article.conclusion == ("延伸区間は新駅まで2.4キロ", "初日の利用者は約3万人")


def test_a_summary_marked_up_as_the_headings_is_the_conclusions_label_where_the_key_points_label_is_too(
        tmp_path: Path) -> None:
    key_points = ("<h2 class='sec'>この記事の要点</h2><p>◆ 延伸区間は新駅まで2.4キロ</p><p>◆ 初日は約3万人が利用</p>"
                  "<h2 class='sec'>延伸区間のようす</h2>")
    page = _saved_page("<h2 class='sec'>まとめ</h2>").replace("<h2 class='sec'>延伸区間のようす</h2>", key_points)
    article = digest_of(import_text(tmp_path, "labels_alike.html", page))
    assert article.key_points == ("延伸区間は新駅まで2.4キロ", "初日は約3万人が利用")
    assert [section.heading for section in article.sections] == ["延伸区間のようす"]
    assert article.conclusion == ("延伸で新駅周辺の再開発にも弾みがつきそうです。", "秋には利用者の調査も行われます。")


def test_a_short_noun_phrase_after_text_heads_a_section_and_a_word_of_transition_labels_the_closing_words(
        tmp_path: Path) -> None:
    body = ["運転本数は来春から段階的に増やす方針です。", "駅前広場の整備も今年度中に終える予定です。",
            "◆ 延伸区間は新駅まで2.4キロ", "◆ 初日の利用者は約3万人"]
    topic = digest_of(import_text(tmp_path, "topic.txt", "\n".join([*_HEAD, "今後の増便", *body])))
    assert [section.heading for section in topic.sections] == ["延伸区間のようす", "今後の増便"]
    assert topic.conclusion == ("延伸区間は新駅まで2.4キロ", "初日の利用者は約3万人")
    closing = digest_of(import_text(tmp_path, "closing.txt", "\n".join([*_HEAD, "さいごに", *body])))
    assert [section.heading for section in closing.sections] == ["延伸区間のようす"]
    assert closing.outro == tuple(body[:2])


def test_a_noun_label_over_the_paragraphs_that_close_the_page_labels_the_closing_words(tmp_path: Path) -> None:
    article = digest_of(import_text(tmp_path, "last.txt", "\n".join([
        *_HEAD, "総括", "運転本数は来春から段階的に増やす方針です。", "駅前広場の整備も今年度中に終える予定です。"])))
    assert [section.heading for section in article.sections] == ["延伸区間のようす"]
    assert article.outro == ("運転本数は来春から段階的に増やす方針です。", "駅前広場の整備も今年度中に終える予定です。")


def _page_with_closing(sections: str, closing: str) -> str:
    return ("<html><head><title>市民プールが改修で再開</title></head><body><main>"
            "<h1>市民プールが改修で再開　屋根付きで通年営業に</h1><p>公開日：2025/06/01</p>"
            "<p>老朽化で休業していた市民プールが改修を終え、屋根付きの通年営業で再開しました。</p>"
            f"{sections}{closing}</main></body></html>")


def _pool_section(heading: str) -> str:
    return (f"{heading}<p>いつから使える？</p><p>6月1日から</p>"
            "<div><p>市民プール、屋根付きで再開</p><p>2025年6月1日</p>"
            "<ul><li>市によると、改修工事は約2年かかり、屋根と温水設備が新しくなった。</li></ul>"
            "<p>続きを読む → 川辺新聞 出典：https://kawabe.example.jp/news/0601</p></div>"
            "<p>冬も泳げるのはうれしいですね。</p>")


_CLOSING_WORDS = ("<p>屋根が付いたことで、天気を気にせず通えるようになりました。</p>"
                  "<ul><li>改修は約2年</li><li>通年で営業</li></ul>")


def test_a_summary_marked_up_as_the_section_headings_heads_a_section_over_paragraphs_and_a_list(
        tmp_path: Path) -> None:
    page = _page_with_closing(_pool_section("<h2 id='s1' class='ttl'>再開はいつ？</h2>"),
                              "<h2 id='s2' class='ttl'>まとめ</h2>" + _CLOSING_WORDS)
    article = digest_of(import_text(tmp_path, "pool.html", page))
    assert [section.heading for section in article.sections] == ["再開はいつ？", "まとめ"]
    assert article.sections[-1].body == ("屋根が付いたことで、天気を気にせず通えるようになりました。", "改修は約2年", "通年で営業")


def test_a_summary_heading_without_the_anchor_the_section_headings_carry_heads_the_closing_words(
        tmp_path: Path) -> None:
    page = _page_with_closing(_pool_section("<h2 id='s1' class='ttl'>再開はいつ？</h2>"),
                              "<h2 class='ttl'>まとめ</h2>" + _CLOSING_WORDS)
    article = digest_of(import_text(tmp_path, "pool.html", page))
    assert [section.heading for section in article.sections] == ["再開はいつ？"]
    assert article.outro == ("屋根が付いたことで、天気を気にせず通えるようになりました。",)
    assert article.conclusion == ("改修は約2年", "通年で営業")


def test_a_summary_heading_that_does_not_open_a_box_as_each_section_heading_does_heads_the_closing_words(
        tmp_path: Path) -> None:
    # Each section is a box its heading opens, left unclosed: the summary heading stands inside the last one.
    page = _page_with_closing(_pool_section("<section class='sec'><h2 class='ttl'>再開はいつ？</h2>"),
                              "<h2 class='ttl'>まとめ</h2>" + _CLOSING_WORDS)
    article = digest_of(import_text(tmp_path, "pool.html", page))
    assert [section.heading for section in article.sections] == ["再開はいつ？"]
    assert article.conclusion == ("改修は約2年", "通年で営業")


def test_a_sentence_after_the_list_of_a_closing_section_is_its_text_and_other_trailing_lines_are_not(
        tmp_path: Path) -> None:
    page = _page_with_closing(_pool_section("<h2 id='s1' class='ttl'>再開はいつ？</h2>"),
                              "<h2 id='s2' class='ttl'>まとめ</h2>" + _CLOSING_WORDS
                              + "<p>夏休みには家族で出かけてみてください。</p><p>市民プール 屋内 温水</p>")
    result = import_text(tmp_path, "pool.html", page)
    article = digest_of(result)
    assert article.sections[-1].body[-1] == "夏休みには家族で出かけてみてください。"
    assert "市民プール 屋内 温水" not in article.sections[-1].body
    assert [drop.line.text for drop in result.report.dropped if drop.rule == "after-conclusion"] == ["市民プール 屋内 温水"]
