"""Edit builds from the last build's planner (kiku/render/planning/store/plan_store.py): only the pages it
plans anew are fingerprinted, and every edit — a body, a title, a tag, an article deleted or added
— still writes exactly the tree a cold build writes. A store that is corrupt, stale or not the page
memo's own is planned again from scratch, never trusted."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from kiku.build import RenderError, build
from kiku.content.cache.articles import ARTICLES_DIR, CACHE_DIR
from kiku.content.loading.loader import load_site
from kiku.content.model import DigestArticle
from kiku.render.planning.store import plan_store
from kiku.render.planning.store.plan_store import BASE_FILE, LOG_FILE, TakenPlan
from kiku.render.writing.memo import pagememo
from kiku.render.writing.memo.fingerprints import Fingerprints
from kiku.unchanged import RECORD_FILE
from tests.support.serve_site import PHONE_CALL_FILE, PHONE_CALL_SLUG, PHONE_CALL_TITLE, copy_site, replace_in
from tests.support.site_tree import cold_tree, site_tree, tree_differences

OTHER_FILE = "2025-02-19-russia-ukraine-ceasefire-f9ef33.yaml"
BODY_LINE = "\n  body:\n  - "


class Spy:
    """What each build took from the store, and how many pages it fingerprinted."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.taken: list[TakenPlan | None] = []
        self.fingerprinted: list[str] = []
        real_take, real_of = plan_store.take_plan, Fingerprints.of

        def take(*args: object, **kwargs: object) -> TakenPlan | None:
            found = real_take(*args, **kwargs)  # type: ignore[arg-type]
            self.taken.append(found)
            return found

        def fingerprint(fingerprints: Fingerprints, page: object) -> bytes | None:
            self.fingerprinted.append(page.url)  # type: ignore[attr-defined]
            return real_of(fingerprints, page)  # type: ignore[arg-type]

        monkeypatch.setattr(plan_store, "take_plan", take)
        monkeypatch.setattr(Fingerprints, "of", fingerprint)

    def reset(self) -> None:
        self.taken.clear()
        self.fingerprinted.clear()


@pytest.fixture
def site(tmp_path: Path) -> Path:
    return copy_site(tmp_path / "site")


def _edit_body(site: Path) -> None:
    file = site / "content" / OTHER_FILE
    text = file.read_text(encoding="utf-8")
    assert BODY_LINE in text
    file.write_text(text.replace(BODY_LINE, f"{BODY_LINE}（追記）", 1), encoding="utf-8")


def _edit_title(site: Path) -> None:
    replace_in(site / "content" / PHONE_CALL_FILE, f"title: {PHONE_CALL_TITLE}\n", "title: 見出しを改めた版\n")


def _edit_title_again(site: Path) -> None:
    replace_in(site / "content" / PHONE_CALL_FILE, "title: 見出しを改めた版\n", "title: 見出しをまた改めた版\n")


def _swap_tag(site: Path) -> None:
    replace_in(site / "content" / OTHER_FILE, "- saudi-arabia\n", "- nato\n")


def _delete_article(site: Path) -> None:
    (site / "content" / PHONE_CALL_FILE).unlink()


def _add_article(site: Path) -> None:
    text = (site / "content" / OTHER_FILE).read_text(encoding="utf-8")
    new = text.replace("date: 2025-02-19\n", "date: 2025-04-02\n", 1).replace("\ntitle: ", "\ntitle: 新しい記事 ", 1)
    (site / "content" / "2025-04-02-new-article.yaml").write_text(new, encoding="utf-8")


EDITS: list[tuple[str, Callable[[Path], None]]] = [
    ("body", _edit_body), ("title", _edit_title), ("tag", _swap_tag), ("deleted", _delete_article),
    ("added", _add_article),
]


@pytest.mark.parametrize("log_limit", [8, 2])  # the planner logged after its base, or stored whole again
def test_each_edit_plans_from_the_stored_planner_and_writes_the_cold_builds_tree(
    site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, log_limit: int
) -> None:
    monkeypatch.setattr(plan_store, "_LOG_LIMIT", log_limit)
    out_dir = tmp_path / "_site"
    spy = Spy(monkeypatch)
    first = build(site, out_dir)
    assert spy.taken == [None] and len(spy.fingerprinted) == first.pages_written  # a first build plans all
    assert (site / CACHE_DIR / BASE_FILE).is_file() and (site / CACHE_DIR / LOG_FILE).is_file()
    for number, (name, edit) in enumerate(EDITS):
        edit(site)
        spy.reset()
        report = build(site, out_dir)
        taken = spy.taken[0] if spy.taken else None
        assert taken is not None, name  # the last build's planner
        assert len(taken.log) == number % (log_limit + 1)  # the builds planned again after the base
        # Only the pages planned anew are fingerprinted: the edited article's, its lists and neighbours'.
        assert 0 < len(spy.fingerprinted) < report.pages_written, (name, spy.fingerprinted)
        assert report.pages_rendered <= len(spy.fingerprinted)
        assert tree_differences(site_tree(out_dir), cold_tree(site, tmp_path / f"cold-{name}")) == [], name
    assert f"articles/{PHONE_CALL_SLUG}/index.html" not in site_tree(out_dir)
    assert "articles/2025-04-02-new-article/index.html" in site_tree(out_dir)


