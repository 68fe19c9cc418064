"""What site chrome looks like: the word lists and line shapes the debris rules match.

Every test is on the whole line, normalised (NFKC, so ``ＰＲ``, ``［広告］`` and ``？`` match their
half-width forms): a word such as ``PR`` or ``広告`` inside a sentence is content. A new site's
ad label, share button or footer link is a new word in one of the sets below. A row of share buttons
is read in ``share_rows``, a block's heading in ``block_headings``.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from kiku.importer.grammar.lines.dates import line_date

AD_LABELS = frozenset({
    "広告", "pr", "ad", "ads", "advertisement", "sponsored", "スポンサー", "スポンサーリンク", "スポンサードリンク",
    "ads by google", "プロモーション", "promotion", "広告・pr", "pr・広告", "sponsored link", "sponsored links",
    "広告の下に記事が続きます", "広告の下にコンテンツが続きます", "この下に記事が続きます",
})
SHARE_BUTTONS = frozenset({
    "シェア", "シェアする", "ツイート", "ポスト", "はてブ", "はてなブックマーク", "b!", "xでポスト", "xでシェア",
    "lineで送る", "line", "lineで共有", "facebook", "twitter", "x", "pocket", "feedly", "urlをコピー",
    "リンクをコピー", "コピー", "送る", "保存", "いいね", "share", "tweet", "リポスト", "返信",
})
FOOTER_LINKS = frozenset({
    "プライバシーポリシー", "プライバシー・ポリシー", "個人情報保護方針", "お問い合わせ", "お問合せ", "問い合わせ",
    "運営会社", "運営者情報", "会社概要", "利用規約", "サイトマップ", "免責事項", "広告掲載", "広告掲載について",
    "採用情報", "ヘルプ", "rss", "ホーム", "トップ", "トップページ", "特定商取引法に基づく表記", "著作権について",
    "ウィキペディアについて", "開発者", "統計", "cookieに関する声明", "モバイルビュー", "サイトについて",
    "pc版で表示", "pc版", "モバイル版", "デスクトップ版",
    "about", "contact", "privacy", "terms", "privacy policy", "terms of use", "terms of service", "contact us",
    "about us", "cookie policy", "site map", "sitemap", "disclaimer", "advertise", "advertise with us",
})
# A row of one button or link is debris only when the word cannot be a heading or a
# section of content ('統計', '保存' or 'ホーム' alone may well be).
SHARE_BUTTONS_ALONE = frozenset({
    "シェアする", "ツイート", "ツイートする", "ポストする", "はてブ", "はてなブックマーク", "xでポスト", "xでシェア",
    "lineで送る", "lineで共有", "urlをコピー", "リンクをコピー", "この記事をシェアする", "この記事をシェア",
    "記事をシェアする", "この記事を共有する", "シェアしよう", "シェアしてね", "この記事のurlをコピーする",
    "urlをコピーする", "リンクをコピーする", "このページを共有", "このページを共有する", "このページをシェア",
    "このページをシェアする", "共有",
})
# Links that move around the site rather than say anything: a line that is only one of them.
PAGE_NAVIGATION = frozenset({
    "ページトップへ", "ページの先頭へ", "ページの先頭に戻る", "トップへ戻る", "先頭へ戻る", "記事一覧へ戻る",
    "記事一覧に戻る", "一覧へ戻る", "一覧に戻る", "前の記事", "次の記事", "前の記事へ", "次の記事へ", "back to top",
    "page top", "pagetop",
    # A link to the site's other articles, under a pager or its teaser.
    "ほかの記事を読む", "他の記事を読む", "ほかの記事も読む", "他の記事も読む", "ほかの記事を見る", "他の記事を見る",
    "もっと記事を読む", "記事一覧を見る", "more articles", "read more articles",
})
# A browser's or site's reading view and the button that leaves it, as a reader-mode dump prints it:
# 'リーダー表示を終了', 'リーダーモードを閉じる', 'Exit Reader View'.
_READER_VIEW = re.compile(
    r"^(?:リーダー|閲覧|読書|簡易|reader)\s*(?:表示|モード|ビュー|view|mode)\s*を?\s*(?:終了|閉じる|解除|オフ|やめる)(?:する)?$"
    r"|^(?:exit|close|leave|quit)\s+reader(?:\s+(?:view|mode))?$")
FOOTER_LINKS_ALONE = frozenset({
    "プライバシーポリシー", "プライバシー・ポリシー", "個人情報保護方針", "お問い合わせ", "お問合せ", "運営会社",
    "運営者情報", "利用規約", "サイトマップ", "免責事項", "特定商取引法に基づく表記", "広告掲載について",
    "cookieに関する声明",
})
# A count a site prints beside a button of its own: 'コメント 24件', '💬 コメント（12）', 'いいね(8)'; or of
# how often the page was read.
COUNTED_BUTTONS = frozenset({
    "コメント", "コメント数", "コメントする", "みんなのコメント", "comments", "comment", "いいね", "ブックマーク",
    "シェア", "返信", "閲覧数", "views",
    # How often the page was read, as a portal counts it: '(1284 ヒット)', '閲覧 52', '1,024 PV'.
    "ヒット", "hits", "閲覧", "アクセス", "アクセス数", "pv", "reads",
})
# The verb of a reading-time note ('この記事は約7分で読めます', '読了時間：約5分', '4 min read').
READING_WORDS = re.compile(r"読め|読む|読了|読み終え|(?i:\bread\b)")
# The label of an ad slot printed in brackets at the start of a line: '【PR】…', '［広告］…', '【期間限定】…'.
AD_BRACKET_LABELS = frozenset({
    "pr", "広告", "ad", "ads", "期間限定", "スポンサー", "スポンサーリンク", "sponsored", "プロモーション",
    "タイアップ", "提供", "advertisement", "promotion", "セール", "今だけ", "特価",
})
_BRACKETED_LABEL = re.compile(r"^[【\[(〔《<\\]\s*([^】\])〕》>/]{1,12}?)\s*[】\])〕》>/]")
# The label between two of one glyph, as a bracket holds it: '◇PR◇', '★広告★'.
_GLYPH_FRAMED_LABEL = re.compile(r"^(?P<glyph>[^\w\s])\s*(?P<label>[^\W_]{1,12}?)\s*(?P=glyph)")
# The site's own notes about the article or the site itself, how it was made or may be used: a note
# whose subject is the article, page or site ('※この記事は生成AIを…', '※記事の内容は…配信時点のものです。',
# '※当サイトの情報は投資の勧誘を…'), not a note on the article's facts ('※2025年6月時点の数字です。').
_SITE_NOTE = re.compile(r"^[※＊*]\s*(?:(?:この|本|当|各)\s*)?"
                        r"(?:記事|サイト|ページ|ブログ|エントリー?|掲載(?:情報|内容)?)(?=[のはでにをがも内中、,]|$)")
# Unmarked, a note that this text was written by a machine ('この要約はAIが生成した文章を…確認したものです。').
_MACHINE_MADE_NOTE = re.compile(r"^(?:(?:この|本|当)\s*)?(?:記事|要約|まとめ|文章|本文|解説)(?:の\S{1,4})?は"
                                r"[^。]{0,20}(?:AI|人工知能)[^。]{0,30}(?:生成|作成|執筆)[^。]{0,30}。$"
                                # or the machine its subject, the news it drew on its object ('AIが複数の記事を
                                # もとに要約しています'): a note on how the text was made, whatever stop it ends in.
                                r"|^(?:生成)?(?:AI|人工知能)(?:が|により|によって)[^。]{0,20}(?:記事|ニュース|報道)"
                                r"[^。]{0,12}(?:(?:要約|生成|作成)(?:し|され)|まとめ(?:ま|られ|て))[^。]{0,10}。?$")
# A logo and a menu button, in any words: 'SPORTS PICK UP Logo メニュー', 'くらしのマネー帖 ロゴ メニューを開く'.
_LOGO_MENU = re.compile(r"(?i)(?:\blogo\b|ロゴ)\s*(?:\S+\s*){0,1}(?:\bmenu\b|メニュー)"
                        r"|(?:^|\s)(?:≡|☰)\s*(?:menu|メニュー)?\s*$|^(?:menu|メニュー)\s*$")
# A promotional link: a pointer glyph, a few words and 'はこちら', perhaps marked as an ad:
# '▶ 保険の無料相談はこちら（広告）', '▼ 全国の花火大会カレンダーはこちら'.
_PROMO_LINK = re.compile(
    r"^(?:[▶▷►▸▼▽→⇒➡➤☞👉]|>>)\s*[^。！!？?]{1,40}?(?:は|も)(?:こちら|コチラ)[!！]?\s*"
    r"(?:[（(【\[][^（()）【】\[\]]{1,20}[）)】\]])?$", re.IGNORECASE)
_NAME_STOP = re.compile(r"。(?=\s)")
# One hashtag of a row of two or more: '#経済', '＃円安' (not '#1').
_HASHTAG = re.compile(r"^#[^\s#]*[^\s#0-9][^\s#]*$")
# A row of links to the site's sections: short items joined by '|' or '｜' (three or more).
ROW_SEPARATOR = re.compile(r"\s*[|｜]\s*|\s+[/／]\s+")
MAX_ROW_ITEM = 14
ITEM_SENTENCE = re.compile(r"[。、，,!！?？]")
# A button that closes a site's promotion of its app, newsletter or membership, after '｜' or '|' and
# perhaps with a note in brackets: '…をプッシュ通知でお届け｜ダウンロード（無料）', '…｜今すぐ登録'.
CALL_TO_ACTION_BUTTONS = frozenset({
    "ダウンロード", "無料ダウンロード", "今すぐダウンロード", "アプリをダウンロード", "インストール",
    "今すぐインストール", "アプリを入手", "アプリを開く", "登録", "無料登録", "今すぐ登録", "会員登録",
    "新規登録", "無料会員登録", "購読", "購読する", "登録する", "申し込む", "今すぐ申し込む", "お申し込み",
    "はじめる", "今すぐはじめる", "試してみる", "download", "install", "get the app", "sign up", "subscribe",
    "register", "try it free", "フォロー", "フォローする", "投票", "投票する", "回答する", "友だち追加",
    "follow", "今すぐチェック", "アプリで開く", "アプリで読む",
})
# A button alone on its line is the site's only where the word cannot be a heading or a line of content ('登録' or
# '投票' alone may well be): 'フォローする', 'アプリで開く'.
CALL_TO_ACTION_ALONE = frozenset({
    "フォローする", "+フォロー", "アプリで開く", "アプリで読む", "アプリを開く", "アプリをダウンロード", "アプリを入手",
    "今すぐダウンロード", "今すぐインストール", "open in app", "open app", "get the app",
})
# What the reader is asked to do to follow the site, and what the site then says they get, in the
# polite form it speaks to them in: '公式LINEを友だち追加すると、…が届きます', 'ブックマークすると、…を読めます'.
READER_ACTS = frozenset({"登録", "追加", "フォロー", "購読", "ブックマーク"})
READER_BENEFITS = frozenset({"届きます", "読めます", "受け取れます", "見られます", "チェックできます", "確認できます"})
WIKI_NAVIGATION = frozenset({
    "ナビゲーションに移動", "検索に移動", "移動先: ナビゲーション、 検索", "本文へスキップ", "メインメニュー",
    "編集", "[編集]", "ソースを編集", "[ソースを編集]", "[非表示]", "[表示]",
})

_SEPARATORS = re.compile(r"\s*[|｜]\s*|\s+[・/]\s+|\s+")
# Only the link separators: a row of multi-word links ('Privacy Policy | Terms of Use').
LINK_SEPARATORS = re.compile(r"\s*[|｜]\s*|\s+[・/]\s+")
SENTENCE = re.compile(r"[。．]")


@lru_cache(maxsize=256)
def nfkc(text: str) -> str:
    """``text`` in NFKC; every rule of the chain asks it of the same line in turn, so it is kept
    for the last lines seen (a pure function: the cache only saves time)."""
    return unicodedata.normalize("NFKC", text)


@lru_cache(maxsize=256)
def normalise(text: str) -> str:
    """The line as the rules compare it: NFKC, lower case, single spaces, no edge brackets."""
    folded = re.sub(r"\s+", " ", nfkc(text)).strip().lower()
    return re.sub(r"^[\[(【<「]\s*(.*?)\s*[\])】>」]$", r"\1", folded)


def line_tokens(text: str) -> list[str]:
    return [token for token in _SEPARATORS.split(normalise(text)) if token]


def is_ad_label(text: str) -> bool:
    return normalise(text) in AD_LABELS


def is_ad_line(text: str) -> bool:
    """A line that opens with an ad slot's bracketed label: '【PR】のどの痛みに…', '［広告］…'; or with an ad
    label set off by a space or a bar, no bracket ('PR　…', '広告｜…'): a label glued to a word ('PR会社') is
    the sentence's own."""
    normal = nfkc(text).strip()
    match = _BRACKETED_LABEL.match(normal) or _GLYPH_FRAMED_LABEL.match(normal)
    if match is not None and match[match.lastindex or 0].strip().lower() in AD_BRACKET_LABELS:
        return True
    spaced = _SPACED_AD_LABEL.match(normal)
    if spaced is None or spaced["label"].lower() not in AD_LABELS:
        return False
    # A short Latin word is a label in capitals ('PR', 'AD'); 'Ad hoc' opens a phrase.
    label = spaced["label"]
    return not label.isascii() or label.isupper() or len(label) > MAX_LATIN_WORD_LABEL


