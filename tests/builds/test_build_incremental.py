"""Rebuilding: pages on both cores, unchanged files kept (same inode, same mtime), budget warnings."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from kiku.build import RenderError, build, render_site
from kiku.cli import main
from kiku.content.model import Site
from kiku.publish.hosting import measure_output
from kiku.render.writing.parallel import output
from tests.support.sample_site import ENCYCLOPEDIA, PEACE_TALKS, PHONE_CALL, REPO_ROOT, sample_site
from tests.support.site_tree import site_tree, tree_differences


@pytest.fixture(autouse=True)
def _small_shares(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fork workers for a test-sized site, as a large site's build does."""
    monkeypatch.setattr(output, "_PAGES_PER_PROCESS", 50)


def _large_site(count: int) -> Site:
    """``count`` articles over the sample tags."""
    base = sample_site()
    first = dt.date(2025, 3, 31)
    templates = (PHONE_CALL, ENCYCLOPEDIA, PEACE_TALKS)
    articles = tuple(
        dataclasses.replace(templates[n % 3], slug=f"article-{n:04d}", date=first - dt.timedelta(days=n // 4))
        for n in range(count)
    )
    return dataclasses.replace(base, articles=articles)


def _retitled(site: Site, index: int, title: str) -> Site:
    articles = list(site.articles)
    articles[index] = dataclasses.replace(articles[index], title=title)
    return dataclasses.replace(site, articles=tuple(articles))


def _inodes(out_dir: Path) -> dict[str, tuple[int, int]]:
    return {
        path.relative_to(out_dir).as_posix(): (path.stat().st_ino, path.stat().st_mtime_ns)
        for path in out_dir.rglob("*")
        if path.is_file() and path.parent.name != "static" and path.name != ".nojekyll"
    }


_INNER_RUN = "KIKU_FORK_TEST_IN_FRESH_PROCESS"


def test_forked_workers_write_the_same_tree_as_one_process(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    if not hasattr(os, "fork") or len(os.sched_getaffinity(0)) < 2:
        pytest.skip("needs os.fork and two cores")
    if threading.active_count() > 1 and _INNER_RUN not in os.environ:
        # An earlier test left a thread in this process, and kiku never forks a process with threads:
        # run this test alone in a fresh interpreter rather than skip it.
        test_id = f"{__file__}::test_forked_workers_write_the_same_tree_as_one_process"
        inner = subprocess.run(
            [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", test_id],
            env={**os.environ, _INNER_RUN: "1"}, cwd=REPO_ROOT, capture_output=True, text=True, timeout=600,
        )
        assert inner.returncode == 0 and "1 passed" in inner.stdout, inner.stdout + inner.stderr
        return
    site = _large_site(120)
    assert output.worker_count(200) >= 2  # a fresh process with two cores forks
    render_site(site, REPO_ROOT, tmp_path / "forked")
    monkeypatch.setattr(output, "worker_count", lambda pages: 1)
    render_site(site, REPO_ROOT, tmp_path / "serial")
    assert tree_differences(site_tree(tmp_path / "forked"), site_tree(tmp_path / "serial")) == []
    assert len(site_tree(tmp_path / "serial")) > 150


def test_warm_build_equals_cold_build_and_keeps_unchanged_files(tmp_path: Path) -> None:
    site = _large_site(120)
    warm, cold = tmp_path / "warm" / "_site", tmp_path / "cold" / "_site"
    first = render_site(site, REPO_ROOT, warm)
    assert first.pages_unchanged == 0
    before = _inodes(warm)

    again = render_site(site, REPO_ROOT, warm)  # nothing changed
    assert again.pages_unchanged == again.pages_written
    assert _inodes(warm) == before

    edited = _retitled(site, 60, "書き換えた見出し")
    third = render_site(edited, REPO_ROOT, warm)
    render_site(edited, REPO_ROOT, cold)
    assert tree_differences(site_tree(warm), site_tree(cold)) == []
    after = _inodes(warm)
    changed = sorted(name for name in before if after[name] != before[name] and not name.startswith("search/"))
    assert "articles/article-0060/index.html" in changed
    # The article's page and card, and the pages that show its title (lists, feeds, its older and
    # newer neighbours, the articles naming it as related); nothing else.
    showing = {name for name in after if "article-0060/" in (cold / name).read_bytes().decode("utf-8", "replace")}
    assert set(changed) <= showing | {"articles/article-0060/index.html", "articles/article-0060/card.png"}, changed
    assert 3 <= len(changed) < len(before) // 10, changed
    changed_pages = [name for name in changed if not name.endswith(".png")]
    assert third.pages_unchanged == third.pages_written - len(changed_pages)


def test_a_failing_page_in_a_worker_fails_the_build_and_keeps_the_previous_output(tmp_path: Path) -> None:
    site_root = tmp_path / "site"
    shutil.copytree(REPO_ROOT / "templates", site_root / "templates")
    shutil.copytree(REPO_ROOT / "static", site_root / "static")
    out_dir = tmp_path / "_site"
    render_site(_large_site(120), site_root, out_dir)
    before = site_tree(out_dir)
    (site_root / "templates" / "encyclopedia.html").write_text(
        "{% extends 'base.html' %}{% block content %}{{ no_such_variable }}{% endblock %}", encoding="utf-8"
    )
    with pytest.raises(RenderError, match="no_such_variable"):
        render_site(_large_site(120), site_root, out_dir)
    assert site_tree(out_dir) == before
    assert sorted(path.name for path in tmp_path.iterdir()) == ["_site", "site"]


def test_the_build_prints_the_output_size_and_file_count(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    site_root = tmp_path / "site"
    for folder in ("templates", "static", "content"):
        shutil.copytree(REPO_ROOT / folder, site_root / folder)
    shutil.copy(REPO_ROOT / "site.yaml", site_root / "site.yaml")
    assert main(["build", "--site", str(site_root), "--out", str(tmp_path / "_site")]) == 0
    size = measure_output(tmp_path / "_site")
    line = capsys.readouterr().out.strip()
    assert line.endswith(f"rendered, 0 unchanged); {size.bytes / 1e6:,.1f} MB in {size.files:,} files"), line
    assert size.files == sum(1 for path in (tmp_path / "_site").rglob("*") if path.is_file())


@pytest.fixture
def site_root(tmp_path: Path) -> Path:
    root = tmp_path / "site"
    for folder in ("templates", "static", "content"):
        shutil.copytree(REPO_ROOT / folder, root / folder)
    shutil.copy(REPO_ROOT / "site.yaml", root / "site.yaml")
    return root


def _fresh_build(site_root: Path, tmp_path: Path) -> dict[str, bytes]:
    """The output of a cold build of a copy of ``site_root`` (no cache, no previous output)."""
    copy = tmp_path / "cold-copy"
    shutil.rmtree(copy, ignore_errors=True)
    shutil.copytree(site_root, copy, ignore=shutil.ignore_patterns(".kiku-cache"))
    shutil.rmtree(tmp_path / "cold-out", ignore_errors=True)
    build(copy, tmp_path / "cold-out")
    return site_tree(tmp_path / "cold-out")


def test_edits_rebuild_byte_identical_to_a_cold_build(site_root: Path, tmp_path: Path) -> None:
    out_dir = tmp_path / "_site"
    assert build(site_root, out_dir).pages_rendered > 0
    before = _inodes(out_dir)
    warm = build(site_root, out_dir)
    assert (warm.pages_rendered, warm.pages_unchanged) == (0, warm.pages_written)
    assert _inodes(out_dir) == before

    file = sorted((site_root / "content").glob("*.yaml"))[1]
    file.write_text(file.read_text(encoding="utf-8").replace("\ntitle: ", "\ntitle: 改訂 ", 1), encoding="utf-8")
    edited = build(site_root, out_dir)
    assert 0 < edited.pages_rendered < edited.pages_written
    assert tree_differences(site_tree(out_dir), _fresh_build(site_root, tmp_path)) == []
    after = _inodes(out_dir)
    assert after[f"articles/{file.stem}/index.html"] != before[f"articles/{file.stem}/index.html"]
    assert after["tags/index.html"] == before["tags/index.html"]  # the tag counts did not change
    assert sorted(path.name for path in tmp_path.iterdir()) == ["_site", "cold-copy", "cold-out", "site"]


def test_deleted_articles_and_static_changes_reach_the_output(site_root: Path, tmp_path: Path) -> None:
    out_dir = tmp_path / "_site"
    build(site_root, out_dir)
    gone = sorted((site_root / "content").glob("*.yaml"))[0]
    gone.unlink()
    (site_root / "static" / "style.css").write_text("body { color: black; }\n", encoding="utf-8")
    (site_root / "static" / "extra.txt").write_text("extra\n", encoding="utf-8")
    build(site_root, out_dir)
    assert not (out_dir / "articles" / gone.stem).exists()
    assert tree_differences(site_tree(out_dir), _fresh_build(site_root, tmp_path)) == []
    (site_root / "static" / "extra.txt").unlink()
    build(site_root, out_dir)
    assert not (out_dir / "static" / "extra.txt").exists()


def test_an_output_file_edited_by_hand_is_rendered_again(site_root: Path, tmp_path: Path) -> None:
    out_dir = tmp_path / "_site"
    build(site_root, out_dir)
    page = next((out_dir / "articles").glob("*/index.html"))
    page.write_text("edited by hand", encoding="utf-8")
    report = build(site_root, out_dir)
    assert report.pages_rendered == 1
    assert tree_differences(site_tree(out_dir), _fresh_build(site_root, tmp_path)) == []


def test_a_template_change_renders_every_page_it_shapes(site_root: Path, tmp_path: Path) -> None:
    out_dir = tmp_path / "_site"
    first = build(site_root, out_dir)
    base = site_root / "templates" / "base.html"
    base.write_text(base.read_text(encoding="utf-8").replace("本文へ移動", "本文へ"), encoding="utf-8")
    report = build(site_root, out_dir)
    assert report.pages_rendered == first.pages_rendered
    assert "本文へ</a>" in (out_dir / "index.html").read_text(encoding="utf-8")
    assert tree_differences(site_tree(out_dir), _fresh_build(site_root, tmp_path)) == []


def test_rebuilds_with_source_date_epoch_give_every_file_that_time(
    site_root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    out_dir = tmp_path / "_site"
    build(site_root, out_dir)
    file = sorted((site_root / "content").glob("*.yaml"))[1]
    file.write_text(file.read_text(encoding="utf-8").replace("\ntitle: ", "\ntitle: 改訂 ", 1), encoding="utf-8")
    assert build(site_root, out_dir).pages_rendered > 0
    assert {path.stat().st_mtime for path in [out_dir, *out_dir.rglob("*")]} == {1767225600}
    assert build(site_root, out_dir).pages_rendered == 0
