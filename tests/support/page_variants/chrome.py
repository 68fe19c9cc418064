"""Chrome blocks the family's sites print around an article, inserted into a page at a block
boundary: the top for what sites print before the article, the bottom for what they print
after it. Every inserted line is debris."""

from __future__ import annotations

import html
import random
import re
from dataclasses import dataclass
from typing import Literal

from tests.support.page_variants.mirror_frame import FRAME_LINES
from tests.support.page_variants.pdf_pages import PDF_LINES


@dataclass(frozen=True)
class ChromeBlock:
    name: str
    lines: tuple[str, ...]
    place: Literal["top", "bottom"]
    # Printed as a list (<ul>) on a saved page, else as paragraphs.
    listed: bool = False


CHROME_BLOCKS = (
    ChromeBlock("ai disclaimer", ("※この記事は生成AIを利用して作成し、編集部が内容を確認しています。",), "top"),
    ChromeBlock("share row", ("この記事をシェアする", "X（旧Twitter）｜Facebook｜LINE｜はてなブックマーク"), "top", listed=True),
    ChromeBlock("hashtag row", ("#ニュース #まとめ #暮らし #話題",), "bottom"),
    ChromeBlock("ranking", ("アクセスランキング", "1位 年末年始の帰省ラッシュ、下りのピークは28日か",
                            "2位 冬のボーナス平均支給額が過去最高に", "3位 インフルエンザ流行警報、全国で拡大"),
                "bottom", listed=True),
    ChromeBlock("author box", ("この記事を書いた人", "まとめ編集部・佐藤ゆかり",
                               "暮らしとお金のニュースを中心に、毎日の話題をわかりやすく整理しています。"), "bottom"),
)
# What an e-mail newsletter prints around the article when its text is saved: the mail's header (its date
# left out: the page's own date line stays the article's), and the site's footer between rule lines.
NEWSLETTER_HEADER = ("From: まとめ通信編集部 <letter@matome-tsushin.example>", "To: 購読者のみなさま",
                     "Subject: まとめ通信 第12号")
NEWSLETTER_RULE = "＝＝＝＝＝＝＝＝＝＝＝＝＝＝＝＝"
NEWSLETTER_FOOTER = (NEWSLETTER_RULE, "まとめ通信", "配信の停止：https://matome-tsushin.example/stop",
                     "Copyright 2025 Matome Tsushin", NEWSLETTER_RULE)
# A mail magazine's frame, as a plain-text mail prints it: its name closed by the issue number between rule
# lines and a note on the mail above the article; an ad between dashed rules drawn with spaces, and a footer of
# marked labels over the links and notes (the next issue, unsubscribing, 'do not reply') under it.
MAGAZINE_RULE = "━━━━━━━━━━━━━━━━━━━━"
MAGAZINE_DASHES = "＝ ＝ ＝ ＝ ＝ ＝ ＝ ＝ ＝ ＝"
MAGAZINE_HEADER = (MAGAZINE_RULE, "くらしの窓　メールマガジン　第37号", MAGAZINE_RULE,
                   "このメールは、くらしの窓の読者登録をされた方にお届けしています。")
MAGAZINE_AD = (MAGAZINE_DASHES, "＼PR／料理版「台所の窓」がスタート! 詳しくはこちら",
               "https://kurashi-mado.example/r/daidokoro?m=37", MAGAZINE_DASHES)
MAGAZINE_FOOTER = (MAGAZINE_RULE, "■ 次号のお知らせ", "次号は「冬の光熱費の見直し方」をお届けします。",
                   "■ 配信停止・メールアドレスの変更", "https://kurashi-mado.example/mypage/", "■ ご意見・ご感想",
                   "desk@kurashi-mado.example", "※本メールは送信専用のアドレスから配信しています。返信はできません。",
                   "発行：くらしの窓編集部", "Copyright(C) kurashi-mado All rights reserved.", MAGAZINE_RULE)
MAGAZINE_LINES = frozenset((*MAGAZINE_HEADER, *MAGAZINE_AD, *MAGAZINE_FOOTER))
CHROME_LINES = frozenset(line for block in CHROME_BLOCKS for line in block.lines) \
    | frozenset(NEWSLETTER_HEADER) | frozenset(NEWSLETTER_FOOTER) | MAGAZINE_LINES | PDF_LINES | FRAME_LINES


def _fitting_blocks(page: str) -> list[ChromeBlock]:
    """Blocks none of whose lines the page already holds (their lines must stay recognisable)."""
    return [block for block in CHROME_BLOCKS if not any(line in page for line in block.lines)]


def insert_text_chrome(text: str, rng: random.Random) -> str:
    blocks = _fitting_blocks(text)
    if not blocks:
        return text
    block = rng.choice(blocks)
    newline = "\r\n" if "\r\n" in text else "\n"
    inserted = newline.join(block.lines)
    if block.place == "top":
        return inserted + newline + newline + text
    return text.rstrip("\r\n") + newline + newline + inserted + newline


def frame_as_newsletter(text: str, rng: random.Random) -> str:
    """The page as an e-mail newsletter's text: the mail's header above it, the site's ruled footer under it."""
    if any(line in text for line in (*NEWSLETTER_HEADER, *NEWSLETTER_FOOTER)):
        return text
    newline = "\r\n" if "\r\n" in text else "\n"
    return (newline.join(NEWSLETTER_HEADER) + newline + newline + text.rstrip("\r\n") + newline + newline
            + newline.join(NEWSLETTER_FOOTER) + newline)


def frame_as_mail_magazine(text: str, rng: random.Random) -> str:
    """The page as a mail magazine's plain text: its masthead above the page, its ad block and footer under it."""
    if any(line in text for line in MAGAZINE_LINES):
        return text
    newline = "\r\n" if "\r\n" in text else "\n"
    gap = newline * rng.choice((1, 2))  # a mail prints its blocks with a blank line between them, or none
    return (newline.join(MAGAZINE_HEADER) + gap + text.strip("\r\n") + gap + newline.join(MAGAZINE_AD) + gap
            + newline.join(MAGAZINE_FOOTER) + newline)


_BODY_OPEN = re.compile(r"<body\b[^>]*>", re.IGNORECASE)
_BODY_CLOSE = re.compile(r"</body\s*>", re.IGNORECASE)


def chrome_markup(block: ChromeBlock) -> str:
    texts = [html.escape(line, quote=False) for line in block.lines]
    if block.listed:
        inner = f"<p>{texts[0]}</p><ul>" + "".join(f"<li>{text}</li>" for text in texts[1:]) + "</ul>"
    else:
        inner = "".join(f"<p>{text}</p>" for text in texts)
    return f"\n<div>{inner}</div>\n"


def insert_html_chrome(page: str, rng: random.Random) -> str:
    blocks = _fitting_blocks(page)
    opening, closing = _BODY_OPEN.search(page), _BODY_CLOSE.search(page)
    if not blocks or opening is None or closing is None:
        return page
    block = rng.choice(blocks)
    if block.place == "top":
        return page[:opening.end()] + chrome_markup(block) + page[opening.end():]
    return page[:closing.start()] + chrome_markup(block) + page[closing.start():]
