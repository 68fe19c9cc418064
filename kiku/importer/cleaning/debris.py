"""Debris rules: site chrome that is never content, whatever the layout.

The chain is data, tried in order at each line (in the spirit of markdown-it-py's rule
chains). Every rule is a name, a one-line description and a *claim*: how many lines,
starting at a given one, are this rule's debris (0: not this rule). Three kinds are built
from small predicates in ``kiku.importer.cleaning.chrome`` (a block's heading in ``block_headings``, its
entries in ``block_entries``):

- a line rule claims one line that IS debris (``広告``, a share row, a copyright line);
- a block rule claims a heading and the run of entries under it (``目次`` and its numbered
  entries, ``関連記事`` and the titles listed under it);
- a rest rule claims its line and everything after it (the next article's teaser).

A new site's debris is a new entry here or in a rule's word list, not an edit to a parser.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from kiku.importer.cleaning import chrome
from kiku.importer.cleaning.blocks import block_entries, block_headings, comments, labelled_ads, ruled_blocks
from kiku.importer.cleaning.lines import calls, counts, link_lines, media, prompts, shapes, site_lines, wiki_chrome
from kiku.importer.cleaning.rows import block_rows, share_lists, share_rows
from kiku.importer.grammar.lines.dates import line_date
from kiku.importer.layouts.labels import NEXT_PAGE, QUESTION_END
from kiku.importer.page import Line
from kiku.importer.reading.text import hard_wrap
from kiku.importer.report import ImportReport

Predicate = Callable[[str], bool]
# A claim sees the page's texts and an index, and returns how many lines from there are debris.
Claim = Callable[[Sequence[str], int], int]


@dataclass(frozen=True, slots=True)
class DebrisRule:
    name: str
    description: str
    claim: Claim
    # The name reported for the claimed lines after the first, when they are told apart.
    tail_name: str | None = None


def pattern(regex: str) -> Predicate:
    """Matches when ``regex`` is found in the line as printed or in its NFKC form."""
    compiled = re.compile(regex)
    return lambda text: (compiled.search(text) is not None
                         or compiled.search(chrome.nfkc(text)) is not None)


def phrases(*words: str) -> Predicate:
    return lambda text: any(word in text for word in words)


def line_rule(name: str, description: str, is_debris: Predicate) -> DebrisRule:
    return DebrisRule(name, description, lambda texts, index: int(is_debris(texts[index])))


def rest_rule(name: str, description: str, starts: Predicate) -> DebrisRule:
    return DebrisRule(name, description,
                      lambda texts, index: len(texts) - index if starts(texts[index]) else 0,
                      tail_name=f"{name} (teaser)")


def block_rule(name: str, description: str, heading: Predicate, entry: block_entries.EntryTest,
               max_entries: int = 12) -> DebrisRule:
    """A heading line and the run of entries after it; the run stops at the first line that is
    not an entry, that a line rule claims on its own, or that heads another block."""
    def claim(texts: Sequence[str], index: int) -> int:
        if not heading(texts[index]) or _heads_a_card(texts, index):
            return 0
        end = index + 1
        while (end < len(texts) and end - index <= max_entries and entry(texts, end, end - index - 1)
               and not _line_debris(texts[end]) and not block_headings.is_block_heading(texts[end])):
            end += 1
        return end - index
    return DebrisRule(name, description, claim)


def with_entries(rule: DebrisRule) -> DebrisRule:
    """The block rule claiming its heading only with an entry under it: alone, the heading is a link or a
    line that other rules judge ('お問い合わせ' in a footer's row)."""
    def claim(texts: Sequence[str], index: int) -> int:
        count = rule.claim(texts, index)
        return count if count > 1 else 0
    return dataclasses.replace(rule, claim=claim)


# A summary sentence ends in a full stop, or an ad's in an exclamation ('…が登場！'); a list's
# entries are titles and do not.
_SENTENCE_END = re.compile(r"[。．！!]\s*$")


def _heads_a_card(texts: Sequence[str], index: int) -> bool:
    """The line is a title over its date and a summary sentence ('…のランキング' · '2025年12月19日' ·
    '▶ …。'): a card's head, whatever its words, not a block's heading over a list of titles."""
    if index + 2 >= len(texts):
        return False
    return line_date(texts[index + 1]) is not None and _SENTENCE_END.search(texts[index + 2]) is not None


def _contents_entry(texts: Sequence[str], index: int, position: int) -> bool:
    if wiki_chrome.copies_an_entry(texts, index, position):
        return True
    return (block_entries.is_toc_entry(texts, index, position)
            and not wiki_chrome.restarts_numbering(texts, index, position)
            and not wiki_chrome.repeats_an_entry(texts, index, position))


LINE_RULES: tuple[DebrisRule, ...] = (
    line_rule("site-menu", "the site's logo and menu button: '<any site name> Logo Menu opener', '… ロゴ メニュー'",
              chrome.is_logo_menu),
    line_rule("dictionary-title", "the dictionary site's page title: '… とは? わかりやすく解説'",
              pattern(r"とは\s*\?\s*(?:わかりやすく解説|意味|読み方)")),
    line_rule("breadcrumb", "a breadcrumb trail: 'A > B > C', 'A › B › C'",
              pattern(r"^[^。]{1,40}\s[>＞›»]\s[^。]{1,40}\s[>＞›»]\s")),
    line_rule("translation-widget", "the dictionary site's translation box",
              pattern(r"テキスト翻訳|^(?:英語⇒日本語|日本語⇒英語)+$")),
    line_rule("dictionary-navigation", "the dictionary site's shortcut, index, related-term and ranking lines",
              phrases("辞書ショートカット", "すべての辞書の索引", "検索ランキング", "のページへのリンク",
                      "の関連用語", "のお隣キーワード", "のページの著作権", "情報提供元は", "参加元一覧")),
    line_rule("wiki-navigation", "Wikipedia's skip links and edit links: 'ナビゲーションに移動', '[編集]'",
              chrome.is_wiki_navigation),
    line_rule("wiki-jump-links", "MediaWiki's jump links under the title: '移動先: 案内、 検索', 'Jump to: …'",
              wiki_chrome.is_jump_links),
    line_rule("page-navigation", "a link that moves around the site: 'ページトップへ', '記事一覧へ戻る'",
              chrome.is_page_navigation),
    line_rule("wiki-categories", "Wikipedia's category links: 'カテゴリ: A | B'",
              pattern(r"^(?:隠し)?(?:カテゴリ|Category|Categories)\s*:")),
    line_rule("logo-text", "a logo's text printed twice: 'ウィキペディアウィキペディア'",
              pattern(r"^(\S{2,20})\1$")),
    DebrisRule("ad-label", "an ad slot's label alone on its line: '広告', 'PR', 'スポンサーリンク', 'Advertisement'; "
               "and the ad's copy under it: '…を最安値で比較｜直前予約もOK' (not a card's title)",
               link_lines.claim_ad_slot, tail_name="ad-copy"),
    line_rule("share-buttons", "a row of share buttons, with or without counts: 'シェアする ツイート はてブ'",
              share_rows.is_share_row),
    line_rule("icon-buttons", "a bar of buttons, each a pictogram of its own and a short word: '♡ 保存　🔔 フォロー'",
              block_rows.is_icon_button_row),
    line_rule("footer-links", "a row of the site's footer links: 'プライバシーポリシー | お問い合わせ | 運営会社'",
              chrome.is_footer_row),
    line_rule("copyright", "the site's copyright line: '©', 'Copyright', 'All Rights Reserved', the site's name "
              "before the sign and its year ('<site> © 2025 …')",
              pattern(r"(?i)^(?:©|Ⓒ|\(c\)|copyright\b)|all rights reserved|無断転載"
                      r"|^[^\s。、]{1,20}\s*(?:©|Ⓒ|\(c\)|copyright)\s*(?:19|20)[0-9]{2}\b")),
    DebrisRule("link-host", "an embedded card's site line: the host of the link printed below it alone "
               "('www.example.co.jp')", link_lines.claim_link_host),
    DebrisRule("ad-line", "a line that opens with an ad's bracketed label: '【PR】…', '【広告】…', '【期間限定】…' "
               "(not a card's title: a date or bullets under it)", link_lines.claim_ad_line),
    line_rule("promo-link", "a promotional link line: '▶ 保険の無料相談はこちら（広告）', '▼ … カレンダーはこちら'",
              chrome.is_promo_link),
    line_rule("related-label", "a related article named after its label: '関連記事：…', '📌 あわせて読みたい：…'",
              block_headings.is_related_label_line),
    line_rule("hashtags", "a row of hashtags: '#経済 #円安'", chrome.is_hashtag_row),
    line_rule("pick-badge", "the site's badge on an article it picks, alone on its line: '編集部おすすめ', "
              "'Editor's Pick'", chrome.is_pick_badge),
    DebrisRule("hashtag-run", "hashtags one under another, each alone on its line: '#経済' · '#円安'",
               block_rows.claim_hashtag_run),
    line_rule("taxonomy-line", "a post's tag or category line: 'タグ: 新幹線 JR東海', 'カテゴリー：くらし'",
              shapes.is_taxonomy_line),
    line_rule("site-note", "the site's note on how the article was made: '※この記事は生成AIを利用して…'",
              chrome.is_site_note),
    line_rule("link-row", "a row of the site's section links joined by '|' or '｜': 'ホーム｜家計｜物価｜投資'",
              chrome.is_link_row),
    line_rule("share-verbs", "share buttons with their verbs: 'この記事をシェア　𝕏ポスト　LINEで送る'",
              link_lines.is_share_words_row),
    DebrisRule("form", "a form's button or prompt: 'コメントを書く', 'メールマガジンに登録する（無料）', '［登録］' "
               "(not the answer right under a question: '…どうすればよいですか？' · 'サイトにIDを入力')",
               lambda texts, index: int(prompts.is_form_line(texts[index]) and not _answers_question(texts, index))),
    line_rule("lone-button", "a site's button alone on its line: 'フォローする', 'アプリで開く'",
              chrome.is_button_alone),
    line_rule("call-to-action", "a site's promotion closed by its button: '…をお届け｜ダウンロード（無料）'",
              prompts.is_call_to_action),
    line_rule("button-call", "a call closed by its button in brackets: '…をすぐにチェック【無料ダウンロード】', "
              "'…受け取りませんか？［フォローする］', '…（投票はこちら）'", calls.is_closing_button_call),
    line_rule("here-link", "a pictogram's link to sign up or read on: '✉ メールマガジン登録（無料）はこちら ＞'",
              calls.is_pictogram_here_link),
    line_rule("follow-call", "a call to follow or register with the site's promise: "
              "'LINEで友だち追加すると、…をお届けします'", prompts.is_follow_call),
    line_rule("author-line", "the author heading with the writer's name: 'この記事を書いた人：編集部'",
              block_headings.is_author_line),
    line_rule("reporter-credit", "a reporter's credit in brackets closing a news article: '（スポーツ部・宮川拓也）', "
              "'（山田太郎記者）'", chrome.is_reporter_credit),
    line_rule("site-disclaimer", "a sentence whose subject is the site itself: "
              "'当サイトは…に代わるものではありません。'",
              site_lines.is_site_disclaimer),
    DebrisRule("head-desk", "an editorial desk's name alone in the page's head, its byline: '…ニュース編集部'",
               site_lines.claim_head_desk),
    line_rule("mail-notice", "a mail's note on its own delivery: '※このメールは…お送りしています。'",
              site_lines.is_mail_notice),
    line_rule("edit-link", "a link to edit the page's source: 'このページを GitHub で編集', 'Edit this page'",
              site_lines.is_edit_link),
    line_rule("banner", "a banner between '＼' and '／': '＼ 毎週届く、ニュースのまとめ ／'", shapes.is_banner),
    line_rule("pointer-line", "a line framed by the same arrow at both ends that points the reader on: "
              "'▼ 記事の続きは下へ ▼'", shapes.is_pointer_line),
    line_rule("aged-entry", "a listed article with its age: '新着記事　…（3日前）'", block_rows.is_aged_entry),
    line_rule("media-placeholder", "an image's or embed's placeholder, its credit or note: '[IMG]', '（写真：共同）', "
              "'※画像はイメージです', 'Xで見る'", media.is_media_placeholder),
    line_rule("image-caption", "a picture's caption: '画像：…', '…（写真はイメージ）', '▲…（資料写真）'",
              media.is_image_caption),
    line_rule("credit-line", "who is credited for the article, a role and a name: '文：編集部', '取材・文／山田花子'",
              site_lines.is_credit_line),
    line_rule("counted-button", "a button of the site's with its count: 'コメント 24件', '💬 コメント（12）'",
              counts.is_counted_button),
    line_rule("separator-only", "a line of separators alone: '·', '｜'", shapes.is_separator_only),
    line_rule("clock-alone", "a clock reading alone: a player's running time '1:32', a phone's status bar '9:41'",
              counts.is_clock_alone),
    line_rule("page-number", "a printed page's number alone, as a PDF or print view copies it: '- 3 -', '— 12 —', "
              "'p. 4', '5 / 12 ページ', 'Page 2 of 9'", hard_wrap.is_page_number),
    line_rule("reading-time", "how long the article takes to read: 'この記事は約7分で読めます', '読了時間：5分'",
              counts.is_reading_time),
    line_rule("reader-view", "the button that leaves a reading view: 'リーダー表示を終了', 'Exit Reader View'",
              chrome.is_reader_view_button),
    line_rule("toc-opener", "a folded contents box's button: 'この記事のもくじを開く ▼', '目次を表示'",
              block_headings.is_toc_opener),
    line_rule("wiki-hatnote", "an article's note on a redirected name or another meaning: "
              "'「X」はこの項目へ転送されています。'", wiki_chrome.is_hatnote),
    line_rule("wiki-notice", "Wikipedia's maintenance notice: 'この記事は…出典が…不十分です。', '…ご協力ください。'",
              wiki_chrome.is_maintenance_notice),
    line_rule("edit-age", "how long ago the page was edited: '最終編集から3か月経過'", wiki_chrome.is_edit_age),
    line_rule("wiki-tools", "a mirror's tool buttons: '☆ ウォッチ　⤴ 共有　文A 言語'", wiki_chrome.is_tool_row),
    line_rule("section-toggle", "a section's toggle alone on its line: '閉じる', '▼ 展開'", wiki_chrome.is_toggle),
    line_rule("navigation-phrase", "a navigation link with a demonstrative: 'このページの先頭へ'",
              link_lines.is_page_navigation_phrase),
    line_rule("ranking-row", "a ranking's entries on one line: 'ランキング　1位 …　2位 …　3位 …'",
              block_rows.is_ranking_row),
    line_rule("poll-row", "a poll's answers with their counts: 'この記事はいかがでしたか？　役に立った（128）　…（6）'",
              block_rows.is_poll_row),
    line_rule("word-row", "a label over a row of words: '関連キーワード：さくらんぼ　山形県　高温障害'",
              block_rows.is_labelled_word_row),
    line_rule("reaction-row", "a row of pictograms with their counts: 'この記事に反応する　👍 1,203　😮 88'",
              block_rows.is_reaction_row),
    line_rule("age-alone", "how long ago the page was posted, alone on its line: '3時間前'", block_rows.is_age_alone),
    line_rule("plus-button", "a button of a plus sign and a word: '＋フォロー'", block_rows.is_plus_button),
    line_rule("player-button", "a player's button with how long it plays: '🔊 この記事を音声で聞く（約4分）'",
              block_rows.is_player_button),
    line_rule("goes-on-pointer", "a pointer saying the text goes on below: '▼ 広告の後に続きます'",
              block_rows.is_goes_on_pointer),
    line_rule("headed-teaser", "a ranking's, related articles' or pager's heading and its entry on one line: "
              "'次に読まれている記事 ⇒ <title>'", block_rows.is_headed_teaser),
)


def _answers_question(texts: Sequence[str], index: int) -> bool:
    """Whether the line right above asks a question: this line is its answer, what it may ask to do."""
    return index > 0 and QUESTION_END.search(texts[index - 1]) is not None


def _claim_closing_note(texts: Sequence[str], index: int) -> int:
    """The site's note on how the article was made or its notice of the next issue ('次号は…配信予定です。'),
    printed without a note mark among its lines at the page's foot: every line below it is the site's, and so is
    the line above it or at least one line follows it (the last line of a page whose text ends there may be the
    article's own note; never its notice of the next issue, which speaks for the publication)."""
    notice = site_lines.is_next_issue_notice(texts[index])
    if index == 0 or not (site_lines.is_article_note(texts[index]) or notice) \
            or not (notice or _claimed(texts, index - 1) or index + 1 < len(texts)):
        return 0
    after = index + 1
    while after < len(texts):
        claimed = _claimed(texts, after)
        if not claimed:
            return 0
        after += claimed
    return 1


def _claimed(texts: Sequence[str], index: int) -> int:
    """How many lines from ``index`` on a rule of the chain claims (0: none)."""
    return next((count for rule in DEBRIS_RULES if (count := rule.claim(texts, index))), 0)


def _line_debris(text: str) -> bool:
    return any(rule.claim([text], 0) for rule in LINE_RULES)


DEBRIS_RULES: tuple[DebrisRule, ...] = (
    DebrisRule("mail-header", "an e-mail's header the page opens with: '差出人: 編集部 <news@…>', '宛先: …' "
               "(its date line is the article's)", ruled_blocks.claim_mail_header),
    DebrisRule("framed-ad", "an ad label framed by rules and the lines up to the closing rule: '━━ PR ━━' · … · "
               "'━━━━'", ruled_blocks.claim_framed_ad, tail_name="framed-ad (its lines)"),
    DebrisRule("running-header", "a short line printed again at every page break, beside the page's number: "
               "'<publication>　2025年12月号' · '- 2 -'", ruled_blocks.claim_running_header),
    DebrisRule("ruled-footer", "the page's foot under its last rule line: the site's name, links and copyright",
               ruled_blocks.claim_ruled_footer, tail_name="ruled-footer"),
    rest_rule("next-page", "'次のページを読む ⇒' and the next article's teaser after it", pattern(NEXT_PAGE.pattern)),
    block_rule("table-of-contents", "'目次' and its entries (numbered, bulleted, or repeating a later heading)",
               block_headings.is_toc_heading, _contents_entry, max_entries=30),
    DebrisRule("contents-list", "a table of contents by shape: numbered lines counting up from 1 whose words "
               "reappear later as headings ('1　歴史' · '2　地理' … '§ 歴史〔編集〕'), under any heading or none",
               wiki_chrome.claim_contents_list),
    block_rule("related-articles", "'関連記事' / 'あわせて読みたい' and the article titles listed under it",
               block_headings.is_related_heading, block_entries.is_listed_title, max_entries=10),
    DebrisRule("topic-chips", "an app's topic chips, two or more, each a pictograph and a word on its own line: "
               "'🚗道路' · '📍駅前'", block_rows.claim_chip_run),
    DebrisRule("aged-list", "a heading of any words over articles listed with their ages: "
               "'この記事を読んだ人はこちらも' · '…（3時間前）' · '…（昨日）'", block_rows.claim_aged_list),
    block_rule("author-box", "'この記事を書いた人' and the writer's name and profile",
               block_headings.is_author_heading, block_entries.is_profile_line, max_entries=4),
    with_entries(block_rule("inquiry-box", "'このページに関するお問い合わせ' and whom to ask: the office, its phone, "
                            "mail, form", site_lines.is_inquiry_heading, site_lines.is_contact_entry, max_entries=8)),
    with_entries(block_rule("page-feedback", "the poll asking whether the page helped ('このページの情報は役に立ち"
                            "ましたか？') and its choices", site_lines.is_feedback_question, site_lines.is_poll_entry,
                            max_entries=10)),
    block_rule("popular-keywords", "a ranking of the site's popular keywords or articles",
               block_headings.is_popular_heading, block_entries.is_listed_title, max_entries=10),
    DebrisRule("pager", "a link to the next or previous article, and at the page's foot the title under it: "
               "'次の記事 ≫' · '<title>'", link_lines.claim_pager_link, tail_name="pager (teaser)"),
    DebrisRule("pager-teaser", "a pager label alone near the page's end ('NEXT', '次のページ') and the next "
               "article's teaser after it, the page's last lines", site_lines.claim_pager_teaser,
               tail_name="pager (teaser)"),
    DebrisRule("aged-byline", "who posted the article and how long ago, under its title: '編集部 3時間前'",
               comments.claim_aged_byline),
    DebrisRule("comments", "a comment thread: 'コメント欄', '<user>　2025年2月3日 21:14' or '<user>　3日前' "
               "and each comment, 'コメントを書く'", comments.claim_comments),
    DebrisRule("infobox", "an infobox printed as label–value rows: '所在地　　　東京都千代田区…' (three or more)",
               wiki_chrome.claim_infobox),
    DebrisRule("share-list", "a share bar printed as a list: '・ポスト' '・はてブ' '・LINE', bulleted alike",
               share_lists.claim_share_list),
    DebrisRule("stacked-menu", "a run of one-word lines stacked like a menu or share box: 'ホーム' '家計' '食' …",
               shapes.claim_menu_run),
    *LINE_RULES,
    DebrisRule("closing-note", "the site's note on how the article was made or on its next issue, unmarked, among "
               "the site's lines at the page's foot: '#タグ' · "
               "'この記事はAIが要約した内容を編集部が確認して掲載しています。' · 'コメント（3件）'; "
               "'次号は…配信予定です。' · '────'",
               _claim_closing_note),
    DebrisRule("word-row", "a bare row of four words or more (a menu, a dictionary's related words), the short "
               "heading over it and its current tab under it: 'ホーム　エンタメ　スポーツ　マネー' · 'エンタメ'",
               block_rows.claim_word_row),
    line_rule("rule-line", "a rule line of any length: '=========', '──────'", ruled_blocks.is_rule_line),
)


def strip_debris(lines: Sequence[Line], report: ImportReport,
                 rules: Sequence[DebrisRule] = DEBRIS_RULES) -> list[Line]:
    """The lines no rule claims; each claimed line goes to ``report`` with its rule's name."""
    lines = labelled_ads.with_labelled_ads_marked(ruled_blocks.with_framed_ads_marked(lines))
    texts = [line.text for line in lines]
    kept: list[Line] = []
    index = 0
    while index < len(lines):
        claimed, rule = next(((count, rule) for rule in rules if (count := rule.claim(texts, index))),
                             (0, None))
        if rule is None:
            kept.append(lines[index])
            index += 1
            continue
        report.drop(lines[index], rule.name)
        for line in lines[index + 1:index + claimed]:
            report.drop(line, rule.tail_name or rule.name)
        index += claimed
    return kept
