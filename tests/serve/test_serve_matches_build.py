"""After any sequence of saves, the preview's folder holds exactly what a cold ``kiku build`` of the
same files writes (the preview re-plans and re-renders only what each save reaches)."""

from __future__ import annotations

import datetime as dt
import random
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from kiku.build import build
from kiku.content.checking.config import read_config
from kiku.content.loading.loader import load_site
from kiku.render.pages.sitemap import SitemapLimits
from kiku.serve.incremental import Change, PreviewBuilder
from tests.support.serve_site import copy_site_with_copies
from tests.support.site_tree import site_tree, tree_differences

Edit = Callable[[random.Random, Path, list[str]], list[Path]]

_TITLE = re.compile(r"^title: .*$", re.MULTILINE)
_DATE = re.compile(r"^date: .*$", re.MULTILINE)
_TAGS = re.compile(r"^tags:\n(?:- .*\n)+", re.MULTILINE)
_PUBLISHER = re.compile(r"^    publisher: .*$", re.MULTILINE)
_BODY_LINE = re.compile(r"^  - (.*。)$", re.MULTILINE)


def _articles(site: Path) -> list[Path]:
    return sorted((site / "content").glob("*.yaml"))


def _rewrite(random_: random.Random, site: Path, pattern: re.Pattern[str], new: Callable[[re.Match[str]], str]) -> list[Path]:
    candidates = [path for path in _articles(site) if pattern.search(path.read_text(encoding="utf-8"))]
    path = random_.choice(candidates)
    text = path.read_text(encoding="utf-8")
    matches = list(pattern.finditer(text))
    match = random_.choice(matches)
    path.write_text(text[: match.start()] + new(match) + text[match.end() :], encoding="utf-8")
    return [path]


def _body(random_: random.Random, site: Path, _: list[str]) -> list[Path]:
    return _rewrite(random_, site, _BODY_LINE, lambda match: f"  - {match.group(1)}追記{random_.randrange(1000)}。")


def _title(random_: random.Random, site: Path, _: list[str]) -> list[Path]:
    return _rewrite(random_, site, _TITLE, lambda _: f"title: 見出し{random_.randrange(1000)}の記事")


def _tags(random_: random.Random, site: Path, vocabulary: list[str]) -> list[Path]:
    tags = random_.sample(vocabulary, random_.randint(1, 4))
    return _rewrite(random_, site, _TAGS, lambda _: "tags:\n" + "".join(f"- {tag}\n" for tag in tags))


def _date(random_: random.Random, site: Path, _: list[str]) -> list[Path]:
    date = dt.date(2025, 1, 1) + dt.timedelta(days=random_.randrange(100))
    return _rewrite(random_, site, _DATE, lambda _: f"date: {date.isoformat()}")


def _publisher(random_: random.Random, site: Path, _: list[str]) -> list[Path]:
    publisher = random_.choice(["朝日新聞+", "ロイター", "BBC", "共同通信"])
    return _rewrite(random_, site, _PUBLISHER, lambda _: f"    publisher: {publisher}")


def _add(random_: random.Random, site: Path, _: list[str]) -> list[Path]:
    model = random_.choice(_articles(site))
    added = model.with_name(f"added-{random_.randrange(10**6)}.yaml")
    shutil.copy(model, added)
    return [added]


def _delete(random_: random.Random, site: Path, _: list[str]) -> list[Path]:
    articles = _articles(site)
    if len(articles) < 3:
        return []
    gone = random_.choice(articles)
    gone.unlink()
    return [gone]


EDITS: tuple[Edit, ...] = (_body, _title, _tags, _date, _publisher, _add, _delete)


def _cold_tree(site: Path, scratch: Path) -> dict[str, bytes]:
    shutil.rmtree(scratch, ignore_errors=True)
    shutil.copytree(site, scratch / "site")
    build(scratch / "site", scratch / "_site")
    tree = site_tree(scratch / "_site")
    del tree[".nojekyll"]  # GitHub Pages' switch: the preview has no use for it
    return tree


@pytest.mark.parametrize(("seed", "sitemap_urls"), [(0, None), (1, None), (2, 12)], ids=["0", "1", "2-split-sitemap"])
def test_after_random_saves_the_preview_is_a_cold_build(
    seed: int, sitemap_urls: int | None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for module in ("kiku.build", "kiku.render.site"):  # the preview draws no share cards
        monkeypatch.setattr(f"{module}.find_card_font", lambda _: None)
    if sitemap_urls is not None:  # a sitemap index and parts, which come and go with the articles
        monkeypatch.setattr("kiku.render.planning.planner.DEFAULT_LIMITS", SitemapLimits(urls=sitemap_urls))
    site = copy_site_with_copies(tmp_path / "site", 2)
    config = site / "site.yaml"
    config.write_text(config.read_text(encoding="utf-8").replace("per_page: 10", "per_page: 3"), encoding="utf-8")
    config_read, _ = read_config(site)
    assert config_read is not None and config_read.per_page == 3
    vocabulary = sorted(config_read.tags)
    random_ = random.Random(seed)
    builder = PreviewBuilder(site, tmp_path / "preview")
    assert builder.rebuild().error is None
    for step in range(1, 13):
        changed = [path for edit in random_.sample(EDITS, random_.randint(1, 2)) for path in edit(random_, site, vocabulary)]
        slugs = [article.slug for article in load_site(site).articles]
        viewed = {f"articles/{random_.choice(slugs)}/index.html"} if random_.random() < 0.7 else set()
        outcome = builder.rebuild(Change.of(site, changed), viewed)
        assert outcome.error is None, outcome.error
        if random_.random() < 0.8:  # else the next save takes the deferred pages over
            builder.render_deferred(should_pause=lambda: False)
        if step % 4 == 0:
            builder.render_deferred(should_pause=lambda: False)
            assert builder.deferred == frozenset()
            cold = _cold_tree(site, tmp_path / "cold")
            assert tree_differences(site_tree(builder.out_dir), cold) == [], f"after step {step}"
            assert (sitemap_urls is not None) == ("sitemap-2.xml" in cold)
