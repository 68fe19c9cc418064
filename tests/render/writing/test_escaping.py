"""Templates pass markup through without copying it (kiku/render/writing/templating/escaping.py) and escape
everything else exactly as Jinja with MarkupSafe does: every page of the repository's site has the
same bytes either way."""

from __future__ import annotations

from pathlib import Path

from jinja2.compiler import CodeGenerator
from markupsafe import Markup

from kiku.build import render_page
from kiku.content.loading.loader import load_site
from kiku.render.planning.plan import plan_site
from kiku.render.writing.templating.environment import make_environment
from kiku.render.writing.templating.escaping import MarkupPassingGenerator, escape
from tests.support.paths import REPO


class _Html:
    def __html__(self) -> str:
        return "<b>trusted</b>"


def test_every_page_has_the_bytes_jinja_own_escaping_gives() -> None:
    site = load_site(REPO)
    pages = plan_site(site, share_cards=True)
    passing = make_environment(REPO / "templates")
    assert issubclass(passing.code_generator_class, MarkupPassingGenerator)
    copying = make_environment(REPO / "templates")
    copying.code_generator_class = CodeGenerator
    assert len(pages) > 20
    for page in pages:
        assert render_page(passing, page) == render_page(copying, page), page.url


def test_text_is_escaped_and_markup_is_the_very_value(tmp_path: Path) -> None:
    (tmp_path / "page.html").write_text("<p title=\"{{ text }}\">{{ text }}|{{ html }}|{{ obj }}|{{ n }}</p>",
                                        encoding="utf-8")
    page = make_environment(tmp_path).get_template("page.html").render(
        text="<script>alert('x')</script> & \"q\"", html=Markup("<em>ok</em>"), obj=_Html(), n=3)
    assert page == (
        "<p title=\"&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &#34;q&#34;\">"
        "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &#34;q&#34;|<em>ok</em>|<b>trusted</b>|3</p>"
    )
    markup = Markup("<i>a</i>")
    assert escape(markup) is markup
    assert escape("<i>") == Markup("&lt;i&gt;")
    plain = "日本語の a 1"
    assert escape(plain) is plain  # nothing to escape: the text itself, not a Markup copy


def test_text_passed_through_stays_safe_inside_macros_and_set_blocks(tmp_path: Path) -> None:
    # Jinja marks a macro's or a set block's output as markup; text escape passed through as it is
    # must come out once, unescaped again by nothing and escaped again by nothing.
    (tmp_path / "page.html").write_text(
        "{% macro m(t) %}<b>{{ t }}</b>{% endmacro %}{% set block %}<i>{{ plain }}</i>{% endset %}"
        "{{ m(plain) }}|{{ m(risky) }}|{{ block }}|{{ m(m(risky)) }}",
        encoding="utf-8",
    )
    page = make_environment(tmp_path).get_template("page.html").render(plain="菊 a", risky="<&>")
    assert page == "<b>菊 a</b>|<b>&lt;&amp;&gt;</b>|<i>菊 a</i>|<b><b>&lt;&amp;&gt;</b></b>"


def test_a_txt_template_is_not_escaped(tmp_path: Path) -> None:
    (tmp_path / "robots.txt").write_text("Sitemap: {{ url }}\n", encoding="utf-8")
    text = make_environment(tmp_path).get_template("robots.txt").render(url="https://a.jp/?a=1&b=<2>")
    assert text == "Sitemap: https://a.jp/?a=1&b=<2>\n"
