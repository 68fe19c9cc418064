"""A generated kiku site of N Japanese digest articles, and the same corpus as a Hugo site.

    .venv/bin/python bench/corpus.py OUT --articles 1000 [--seed 0] [--hugo HUGO_OUT]

``OUT`` becomes a kiku site folder: ``site.yaml`` (the repository's settings with a vocabulary of 60
bilingual tags), ``content/*.yaml`` (digest articles with a lead, key points, 2–4 sections each with a
question, answer, remarks, a source card and body paragraphs, an outro and a conclusion; 3–6 tags
each; about one paragraph in ten carries Markdown), and copies of ``templates/`` and ``static/``.
``--hugo`` also writes the same articles as a Hugo site (``content/articles/*.md`` with every field in
the front matter, the layouts of ``bench/hugo/`` and the stylesheet) producing comparable pages: the
paginated home, article pages, tag pages and the tag index, feeds, the sitemap, robots.txt and 404.

The corpus is a function of (articles, seed) only: the same arguments write the same bytes.
Five articles a day, newest on 2026-03-31, so 10,000 articles span about 5.5 years.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import shutil
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import prose  # the module beside this one, however this one was imported

REPO = Path(__file__).resolve().parent.parent
HUGO_LAYOUTS = Path(__file__).resolve().parent / "hugo"
NEWEST = dt.date(2026, 3, 31)
ARTICLES_PER_DAY = 5

# (key, 日本語, English, terms)
TAGS: tuple[tuple[str, str, str, tuple[str, ...]], ...] = (
    ("ukraine", "ウクライナ", "Ukraine", ("ウクライナ", "ゼレンスキー", "キーウ")),
    ("russia", "ロシア", "Russia", ("ロシア", "プーチン", "クレムリン")),
    ("united-states", "アメリカ", "United States", ("アメリカ", "米国", "ホワイトハウス")),
    ("ceasefire", "停戦", "Ceasefire", ("停戦", "和平", "休戦")),
    ("diplomacy", "外交", "Diplomacy", ("外交", "首脳会談", "外相")),
    ("nato", "NATO", "NATO", ("NATO", "北大西洋条約機構")),
    ("economic-cooperation", "経済協力", "Economic cooperation", ("経済協力", "経済関係")),
    ("europe", "欧州", "Europe", ("欧州", "ヨーロッパ", "EU")),
    ("saudi-arabia", "サウジアラビア", "Saudi Arabia", ("サウジアラビア", "リヤド")),
    ("sanctions", "制裁", "Sanctions", ("制裁",)),
    ("prisoner-exchange", "捕虜交換", "Prisoner exchange", ("捕虜交換",)),
    ("energy", "エネルギー", "Energy", ("エネルギー", "電力")),
    ("china", "中国", "China", ("中国", "北京", "習近平")),
    ("japan", "日本", "Japan", ("日本", "政府", "東京")),
    ("south-korea", "韓国", "South Korea", ("韓国", "ソウル")),
    ("north-korea", "北朝鮮", "North Korea", ("北朝鮮", "平壌")),
    ("taiwan", "台湾", "Taiwan", ("台湾", "台北")),
    ("india", "インド", "India", ("インド", "ニューデリー")),
    ("middle-east", "中東", "Middle East", ("中東",)),
    ("israel", "イスラエル", "Israel", ("イスラエル",)),
    ("gaza", "ガザ", "Gaza", ("ガザ", "パレスチナ")),
    ("iran", "イラン", "Iran", ("イラン", "テヘラン")),
    ("turkey", "トルコ", "Turkey", ("トルコ", "アンカラ")),
    ("trade", "貿易", "Trade", ("貿易", "輸出", "輸入")),
    ("tariffs", "関税", "Tariffs", ("関税",)),
    ("economy", "経済", "Economy", ("経済", "景気")),
    ("inflation", "物価", "Inflation", ("物価", "インフレ")),
    ("interest-rates", "金利", "Interest rates", ("金利", "利上げ", "利下げ")),
    ("stock-market", "株式市場", "Stock market", ("株価", "株式市場")),
    ("currency", "為替", "Currency", ("為替", "円安", "円高")),
    ("oil", "石油", "Oil", ("原油", "石油")),
    ("natural-gas", "天然ガス", "Natural gas", ("天然ガス", "LNG")),
    ("climate", "気候変動", "Climate", ("気候変動", "温暖化")),
    ("environment", "環境", "Environment", ("環境",)),
    ("technology", "テクノロジー", "Technology", ("技術", "テクノロジー")),
    ("artificial-intelligence", "人工知能", "Artificial intelligence", ("AI", "人工知能")),
    ("semiconductors", "半導体", "Semiconductors", ("半導体",)),
    ("cybersecurity", "サイバー", "Cybersecurity", ("サイバー攻撃", "サイバー")),
    ("space", "宇宙", "Space", ("宇宙", "ロケット")),
    ("defense", "防衛", "Defense", ("防衛", "安全保障")),
    ("military", "軍事", "Military", ("軍事", "兵器")),
    ("elections", "選挙", "Elections", ("選挙", "投票")),
    ("human-rights", "人権", "Human rights", ("人権",)),
    ("refugees", "難民", "Refugees", ("難民", "避難民")),
    ("humanitarian-aid", "人道支援", "Humanitarian aid", ("人道支援",)),
    ("health", "保健", "Health", ("保健", "医療")),
    ("food", "食料", "Food", ("食料", "穀物")),
    ("agriculture", "農業", "Agriculture", ("農業", "農家")),
    ("transport", "交通", "Transport", ("交通", "鉄道")),
    ("shipping", "海運", "Shipping", ("海運", "航路")),
    ("united-nations", "国連", "United Nations", ("国連", "安保理")),
    ("g7", "G7", "G7", ("G7",)),
    ("g20", "G20", "G20", ("G20",)),
    ("africa", "アフリカ", "Africa", ("アフリカ",)),
    ("latin-america", "中南米", "Latin America", ("中南米", "ブラジル")),
    ("germany", "ドイツ", "Germany", ("ドイツ", "ベルリン")),
    ("france", "フランス", "France", ("フランス", "パリ")),
    ("united-kingdom", "イギリス", "United Kingdom", ("イギリス", "英国", "ロンドン")),
    ("australia", "オーストラリア", "Australia", ("オーストラリア", "豪州")),
    ("migration", "移民", "Migration", ("移民",)),
)

ACTORS = (
    "プーチン大統領", "トランプ大統領", "ゼレンスキー大統領", "習近平国家主席", "石破首相", "マクロン大統領",
    "メルツ首相", "スターマー首相", "モディ首相", "エルドアン大統領", "ルビオ国務長官", "ラブロフ外相",
    "国連のグテーレス事務総長", "欧州委員会のフォンデアライエン委員長", "韓国の李在明大統領", "日銀の植田総裁",
    "米連邦準備制度理事会(FRB)", "欧州中央銀行(ECB)", "サウジアラビアのムハンマド皇太子", "イランの外務省報道官",
)
TOPICS = (
    "停戦交渉", "エネルギー施設への攻撃停止", "追加制裁", "関税の引き上げ", "捕虜交換", "人道回廊の設置",
    "原油の増産", "半導体の輸出規制", "政策金利", "防衛費の増額", "難民の受け入れ", "穀物の輸出",
    "サイバー攻撃への対応", "気候変動対策", "選挙制度の改正", "海上輸送の安全", "AIの規制", "復興支援",
    "貿易協定の見直し", "宇宙開発での協力", "核開発問題", "国境地帯の警備", "物価対策", "為替の安定",
)
PLACES = (
    "ワシントン", "モスクワ", "キーウ", "北京", "東京", "ブリュッセル", "リヤド", "ジュネーブ", "イスタンブール",
    "ニューデリー", "ベルリン", "パリ", "ロンドン", "ソウル", "テヘラン", "ニューヨークの国連本部",
)
VERBS = (
    "について協議しました", "をめぐって会談しました", "で合意したと発表しました", "に慎重な姿勢を示しました",
    "を強く求めました", "に反対する立場を改めて表明しました", "の早期実現に意欲を示しました",
    "を検討していると明らかにしました", "について懸念を表明しました", "の見直しを示唆しました",
)
HEADLINE_VERBS = (
    "で協議", "めぐり会談", "で合意", "に慎重姿勢", "を要求", "に反対表明", "に意欲", "を検討", "に懸念", "見直し示唆",
)
DETAILS = (
    "関係者によると、協議は{hours}時間近くに及んだということです。",
    "{month}月以降、同様の動きが相次いでいます。",
    "前回の会合から約{weeks}週間ぶりの協議となりました。",
    "専門家は、実際の効果が表れるまでには時間がかかると指摘しています。",
    "市場では、{percent}%前後の影響を見込む声もあります。",
    "一方で、野党からは説明が不十分だとの批判も出ています。",
    "今回の決定は、{count}か国が参加する枠組みの中で行われました。",
    "現地では、住民の生活への影響を心配する声が広がっています。",
    "政府は来月にも具体的な計画を公表する方針です。",
    "これに対し、相手国は「受け入れられない」と反発しています。",
)
QUESTIONS = (
    "{actor}は何を求めている?", "{topic}はどこまで進んだ?", "なぜ今{topic}なのか?",
    "{place}での協議の焦点は?", "{topic}で何が変わる?", "各国は{topic}をどう見ている?",
)
ANSWERS = ("{topic}の実現", "合意には至らず", "段階的な実施", "条件付きで容認", "協議を継続", "早期の決着")
REMARKS = (
    "うーん、これは今後の展開が気になりますね。", "確かに、簡単には進まない問題ですね。",
    "ここは冷静に見守りたいところです。", "ホンマに、先が読めへん話ですわ。",
    "双方の思惑が透けて見えますね。", "現地の人々の暮らしが一番心配です。",
    "数字だけ見ると大きな変化ですが、中身はこれからですね。", "それでは、詳しく見ていきましょう。",
    "出典を読むと、背景がよく分かりますね。", "ええ、確かに。注目しておきたいですね。",
)
PUBLISHERS = ("ロイター", "共同通信", "時事通信", "NHK", "朝日新聞", "日本経済新聞", "BBC", "AFP", "CNN", "読売新聞")
DOMAINS = ("news.example.jp", "www.example-press.com", "digest.example.org", "jp.example-wire.net")
INTROS = ("それでは、詳しく見ていきましょう。", "まずは最初の話題から。", "今回のニュースを順に整理します。")
OUTROS = ("今後の動きに注目です。", "引き続き、続報をお伝えします。", "最後までお読みいただきありがとうございました。")


@dataclass(frozen=True)
class SourceCard:
    title: str
    publisher: str
    url: str
    published: dt.date
    summary: tuple[str, ...]
    off_topic: bool


@dataclass(frozen=True)
class Section:
    heading: str
    question: str
    answer: str
    comments: tuple[str, ...]
    source: SourceCard
    source_comments: tuple[str, ...]
    body: tuple[str, ...]
    reaction: tuple[str, ...]


@dataclass(frozen=True)
class CorpusArticle:
    slug: str
    title: str
    date: dt.date
    lead: str
    tags: tuple[str, ...]
    key_points: tuple[str, ...]
    intro: str
    sections: tuple[Section, ...]
    outro: tuple[str, ...]
    conclusion: tuple[str, ...]


class _Writer:
    """Plausible Japanese news sentences from one seeded random stream; with ``real_prose``, the
    sentences of summaries and body paragraphs are bench/prose.py's (learnt from real articles)."""

    def __init__(self, rng: random.Random, real_prose: bool = False) -> None:
        self.rng = rng
        self.real_prose = real_prose

    def pick(self, options: tuple[str, ...]) -> str:
        return options[self.rng.randrange(len(options))]

    def fill(self, template: str, topic: str) -> str:
        rng = self.rng
        return template.format(
            actor=self.pick(ACTORS), topic=topic, place=self.pick(PLACES), hours=rng.randint(2, 9),
            month=rng.randint(1, 12), weeks=rng.randint(2, 12), percent=rng.randint(1, 30), count=rng.randint(3, 40),
        )

    def sentence(self, topic: str) -> str:
        if self.real_prose:
            return prose.sentence(self.rng, 30, 160)
        day = self.rng.randint(1, 28)
        main = f"{self.pick(ACTORS)}は{day}日、{self.pick(PLACES)}で{topic}{self.pick(VERBS)}。"
        return main + self.fill(self.pick(DETAILS), topic)

    def paragraph(self, topic: str) -> str:
        text = self.sentence(topic)
        roll = self.rng.random()
        if roll < 0.05:  # about one paragraph in ten carries Markdown: emphasis or an http(s) link
            return text + f"**{topic}**が焦点です。"
        if roll < 0.10:
            return text + f"詳しくは[発表資料](https://{self.pick(DOMAINS)}/release/{self.rng.randrange(10**6)})を参照。"
        return text


