"""A build with the last build's inputs, into the output it left, loads and renders nothing."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from kiku import unchanged
from kiku.build import build
from kiku.content.cache import known_files
from kiku.content.loading import loader
from tests.support.sample_site import REPO_ROOT
from tests.support.site_tree import site_tree


@pytest.fixture
def site_root(tmp_path: Path) -> Path:
    root = tmp_path / "site"
    for folder in ("templates", "static", "content"):
        shutil.copytree(REPO_ROOT / folder, root / folder)
    shutil.copy(REPO_ROOT / "site.yaml", root / "site.yaml")
    return root


def _no_loading(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the site was loaded")

    monkeypatch.setattr(loader, "load_site", refuse)


def test_a_second_build_is_answered_from_the_cache(
    site_root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out_dir = tmp_path / "_site"
    first = build(site_root, out_dir)
    before = site_tree(out_dir)
    _no_loading(monkeypatch)
    again = build(site_root, out_dir)
    assert (again.pages_written, again.pages_rendered, again.pages_unchanged) == (first.pages_written, 0, first.pages_written)
    assert site_tree(out_dir) == before


def test_a_build_with_nothing_to_do_imports_no_loader_planner_or_renderer(site_root: Path, tmp_path: Path) -> None:
    out_dir = tmp_path / "_site"
    build(site_root, out_dir)
    script = (
        "import sys\n"
        "from pathlib import Path\n"
        "from kiku.build import build\n"
        f"report = build(Path({str(site_root)!r}), Path({str(out_dir)!r}))\n"
        "prefixes = ('kiku.content.loading.loader', 'kiku.content.checking', 'kiku.render.planning', 'kiku.render.site', 'kiku.search', 'jinja2',"
        " 'yaml', 'numpy', 'PIL')\n"
        "print(report.nothing_changed, sorted(name for name in sys.modules if name.startswith(prefixes)))\n"
    )
    answer = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=120)
    assert answer.stdout == "True []\n"  # a fresh process: nothing imported by an earlier build


@pytest.mark.parametrize(
    "change",
    [
        "content", "content of the same size", "new content file", "template", "static", "site.yaml", "deleted page", "deleted static copy",
        "page edited by hand", "base url",
    ],
)
def test_any_change_of_inputs_or_output_makes_a_real_build(
    site_root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, change: str
) -> None:
    out_dir = tmp_path / "_site"
    build(site_root, out_dir)
    base_url = None
    article = sorted((site_root / "content").glob("*.yaml"))[0]
    if change == "content":
        article.write_text(article.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    elif change == "content of the same size":  # at once: the same size and, maybe, the same times
        text = article.read_text(encoding="utf-8")
        article.write_text(text.replace("\ntitle: ", "\ntitle: 新", 1).replace("。", "", 1), encoding="utf-8")
        assert len(article.read_bytes()) == len(text.encode())
    elif change == "new content file":
        shutil.copy(article, site_root / "content" / "copy-of-an-article.yaml")
    elif change == "template":
        (site_root / "templates" / "404.html").write_text("{% extends 'base.html' %}", encoding="utf-8")
    elif change == "static":
        (site_root / "static" / "style.css").write_text("body { margin: 0; }\n", encoding="utf-8")
    elif change == "site.yaml":
        config = site_root / "site.yaml"
        config.write_text(config.read_text(encoding="utf-8").replace("per_page: 10", "per_page: 2"), encoding="utf-8")
    elif change == "deleted page":
        (out_dir / "articles" / article.stem / "index.html").unlink()
    elif change == "deleted static copy":
        (out_dir / "static" / "style.css").unlink()
    elif change == "page edited by hand":
        (out_dir / "index.html").write_text("edited", encoding="utf-8")
    else:
        base_url = "http://127.0.0.1:8000/"
    calls: list[Path] = []
    real_load_site = loader.load_site

    def counting(site: Path, *, cache: bool = False, earlier: Any = None, slim: bool = False) -> object:
        calls.append(site)
        return real_load_site(site, cache=cache, earlier=earlier, slim=slim)

    monkeypatch.setattr(loader, "load_site", counting)
    build(site_root, out_dir, base_url)
    assert calls == [site_root]
    fresh = tmp_path / "fresh"
    shutil.copytree(site_root, fresh, ignore=shutil.ignore_patterns(".kiku-cache"))
    build(fresh, tmp_path / "fresh_site", base_url)
    assert site_tree(out_dir) == site_tree(tmp_path / "fresh_site")


def test_files_unchanged_since_the_last_build_are_not_read_to_tell_so(
    site_root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(known_files, "RACY_NS", 0)  # the copied files are new: vouch for them at once
    out_dir = tmp_path / "_site"
    first = build(site_root, out_dir)
    reads: list[str] = []
    real_read = unchanged.read_regular_file

    def counting_read(path: Path, *args: object) -> bytes:
        reads.append(path.relative_to(site_root).as_posix())
        return real_read(path, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(unchanged, "read_regular_file", counting_read)
    _no_loading(monkeypatch)
    again = build(site_root, out_dir)
    assert again.nothing_changed and again.pages_written == first.pages_written
    assert reads == ["site.yaml"]
