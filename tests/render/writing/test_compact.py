"""The templates' indentation is left out of pages (kiku/render/writing/templating/compact.py), and nothing else is:
every page of the repository's site holds the same text, elements and attributes, with whitespace
exactly where it was (runs are shorter, never added or removed)."""

from __future__ import annotations

import re
from pathlib import Path

import jinja2
import pytest

from kiku.build import render_page
from kiku.content.loading.loader import load_site
from kiku.render.planning.plan import plan_site
from kiku.render.writing.templating.compact import CompactIndentation
from kiku.render.writing.templating.environment import make_environment
from tests.support.paths import REPO

_WHITESPACE_RUN = re.compile(r"[ \t\r\n]+")


def _without_compaction(templates: Path) -> jinja2.Environment:
    environment = make_environment(templates)
    compacted = make_environment(templates)
    assert CompactIndentation in {type(extension) for extension in compacted.extensions.values()}
    del environment.extensions[CompactIndentation.identifier]  # the stream filter is looked up per template
    return environment


def test_pages_differ_only_in_the_length_of_whitespace_runs() -> None:
    site = load_site(REPO)
    pages = plan_site(site, share_cards=True)
    compacted = make_environment(REPO / "templates")
    indented = _without_compaction(REPO / "templates")
    compacted_chars = indented_chars = 0
    for page in pages:
        small = render_page(compacted, page).decode("utf-8")
        large = render_page(indented, page).decode("utf-8")
        assert _WHITESPACE_RUN.sub(" ", small) == _WHITESPACE_RUN.sub(" ", large), page.url
        compacted_chars, indented_chars = compacted_chars + len(small), indented_chars + len(large)
    assert compacted_chars < 0.98 * indented_chars  # 2.7 % of the characters of the repository's site


@pytest.mark.parametrize("kept", ["pre", "textarea", "script", "style"])
def test_text_inside_pre_textarea_script_and_style_keeps_its_whitespace(tmp_path: Path, kept: str) -> None:
    (tmp_path / "page.html").write_text(
        f"<div>\n    <p>a</p>\n{{% if x %}}\n    <{kept}>\n  one\n\n    two\n</{kept}>\n{{% endif %}}\n    <p>b</p>\n</div>\n",
        encoding="utf-8")
    html = make_environment(tmp_path).get_template("page.html").render(x=True)
    assert html == f"<div>\n<p>a</p>\n <{kept}>\n  one\n\n    two\n</{kept}>\n <p>b</p>\n</div>\n"


def test_values_and_txt_templates_are_never_compacted(tmp_path: Path) -> None:
    (tmp_path / "page.html").write_text("<p>\n    {{ text }}\n</p>\n", encoding="utf-8")
    (tmp_path / "robots.txt").write_text("User-agent: *\n    Disallow:\n", encoding="utf-8")
    environment = make_environment(tmp_path)
    assert environment.get_template("page.html").render(text="a\n    b　c") == "<p>\na\n    b　c\n</p>\n"
    assert environment.get_template("robots.txt").render() == "User-agent: *\n    Disallow:\n"
