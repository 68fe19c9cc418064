"""A build whose staging folder starts as the site before the last (the spare, kiku/output/reuse.py)
writes exactly the tree a cold build writes, keeps every unchanged file (inode, time), never writes
into the current output through the spare's hard links, and trusts nothing the spare holds."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from kiku.build import SPARE_SITE, RenderError, build
from kiku.content.cache.articles import CACHE_DIR
from kiku.publish.hosting import measure_output
from tests.support.serve_site import PHONE_CALL_FILE, PHONE_CALL_TITLE, copy_site, replace_in
from tests.support.site_tree import site_tree, tree_differences

NEW_TITLE = "米ロ首脳電話会談:見出しを改めた版"
OTHER_FILE = "2025-02-19-russia-ukraine-ceasefire-f9ef33.yaml"
OTHER_SLUG = OTHER_FILE.removesuffix(".yaml")
OTHER_TITLE, OTHER_NEW_TITLE = "title: トランプとプーチンによる和平交渉、", "title: 和平交渉、"
LIST_PAGE = '<div class="list-page">'  # in templates/tag.html's content block


@pytest.fixture
def site(tmp_path: Path) -> Path:
    return copy_site(tmp_path / "site")


def _cold(site: Path, scratch: Path) -> Path:
    """The output folder of a cold build of a copy of ``site`` (no cache, no previous output)."""
    shutil.rmtree(scratch, ignore_errors=True)
    shutil.copytree(site, scratch / "site", ignore=shutil.ignore_patterns(CACHE_DIR, "_site*"))
    build(scratch / "site", scratch / "_site")
    return scratch / "_site"


def _folders(out_dir: Path) -> list[str]:
    return sorted(path.relative_to(out_dir).as_posix() for path in out_dir.rglob("*") if path.is_dir())


def _assert_cold_tree(site: Path, out_dir: Path, scratch: Path) -> None:
    cold = _cold(site, scratch)
    assert tree_differences(site_tree(out_dir), site_tree(cold)) == []
    assert site_tree(out_dir).keys() == site_tree(cold).keys()
    assert _folders(out_dir) == _folders(cold)  # no folder left over from an earlier site


def _identities(out_dir: Path) -> dict[str, tuple[int, int]]:
    return {path.relative_to(out_dir).as_posix(): (path.stat().st_ino, path.stat().st_mtime_ns)
            for path in out_dir.rglob("*") if path.is_file()}


def _set_title(site: Path, title: str) -> None:
    current = NEW_TITLE if title == PHONE_CALL_TITLE else PHONE_CALL_TITLE
    replace_in(site / "content" / PHONE_CALL_FILE, f"title: {current}\n", f"title: {title}\n")


def _with_spare(site: Path, out_dir: Path) -> Path:
    """Build twice (the second build keeps the first output as the spare); returns the spare."""
    build(site, out_dir)
    _set_title(site, NEW_TITLE)
    build(site, out_dir)
    spare = site / CACHE_DIR / SPARE_SITE
    assert (spare / "index.html").is_file()
    return spare


def test_builds_from_the_spare_write_the_cold_builds_tree_edit_after_edit(site: Path, tmp_path: Path) -> None:
    out_dir = tmp_path / "_site"
    _with_spare(site, out_dir)
    (out_dir / "stale.html").write_text("added by hand", encoding="utf-8")  # in the next spare
    steps = [
        lambda: _set_title(site, PHONE_CALL_TITLE),  # back: the spare holds these very files
        lambda: _set_title(site, NEW_TITLE),
        lambda: (site / "content" / OTHER_FILE).unlink(),  # its folders go, its tags' pages change
        lambda: (site / "static" / "extra.css").write_text("p { margin: 0 }\n", encoding="utf-8"),
        lambda: (site / "static" / "extra.css").unlink(),
        lambda: replace_in(site / "site.yaml", "per_page: 10\n", "per_page: 2\n"),  # more home pages
        lambda: replace_in(site / "site.yaml", "per_page: 2\n", "per_page: 10\n"),  # and fewer again
    ]
    for number, step in enumerate(steps):
        step()
        before_bytes, before = site_tree(out_dir), _identities(out_dir)
        report = build(site, out_dir)
        assert not report.nothing_changed
        assert report.output == measure_output(out_dir)  # counted from what was placed, not walked
        _assert_cold_tree(site, out_dir, tmp_path / f"cold-{number}")
        after_bytes, after = site_tree(out_dir), _identities(out_dir)
        kept = {path for path in before.keys() & after.keys() if before[path] == after[path]}
        same = {path for path in before.keys() & after.keys() if before_bytes[path] == after_bytes[path]}
        assert kept == same, number  # a file keeps its inode and time exactly when its bytes did not change
    assert sorted(path.name for path in tmp_path.iterdir() if not path.name.startswith("cold-")) == ["_site", "site"]


def test_the_current_output_is_never_written_through_the_spares_links(site: Path, tmp_path: Path) -> None:
    out_dir = tmp_path / "_site"
    other = site / "content" / OTHER_FILE
    replace_in(other, OTHER_TITLE, OTHER_NEW_TITLE)
    build(site, out_dir)  # its page and card with the new title: the card stays in the cache
    replace_in(other, OTHER_NEW_TITLE, OTHER_TITLE)
    build(site, out_dir)
    _set_title(site, NEW_TITLE)
    build(site, out_dir)  # the spare's page and card of the other article are the current output's
    before = site_tree(out_dir)
    witness = tmp_path / "witness"  # second names for the current output's files
    for relative in before:
        (witness / relative).parent.mkdir(parents=True, exist_ok=True)
        os.link(out_dir / relative, witness / relative)

    replace_in(other, OTHER_TITLE, OTHER_NEW_TITLE)  # its card comes from the cache, over the spare's
    build(site, out_dir)

    assert site_tree(witness) == before
    changed = {path for path, data in site_tree(out_dir).items() if before.get(path) != data}
    assert {f"articles/{OTHER_SLUG}/index.html", f"articles/{OTHER_SLUG}/card.png", "index.html"} <= changed
    _assert_cold_tree(site, out_dir, tmp_path / "cold")


def test_what_the_spare_holds_is_checked_not_trusted(site: Path, tmp_path: Path) -> None:
    out_dir = tmp_path / "_site"
    spare = _with_spare(site, out_dir)
    outside = tmp_path / "outside"
    outside.mkdir()
    # A link out of the site where a folder of pages goes, a file where a folder goes, a folder
    # where a page goes, a page with other bytes and the inode of the current one's neighbour.
    shutil.rmtree(spare / "tags")
    (spare / "tags").symlink_to(outside, target_is_directory=True)
    shutil.rmtree(spare / "archive")
    (spare / "archive").write_text("not a folder", encoding="utf-8")
    (spare / "404.html").unlink()
    (spare / "404.html").mkdir()
    (spare / "404.html" / "inside.txt").write_text("x", encoding="utf-8")
    (spare / "feed.xml").unlink()
    os.link(out_dir / "sitemap.xml", spare / "feed.xml")

    _set_title(site, PHONE_CALL_TITLE)
    build(site, out_dir)

    assert list(outside.iterdir()) == []
    _assert_cold_tree(site, out_dir, tmp_path / "cold")


def test_a_failed_build_from_the_spare_leaves_the_output_and_nothing_beside_it(site: Path, tmp_path: Path) -> None:
    out_dir = tmp_path / "_site"
    _with_spare(site, out_dir)
    before, identities = site_tree(out_dir), _identities(out_dir)
    replace_in(site / "templates" / "tag.html", LIST_PAGE, "{{ no_such_variable }}" + LIST_PAGE)

    with pytest.raises(RenderError, match=r"tag\.html"):
        build(site, out_dir)

    assert (site_tree(out_dir), _identities(out_dir)) == (before, identities)
    assert sorted(path.name for path in tmp_path.iterdir()) == ["_site", "site"]
    replace_in(site / "templates" / "tag.html", "{{ no_such_variable }}" + LIST_PAGE, LIST_PAGE)
    build(site, out_dir)
    _assert_cold_tree(site, out_dir, tmp_path / "cold")


def test_with_source_date_epoch_a_build_from_the_spare_gives_every_file_and_folder_that_time(
    site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    out_dir = tmp_path / "_site"
    _with_spare(site, out_dir)
    (site / "content" / OTHER_FILE).unlink()  # folders go from the spare, others change
    build(site, out_dir)
    assert {path.stat().st_mtime for path in [out_dir, *out_dir.rglob("*")]} == {1767225600}
    _assert_cold_tree(site, out_dir, tmp_path / "cold")