MAX_LATIN_WORD_LABEL = 4
# An ad label, then a space or a bar, then the ad's text.
_SPACED_AD_LABEL = re.compile(r"^(?P<label>[^\s|｜:]{2,12})(?:\s+|\s*[|｜]\s*)(?=\S)")


def is_site_note(text: str) -> bool:
    normal = nfkc(text).strip()
    return _SITE_NOTE.match(normal) is not None or _MACHINE_MADE_NOTE.match(normal) is not None


def is_logo_menu(text: str) -> bool:
    normal = nfkc(text).strip()
    # A site name may end in '。' ('けんこう便り。 Logo ☰ メニュー'); a sentence does not stop before a space.
    unnamed = _NAME_STOP.sub("", normal)
    return len(normal) <= 60 and not ITEM_SENTENCE.search(unnamed) and _LOGO_MENU.search(normal) is not None


def is_promo_link(text: str) -> bool:
    return _PROMO_LINK.match(nfkc(text).strip()) is not None


# A badge the site pins on an article it picks ('編集部おすすめ', 'スタッフのイチオシ', 'Editor's Pick'): its owner a
# name of no kana (a staff, a desk, a week), then the pick word; a phrase that recommends something in a sentence's
# words ('早めの予約がおすすめ') names no owner of that shape.
_PICK_BADGE = re.compile(r"^(?:[^\s\u3041-\u309f。、！？!?]{1,10}の?)?(?:おすすめ|オススメ|イチオシ)$"
                         r"|^editor'?s'? picks?$|^editors'? choice$")


