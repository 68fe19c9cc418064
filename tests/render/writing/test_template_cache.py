"""Compiled templates are kept between builds (kiku/render/writing/templating/template_cache.py): a kept one
renders exactly what a fresh compile renders, an edited template is compiled again, and an entry
that is not good code, or was made by another kiku, is never used."""

from __future__ import annotations

import marshal
import pickle
from pathlib import Path

from jinja2.bccache import bc_magic

from kiku.render.writing.templating.environment import make_environment
from kiku.render.writing.templating.template_cache import TEMPLATE_CACHE, TemplateCodeCache

_PAGE = "<p>{{ title }}</p>\n{% for tag in tags %}<span>{{ tag }}</span>{% endfor %}\n"


def _render(templates: Path, cache: TemplateCodeCache | None) -> str:
    return make_environment(templates, cache).get_template("page.html").render(title="米ロ<会談>", tags=["外交", "停戦"])


def _templates(tmp_path: Path, text: str = _PAGE) -> Path:
    templates = tmp_path / "templates"
    templates.mkdir(exist_ok=True)
    (templates / "page.html").write_text(text, encoding="utf-8")
    return templates


def _entries(cache_root: Path) -> list[Path]:
    return sorted(cache_root.glob("*/*.code"))


def test_a_kept_template_renders_what_a_fresh_compile_renders(tmp_path: Path) -> None:
    templates, cache_root = _templates(tmp_path), tmp_path / "cache" / TEMPLATE_CACHE
    fresh = _render(templates, None)
    assert fresh == "<p>米ロ&lt;会談&gt;</p>\n<span>外交</span><span>停戦</span>"
    assert _render(templates, TemplateCodeCache(cache_root, "kiku 1")) == fresh
    (entry,) = _entries(cache_root)
    written = entry.read_bytes()
    assert written.startswith(bc_magic)
    assert _render(templates, TemplateCodeCache(cache_root, "kiku 1")) == fresh  # loaded, not compiled
    assert entry.read_bytes() == written


def test_an_edited_template_is_compiled_again(tmp_path: Path) -> None:
    templates, cache_root = _templates(tmp_path), tmp_path / "cache" / TEMPLATE_CACHE
    _render(templates, TemplateCodeCache(cache_root, "kiku 1"))
    _templates(tmp_path, _PAGE.replace("<p>", "<h1>").replace("</p>", "</h1>"))
    assert _render(templates, TemplateCodeCache(cache_root, "kiku 1")).startswith("<h1>米ロ&lt;会談&gt;</h1>\n")


def test_entries_that_are_not_code_are_compiled_again(tmp_path: Path) -> None:
    templates, cache_root = _templates(tmp_path), tmp_path / "cache" / TEMPLATE_CACHE
    fresh = _render(templates, TemplateCodeCache(cache_root, "kiku 1"))
    (entry,) = _entries(cache_root)
    checksum = TemplateCodeCache(cache_root, "kiku 1").get_source_checksum(_PAGE)
    header = bc_magic + pickle.dumps(checksum, 2)  # what Jinja2 checks before it loads the code
    for broken in (header + marshal.dumps("print('not a template')"), header + b"\xe3\x00", b"", bc_magic):
        entry.write_bytes(broken)
        assert _render(templates, TemplateCodeCache(cache_root, "kiku 1")) == fresh
        assert entry.read_bytes() != broken  # replaced by the good code


def test_another_kiku_never_loads_this_ones_code(tmp_path: Path) -> None:
    templates, cache_root = _templates(tmp_path), tmp_path / "cache" / TEMPLATE_CACHE
    _render(templates, TemplateCodeCache(cache_root, "kiku 1"))
    (first,) = _entries(cache_root)
    assert _render(templates, TemplateCodeCache(cache_root, "kiku 2")) == _render(templates, None)
    (second,) = _entries(cache_root)
    assert second.parent != first.parent
    assert not first.parent.exists()  # the other kiku's folder is removed
