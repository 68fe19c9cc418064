"""The ``fragment`` filter (kiku/render/writing/templating/fragments.py): a macro rendered once for a value
gives every page's root its own links, nested fragments included, and text that looks like the
filter's stand-in for the root stays escaped text."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kiku.render.writing.templating.environment import make_environment

_MACROS = (
    '{% macro link(item, root) %}<a href="{{ root }}{{ item.path }}">{{ item.name }}</a>'
    '{{ item.date | fragment("day", root) }}{% endmacro %}'
    "{% macro day(date) %}<time>{{ date }}</time>{% endmacro %}"
    '{% macro pair(item, root) %}[{{ item | fragment("link", root) }}|{{ root }}]{% endmacro %}'
)


@dataclass(frozen=True)
class _Item:
    name: str
    path: str
    date: str


def _render(tmp_path: Path, item: _Item, roots: list[str], macro: str) -> list[str]:
    (tmp_path / "_macros.html").write_text(_MACROS, encoding="utf-8")
    (tmp_path / "page.txt").write_text(f'{{{{ item | fragment("{macro}", root) }}}}', encoding="utf-8")
    template = make_environment(tmp_path).get_template("page.txt")
    return [template.render(item=item, root=root) for root in roots]


def test_one_rendering_serves_every_root_nested_fragments_too(tmp_path: Path) -> None:
    item = _Item("記事", "articles/a/", "2025-01-02")
    assert _render(tmp_path, item, ["", "../../", "", "../../../"], "pair") == [
        '[<a href="articles/a/">記事</a><time>2025-01-02</time>|]',
        '[<a href="../../articles/a/">記事</a><time>2025-01-02</time>|../../]',
        '[<a href="articles/a/">記事</a><time>2025-01-02</time>|]',
        '[<a href="../../../articles/a/">記事</a><time>2025-01-02</time>|../../../]',
    ]


def test_text_spelling_the_root_stand_in_is_escaped_and_kept(tmp_path: Path) -> None:
    item = _Item("<kiku-root>", "x/", "<kiku-root>")
    assert _render(tmp_path, item, ["../"], "link") == [
        '<a href="../x/">&lt;kiku-root&gt;</a><time>&lt;kiku-root&gt;</time>'
    ]


def test_a_value_is_found_again_by_identity_and_an_unhashable_one_is_rendered_each_time(tmp_path: Path) -> None:
    (tmp_path / "_macros.html").write_text("{% macro names(items) %}{{ items | join(',') }}{% endmacro %}", encoding="utf-8")
    (tmp_path / "page.txt").write_text('{{ items | fragment("names", "") }}', encoding="utf-8")
    template = make_environment(tmp_path).get_template("page.txt")
    frozen = ("a", "b")
    assert [template.render(items=frozen), template.render(items=("a", "b")), template.render(items=frozen)] == [
        "a,b", "a,b", "a,b",
    ]
    changing = ["a"]
    first = template.render(items=changing)
    changing.append("b")  # a list can change between pages: never served from the cache
    assert (first, template.render(items=changing)) == ("a", "a,b")