def is_pick_badge(text: str) -> bool:
    """An editor's pick badge alone on its line: '編集部おすすめ', '★ 編集部のイチオシ ★', 'EDITOR'S PICK'."""
    bare = normalise(text).strip("★☆◆◇■□●○▼▽▶▷ ").strip()
    return _PICK_BADGE.match(bare) is not None


def is_hashtag_row(text: str) -> bool:
    tokens = nfkc(text).split()
    return len(tokens) >= 2 and all(_HASHTAG.match(token) for token in tokens)


# Items joined by a slash with no space around it, and the links a site's menu opens with.
_GLUED_SLASH = re.compile(r"\s*[/／]\s*")
HOME_LINKS = frozenset({"ホーム", "トップ", "トップページ", "home", "top"})


def is_link_row(text: str) -> bool:
    """Three or more short items joined by '|' or '｜' (or by '／' after the home link), none of them a sentence nor a
    date: a site's navigation ('📰 出典｜BBCニュース｜2025/11/23' is a card's source and date)."""
    normal = nfkc(text).strip()
    items = [item for item in ROW_SEPARATOR.split(normal) if item]
    if len(items) < 3 or ROW_SEPARATOR.search(text) is None:
        # Unspaced slashes join a menu's items too when it opens with the site's home ('トップ／経済／暮らし'); a
        # slash between words of a sentence or a heading ('原材料／人件費／物流費') opens with no home link.
        items = [item for item in _GLUED_SLASH.split(normal) if item]
        if len(items) < 3 or normalise(items[0]) not in HOME_LINKS:
            return False
    return all(len(item) <= MAX_ROW_ITEM and not ITEM_SENTENCE.search(item) and line_date(item) is None
               for item in items)


