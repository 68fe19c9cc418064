"""Chrome told by the shape of its lines, not by its words: a site's vertical menu, a comment
thread, a form's buttons, a banner, a list entry aged by a relative date.

Each test looks at a line's length, its punctuation and what stands around it, so that a new
site's menu or comment box is recognised without a new word in a list.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from kiku.importer.cleaning.chrome import (
    CALL_TO_ACTION_BUTTONS,
    COUNTED_BUTTONS,
    FOOTER_LINKS,
    PAGE_NAVIGATION,
    READER_ACTS,
    READER_BENEFITS,
    READING_WORDS,
    SHARE_BUTTONS,
    SHARE_BUTTONS_ALONE,
    is_ad_line,
    nfkc,
    normalise,
)
from kiku.importer.grammar.lines.dates import find_date, line_date
from kiku.importer.grammar.lines.features import split_marker
from kiku.importer.layouts.labels import KEY_POINTS_LABEL_WORDS

# A menu item stacked on its own line is a word or two: 'ホーム', '子育て', '🔍 検索'.
MAX_MENU_ITEM = 8
MIN_MENU = 3
_PUNCTUATION = re.compile(r"[。、，,.．!！?？「」『』:：]")
# Words a site's header or share box prints as buttons (any one of them makes a short run a menu).
_BUTTON_WORDS = SHARE_BUTTONS | FOOTER_LINKS | {"ログイン", "ログアウト", "検索", "会員登録", "新規登録", "マイページ",
                                                "menu", "メニュー", "ランキング"}

# An age instead of a date: '3日前', '2時間前', '1週間前', '5分前', '3か月前'.
RELATIVE_DATE = re.compile(r"[0-9０-９]{1,3}\s*(?:秒|分|時間|日|週間|か月|ヶ月|カ月|ケ月|年)前")
# A comment's header: a short user name and when it was posted (a date with a time, or an age).
MAX_USER_NAME = 16
_TIME = re.compile(r"[0-9]{1,2}:[0-9]{2}")
# The end of a form's button or prompt: 'コメントを書く', 'メールマガジンに登録する（無料）', '［登録］'.
# Asking the reader to act ('…を書く', '…を入力') ends a form line anywhere; a verb a news line
# may end with ('…に登録する', '…に同意する') only with a note in brackets ('（無料）') or alone as a button.
_FORM_ACTION = re.compile(
    r"(?:を書く|を投稿する?|を送信する?|を購読する?|を入力(?:する)?)\s*(?:[（(][^）)]{1,8}[）)])?$"
    r"|(?:登録する?|同意する?|購読する?)\s*[（(][^）)]{1,8}[）)]$"
    r"|[［\[](?:登録|送信|投稿|購読|同意する|検索)[］\]]\s*$"
)
# The same verbs with a note in brackets are the site's offer even on a bulleted line ('📩 …に登録する（無料）').
_NOTED_FORM_ACTION = re.compile(r"(?:登録|同意|購読)する?\s*[（(][^）)]{1,8}[）)]$")
MAX_BUTTON = 6
# A button's verb, maybe with how it is done ('無料で購読する', 'メールで登録する').
_BUTTON_VERB = re.compile(r"^(?:[^\s。、]{1,4}で)?(?:登録|同意|購読|送信)する$")
# A prompt gating an action behind an account: 'コメントを投稿するにはログインしてください。'.
_GATED_ACTION = re.compile(r"^(?:コメント|続き|全文|この記事|記事)を?[^\s。、]{0,6}[うくぐすつぬぶむる]には"
                           r"(?:ログイン|サインイン|購読|登録|会員登録)(?:して(?:ください|下さい)|が必要です)[。.!！]?$")
MAX_FORM_PARTS = 3
MAX_FORM_LINE = 30
# A banner between backslash and slash marks: '＼ 毎週金曜に届く、健康ニュースのまとめ ／'.
_BANNER = re.compile(r"^[＼\\]\s*.{1,40}\s*[／/]$")
# A line framed by the same arrow at both ends points the reader on: '▼ 記事の続きは下へ ▼', '↓ … ↓'.
# (An arrow before a heading alone, '▼ 発表中にすべきこと', is the heading's mark, and a list's label
# framed so, '▼ まとめ ▼', is the label.)
_POINTER = re.compile(r"^(?P<arrow>[▼▽↓⬇⇩▲△↑⬆⇧])\s*(?P<text>[^。]{1,30}?)\s*(?P=arrow)$")


def _is_menu_item(text: str) -> bool:
    normal = nfkc(text).strip()
    return 0 < len(normal) <= MAX_MENU_ITEM and not _PUNCTUATION.search(normal) and not normal.isdigit()


def _is_button_word(text: str) -> bool:
    words = normalise(text).strip("🔍≡☰ ").split()
    return bool(words) and all(word in _BUTTON_WORDS for word in words)


def claim_menu_run(texts: Sequence[str], index: int) -> int:
    """A run of three or more lines of one or two words each, stacked like a menu or a share
    box, with a button word among them or a counted button closing it ('コメント 12' under a row of tabs): short
    headings and entries of an article have none. The teaser under a pager link that closes it is the run's."""
    end = index
    while end < len(texts) and _is_menu_item(texts[end]):
        end += 1
    run = texts[index:end]
    if len(run) < MIN_MENU or not (any(_is_button_word(text) for text in run) or is_counted_button(run[-1])):
        return 0
    # A pager closing the run ('リンクをコピー' · '次の記事 ▶') brings its teaser, the next article's title, under it.
    return len(run) + 1 if claim_pager_link(texts, end - 1) == 2 else len(run)