def _tags(rng: random.Random) -> tuple[str, ...]:
    # A few tags are far more common than others, as in a real digest (a war, a president).
    count = rng.randint(3, 6)
    chosen: list[str] = []
    while len(chosen) < count:
        index = min(int(rng.expovariate(1 / 12)), len(TAGS) - 1)
        key = TAGS[index][0]
        if key not in chosen:
            chosen.append(key)
    return tuple(chosen)


def _section(writer: _Writer, topic: str, date: dt.date, number: int) -> Section:
    rng = writer.rng
    card = SourceCard(
        title=f"{writer.pick(ACTORS)}、{topic}{writer.pick(HEADLINE_VERBS)}",
        publisher=writer.pick(PUBLISHERS),
        url=f"https://{writer.pick(DOMAINS)}/articles/{date:%Y%m%d}/{rng.randrange(10**8):08d}-{number}",
        published=date - dt.timedelta(days=rng.randint(0, 2)),
        summary=tuple(writer.sentence(topic) for _ in range(rng.randint(2, 3))),
        off_topic=rng.random() < 0.03,
    )
    return Section(
        heading=f"{topic}をめぐる{writer.pick(PLACES)}の動き",
        question=writer.fill(writer.pick(QUESTIONS), topic),
        answer=writer.fill(writer.pick(ANSWERS), topic),
        comments=(writer.pick(REMARKS),),
        source=card,
        source_comments=(writer.pick(REMARKS),),
        body=tuple(writer.paragraph(topic) for _ in range(rng.randint(3, 6))),
        reaction=(writer.pick(REMARKS),),
    )


