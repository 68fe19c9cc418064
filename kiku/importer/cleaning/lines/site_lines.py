"""Lines a site prints around every article, told by their shape: who is credited for it, what the
site says about itself, and the next article's teaser at the foot of the page."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from kiku.importer.cleaning.chrome import CALL_TO_ACTION_BUTTONS, nfkc, normalise
from kiku.importer.grammar.lines.dates import find_date
from kiku.importer.grammar.lines.features import split_marker
from kiku.importer.layouts.encyclopedia.statements import names_licence, statement_title

# The roles a credit names, alone or joined: '文：…', '取材・文：…', '文・写真／…', '監修：…', 'ライター：…'.
_ROLE = r"(?:文|写真|取材|執筆者?|構成|編集|監修|撮影|イラスト|聞き手|ライター|著者|筆者|投稿者|作成者)"
_CREDIT = re.compile(rf"^{_ROLE}(?:\s*[・/／&＆]\s*{_ROLE})*\s*[:：／/]\s*(?P<name>\S.*)$"
                     # a one-character role set off by a middle dot ('文・産直ストア編集部', '著・山田花子'), or an
                     # English credit ('Text by …', 'Written by 山田花子'; a card's source may say 'by Reuters')
                     rf"|^(?:文|絵|著|訳)\s*・\s*(?!{_ROLE})(?P<dotted>\S.*)$"
                     r"|^(?i:(?:text|words|written|story|photos?|illustrations?)\s+by)\s+(?P<english>\S.*)$")
MAX_CREDITED_NAME = 30
_SENTENCE_MARKS = re.compile(r"[。．！？!?]")
_LIST_BULLETS = frozenset("・•◦‣-*")
# A note whose subject is the site itself, with no mark before it: '当サイトは医療機関の受診に代わるものでは
# ありません。', '本サイトの情報は…'. ('この記事は…' opens an article's own sentences; the site's name for
# itself, 当/本 + サイト/ブログ/メディア, does not.)
_SITE_SUBJECT = re.compile(r"^(?:当|本)(?:サイト|ブログ|メディア|ウェブサイト|Webサイト)(?:上)?(?:の|は|では|に|で|を)")
# A link to the next or previous article, as a label alone: 'NEXT', '次のページ', '前の記事へ'.
_PAGER_LABELS = frozenset({"next", "prev", "previous", "next page", "next article", "次のページ", "前のページ",
                           "次の記事", "前の記事", "次の記事へ", "前の記事へ", "次のページへ", "次へ", "前へ"})
_POINTING_ENDS = re.compile(r"^[\s≫»>→⇒▶►▷«≪<←⇐◀◁]+|[\s≫»>→⇒▶►▷«≪<←⇐◀◁]+$")
# The teaser under a pager label: its labels, the next article's title and a sentence or two of it.
MAX_TEASER_LINES = 5
MAX_TEASER_TITLE = 80


def is_credit_line(text: str) -> bool:
    """Who is credited for the article, a role and a name: '文：からだ編集部', '取材・文／山田花子'."""
    marker, rest = split_marker(nfkc(text).strip())
    # A list's item of a post's details ('・著者：…') too; a pictogram's line ('👤編集：…') is a byline a layout reads.
    match = _CREDIT.match(rest if marker is not None and marker.strip() in _LIST_BULLETS else nfkc(text).strip())
    # A byline with the date beside the name ('投稿者: 編集部 投稿日時: …') dates the article: no credit alone.
    if match is None or (match["english"] and not _is_name(match["english"])):
        return False  # 'by the way, …' opens a sentence
    name: str = match["name"] or match["dotted"] or match["english"]
    return len(name) <= MAX_CREDITED_NAME and not _SENTENCE_MARKS.search(name) and find_date(name) is None


def _is_name(text: str) -> bool:
    """A name after 'by': a few words, each capitalised or not Latin, no comma ('Hanako Yamada', '山田花子')."""
    words = text.split()
    return len(words) <= MAX_NAME_WORDS and "," not in text and "、" not in text \
        and all(not word.isascii() or word[0].isupper() for word in words)


MAX_NAME_WORDS = 4


# An editorial desk named alone, as a byline under the title prints it: '<site>編集部', '…ニュース編集室', '…取材班'.
_DESK = re.compile(r"^[^\s。、．！？!?：:「」]{1,24}?\s?"
                   r"(?:編集部|編集室|編集局|編集チーム|編集グループ|取材班|報道部)$")
# A button after the desk's name on its row, set apart by a space ('…編集部　フォローする', '…取材班 ＋フォロー').
_BUTTON_AFTER = re.compile(r"[ \u3000]+[+＋]?\s*(?P<button>[^\s。、]{1,10})$")


def _without_button(text: str) -> str:
    """The byline's row without the button to follow the desk after its name."""
    found = _BUTTON_AFTER.search(text)
    return text[:found.start()] if found is not None and normalise(found["button"]) in CALL_TO_ACTION_BUTTONS else text