def is_comment_header(text: str) -> bool:
    """A user name and when the comment was posted: '山のたぬき　2025年2月3日 21:14', '匿名 3日前'."""
    normal = nfkc(text).strip()
    age = RELATIVE_DATE.search(normal)
    if age is not None and age.end() == len(normal):
        name = normal[:age.start()].strip()
    else:
        found = find_date(normal)
        if found is None or _TIME.search(normal) is None:
            return False
        name = _TIME.sub("", found[1]).strip()
    return 0 < len(name) <= MAX_USER_NAME and not _PUNCTUATION.search(name)


def is_form_line(text: str) -> bool:
    """A form's button or prompt: short, no sentence, ending in what the reader is asked to do."""
    normal = nfkc(text).strip()
    if split_marker(normal)[0] is not None:
        # A bulleted point may end in a verb ('◆ 参加者は事前に名前を入力'); an offer's note does not.
        return len(normal) <= MAX_FORM_LINE and "。" not in normal and _NOTED_FORM_ACTION.search(normal) is not None
    if len(normal) <= MAX_BUTTON + 4 and _BUTTON_VERB.match(normal):
        return True
    if len(normal) <= MAX_FORM_LINE and _GATED_ACTION.search(normal):
        return True
    parts = normal.split()
    if 1 < len(parts) <= MAX_FORM_PARTS and len(normal) <= MAX_FORM_LINE and all(is_form_line(part) for part in parts):
        return True  # a field's prompt and its button: 'アドレスを入力 登録する'
    return len(normal) <= MAX_FORM_LINE and "。" not in normal and _FORM_ACTION.search(normal) is not None


def is_banner(text: str) -> bool:
    return _BANNER.match(nfkc(text).strip()) is not None


def is_pointer_line(text: str) -> bool:
    pointer = _POINTER.match(nfkc(text).strip())
    return pointer is not None and KEY_POINTS_LABEL_WORDS.search(pointer["text"]) is None


def is_page_navigation_phrase(text: str) -> bool:
    """'このページの先頭へ', '↑ 記事の先頭に戻る': a short navigation link with a demonstrative or a target."""
    normal = normalise(text).strip("↑▲^ ")
    stripped = re.sub(r"^(?:この|当|本)", "", normal)
    return stripped in PAGE_NAVIGATION or re.sub(r"^(?:記事|ページ)の", "ページの", stripped) in PAGE_NAVIGATION


def is_share_words_row(text: str) -> bool:
    """Two or more share, copy or print buttons with their verbs: 'この記事をシェア　𝕏ポスト　LINEで送る',
    'この記事を印刷する　リンクをコピー'."""
    tokens = [token for token in re.split(r"\s+|[/／|｜:：]", normalise(text)) if token]
    return len(tokens) >= 2 and all(token in SHARE_BUTTONS or token in SHARE_BUTTONS_ALONE or is_share_token(token)
                                    for token in tokens)