def test_the_body_edit_fingerprints_its_own_page_and_the_lists_showing_its_summary_only(
    site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out_dir = tmp_path / "_site"
    build(site, out_dir)
    spy = Spy(monkeypatch)
    _edit_body(site)
    report = build(site, out_dir)
    assert spy.fingerprinted == [f"articles/{OTHER_FILE.removesuffix('.yaml')}/"]
    assert report.pages_rendered == 1


def _truncate(file_name: str) -> Callable[[Path], None]:
    def spoil(site: Path) -> None:
        store = site / CACHE_DIR / file_name
        store.write_bytes(store.read_bytes()[:-100])

    return spoil


def _flip_a_byte(file_name: str) -> Callable[[Path], None]:
    def spoil(site: Path) -> None:
        store = site / CACHE_DIR / file_name
        data = bytearray(store.read_bytes())
        data[len(data) // 2] ^= 0xFF
        store.write_bytes(bytes(data))

    return spoil


def _base_of_another_build(site: Path) -> None:
    """A base of the right format and code, good in itself, that the log does not name."""
    other = copy_site(site.parent / "other-site")
    _edit_body(other)  # another site: another planner
    build(other, site.parent / "other-out")
    shutil.copy(other / CACHE_DIR / BASE_FILE, site / CACHE_DIR / BASE_FILE)


def _another_memo(site: Path) -> None:
    memo = site / CACHE_DIR / pagememo.MEMO_FILE
    memo.write_bytes(memo.read_bytes() + b"\0")  # still a memo, but not the one stored beside the plan


def _article_gone_from_the_cache(site: Path) -> None:
    for pack in (site / CACHE_DIR / ARTICLES_DIR).glob("*.pack"):
        pack.unlink()


def _garbage(site: Path) -> None:
    (site / CACHE_DIR / LOG_FILE).write_bytes(b"kiku plan store 2\n" + b"\x80\x05not a pickle" * 10)


def _no_base(site: Path) -> None:
    (site / CACHE_DIR / BASE_FILE).unlink()


@pytest.mark.parametrize("spoil", [
    _truncate(BASE_FILE), _truncate(LOG_FILE), _flip_a_byte(BASE_FILE), _flip_a_byte(LOG_FILE), _another_memo,
    _article_gone_from_the_cache, _garbage, _no_base, _base_of_another_build,
])
def test_a_corrupt_or_stale_plan_store_is_planned_again_not_trusted(
    site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, spoil: Callable[[Path], None]
) -> None:
    out_dir = tmp_path / "_site"
    build(site, out_dir)
    _edit_title(site)
    build(site, out_dir)  # logged after the base
    _edit_title_again(site)
    spoil(site)
    (site / CACHE_DIR / RECORD_FILE).unlink(missing_ok=True)
    spy = Spy(monkeypatch)
    report = build(site, out_dir)
    assert spy.taken == [None]
    assert len(spy.fingerprinted) == report.pages_written  # every page planned and fingerprinted again
    assert tree_differences(site_tree(out_dir), cold_tree(site, tmp_path / "cold")) == []
    assert (site / CACHE_DIR / LOG_FILE).is_file()  # stored again, good this time
    spy.reset()
    _edit_body(site)
    build(site, out_dir)
    assert spy.taken[0] is not None
    assert tree_differences(site_tree(out_dir), cold_tree(site, tmp_path / "cold-again")) == []


def test_a_failed_build_leaves_no_plan_store_behind(site: Path, tmp_path: Path) -> None:
    out_dir = tmp_path / "_site"
    build(site, out_dir)
    replace_in(site / "content" / OTHER_FILE, "date: 2025-02-19\n", "date: 2025-02-31\n")  # no such day
    with pytest.raises(Exception, match="date"):
        build(site, out_dir)
    assert not (site / CACHE_DIR / LOG_FILE).exists()


def test_a_build_failing_after_its_plan_was_being_stored_leaves_no_store_and_no_temporary_file(
    site: Path, tmp_path: Path
) -> None:
    out_dir = tmp_path / "_site"
    build(site, out_dir)
    template = site / "templates" / "base.html"  # a template edit: the planner is stored whole again
    template.write_text(template.read_text(encoding="utf-8") + "{{ no_such_view.title }}", encoding="utf-8")
    _edit_title(site)
    with pytest.raises(RenderError):
        build(site, out_dir)
    cache = site / CACHE_DIR
    assert not (cache / LOG_FILE).exists()
    assert [path.name for path in cache.iterdir() if path.name.endswith(".tmp")] == []


def test_the_base_holds_its_articles_as_references_to_the_article_cache(site: Path, tmp_path: Path) -> None:
    # Whole, they were three quarters of the store, copies of the cache's entries.
    build(site, tmp_path / "_site")
    base = (site / CACHE_DIR / BASE_FILE).read_bytes()
    inside = [
        text for article in load_site(site).articles if isinstance(article, DigestArticle)
        for section in article.sections
        for text in (*section.body, *(line for card in section.sources for line in card.summary))
    ]
    assert inside
    assert [text for text in inside if text.encode() in base] == []
