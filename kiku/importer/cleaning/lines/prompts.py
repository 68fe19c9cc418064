"""A site asking its reader to act: a form's buttons and prompts ('…に登録する（無料）', '［送信］'), a call to
follow with the site's promise ('…を友だち追加すると、…をお届けします'), a promotion closed by its button.
"""

from __future__ import annotations

import re

from kiku.importer.cleaning.chrome import CALL_TO_ACTION_BUTTONS, READER_ACTS, READER_BENEFITS, nfkc, normalise
from kiku.importer.grammar.lines.features import split_marker

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
