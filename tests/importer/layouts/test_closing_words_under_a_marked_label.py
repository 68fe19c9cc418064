"""A page closing on a marked label and sentences under it ('◇結び' · sentences · the site's poll): the label is
no bullet of a conclusion, the sentences are the article's closing words, not the site's trailing lines."""

from __future__ import annotations

from pathlib import Path

from tests.support.importing import digest_of, import_text

_PAGE = """駅前に屋内の遊び場　雨の日も子どもが遊べる
投稿日：2025/06/02
市は駅前ビルの空きフロアに、子ども向けの屋内遊び場を開きました。
◇どんな施設なのか
Q）どんな遊具があるのか？
→ 大型の滑り台やボールプール
［出典］みなと新聞｜駅前に屋内遊び場、雨の日の受け皿に｜2025-05-30｜https://minato.example.jp/news/20250530-play
▹駅前ビルの3階に、大型の滑り台やボールプールを備えた遊び場を設けた。
雨の日の行き場に困っていた家庭には心強い施設です。
利用は予約制で、1回90分までとなっています。
◇結び
屋内の遊び場は、天候に左右されずに子どもが体を動かせる場所です。
利用者の声を聞きながら、遊具を増やしていく予定だそうです。
この記事は役に立ちましたか？
"""


def test_the_sentences_under_a_closing_label_are_kept(tmp_path: Path) -> None:
    article = digest_of(import_text(tmp_path, "page.txt", _PAGE))
    closing = " ".join([*article.outro, *article.conclusion])
    assert "天候に左右されずに" in closing and "遊具を増やしていく" in closing
    assert "役に立ちましたか" not in closing
