"""The preview's kept site: a save that names its files re-reads just those, and gives the site (or
the errors) a whole load gives."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kiku.content.loading.loader import load_site
from kiku.errors import ContentErrors
from kiku.serve.content import ContentCache
from tests.support.serve_site import PHONE_CALL_FILE, PHONE_CALL_TITLE, copy_site, replace_in


@pytest.fixture
def site(tmp_path: Path) -> Path:
    return copy_site(tmp_path / "site")


def _errors(site: Path) -> list[str]:
    with pytest.raises(ContentErrors) as raised:
        load_site(site)
    return [str(error) for error in raised.value.errors]


def test_named_saves_give_the_site_a_whole_load_gives(site: Path) -> None:
    cache = ContentCache(site)
    first = cache.load()
    content = site / "content"
    replace_in(content / PHONE_CALL_FILE, f"title: {PHONE_CALL_TITLE}", "title: 新しい見出し")
    replace_in(content / PHONE_CALL_FILE, "date: 2025-03-19", "date: 2025-01-05")  # now the oldest
    shutil.copy(content / PHONE_CALL_FILE, content / "a-copy.yaml")
    gone = next(path for path in content.glob("2025-02-19-*.yaml"))
    gone.unlink()
    touched = {PHONE_CALL_FILE, "a-copy.yaml", gone.name, ".a-copy.yaml.swp"}  # a swap file came and went

    site_now = cache.load(touched=touched, rescan=False)

    assert site_now.articles == load_site(site).articles
    assert site_now.articles[-1].title == "新しい見出し"
    kept = {article.slug: article for article in first.articles}
    # The files nobody saved keep their very objects: the planner finds what changed by identity.
    assert all(kept[article.slug] is article for article in site_now.articles
               if article.slug not in {"a-copy", PHONE_CALL_FILE.removesuffix(".yaml")})


def test_a_named_save_with_a_problem_gives_the_whole_loads_errors_and_recovers(site: Path) -> None:
    cache = ContentCache(site)
    cache.load()
    article = site / "content" / PHONE_CALL_FILE
    replace_in(article, "date: 2025-03-19", "date: 2025-13-40")
    with pytest.raises(ContentErrors) as raised:
        cache.load(touched={PHONE_CALL_FILE}, rescan=False)
    assert [str(error) for error in raised.value.errors] == _errors(site)

    replace_in(article, "date: 2025-13-40", "date: 2025-03-19")
    assert cache.load(touched={PHONE_CALL_FILE}, rescan=False).articles == load_site(site).articles


def test_a_new_slug_differing_only_by_case_is_refused_as_a_whole_load_refuses_it(site: Path) -> None:
    cache = ContentCache(site)
    cache.load()
    twin = PHONE_CALL_FILE.upper().replace(".YAML", ".yaml")
    shutil.copy(site / "content" / PHONE_CALL_FILE, site / "content" / twin)
    with pytest.raises(ContentErrors) as raised:
        cache.load(touched={twin}, rescan=False)
    assert [str(error) for error in raised.value.errors] == _errors(site)
    assert any("differ only by case" in error for error in _errors(site))