def is_share_token(token: str) -> bool:
    """A short word ending in a verb of sharing, copying or printing the page, perhaps with 'する':
    'Facebookでシェア', '𝕏ポスト', 'LINEで送る', 'この記事を印刷する' (normalised)."""
    return len(token) <= 12 and re.search(r"(?:シェア|ポスト|送る|コピー|共有|ブックマーク|印刷|保存)(?:する)?$",
                                          token) is not None


_URL_ALONE = re.compile(r"\s*https?://\S+\s*")


def claim_ad_line(texts: Sequence[str], index: int) -> int:
    """An ad's line ('【PR】…', '◇PR◇ …') and the ad's link alone under it, unless it titles a card: its date,
    itself again, a run of bullets, or a bullet and the card's URL in either order stands under it (the card is
    kept, and judged an ad by its title's label)."""
    if not is_ad_line(texts[index]):
        return 0
    below = [text.strip() for text in texts[index + 1:index + 3]]
    titles_card = (bool(below) and line_date(below[0]) is not None) or texts[index].strip() in below or (
        len(below) == 2 and all(split_marker(text)[0] is not None for text in below)) or (
        len(below) == 2 and split_marker(below[0])[0] is not None and _URL_ALONE.fullmatch(below[1]) is not None) or (
        len(below) == 2 and _URL_ALONE.fullmatch(below[0]) is not None and split_marker(below[1])[0] is not None)
    if titles_card:
        return 0
    # The ad's own link alone under it, no summary under that: the ad's two lines ('◇PR◇ …' · 'https://…').
    return 2 if below and _URL_ALONE.fullmatch(below[0]) is not None else 1


# A placeholder a text dump prints for an image or an embed ('[IMG]', '[画像]'), the photo's credit
# or note alone in brackets on its line ('（写真：共同）', '（写真：式典の様子／画像はイメージ）'), the
# site's note that a picture is only an illustration ('※画像はイメージです', perhaps with what it
# shows: '※写真はイメージです（港の朝市）'), and an embedded post's button to open it where it was
# posted ('Xで見る').
_PLACEHOLDER_WORDS = frozenset({"img", "image", "画像", "写真", "photo", "動画", "video", "iframe", "embed", "図"})
_PHOTO_CREDIT = re.compile(r"^[（(]\s*(?:写真|画像|撮影|提供|イラスト|図|動画)\s*[:：/／]\s*[^（()）。]{1,60}[）)]$")
_IMAGE_NOTE = re.compile(
    r"^[※＊*]\s*(?:画像|写真|イラスト|動画)(?:は|はすべて)?(?:イメージ|イメージ画像)(?:です)?[。.]?"
    r"(?:\s*[（(][^（()）]{1,30}[）)])?$")
_OPEN_ON_SERVICE = re.compile(
    r"^(?:x|twitter|instagram|youtube|facebook|tiktok|threads)\s*(?:で|を)(?:見る|開く|表示)$")


# A caption under a picture: the picture's label and a colon before it ('画像：…', '写真：…'), or a
# note in brackets after it that the picture is an illustration or from the files ('…（写真はイメージ）',
# '…（資料写真）', '…（撮影：記者）'). Either way a phrase, not a sentence.
_CAPTION_LABEL = re.compile(r"^(?:写真|画像|図|イラスト|動画|photo|image)\s*[:：=＝]\s*\S", re.IGNORECASE)
_CAPTION_NOTE = re.compile(
    r"[（(](?:[^（()）]{0,10}(?:イメージ|資料写真|資料画像|ファイル写真|撮影|提供)[^（()）]{0,10}"
    r"|(?:写真|画像|図)\s*[:：=＝][^（()）]{1,20})[）)]$")
MAX_CAPTION = 80


def is_image_caption(text: str) -> bool:
    normal = nfkc(text).strip()
    if len(normal) > MAX_CAPTION or "。" in normal:
        return False
    return _CAPTION_LABEL.match(normal) is not None or _CAPTION_NOTE.search(normal) is not None


# A button of the site's with its count after or before it: 'コメント 24件', '💬 コメント（12）',
# '12件のコメント' (a symbol may stand first).
# Possessive spaces: no two quantifiers share a run of spaces (linear on a line of thousands).
_COUNTED_BUTTON = re.compile(
    r"^(?:[^\w\s]\s*+)?(?:(?P<word>[^\d\s()]{1,12}?)\s*+(?:\(\s*+[0-9][0-9,]*+\s*+(?:件\s*+)?\)|[0-9][0-9,]*+\s*+件?)"
    r"|[0-9][0-9,]*+\s*+(?:件の?\s*+)?(?P<counted>[^\d\s()]{1,12}))$")