# The article's head: its title, date and byline stand within its first lines, above any sentence or link; the
# site's head may stand above them in four lines (a menu button, its name, a menu row, a breadcrumb).
MAX_HEAD_LINES = 8


def claim_head_desk(texts: Sequence[str], index: int) -> int:
    """An editorial desk's name alone in the page's head, above its first sentence or link: the article's byline
    with no label ('ネオネットニュース編集部'). Further down, such a name may be a card's publisher."""
    if index >= MAX_HEAD_LINES or _DESK.match(_without_button(nfkc(texts[index]).strip())) is None:
        return 0
    above = texts[:index]
    return int(not any(text.rstrip().endswith(("。", "．")) or "://" in text for text in above))


# A mail's note on its own delivery, the mail itself its subject: '※このメールは…にご登録いただいた方にお送りして
# います。', '本メールは送信専用です。…' — why the reader got it and how to stop or answer it, never the article's.
# The mail may be named by its title in quotes instead ('メルマガ「○○便り」は毎月1日にお届けします。').
_MAIL_KIND = r"(?:メール(?:マガジン)?|メルマガ|ニュースレター)"
_MAIL_SUBJECT = re.compile(rf"^[※＊*]?\s*(?:(?:この|本)\s*{_MAIL_KIND}|{_MAIL_KIND}\s*[「『][^「」『』]{{1,30}}[」』])"
                           r"\s*(?:は|の|に|を|へ|では|、)")
_DELIVERY = re.compile(r"送|届|配信|登録|返信|購読|解除")


def is_mail_notice(text: str) -> bool:
    """A sentence about the mail's own delivery, the mail its subject: a newsletter's delivery notice."""
    normal = nfkc(text).strip()
    return (normal.endswith(("。", "．")) and _MAIL_SUBJECT.match(normal) is not None
            and _DELIVERY.search(normal) is not None)


# A link to edit the page where its source is kept: 'このページを GitHub で編集', 'Edit this page on GitLab'.
_EDIT_LINK = re.compile(r"^(?:(?:この|本)?(?:ページ|記事)を\s?(?:\S{1,12}\s?で\s?)?(?:編集|修正)(?:する)?"
                        r"|edit this page(?: on \S{1,12})?)$", re.IGNORECASE)


def is_edit_link(text: str) -> bool:
    return _EDIT_LINK.match(normalise(text)) is not None


def is_site_disclaimer(text: str) -> bool:
    """A sentence whose subject is the site itself: the site's note on what its pages are (not a note
    on the article's facts)."""
    normal = nfkc(text).strip()
    return normal.endswith("。") and _SITE_SUBJECT.match(normal) is not None


# A note whose subject is the article itself: 'この記事はAIが要約した内容を編集部が確認して掲載しています。',
# '本記事は報道をもとに作成しました。'. Printed without the note mark ('※'), only where it stands tells it from
# the article's own sentence: among the site's lines at the page's foot (``debris``).
_ARTICLE_SUBJECT = re.compile(r"^(?:この|本|当)(?:記事|ページ|コンテンツ)(?:の内容)?は")
MAX_ARTICLE_NOTE = 120


def is_article_note(text: str) -> bool:
    """A sentence about the article itself, how it was made (not a licence statement nor the statement naming the
    Wikipedia article it copies, which are the copy's)."""
    normal = _NOTE_CLOSE.sub("", nfkc(_unframed(text)).strip())
    return (normal.endswith("。") and len(normal) <= MAX_ARTICLE_NOTE and _ARTICLE_SUBJECT.match(normal) is not None
            and not names_licence(normal) and statement_title(normal) is None)


# The mail's or the series' notice of its next issue: '次号は7月17日配信予定です。', '次回の配信は来週金曜日です。'. The
# subject is the publication's next issue, the predicate its delivery.
_NEXT_ISSUE = re.compile(r"^(?:次号|次回|次の号|来週号)(?:の(?:配信|更新|発行|お届け|テーマ))?(?:は|も)")
_ISSUE_DELIVERY = re.compile(r"配信|お届け|発行|更新|公開")


def is_next_issue_notice(text: str) -> bool:
    """A sentence announcing the publication's next issue and when it comes, not the article's text."""
    normal = nfkc(_unframed(text)).strip()
    first = normal.split("。")[0]
    return (normal.endswith("。") or "。" in normal) and len(normal) <= MAX_ARTICLE_NOTE \
        and _NEXT_ISSUE.match(normal) is not None and _ISSUE_DELIVERY.search(first) is not None


