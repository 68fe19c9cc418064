"""Macros called directly (kiku/render/writing/templating/macro_calls.py) give what Jinja's own calls give,
defaults, keyword arguments, ``caller``, ``varargs`` and ``kwargs`` included, and the same errors."""

from __future__ import annotations

from pathlib import Path

import jinja2
import pytest
from jinja2.compiler import CodeGenerator
from markupsafe import Markup

from kiku.render.writing.templating.environment import make_environment
from kiku.render.writing.templating.macro_calls import DirectCallGenerator, call

_MACROS = """\
{% macro plain(a, b) %}<b>{{ a }}</b>{{ b }}{% endmacro %}
{% macro defaults(a, b="<d>", c=a) %}[{{ a }}|{{ b }}|{{ c }}]{% endmacro %}
{% macro wrapped(title) %}<div>{{ title }}:{{ caller() }}</div>{% endmacro %}
{% macro rest(a) %}{{ a }}{{ varargs | join(",") }}{{ kwargs | dictsort | join(";") }}{% endmacro %}
{% macro nested(x) %}{{ plain(x, defaults(x)) }}{% endmacro %}
"""
_PAGE = """\
{% import "_m.html" as m %}
{{ m.plain(text, 1) }}|{{ m.defaults(text) }}|{{ m.defaults(text, "b") }}|{{ m.defaults(text, c="k") }}
{{ m.defaults(a=text) }}|{{ m.rest(1, 2, 3, z=4) }}|{{ m.nested(text) }}
{% call m.wrapped(text) %}<i>{{ text }}</i>{% endcall %}
{% for item in items %}{{ m.plain(item, loop.index) }}{% endfor %}
"""


def _environment(tmp_path: Path, generator: type[CodeGenerator]) -> jinja2.Environment:
    (tmp_path / "_m.html").write_text(_MACROS, encoding="utf-8")
    (tmp_path / "page.html").write_text(_PAGE, encoding="utf-8")
    environment = make_environment(tmp_path)
    environment.code_generator_class = generator
    return environment


def test_direct_calls_give_what_jinja_calls_give(tmp_path: Path) -> None:
    direct = _environment(tmp_path, DirectCallGenerator)
    assert direct.code_generator_class is DirectCallGenerator  # make_environment's own
    jinja = _environment(tmp_path, CodeGenerator)
    values = {"text": "<&> 菊", "items": ["x", Markup("<y>")]}
    page = direct.get_template("page.html").render(values)
    assert page == jinja.get_template("page.html").render(values)
    assert "<b>&lt;&amp;&gt; 菊</b>1|[&lt;&amp;&gt; 菊|&lt;d&gt;|&lt;&amp;&gt; 菊]" in page
    assert "<div>&lt;&amp;&gt; 菊:<i>&lt;&amp;&gt; 菊</i></div>" in page
    assert "|12,3(&#39;z&#39;, 4)|" in page


@pytest.mark.parametrize(
    "source", ["{{ m.plain(1, 2, 3) }}", "{{ m.plain(1, d=2) }}", "{{ m.wrapped(1) }}", "{{ m.defaults() }}"]
)
def test_a_wrong_call_fails_as_jinja_fails(tmp_path: Path, source: str) -> None:
    (tmp_path / "_m.html").write_text(_MACROS, encoding="utf-8")
    (tmp_path / "bad.html").write_text('{% import "_m.html" as m %}' + source, encoding="utf-8")
    messages = []
    for generator in (DirectCallGenerator, CodeGenerator):
        environment = make_environment(tmp_path)
        environment.code_generator_class = generator
        with pytest.raises((TypeError, jinja2.UndefinedError)) as raised:
            environment.get_template("bad.html").render()
        messages.append(str(raised.value))
    assert messages[0] == messages[1]


def test_a_callable_that_is_no_macro_is_called_as_jinja_calls_it(tmp_path: Path) -> None:
    seen = []

    @jinja2.pass_context
    def with_context(context: jinja2.runtime.Context, value: str) -> str:
        seen.append(context["name"])
        return value.upper()

    environment = make_environment(tmp_path)
    context = environment.from_string("").new_context({"name": "菊"})
    assert call(context, with_context, "a", _block_vars={}) == "A"
    assert seen == ["菊"]
