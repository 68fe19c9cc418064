"""Share cards with the real font: no title overflows its card; the build writes, caches and links them,
drawing the new ones in forked processes."""

from __future__ import annotations

import errno
import logging
import os
import random
import re
import shutil
from dataclasses import replace
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from PIL import Image

import kiku.build
import kiku.render.site
from kiku.build import render_site
from kiku.cli import main
from kiku.content.checking.config import read_config
from kiku.render.sharecards import render as sharecards_render
from kiku.render.sharecards.draw import CardText, draw_card
from kiku.render.sharecards.fonts import CardFont, find_card_font
from kiku.render.sharecards.render import CardError, CardJob, write_cards
from kiku.render.sharecards.title import TITLE_BOX, ink_width, title_layout
from kiku.render.text.phrases import CLOSING
from tests.support.sample_site import BASE_URL, PHONE_CALL, REPO_ROOT, sample_site
from tests.support.serve_site import copy_site

IMPORT_FIXTURES = REPO_ROOT / "tests" / "fixtures" / "import"
TITLE_COUNT = 200
_LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z0-9.\-]*[A-Za-z0-9]")



def real_titles() -> list[str]:
    """Article titles, section headings and source titles from the importer's expected outputs."""
    titles: list[str] = []
    for path in sorted(IMPORT_FIXTURES.glob("*.expected.yaml")):
        article = yaml.safe_load(path.read_text(encoding="utf-8"))
        titles.append(article["title"])
        for section in article.get("sections") or ():
            titles.append(section["heading"])
            cards = section.get("sources") or [section.get("source") or {}]
            titles.extend(card["title"] for card in cards if card.get("title"))
    return list(dict.fromkeys(titles))


def generated_titles(count: int) -> list[str]:
    """Long titles with numbers and counters, Latin words and names, brackets, and no spaces."""
    pick = random.Random(20250319)
    words = ["米ロ首脳", "電話会談", "ウクライナ", "停戦合意", "NATO", "Trump大統領", "GDP比", "30日間", "2カ国",
             "100万人", "3.5％", "「まだ早い」と", "（条件付き）", "Zelenskyy", "インフラ攻撃", "2025年3月19日",
             "サウジアラビア", "Microsoft", "黒海", "捕虜交換", "、", "。", "!?", "Chrysanthemum", "経済協力", "について"]
    titles = []
    for _ in range(count):
        length = pick.choice((3, 8, 14, 24, 40))
        titles.append("".join(pick.choice(words) for _ in range(length)))
    titles.append("あ" * 200)
    titles.append("Supercalifragilisticexpialidocious" * 3)
    return titles


def card_titles() -> list[str]:
    real = real_titles()
    return (real + generated_titles(TITLE_COUNT))[:TITLE_COUNT]


def test_no_line_overflows_the_card_for_200_real_and_generated_titles(font: CardFont) -> None:
    titles = card_titles()
    assert len(titles) == TITLE_COUNT
    assert len(real_titles()) >= 50  # the real ones are a good part of the 200
    for title in titles:
        layout = title_layout(font, title)
        assert layout.lines, title
        assert len(layout.lines) * layout.size * TITLE_BOX.line_height <= TITLE_BOX.height, title
        for number, line in enumerate(layout.lines):
            assert ink_width(font, line, layout.size) <= TITLE_BOX.width, (title, line, layout.size)
            if number > 0:
                assert line[0] not in CLOSING, (title, layout.lines)
        # A space where a line breaks is not drawn (ASCII or ideographic alike): no text is lost.
        drawn = re.sub(r"\s", "", "".join(layout.lines))
        if not layout.truncated:
            assert drawn == re.sub(r"\s", "", title), (title, layout.lines)
            for word in _LATIN_WORD.findall(title):
                if ink_width(font, word, layout.size) <= TITLE_BOX.width:
                    assert any(word in line for line in layout.lines), (title, word, layout.lines)


def test_real_titles_fit_without_an_ellipsis(font: CardFont) -> None:
    cut = [title for title in real_titles() if title_layout(font, title).truncated]
    assert cut == []


@pytest.fixture(scope="module")
def built(font: CardFont, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, kiku.build.BuildReport]:
    out_dir = tmp_path_factory.mktemp("cards") / "_site"
    report = render_site(sample_site(), REPO_ROOT, out_dir, card_cache=out_dir.parent / "cache")
    return out_dir, report


