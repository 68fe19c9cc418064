"""The page's closing: prose under a closing label (the closing words) followed by the site's lines, which go
to the trailer, not the article; and a card whose head carries a glyph over its link line, the summary under
that marked with another glyph."""

from __future__ import annotations

from pathlib import Path

from tests.support.importing import digest_of, import_text

_HEAD = [
    "駅前の古書店街、週末に「一箱古本市」　初めての出店者も",
    "2024.10.02 更新",
    "駅前の古書店街で、週末に一箱古本市が開かれます。初めて出店する人のための相談会も行われます。",
    "◇いつ、どこで開かれる?",
    "Ｑ：古本市はいつ開かれるのですか?",
    "Ａ：10月の第2土曜と日曜の2日間です",
    "会場は駅前通りの歩道と、古書店の軒先です。",
    "🔖 駅前で一箱古本市、今年は80箱が参加",
    "https://kosho-times.example.jp/news/2024/hitohako ／ 古書タイムズ ／ 2024.09.28",
    "▸ 出店者の半数が初参加で、学生の出店も増えた。",
    "▸ 雨天の場合は古書店の店内で開く。",
    "本好きにはたまらない2日間になりそうですね。",
    "当日は古書店もセールを行う予定です。",
    "◇とくに人気なのは?",
    "Ｑ：どんな本がよく売れるのですか?",
    "Ａ：絵本と文庫本がよく動きます",
    "子ども連れの来場者が多いのも特徴です。",
    "出店者は値段を自由に決められます。",
]


def test_a_glyph_over_a_link_line_heads_the_card(tmp_path: Path) -> None:
    card = digest_of(import_text(tmp_path, "page.txt", "\n".join(_HEAD))).sections[0].sources[0]
    assert (card.title, card.publisher) == ("駅前で一箱古本市、今年は80箱が参加", "古書タイムズ")
    assert card.summary == ("出店者の半数が初参加で、学生の出店も増えた。", "雨天の場合は古書店の店内で開く。")


def test_closing_words_under_a_marked_label_stay_and_the_site_s_lines_after_them_go(tmp_path: Path) -> None:
    result = import_text(tmp_path, "page.txt", "\n".join([
        *_HEAD, "◇おわりに",
        "古本市は、街の本屋を知るきっかけにもなります。",
        "気になる一冊を探しに、ぜひ足を運んでみてください。",
        "この特集で取り上げたグッズ",
        "帆布のブックカバー 文庫サイズ　¥2,200（税込）",
        "木製ブックスタンド　¥3,300（税込）",
    ]))
    article = digest_of(result)
    assert article.outro == ("古本市は、街の本屋を知るきっかけにもなります。",
                             "気になる一冊を探しに、ぜひ足を運んでみてください。")
    written = repr(article)
    assert "ブックスタンド" not in written and "グッズ" not in written


def test_a_closing_summary_s_points_are_printed_once(tmp_path: Path) -> None:
    # The summary's heading marked up as the sections' are: a section over its paragraph and the points, which
    # are then not the article's conclusion as well.
    page = ("<html><body><article><h1>駅前の古書店街、週末に「一箱古本市」</h1><p>2024年10月2日</p>"
            "<p>駅前の古書店街で、週末に一箱古本市が開かれます。</p>"
            "<h2 class='midashi'>いつ開かれる?</h2><p>古本市はいつ開かれるのですか?</p><p>10月の第2土曜と日曜です</p>"
            "<div><p>駅前で一箱古本市、今年は80箱が参加</p><p>2024年9月28日</p>"
            "<ul><li>出店者の半数が初参加だった。</li></ul>"
            "<p>続きを読む → 古書タイムズ 出典：https://kosho-times.example.jp/news/2024/hitohako</p></div>"
            "<p>本好きにはたまらない2日間になりそうですね。</p>"
            "<h2 class='midashi'>まとめ</h2><p>古本市は年に一度、街の本好きが集まる機会になっています。</p>"
            "<ul><li>✔ 2日間で80箱が出店</li><li>✔ 絵本と文庫本が人気</li><li>✔ 雨天は店内で開催</li></ul>"
            "</article></body></html>")
    article = digest_of(import_text(tmp_path, "page.html", page))
    assert article.sections[-1].body == ("古本市は年に一度、街の本好きが集まる機会になっています。",
                                         "2日間で80箱が出店", "絵本と文庫本が人気", "雨天は店内で開催")
    assert (article.conclusion, article.outro) == ((), ())