def generate(articles: int, seed: int = 0, real_prose: bool = False) -> Iterator[CorpusArticle]:
    """The corpus's articles, newest first; article n depends only on (n, seed, real_prose)."""
    for number in range(articles):
        rng = random.Random(seed * 1_000_003 + number)
        writer = _Writer(rng, real_prose)
        date = NEWEST - dt.timedelta(days=number // ARTICLES_PER_DAY)
        topics = [writer.pick(TOPICS) for _ in range(rng.randint(2, 4))]
        yield CorpusArticle(
            slug=f"{date:%Y-%m-%d}-n{number:06d}",
            title=f"{writer.pick(ACTORS)}、{topics[0]}{writer.pick(VERBS)}({writer.pick(PLACES)})",
            date=date,
            lead=writer.sentence(topics[0]),
            tags=_tags(rng),
            key_points=tuple(f"{topic}{writer.pick(VERBS)}" for topic in topics),
            intro=writer.pick(INTROS),
            sections=tuple(_section(writer, topic, date, index) for index, topic in enumerate(topics)),
            outro=(writer.pick(OUTROS),),
            conclusion=tuple(f"{topic}が焦点に" for topic in topics[:2]),
        )


# --- YAML out: plain scalars where YAML reads them back unchanged, JSON-style double quotes elsewhere.
_INDICATORS = frozenset("-?:,[]{}#&*!|>'\"%@`")
_WORDS = frozenset({"yes", "no", "true", "false", "on", "off", "null", "~", "y", "n"})


def scalar(text: str) -> str:
    plain = (
        text
        and text[0] not in _INDICATORS
        and text == text.strip()
        and ": " not in text
        and " #" not in text
        and not text.endswith(":")
        and "\n" not in text
        and text.lower() not in _WORDS
        and not text[0].isdigit()
    )
    return text if plain else json.dumps(text, ensure_ascii=False)


def _text_list(name: str, items: tuple[str, ...], indent: str) -> list[str]:
    return [f"{indent}{name}:", *(f"{indent}- {scalar(item)}" for item in items)]


def _section_yaml(section: Section) -> list[str]:
    card = section.source
    lines = [
        f"- heading: {scalar(section.heading)}",
        f"  question: {scalar(section.question)}",
        f"  answer: {scalar(section.answer)}",
        *_text_list("comments", section.comments, "  "),
        "  source:",
        f"    title: {scalar(card.title)}",
        f"    publisher: {scalar(card.publisher)}",
        f"    url: {card.url}",
        f"    published: {card.published:%Y-%m-%d}",
        *_text_list("summary", card.summary, "    "),
    ]
    if card.off_topic:
        lines.append("    off_topic: true")
    lines += _text_list("source_comments", section.source_comments, "  ")
    lines += _text_list("body", section.body, "  ")
    lines += _text_list("reaction", section.reaction, "  ")
    return lines


def article_yaml(article: CorpusArticle) -> str:
    """The article as a kiku content file."""
    lines = [
        f"title: {scalar(article.title)}",
        f"date: {article.date:%Y-%m-%d}",
        f"lead: {scalar(article.lead)}",
        f"tags: [{', '.join(article.tags)}]",
        *_text_list("key_points", article.key_points, ""),
        f"intro: {scalar(article.intro)}",
        "sections:",
    ]
    for section in article.sections:
        lines += _section_yaml(section)
    lines += _text_list("outro", article.outro, "")
    lines += _text_list("conclusion", article.conclusion, "")
    return "\n".join(lines) + "\n"


def site_yaml() -> str:
    """The repository's site settings (title, base URL, …) with the corpus's tag vocabulary."""
    settings = (REPO / "site.yaml").read_text(encoding="utf-8").split("\ntags:", 1)[0]
    lines = [settings.rstrip("\n"), "tags:"]
    for key, ja, en, terms in TAGS:
        lines += [f"  {key}:", f"    ja: {scalar(ja)}", f"    en: {scalar(en)}",
                  f"    terms: [{', '.join(scalar(term) for term in terms)}]"]
    return "\n".join(lines) + "\n"


def write_corpus(root: Path, articles: int, seed: int = 0, real_prose: bool = False) -> None:
    """Write a kiku site of ``articles`` generated articles into ``root`` (created if missing);
    ``real_prose``: see ``_Writer``."""
    content = root / "content"
    content.mkdir(parents=True, exist_ok=True)
    (root / "site.yaml").write_text(site_yaml(), encoding="utf-8")
    for folder in ("templates", "static"):
        shutil.rmtree(root / folder, ignore_errors=True)
        shutil.copytree(REPO / folder, root / folder)
    for article in generate(articles, seed, real_prose):
        (content / f"{article.slug}.yaml").write_text(article_yaml(article), encoding="utf-8")


# --- The Hugo site: every field in the front matter (YAML), laid out by bench/hugo/layouts.
def hugo_front_matter(article: CorpusArticle) -> str:
    # The same YAML as front matter, with the slug and a date-time in Japan; no body text.
    day = f"date: {article.date:%Y-%m-%d}"
    fields = article_yaml(article).replace(day, f"{day}T00:00:00+09:00", 1)
    return f"---\nslug: {article.slug}\n{fields}---\n"


def hugo_config(per_page: int = 10) -> str:
    settings = (REPO / "site.yaml").read_text(encoding="utf-8")
    base_url = next(line.split(":", 1)[1].strip() for line in settings.splitlines() if line.startswith("base_url:"))
    return "\n".join([
        f"baseURL: {base_url}",
        "locale: ja",
        "defaultContentLanguage: ja",
        "hasCJKLanguage: true",
        "title: 菊 Chrysanthemum Digest",
        "enableRobotsTXT: true",
        "disableKinds: [section]",
        f"pagination:\n  pagerSize: {per_page}",
        "taxonomies:\n  tag: tags",
        "permalinks:\n  articles: /articles/:slug/",
        "outputs:\n  home: [html, rss]\n  taxonomy: [html]\n  term: [html, rss]",
        "markup:\n  goldmark:\n    renderer:\n      unsafe: false",
        "",
    ])


def write_hugo_corpus(root: Path, articles: int, seed: int = 0) -> None:
    """Write the same corpus as a Hugo site into ``root`` (created if missing)."""
    content = root / "content" / "articles"
    content.mkdir(parents=True, exist_ok=True)
    (root / "hugo.yaml").write_text(hugo_config(), encoding="utf-8")
    data = root / "data"
    data.mkdir(exist_ok=True)
    (data / "tags.yaml").write_text(
        "".join(f"{key}:\n  ja: {scalar(ja)}\n  en: {scalar(en)}\n" for key, ja, en, _ in TAGS), encoding="utf-8"
    )
    shutil.rmtree(root / "layouts", ignore_errors=True)
    shutil.copytree(HUGO_LAYOUTS / "layouts", root / "layouts")
    shutil.rmtree(root / "static", ignore_errors=True)
    shutil.copytree(REPO / "static", root / "static")
    for article in generate(articles, seed):
        (content / f"{article.slug}.md").write_text(hugo_front_matter(article), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("out", type=Path, help="the kiku site folder to write")
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--hugo", type=Path, help="also write the corpus as a Hugo site here")
    parser.add_argument("--real-prose", action="store_true", help="summaries and body text learnt from real articles")
    arguments = parser.parse_args(argv)
    write_corpus(arguments.out, arguments.articles, arguments.seed, arguments.real_prose)
    if arguments.hugo is not None:
        write_hugo_corpus(arguments.hugo, arguments.articles, arguments.seed)
    return 0


if __name__ == "__main__":
    sys.exit(main())
