"""How a build writes: deterministic bytes, all-or-nothing replacement, the load → render wiring."""

from __future__ import annotations

import shutil
import sys
import types
from pathlib import Path

import pytest

from kiku.build import RenderError, build, render_site
from kiku.content.model import Site
from kiku.render.planning.plan import PlanError
from kiku.render.writing.other_files.identity import IDENTITY_URLS
from tests.support.sample_site import PEACE_TALKS, REPO_ROOT, sample_site, with_articles


def _snapshot(directory: Path) -> dict[str, bytes]:
    return {
        path.relative_to(directory).as_posix(): path.read_bytes()
        for path in sorted(directory.rglob("*"))
        if path.is_file()
    }


def _site_root_with(tmp_path: Path, template: str, text: str) -> Path:
    """A copy of the repository's templates and static files with one template replaced."""
    site_root = tmp_path / "site"
    shutil.copytree(REPO_ROOT / "templates", site_root / "templates")
    shutil.copytree(REPO_ROOT / "static", site_root / "static")
    (site_root / "templates" / template).write_text(text, encoding="utf-8")
    return site_root


def _leftovers(parent: Path, out_dir: Path) -> list[str]:
    return sorted(path.name for path in parent.iterdir() if path.name.startswith(out_dir.name + "."))


def test_building_twice_gives_identical_bytes(tmp_path: Path) -> None:
    first, second = tmp_path / "one", tmp_path / "two"
    render_site(sample_site(), REPO_ROOT, first)
    render_site(sample_site(), REPO_ROOT, second)
    assert _snapshot(first) == _snapshot(second)
    render_site(sample_site(), REPO_ROOT, first)  # rebuilding in place changes nothing either
    assert _snapshot(first) == _snapshot(second)


def test_pages_are_utf8_with_unix_newlines(tmp_path: Path) -> None:
    out_dir = tmp_path / "_site"
    render_site(sample_site(), REPO_ROOT, out_dir)
    for name, data in _snapshot(out_dir).items():
        if name.endswith(".html"):
            assert b"\r" not in data, name
            assert data.decode("utf-8").endswith("</html>\n"), name


@pytest.mark.parametrize(
    ("template", "broken"),
    [
        ("article.html", "{% extends 'base.html' %}{% block content %}{{ no_such_variable }}{% endblock %}"),
        ("tag.html", "{% for x in %}"),  # syntax error
        ("encyclopedia.html", "{{ article.title | no_such_filter }}"),
    ],
)
def test_failed_build_leaves_previous_output_untouched(tmp_path: Path, template: str, broken: str) -> None:
    out_dir = tmp_path / "_site"
    render_site(sample_site(), REPO_ROOT, out_dir)
    before = _snapshot(out_dir)
    site_root = _site_root_with(tmp_path, template, broken)
    with pytest.raises(RenderError, match=template.replace(".", r"\.")):
        render_site(sample_site(), site_root, out_dir)
    assert _snapshot(out_dir) == before
    assert _leftovers(tmp_path, out_dir) == []


def test_failed_first_build_creates_nothing(tmp_path: Path) -> None:
    out_dir = tmp_path / "_site"
    site_root = _site_root_with(tmp_path, "index.html", "{{ nothing_here }}")
    with pytest.raises(RenderError):
        render_site(sample_site(), site_root, out_dir)
    assert not out_dir.exists()
    assert _leftovers(tmp_path, out_dir) == []


def test_plan_error_writes_nothing(tmp_path: Path) -> None:
    out_dir = tmp_path / "_site"
    render_site(sample_site(), REPO_ROOT, out_dir)
    before = _snapshot(out_dir)
    with pytest.raises(PlanError):
        render_site(with_articles(sample_site(), PEACE_TALKS, PEACE_TALKS), REPO_ROOT, out_dir)
    assert _snapshot(out_dir) == before


def test_rebuild_replaces_stale_files(tmp_path: Path) -> None:
    out_dir = tmp_path / "_site"
    render_site(sample_site(), REPO_ROOT, out_dir)
    (out_dir / "stale.txt").write_text("old", encoding="utf-8")
    render_site(with_articles(sample_site(), PEACE_TALKS), REPO_ROOT, out_dir)
    assert not (out_dir / "stale.txt").exists()
    assert not (out_dir / "articles" / "putin-trump-phone-call").exists()
    assert _leftovers(tmp_path, out_dir) == []
    assert oct(out_dir.stat().st_mode & 0o777) == oct(0o755)


def test_refuses_to_replace_a_directory_that_is_not_a_build(tmp_path: Path) -> None:
    out_dir = tmp_path / "documents"
    out_dir.mkdir()
    (out_dir / "thesis.txt").write_text("precious", encoding="utf-8")
    with pytest.raises(RenderError, match="does not look like a previous build"):
        render_site(sample_site(), REPO_ROOT, out_dir)
    assert (out_dir / "thesis.txt").read_text(encoding="utf-8") == "precious"


def test_refuses_the_site_root_or_its_parent_as_output(tmp_path: Path) -> None:
    site_root = _site_root_with(tmp_path, "extra.html", "")
    for out_dir in (site_root, tmp_path):
        with pytest.raises(RenderError, match="contains the site"):
            render_site(sample_site(), site_root, out_dir)
    assert (site_root / "templates" / "base.html").is_file()


def test_build_loads_the_site_then_renders_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The loader is another module's job; this checks only the wiring, with a stand-in.
    calls: list[tuple[Path, bool, bool]] = []

    def load_site(site_root: Path, *, cache: bool = False, earlier: object = None, slim: bool = False) -> Site:
        calls.append((site_root, cache, slim))
        return sample_site()

    loader = types.ModuleType("kiku.content.loading.loader")
    loader.load_site = load_site  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "kiku.content.loading.loader", loader)
    report = build(REPO_ROOT, tmp_path / "_site")
    # A build keeps the validated articles in .kiku-cache/, and holds them slim (kiku.content.cache.slim).
    assert calls == [(REPO_ROOT, True, True)]
    written = [path for path in (tmp_path / "_site").rglob("*") if path.is_file()]
    index_files = [
        path for path in written if path.parent.name in ("shards", "records") or path.suffix in (".json", ".bin")
    ]
    # manifest, codebook, one shard, one pack of the three records, their lengths
    assert report.search_files == len(index_files) == 1 + 1 + 1 + 1 + 1
    non_pages = {".nojekyll", "card.png", *IDENTITY_URLS} | {path.name for path in written if "static" in path.parts}
    pages = [path for path in written if path.name not in non_pages and path not in index_files]
    assert report.pages_written == len(pages)