# The bracket that closes a note set in brackets: '（この記事は…。）'.
_NOTE_CLOSE = re.compile(r"(?<=。)\s*[)）】\]〕]$")
MAX_NOTE_MARKS = 2


def _unframed(text: str) -> str:
    """The note without the glyphs or the bracket it opens with ('ⓘ この記事は…', '（この記事は…')."""
    stripped = text.strip()
    marks = 0
    while marks < MAX_NOTE_MARKS and stripped[marks:marks + 1] and unicodedata.category(stripped[marks])[0] in "SP":
        marks += 1
    return stripped[marks:]


def claim_pager_teaser(texts: Sequence[str], index: int) -> int:
    """A pager label alone on its line in the page's second half ('NEXT', '次のページ'), with no more
    than the next article's teaser after it: more labels, its title (a headline), a sentence or two of
    it. The rest of the page is the site's. (A sentence right under the label is the writer's.)"""
    rest = len(texts) - index
    if not _is_pager_label(texts[index]) or 2 * index <= len(texts) or not 1 < rest <= MAX_TEASER_LINES:
        return 0
    title = next((text.strip() for text in texts[index + 1:] if not _is_pager_label(text)), "")
    return rest if 0 < len(title) <= MAX_TEASER_TITLE and not title.endswith(("。", "．")) else 0


def _is_pager_label(text: str) -> bool:
    return _POINTING_ENDS.sub("", normalise(text)) in _PAGER_LABELS


# A municipal CMS's box naming whom to ask about the page, and its poll on whether the page helped. As
# data: the box's headings ('このページに関するお問い合わせ', '問い合わせ先', '担当課'), the poll's question
# ('このページの情報は役に立ちましたか？', '…わかりやすかったですか'); entries by their shape.
_INQUIRY_HEADING = re.compile(
    r"^(?:(?:(?:この|本)(?:ページ|記事|件|情報)に(?:関する|ついての)\s*)?(?:お)?問(?:い)?合(?:わ)?せ(?:先|窓口)?"
    r"|担当(?:課|部署|窓口)?|所管課|連絡先)$")
_FEEDBACK_QUESTION = re.compile(
    r"^(?:この|本)(?:ページ|記事)(?:の(?:情報|内容))?(?:は\s*(?:役に立ちましたか|(?:わか|分か)りやすかったですか"
    r"|見つけやすかったですか)|について(?:の)?(?:ご意見|アンケート))\s*[?？]?$")
# A contact line: an office ('農林水産部 スマート農業推進課', '…センター'), a labelled field ('電話：…', 'FAX …',
# 'メール：…', '〒…', '受付時間 …'), a phone number or an e-mail address, a form's link.
_OFFICE = re.compile(r"(?:課|部|室|係|局|所|センター|事務所|グループ|担当|チーム)(?:\s*[（(][^）)]{1,20}[）)])?$")
_CONTACT_FIELD = re.compile(
    r"^(?:電話(?:番号)?|TEL|FAX|ファクス|ファックス|メール|E-?mail|住所|所在地|〒|受付時間|開庁時間|内線)",
    re.IGNORECASE)
_PHONE_OR_MAIL = re.compile(r"\d{2,5}\s*[-‐－ー(（]\s*\d{1,4}\s*[-‐－ー)）]\s*\d{3,4}|[\w.+-]+@[\w-]+\.[\w.-]+")
_FORM_LINK = re.compile(r"(?:問い?合わ?せ|ご意見)(?:フォーム|用フォーム)|フォーム(?:から|で)")
MAX_CONTACT_LINE = 60
MAX_POLL_CHOICE = 20


def is_inquiry_heading(text: str) -> bool:
    normal = nfkc(text).strip().rstrip(":：")
    return len(normal) <= MAX_CONTACT_LINE and _INQUIRY_HEADING.match(normal) is not None


def is_contact_entry(texts: Sequence[str], index: int, position: int) -> bool:
    """An office, a contact field, a phone number or an e-mail address, or a link to the office's form."""
    normal = nfkc(texts[index]).strip()
    if len(normal) > MAX_CONTACT_LINE or "。" in normal:
        return False
    return (_OFFICE.search(normal) is not None or _CONTACT_FIELD.match(normal) is not None
            or _PHONE_OR_MAIL.search(normal) is not None or _FORM_LINK.search(normal) is not None)


def is_feedback_question(text: str) -> bool:
    return _FEEDBACK_QUESTION.match(nfkc(text).strip()) is not None


def is_poll_entry(texts: Sequence[str], index: int, position: int) -> bool:
    """A poll's choice or button ('役に立った', 'どちらともいえない', '送信'), or its next question."""
    normal = nfkc(texts[index]).strip().lstrip("○◯●◎□■☐☑・")
    return is_feedback_question(normal) or (0 < len(normal) <= MAX_POLL_CHOICE and not re.search(r"[。、]", normal))