def _head(out_dir: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((out_dir / path).read_text(encoding="utf-8"), "html.parser")


def _meta(soup: BeautifulSoup, key: str) -> str:
    attribute = "property" if key.startswith("og:") else "name"
    found = soup.find_all("meta", attrs={attribute: key})
    assert len(found) == 1, key
    return str(found[0]["content"])


def test_every_article_and_the_site_have_a_1200x630_card(built: tuple[Path, kiku.build.BuildReport]) -> None:
    out_dir, report = built
    assert report.share_cards is not None
    assert report.share_cards.written == 1 + len(sample_site().articles)
    for path in ["card.png", *(f"articles/{article.slug}/card.png" for article in sample_site().articles)]:
        with Image.open(out_dir / path) as card:
            assert (card.format, card.size) == ("PNG", (1200, 630)), path


def test_pages_name_their_card_in_opengraph_and_twitter(built: tuple[Path, kiku.build.BuildReport]) -> None:
    out_dir, _ = built
    article = _head(out_dir, f"articles/{PHONE_CALL.slug}/index.html")
    assert _meta(article, "og:image") == f"{BASE_URL}articles/{PHONE_CALL.slug}/card.png"
    assert _meta(article, "og:image:width") == "1200"
    assert _meta(article, "og:image:height") == "630"
    assert _meta(article, "og:image:alt") == f"{PHONE_CALL.title}（菊 Chrysanthemum Digest、2025年3月19日）"
    assert _meta(article, "twitter:card") == "summary_large_image"
    for listing in ("index.html", "tags/index.html", "tags/ukraine/index.html"):
        assert _meta(_head(out_dir, listing), "og:image") == f"{BASE_URL}card.png", listing


def test_an_unchanged_card_is_not_drawn_again(font: CardFont, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    first = render_site(sample_site(), REPO_ROOT, tmp_path / "one", card_cache=cache).share_cards
    again = render_site(sample_site(), REPO_ROOT, tmp_path / "two", card_cache=cache).share_cards
    retitled = replace(sample_site(), articles=(replace(PHONE_CALL, title="新しい見出し"), *sample_site().articles[1:]))
    changed = render_site(retitled, REPO_ROOT, tmp_path / "three", card_cache=cache).share_cards
    assert first is not None and again is not None and changed is not None
    assert (first.drawn, first.from_cache) == (4, 0)
    assert (again.drawn, again.from_cache) == (0, 4)
    assert (changed.drawn, changed.from_cache) == (1, 3)
    card = f"articles/{PHONE_CALL.slug}/card.png"
    assert (tmp_path / "one" / card).read_bytes() == (tmp_path / "two" / card).read_bytes()
    assert (tmp_path / "one" / card).read_bytes() != (tmp_path / "three" / card).read_bytes()


def test_without_a_japanese_font_the_site_is_built_without_cards(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setattr(kiku.render.site, "find_card_font", lambda configured: None)
    with caplog.at_level(logging.WARNING):
        report = render_site(sample_site(), REPO_ROOT, tmp_path / "_site")
    warnings = [record.getMessage() for record in caplog.records if record.levelno >= logging.WARNING]
    assert warnings == [
        "kiku: no Japanese font for share cards (apt-get install fonts-noto-cjk, or name a font file in"
        " site.yaml's card_font); building the site without them"
    ]
    assert report.share_cards is None
    assert list((tmp_path / "_site").rglob("card.png")) == []
    article = _head(tmp_path / "_site", f"articles/{PHONE_CALL.slug}/index.html")
    assert article.find("meta", attrs={"property": "og:image"}) is None
    assert _meta(article, "twitter:card") == "summary"
    assert (tmp_path / "_site" / "favicon.ico").is_file()  # the icons need no font


def _site_yaml(tmp_path: Path, card_font: str) -> Path:
    text = (REPO_ROOT / "site.yaml").read_text(encoding="utf-8")
    (tmp_path / "site.yaml").write_text(text.replace("per_page: 10\n", f"per_page: 10\ncard_font: {card_font}\n"))
    return tmp_path


def _card_font_line() -> int:
    lines = (REPO_ROOT / "site.yaml").read_text(encoding="utf-8").splitlines()
    return lines.index("per_page: 10") + 2


def test_card_font_must_name_a_font_file(tmp_path: Path) -> None:
    config, errors = read_config(_site_yaml(tmp_path, "fonts/missing.otf"))
    assert config is None
    assert [str(error) for error in errors] == [
        f"site.yaml:{_card_font_line()}:12: card_font: no font file at {tmp_path / 'fonts' / 'missing.otf'}"
    ]
    (tmp_path / "notes.txt").write_text("not a font")
    config, errors = read_config(_site_yaml(tmp_path, "notes.txt"))
    assert config is None
    assert len(errors) == 1
    assert str(errors[0]).startswith(
        f"site.yaml:{_card_font_line()}:12: card_font: {tmp_path / 'notes.txt'} is not a font Pillow can read"
    )


def test_card_font_draws_the_cards(font: CardFont, tmp_path: Path) -> None:
    (tmp_path / "fonts").mkdir()
    (tmp_path / "fonts" / "card.ttc").write_bytes(font.path.read_bytes())
    config, errors = read_config(_site_yaml(tmp_path, "fonts/card.ttc"))
    assert errors == []
    assert config is not None and config.card_font == tmp_path / "fonts" / "card.ttc"
    assert find_card_font(config.card_font) == CardFont(tmp_path / "fonts" / "card.ttc")


def test_kiku_build_says_how_many_cards_it_drew_and_reused(
    font: CardFont, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site = copy_site(tmp_path / "site")
    out_dir = tmp_path / "out"
    cards = 1 + len(list((site / "content").glob("*.yaml")))
    into = re.escape(str(out_dir))
    assert main(["build", "--site", str(site), "--out", str(out_dir)]) == 0
    assert re.fullmatch(rf"built (\d+) pages and {cards} share cards \({cards} drawn, 0 from the cache\) into {into}"
                        rf" \(\1 rendered, 0 unchanged\); [\d.]+ MB in [\d,]+ files\n", capsys.readouterr().out)
    shutil.rmtree(out_dir)  # a real build again (else nothing changed), with the card cache
    assert main(["build", "--site", str(site), "--out", str(out_dir)]) == 0
    assert re.fullmatch(rf"built (\d+) pages and {cards} share cards \(0 drawn, {cards} from the cache\) into {into}"
                        rf" \(\1 rendered, 0 unchanged\); [\d.]+ MB in [\d,]+ files\n", capsys.readouterr().out)
    assert main(["build", "--site", str(site), "--out", str(out_dir)]) == 0
    assert re.fullmatch(rf"nothing changed since the last build: {into} was left as it was \(\d+ pages\);"
                        rf" [\d.]+ MB in [\d,]+ files\n", capsys.readouterr().out)
    assert (site / ".kiku-cache" / ".gitignore").read_text(encoding="utf-8").endswith("\n*\n")
    assert len(list((site / ".kiku-cache" / "cards").glob("*.png"))) == cards


def _jobs(count: int) -> list[CardJob]:
    return [CardJob(f"articles/a{number}/card.png", CardText(title, "菊 Digest", "菊", f"2025年3月{number % 28 + 1}日",
                                                              "example.github.io"))
            for number, title in enumerate(generated_titles(count)[:count])]


def test_cards_drawn_in_forked_shares_are_the_cards_drawn_here(
    font: CardFont, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    jobs = _jobs(24)
    monkeypatch.setattr(sharecards_render, "_process_count", lambda cards: 3)
    report = write_cards(jobs, font, tmp_path / "out", tmp_path / "cache")
    assert (report.drawn, report.from_cache) == (24, 0)
    for job in jobs:
        assert (tmp_path / "out" / job.url).read_bytes() == draw_card(font, job.text), job.url
    assert len(list((tmp_path / "cache").glob("*.png"))) == 24


def test_a_cached_card_is_a_hard_link_to_the_cache(font: CardFont, tmp_path: Path) -> None:
    jobs = _jobs(3)
    write_cards(jobs, font, tmp_path / "one", tmp_path / "cache")
    report = write_cards(jobs, font, tmp_path / "two", tmp_path / "cache")
    assert (report.drawn, report.from_cache) == (0, 3)
    cached = {path.stat().st_ino for path in (tmp_path / "cache").glob("*.png")}
    assert {(tmp_path / "two" / job.url).stat().st_ino for job in jobs} == cached


def test_a_card_a_worker_cannot_write_fails_with_one_line(
    font: CardFont, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    jobs = _jobs(24)
    (tmp_path / "out" / "articles").mkdir(parents=True)
    (tmp_path / "out" / "articles" / "a1").write_text("a file where the card's folder goes")
    monkeypatch.setattr(sharecards_render, "_process_count", lambda cards: 2)
    with pytest.raises(CardError) as raised:
        write_cards(jobs, font, tmp_path / "out", None)
    assert str(raised.value) == (
        f"writing the share card {tmp_path / 'out' / 'articles' / 'a1' / 'card.png'}: File exists"
    )


def test_a_cached_card_copied_where_links_are_refused_never_writes_through_the_file_there(
    font: CardFont, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    jobs = _jobs(2)
    write_cards(jobs, font, tmp_path / "current", tmp_path / "cache")
    for job in jobs:  # an earlier site's cards: hard links to the current output's, with other bytes
        current = tmp_path / "current" / job.url
        current.unlink()  # (a link to the cache's card)
        current.write_bytes(b"the current output's card")
        (tmp_path / "staging" / job.url).parent.mkdir(parents=True, exist_ok=True)
        os.link(current, tmp_path / "staging" / job.url)

    def cross_device(source: object, target: object) -> None:  # as a system that refuses before it looks
        raise OSError(errno.EXDEV, "Invalid cross-device link")

    monkeypatch.setattr(sharecards_render.os, "link", cross_device)
    report = sharecards_render.CardWriter.prepare(font, jobs, tmp_path / "staging", tmp_path / "cache").write(jobs)
    assert (report.drawn, report.from_cache) == (0, 2)
    for job in jobs:
        assert (tmp_path / "staging" / job.url).read_bytes() == draw_card(font, job.text)
        assert (tmp_path / "current" / job.url).read_bytes() == b"the current output's card"