# The button may name the article it counts for: 'この記事へのコメント（12件）'.
_OF_THIS_ARTICLE = re.compile(r"^(?:この|本|当)?記事(?:へ|に|について)?の")
# A count beside a pictogram alone, the button drawn and not written: '💬 12', '👍 214'. (A triangle
# before a number is a rise or a fall, '▲ 12'.)
_PICTOGRAM_COUNT = re.compile(r"^(?P<symbol>[^\w\s]{1,3}?)\s*+[0-9][0-9,]*+\s*+件?$")
# A count alone on its line: its button drawn (an icon the saved page lost), not written ('312',
# '1.2K', '3.4万' as a site rounds a large one).
_BARE_COUNT = re.compile(r"[0-9]{1,3}(?:,[0-9]{3})*|[0-9]{1,7}|[0-9]{1,3}(?:\.[0-9])?[KkMm万]")
_NOT_PICTOGRAMS = frozenset("▲▼△▽↑↓")
_COUNTER_SEPARATOR = re.compile(r"\s*+[|｜]\s*+")
# A count a portal prints in brackets of its own: '(1284 ヒット)', '（閲覧数 52）'.
_IN_BRACKETS = re.compile(r"[(\[【]\s*+([^()\[\]【】]*?)\s*+[)\]】]")


def _is_one_counted_button(text: str) -> bool:
    bracketed = _IN_BRACKETS.fullmatch(text)
    normal = bracketed[1] if bracketed else text
    pictogram = _PICTOGRAM_COUNT.match(normal)
    if pictogram is not None:
        symbol = pictogram["symbol"]
        return (unicodedata.category(symbol[0]) == "So" and not _NOT_PICTOGRAMS.intersection(symbol))
    button = _COUNTED_BUTTON.match(normal)
    if button is None:
        return False
    # A label's colon after the word ('ヒット数: 18342'), and '数' after it: the count of that button;
    # its word may be printed with its exclamation mark ('いいね！ 128').
    word = _OF_THIS_ARTICLE.sub("", normalise(button["word"] or button["counted"])).rstrip(":： !")
    return word in COUNTED_BUTTONS or (word.endswith("数") and word[:-1] in COUNTED_BUTTONS)


def is_counted_button(text: str) -> bool:
    """A button with its count, or a row of them: 'コメント 24件', '💬 12', '💬 コメント 38件 ｜ 👍 いいね 214';
    or a count alone ('312')."""
    if _BARE_COUNT.fullmatch(nfkc(text).strip()):
        return True
    return all(part and _is_one_counted_button(part) for part in _COUNTER_SEPARATOR.split(nfkc(text).strip()))


# How long the article takes to read: a count of minutes and a verb of reading, in one short line
# whose subject is the article or that names none ('この記事は約7分で読めます', '読了時間：約5分',
# '⏱ 4 min read'); 'この本は30分で読めます' speaks of something else, and is content.
_MINUTES = re.compile(r"[0-9]+(?:\.[0-9]+)?\s*(?:分|min\b|minutes?\b)", re.IGNORECASE)
_OF_THE_ARTICLE = re.compile(r"^(?:[^\w\s]\s*)?(?:この記事|本記事|当記事|記事)")
_SUBJECT = re.compile(r"[はが]")
# It ends on the count or on the verb, never on a noun the verb describes ('3分で読める経済ニュース' is a tagline).
_READING_END = re.compile(r"(?:[0-9]\s*(?:分|min|minutes?)(?:程度|ほど|くらい)?|(?:ます|る|read))\s*[。.]?$",
                          re.IGNORECASE)
MAX_READING_TIME = 30
# A reader tool's estimate alone on its line, a count or a range of minutes and nothing else ('6～7 分', '約5分',
# '3-4 min'): no verb, but a line that is only a duration stands for nothing of the article's.
_DURATION_ALONE = re.compile(r"(?:約\s*)?[0-9]+(?:\s*[～〜~\-–]\s*[0-9]+)?\s*(?:分|min|minutes?)", re.IGNORECASE)


