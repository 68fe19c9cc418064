"""Slim articles (a build's): planned without their text, which is read back whole from the cache."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiku.content.cache import slim
from kiku.content.cache.articles import ARTICLES_DIR, CACHE_DIR
from kiku.content.cache.packs import PACK_SUFFIX
from kiku.content.cache.slim import ArticleGone, full_article
from kiku.content.loading import loader
from kiku.content.loading.loader import load_site
from kiku.content.model import DigestArticle, SlimDigestArticle
from tests.support.sample_site import REPO_ROOT


@pytest.fixture
def site_root(tmp_path: Path) -> Iterator[Path]:
    root = tmp_path / "site"
    shutil.copytree(REPO_ROOT / "content", root / "content")
    shutil.copy(REPO_ROOT / "site.yaml", root / "site.yaml")
    yield root
    slim.stop_reading_whole()


def _texts(article: DigestArticle) -> list[str]:
    return [*(body for section in article.sections for body in section.body), *article.outro, *article.conclusion]


@pytest.mark.parametrize("processes", [1, 2])
def test_a_slim_site_plans_what_lists_show_and_its_articles_read_back_whole(
    site_root: Path, monkeypatch: pytest.MonkeyPatch, processes: int
) -> None:
    whole = load_site(site_root)
    monkeypatch.setattr(loader, "_FILES_PER_PROCESS", 2)
    if processes == 1:
        monkeypatch.setattr(loader, "process_count", lambda *_: 1)
    elif loader.process_count(len(whole.articles), 2) < 2:
        pytest.skip("needs os.fork and two cores")
    for _ in ("read", "from the cache"):
        held = load_site(site_root, cache=True, slim=True)
        # Digest articles are slim; an encyclopedia article is kept whole.
        assert [isinstance(article, SlimDigestArticle) for article in held.articles] == [
            isinstance(article, DigestArticle) for article in whole.articles
        ]
        assert any(isinstance(article, DigestArticle) and _texts(article) for article in whole.articles)
        assert all(not _texts(article) for article in held.articles if isinstance(article, DigestArticle))
        for article, expected in zip(held.articles, whole.articles, strict=True):
            assert (article.slug, article.title, article.date, article.lead, article.tags) == (
                expected.slug, expected.title, expected.date, expected.lead, expected.tags
            )
            if isinstance(article, DigestArticle) and isinstance(expected, DigestArticle):
                assert article.key_points == expected.key_points
            assert article.source_urls == expected.source_urls
        assert [full_article(article) for article in held.articles] == list(whole.articles)


def test_a_text_edit_alone_makes_another_slim_article(site_root: Path) -> None:
    before = {article.slug: article for article in load_site(site_root, cache=True, slim=True).articles}
    file = sorted((site_root / "content").glob("*.yaml"))[0]
    text = file.read_text(encoding="utf-8")
    marker = "\n  body:\n  - "
    assert marker in text
    file.write_text(text.replace(marker, f"{marker}（追記）", 1), encoding="utf-8")
    after = load_site(site_root, cache=True, slim=True)
    edited = next(article for article in after.articles if article.slug == file.stem)
    assert edited != before[file.stem]  # the planner re-plans its page, though lists show the same
    assert "（追記）" in "".join(_texts(full_article(edited)))  # type: ignore[arg-type]


def test_a_lost_cache_entry_is_the_file_read_again_unless_it_changed(site_root: Path) -> None:
    held = load_site(site_root, cache=True, slim=True)
    whole = load_site(site_root)
    for pack in (site_root / CACHE_DIR / ARTICLES_DIR).glob(f"*{PACK_SUFFIX}"):
        pack.unlink()
    slim.open_packs()
    assert [full_article(article) for article in held.articles] == list(whole.articles)
    held_slim = next(article for article in held.articles if isinstance(article, SlimDigestArticle))
    file = site_root / "content" / f"{held_slim.slug}.yaml"
    file.write_text(file.read_text(encoding="utf-8").replace("\ntitle: ", "\ntitle: 改訂版 ", 1), encoding="utf-8")
    with pytest.raises(ArticleGone, match=file.name):
        full_article(held_slim)


def test_a_load_without_slim_holds_whole_articles(site_root: Path) -> None:
    load_site(site_root, cache=True, slim=True)
    assert load_site(site_root, cache=True) == load_site(site_root)