def is_button_alone(text: str) -> bool:
    return normalise(text) in CALL_TO_ACTION_ALONE


def is_footer_row(text: str) -> bool:
    tokens = line_tokens(text)
    if len(tokens) == 1:
        return tokens[0] in FOOTER_LINKS_ALONE
    if tokens and all(token in FOOTER_LINKS for token in tokens):
        return True
    # The site's own 'about' link among footer links: 'モバペディアについて　免責事項　PC版で表示'.
    about = [token for token in tokens if token not in FOOTER_LINKS]
    if len(tokens) >= 3 and len(about) == 1 and about[0].endswith("について") and len(about[0]) <= 16:
        return True
    links = [link for link in LINK_SEPARATORS.split(normalise(text)) if link]
    return len(links) > 1 and all(link in FOOTER_LINKS for link in links)


# 'トップ' may be written in Latin letters, and the verb may take 'に' for 'へ': 'TOPに戻る ▲'.
_LATIN_TOP = re.compile(r"(?<![a-z])top(?=[へに])")
_BACK_WITH_NI = re.compile(r"に戻る$")


# An app's back button: a leftward glyph and the verb alone ('＜ 戻る', '← もどる', '‹ Back').
_BACK_BUTTON = re.compile(r"[<＜‹«←◀◁〈]\s*(?:戻る|もどる|back)", re.IGNORECASE)