def is_reading_time(text: str) -> bool:
    """How long the article takes to read; not beside its date ('2025年11月24日 07:12 ・ 11分で読めます'),
    which makes the line the article's date line, read for the date."""
    normal = nfkc(text).strip()
    if line_date(normal) is not None:
        return False
    if _DURATION_ALONE.fullmatch(normal):
        return True
    one_line = "。" not in normal.rstrip("。")
    about_article = _OF_THE_ARTICLE.match(normal) is not None or _SUBJECT.search(normal) is None
    return (len(normal) <= MAX_READING_TIME and one_line and about_article and _READING_END.search(normal) is not None
            and _MINUTES.search(normal) is not None and READING_WORDS.search(normal) is not None)


def is_media_placeholder(text: str) -> bool:
    """An image's or an embed's placeholder, a photo credit, an image note, an embed's open button."""
    stripped = nfkc(text).strip()
    bracketed = stripped[:1] in "[［" and stripped[-1:] in "]］"
    return ((bracketed and normalise(stripped) in _PLACEHOLDER_WORDS) or _PHOTO_CREDIT.match(text.strip()) is not None
            or _IMAGE_NOTE.match(stripped) is not None or _OPEN_ON_SERVICE.match(normalise(stripped)) is not None)


# A clock reading alone on its line, perhaps behind a glyph ('1:32', '▶ 12:05', '1:02:33'): a player's running
# time or a phone's status bar, never the article's words.
_CLOCK_ALONE = re.compile(r"(?:[^\w\s]\s*)?(?:[0-9]{1,2}:)?[0-9]{1,2}:[0-9]{2}")


def is_clock_alone(text: str) -> bool:
    return _CLOCK_ALONE.fullmatch(nfkc(text).strip()) is not None


# A call to follow or register: the reader's act as a condition or asked for, then the site's promise
# in the humble form ('LINEで友だち追加すると、…をいち早くお届けします', 'メルマガに登録すれば、…をお知らせします',
# '気に入ったら フォローしよう 新着をお届けします').
# A news sentence says what a service does ('市のLINEに登録すると、警報が届く。'); only the site
# speaking to its reader promises humbly (お届けします), and a promise alone is an author's profile.
_READER_ACT = re.compile(rf"(?:{'|'.join(sorted(READER_ACTS))})(?:すると|すれば|していただくと|していただければ"
                         r"|いただくと|いただければ|で[、,]|しよう|してね|してください|お願いします)")
_SITE_PROMISE = re.compile(r"[おご](?:届け|知らせ|送り|案内|連絡)(?:いた)?し(?:ます|ています)[。.!！]?$")
# The reader's gain told to them politely: '…が届きます', '…をすぐに読めます'. Said on a marked line with no
# full stop, it is a call-out of the site's ('🔔 公式LINEを友だち追加すると、毎朝ニュースが届きます'); a
# bullet of the article tells the news plainly ('▶ 登録すると、知らせが届く仕組みを始めた。').
_READER_BENEFIT = re.compile(rf"(?:{'|'.join(sorted(READER_BENEFITS))})[!！]?$")
MAX_FOLLOW_CALL = 80


def is_follow_call(text: str) -> bool:
    """One sentence asking the reader to follow or register, and promising what the site sends
    (or, marked as a call-out, what the reader then gets)."""
    normal = nfkc(text).strip()
    act = _READER_ACT.search(normal)
    promise = _SITE_PROMISE.search(normal)
    if promise is None and split_marker(normal)[0] is not None and "。" not in normal:
        promise = _READER_BENEFIT.search(normal)
    return (len(normal) <= MAX_FOLLOW_CALL and act is not None and promise is not None
            and act.end() <= promise.start() and "。" not in normal[:promise.start()])


# A site's promotion closed by its button: what it offers, '｜' or '|', the button, perhaps a note in
# brackets ('…アプリなら新着をプッシュ通知でお届け｜ダウンロード（無料）'). One phrase, not a sentence.
_LAST_ITEM = re.compile(r"\s*[|｜]\s*(?P<button>[^|｜]{1,20})$")
_NOTE = re.compile(r"\s*[（(][^（()）]{1,8}[）)]$")
MAX_CALL_TO_ACTION = 80
MIN_PROMOTION = 8


