"""The Markdown renderer: escaping, the link allow-list, rel on external links, footnote markers."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jinja2 import UndefinedError
from markupsafe import Markup

from kiku.render.text.inline_spans import inline_spans
from kiku.render.text.markdown import parse_block, parse_inline, plain_text_html, render_block, render_inline
from kiku.render.text.plaintext import parsed_plain_text, plain_text
from kiku.render.writing.templating.environment import make_environment
from tests.support.sample_site import REPO_ROOT


def _soup(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "html.parser")


def test_raw_html_is_escaped_text() -> None:
    html = render_block("前 <script>alert(1)</script> 後 <b onclick='x'>b</b>")
    soup = _soup(html)
    assert soup.find("script") is None and soup.find("b") is None
    assert "<script>alert(1)</script>" in soup.get_text()
    assert isinstance(html, Markup)


@pytest.mark.parametrize(
    "destination",
    [
        "javascript:alert(1)",
        "JAVASCRIPT:alert(1)",
        " javascript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:msgbox(1)",
        "file:///etc/passwd",
        "/relative/path",
        "../up",
        "//example.com/protocol-relative",
        "mailto:someone@example.com",
    ],
)
def test_links_other_than_http_and_fragments_stay_literal(destination: str) -> None:
    soup = _soup(render_block(f"[x]({destination}) and <{destination}>"))
    assert soup.find("a") is None
    assert soup.find(href=True) is None and soup.find(src=True) is None


def test_javascript_link_keeps_its_source_as_text() -> None:
    soup = _soup(render_block("危険 [x](javascript:alert(1))"))
    assert soup.find("a") is None
    assert soup.get_text().strip() == "危険 [x](javascript:alert(1))"


def test_external_links_get_rel_noopener_noreferrer_and_no_target() -> None:
    soup = _soup(render_block("[記事](https://example.com/a?b=1&c=2) と <http://example.org/>"))
    links = soup.find_all("a")
    assert [link["href"] for link in links] == ["https://example.com/a?b=1&c=2", "http://example.org/"]
    for link in links:
        assert link["rel"] == ["noopener", "noreferrer"]
        assert not link.has_attr("target")


def test_fragment_links_are_kept_without_rel() -> None:
    link = _soup(render_block("[上へ](#top)")).find("a")
    assert link is not None and link["href"] == "#top" and not link.has_attr("rel")


def test_images_are_not_rendered() -> None:
    soup = _soup(render_block("![写真](https://example.com/p.png)"))
    assert soup.find("img") is None


def test_known_footnote_markers_link_to_their_reference() -> None:
    soup = _soup(render_block("本文[1][2]。未知[3]。", frozenset({1, 2}), "p1-"))
    sups = soup.select("sup.fn > a")
    assert [a["href"] for a in sups] == ["#ref-1", "#ref-2"]
    assert [a.get_text() for a in sups] == ["[1]", "[2]"]
    assert [a["id"] for a in sups] == ["cite-p1-1", "cite-p1-2"]
    assert "未知[3]。" in soup.get_text()


def test_without_reference_ids_markers_stay_text() -> None:
    soup = _soup(render_block("番号[1]だけ"))
    assert soup.find("sup") is None and soup.get_text().strip() == "番号[1]だけ"


def test_repeated_marker_in_one_call_gets_distinct_ids() -> None:
    soup = _soup(render_block("a[1] b[1] c[1]", frozenset({1})))
    assert [a["id"] for a in soup.select("sup.fn a")] == ["cite-1", "cite-1-2", "cite-1-3"]


def test_calls_share_no_state() -> None:
    first = render_block("a[1]", frozenset({1}))
    assert render_block("a[1]", frozenset({1})) == first


def test_number_link_and_code_are_not_footnotes() -> None:
    soup = _soup(render_block("[1](https://example.com) `[1]`", frozenset({1})))
    assert soup.find("sup") is None
    assert soup.find("a")["href"] == "https://example.com"  # type: ignore[index]
    assert soup.find("code").get_text() == "[1]"  # type: ignore[union-attr]


def test_render_inline_has_no_paragraph() -> None:
    html = render_inline("**強調**と[1]", frozenset({1}))
    assert not html.startswith("<p>")
    assert "<strong>強調</strong>" in html and 'href="#ref-1"' in html


def test_non_text_is_refused() -> None:
    with pytest.raises(TypeError):
        render_block(None)  # type: ignore[arg-type]


def test_environment_autoescapes_and_is_strict() -> None:
    environment = make_environment(REPO_ROOT / "templates")
    template = environment.from_string("{{ text }}|{{ text | markdown_inline }}")
    assert template.render(text="<i>x</i>") == "&lt;i&gt;x&lt;/i&gt;|&lt;i&gt;x&lt;/i&gt;"
    with pytest.raises(UndefinedError):
        environment.from_string("{{ missing }}").render()
    assert set(environment.filters) >= {"markdown", "markdown_inline"}
    assert dict(environment.globals) == {}


# Every character the parser may read, the whitespace it trims, and prose around them.
_MARKDOWN_ALPHABET = st.sampled_from(
    [*"\\`*_[]<>!&#+-=~.)(:;\"'|{}$%@^/?0123456789 \t\n\r\x00\u3000\u00a0", "日本", "語", "ａ", "a", "Z", "。", "、", "「", "」", "https://", "&amp;", "1.", "10)", "[1]"]
)


# Prose with the punctuation that is syntax only in some places (1. 10) 3.10 "…"): the fast path's share.
_PROSE_ALPHABET = st.sampled_from([*"日本語。、「」.)(:;\"'|{}$%@^/?0123456789 ", "ａ", "Z", "\u3000"])


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.lists(_MARKDOWN_ALPHABET, max_size=12), st.lists(_PROSE_ALPHABET, max_size=12)).map("".join))
def test_plain_text_fast_path_is_byte_identical_to_the_parser(text: str) -> None:
    assert render_block(text, frozenset({1})) == parse_block(text, frozenset({1}))
    assert render_inline(text, frozenset({1})) == parse_inline(text, frozenset({1}))
    assert render_block(text, frozenset({1}), phrased=True) == parse_block(text, frozenset({1}), phrased=True)
    assert render_inline(text, frozenset({1}), phrased=True) == parse_inline(text, frozenset({1}), phrased=True)
    assert plain_text(text) == parsed_plain_text(text)


def test_plain_text_fast_path_takes_prose_and_leaves_syntax_to_the_parser() -> None:
    assert plain_text_html('米ロ首脳が「停戦」で合意、"一時停止" 2025年3月18日') == "米ロ首脳が「停戦」で合意、&quot;一時停止&quot; 2025年3月18日"
    for syntax in ("**太字**", "1. 項目", "# 見出し", "a &amp; b", "[1]", "- 項目", " 前の空白", "二\n行"):
        assert plain_text_html(syntax) is None, syntax


# Strong runs and links among the characters around them that change how the parser reads them:
# flanking punctuation and spaces, stray asterisks and brackets, URLs it would rewrite or refuse.
_SPAN_ALPHABET = st.sampled_from(
    [
        "**", "*", "***", "[", "]", "](", ")", "(", "[発表資料](", "https://a.example.jp", "http://b.jp/x?y=1#z",
        "https://Upper.jp", "https://a.jp/%41_~", "https://a.jp/%zz", "https://a.jp/a b", "javascript:x",
        "ftp://a.jp", "https://xn--wgv71a.jp/", "https://a.jp:8080/p", "https://a..jp", "[1]", "1.", "# ",
        "日本", "語", "追加制裁", "「", "」", "。", "、", "!", "?", '"', "'", " ", "\u3000", "&", "\\", "_", "a", "Z",
    ]
)


@settings(max_examples=2500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_SPAN_ALPHABET, max_size=12).map("".join))
def test_strong_and_link_fast_path_is_byte_identical_to_the_parser(text: str) -> None:
    for phrased in (False, True):
        assert render_block(text, frozenset({1}), phrased=phrased) == parse_block(text, frozenset({1}), phrased=phrased)
        assert render_inline(text, frozenset({1}), phrased=phrased) == parse_inline(
            text, frozenset({1}), phrased=phrased
        )
    assert plain_text(text) == parsed_plain_text(text)


def test_strong_and_link_fast_path_takes_the_common_lines_and_leaves_the_rest_to_the_parser() -> None:
    assert inline_spans("トランプ大統領は**追加制裁**が焦点と[発表](https://www.example.jp/r/1?a=b)した。") == [
        ("text", "トランプ大統領は", ""),
        ("strong", "追加制裁", ""),
        ("text", "が焦点と", ""),
        ("link", "発表", "https://www.example.jp/r/1?a=b"),
        ("text", "した。", ""),
    ]
    assert inline_spans("米ロ首脳が合意") == [("text", "米ロ首脳が合意", "")]
    for other in (
        "**「追加」**が",  # the closing run follows punctuation and precedes a letter: not a closer
        "***強調***", "*強調*", "[1] 注", "[発表](https://a.jp/a b)", "[発表](javascript:x)", "[発表](https://A.jp)",
        "[**発表**](https://a.jp)", "**[発表](https://a.jp)**", "- **項目**", "a **b** \n c",
    ):
        assert inline_spans(other) is None, other