def is_page_navigation(text: str) -> bool:
    link = normalise(text).strip("↑▲^ ")
    folded = _BACK_WITH_NI.sub("へ戻る", _LATIN_TOP.sub("トップ", link))
    return link in PAGE_NAVIGATION or folded in PAGE_NAVIGATION or _BACK_BUTTON.fullmatch(text.strip()) is not None


def is_wiki_navigation(text: str) -> bool:
    """A skip or edit link alone, or several side by side: 'ナビゲーションに移動 検索に移動'."""
    if normalise(text) in WIKI_NAVIGATION or nfkc(text).strip() in WIKI_NAVIGATION:
        return True
    links = normalise(text).split()
    return len(links) >= 2 and all(link in WIKI_NAVIGATION for link in links)


def is_reader_view_button(text: str) -> bool:
    return _READER_VIEW.match(normalise(text).strip("×✕✖ ")) is not None


# A reporter's credit closing a newspaper's article, in brackets: the desk (a noun naming an office:
# '…部', '…局', '…課', '…班', '…室') and the name, or a name and '記者' ('（スポーツ部・宮川拓也）').
_REPORTER_CREDIT = re.compile(r"^\((?:[^()・\s。、]{1,10}[部局課班室][・\s][^()・\s。、]{2,8}"
                              r"|[^()・\s。、]{2,8}\s?記者)\)$")


def is_reporter_credit(text: str) -> bool:
    return _REPORTER_CREDIT.match(nfkc(text).strip()) is not None