def is_call_to_action(text: str) -> bool:
    normal = nfkc(text).strip()
    last = _LAST_ITEM.search(normal)
    # What is promoted is a phrase of its own before the button ('…をお届け'), not a menu's one word.
    if last is None or last.start() < MIN_PROMOTION or len(normal) > MAX_CALL_TO_ACTION or "。" in normal:
        return False
    # One promotion and its button: a row of three links or more is the site's menu.
    one_promotion = not any(separator in normal[:last.start()] for separator in "|｜")
    return one_promotion and normalise(_NOTE.sub("", last["button"])) in CALL_TO_ACTION_BUTTONS


# What sets fields apart on a meta line; a line of these alone lost the fields beside it.
_SEPARATORS_ONLY = re.compile(r"[\s·・|｜/／\-–—,、:：]+")


def is_separator_only(text: str) -> bool:
    """A line of separators alone ('·', '｜', ' / '): the fields it set apart were dropped."""
    return _SEPARATORS_ONLY.fullmatch(text) is not None


# A host name alone ('www.example.co.jp'): an embedded card prints its link's site under its summary.
_HOST = re.compile(r"(?i)(?:www\.)?(?P<host>[a-z0-9](?:[a-z0-9\-]{0,62}\.)+[a-z]{2,24})")
# How far below the host line the card's link line may stand.
HOST_LINK_REACH = 2


def claim_link_host(texts: Sequence[str], index: int) -> int:
    """A line that is only the host of the URL printed on one of the next lines: the card's site line."""
    host = _HOST.fullmatch(texts[index].strip())
    if host is None:
        return 0
    link = re.compile(rf"(?i)https?://(?:www\.)?{re.escape(host['host'])}(?:[/:?#]|$)")
    return int(any(link.search(text) for text in texts[index + 1:index + 1 + HOST_LINK_REACH]))


# The arrows and guillemets a link to the next or previous article points with, on either side of it.
_POINTING_ENDS = re.compile(r"^[\s≫»>→⇒▶►▷«≪<←⇐◀◁]+|[\s≫»>→⇒▶►▷«≪<←⇐◀◁]+$")
# A next or previous article's title is a headline: no sentence, one line.
MAX_TEASER = 80
# The verb a pager link may end in: '次の記事を読む ≫' is '次の記事 ≫'.
_READ_VERB = re.compile(r"\s*を(?:読む|見る)$")
_PAGER_LINKS = frozenset(word for word in PAGE_NAVIGATION if word.startswith(("前の", "次の")))


def claim_pager_link(texts: Sequence[str], index: int) -> int:
    """A link to the next or previous article alone on its line, pointed by an arrow or not ('次の記事 ≫',
    '« 前の記事'), and, in the page's second half (a pager at its foot, not above its title), the article's
    title under it when it reads as a headline (no full stop, no date): the site's pager, not the article's."""
    link = _READ_VERB.sub("", _POINTING_ENDS.sub("", normalise(texts[index])))
    if link not in _PAGER_LINKS:
        return 0
    below = texts[index + 1].strip() if index + 1 < len(texts) else ""
    teaser = (2 * index > len(texts) and 0 < len(below) <= MAX_TEASER and not below.endswith(("。", "．"))
              and line_date(below) is None and split_marker(below)[0] is None)
    return 2 if teaser else 1


# A post's tag or category line: its label and a colon, then a few short terms ('タグ: 新幹線 JR東海 検測車',
# 'Tags: 奈良, 正倉院展', 'カテゴリー：くらし'). What the article is filed under, not its text.
_TAXONOMY_LABEL = re.compile(r"^(?:関連)?(?:タグ|tags?|カテゴリー?|categor(?:y|ies)|キーワード|keywords?|ジャンル"
                             r"|テーマ)\s*[:：]\s*", re.IGNORECASE)
_TERM_SEPARATORS = re.compile(r"[\s,、，|｜/／]+")
MAX_TAXONOMY_TERM = 20
MAX_TAXONOMY_TERMS = 10


def is_taxonomy_line(text: str) -> bool:
    """A tag or category line: a taxonomy label and a colon, then one to ten short terms, no sentence."""
    normal = nfkc(text).strip()
    label = _TAXONOMY_LABEL.match(normal)
    if label is None:
        return False
    terms = [term for term in _TERM_SEPARATORS.split(normal[label.end():]) if term]
    return 0 < len(terms) <= MAX_TAXONOMY_TERMS and all(
        len(term) <= MAX_TAXONOMY_TERM and _PUNCTUATION.search(term.lstrip("#")) is None for term in terms)
