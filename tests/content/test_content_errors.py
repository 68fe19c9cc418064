"""Every validation rule, with the exact message an editor sees (``path:line:column: field: message``)."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from kiku.content.loading.loader import load_article, load_config, load_site
from kiku.content.model import SiteConfig, Tag
from kiku.errors import ContentError, ContentErrors

VOCABULARY = {
    "ukraine": Tag("ukraine", "ウクライナ", "Ukraine", ("ウクライナ", "キーウ")),
    "russia": Tag("russia", "ロシア", "Russia", ("ロシア", "プーチン")),
    "united-states": Tag("united-states", "アメリカ", "United States", ("米国",)),
}


def config() -> SiteConfig:
    return SiteConfig(title="テスト", base_url="https://example.org/", tags=dict(VOCABULARY))


def errors_of(text: str) -> list[str]:
    """The messages ``load_article`` raises for ``text`` (dedented), as the CLI prints them."""
    with pytest.raises(ContentErrors) as raised:
        load_article(textwrap.dedent(text), path="content/x.yaml", slug="x", config=config())
    assert str(raised.value) == "\n".join(str(error) for error in raised.value.errors)
    return [str(error) for error in raised.value.errors]


def config_errors_of(tmp_path: Path, site_yaml: str) -> list[str]:
    (tmp_path / "site.yaml").write_text(textwrap.dedent(site_yaml), encoding="utf-8")
    with pytest.raises(ContentErrors) as raised:
        load_config(tmp_path)
    return [str(error) for error in raised.value.errors]


# --- broken YAML and document shape ------------------------------------------------------------


def test_broken_yaml_reports_the_problem_mark() -> None:
    assert errors_of("title: T\ndate: 2025-03-19\nlead: x\nbody y\n") == [
        "content/x.yaml:5:1: could not find expected ':'"
    ]


def test_broken_flow_list() -> None:
    assert errors_of("title: T\ntags: [ukraine, russia\n") == [
        "content/x.yaml:3:1: did not find expected ',' or ']'"
    ]


def test_tab_indentation_gets_a_hint() -> None:
    assert errors_of("title: T\nsections:\n\t- heading: H\n") == [
        "content/x.yaml:3:1: found character that cannot start any token"
        " (a tab character: indent with spaces)"
    ]


def test_control_character_position_counts_characters_not_bytes() -> None:
    assert errors_of("title: 日本語\nlead: a\x01b\n") == [
        "content/x.yaml:2:8: unacceptable character #x0001: control characters are not allowed"
    ]


@pytest.mark.parametrize("text", ["", "\n\n", "# コメントだけ\n"])
def test_empty_document(text: str) -> None:
    assert errors_of(text) == ["content/x.yaml:1:1: the file is empty: expected a YAML mapping of fields"]


def test_top_level_must_be_a_mapping() -> None:
    assert errors_of("- title: T\n") == [
        "content/x.yaml:1:1: expected a mapping of fields (title: …, date: …), got a list"
    ]


def test_multiple_documents() -> None:
    assert errors_of("title: T\ndate: 2025-03-19\n---\ntitle: U\n") == [
        "content/x.yaml:3:1: only one YAML document is allowed per file (remove the second '---')"
    ]


def test_duplicate_field() -> None:
    assert errors_of("title: T\ndate: 2025-03-19\ntitle: U\n") == [
        "content/x.yaml:3:1: title: duplicate field (first given at line 1)"
    ]


# --- required fields and types -----------------------------------------------------------------


def test_missing_required_field_is_reported_at_the_enclosing_mapping() -> None:
    assert errors_of("date: 2025-03-19\n") == ["content/x.yaml:1:1: title: required field is missing"]


def test_missing_required_field_in_a_section() -> None:
    assert errors_of("title: T\ndate: 2025-03-19\nsections:\n  - body: [段落]\n") == [
        "content/x.yaml:4:5: sections[0].heading: required field is missing"
    ]


def test_empty_required_field() -> None:
    assert errors_of("title:\ndate: 2025-03-19\n") == ["content/x.yaml:1:7: title: required field is empty"]
    assert errors_of("title: '  '\ndate: 2025-03-19\n") == [
        "content/x.yaml:1:8: title: required field is empty"
    ]


def test_list_of_text_of_wrong_type() -> None:
    assert errors_of(
        """\
        title: T
        date: 2025-03-19
        sections:
          - heading: H
            body:
              first: 段落
        """
    ) == ["content/x.yaml:6:7: sections[0].body: expected a list of text, got a mapping"]


def test_text_of_wrong_type() -> None:
    assert errors_of("title: [a, b]\ndate: 2025-03-19\n") == [
        "content/x.yaml:1:8: title: expected text, got a list"
    ]


def test_boolean_is_not_text() -> None:
    assert errors_of("title: T\ndate: 2025-03-19\nsections:\n  - heading: H\n    answer: yes\n") == [
        "content/x.yaml:5:13: sections[0].answer: expected text, got a boolean:"
        " write 'yes' in quotes to keep it as text"
    ]


def test_colon_inside_a_list_item_gets_a_hint() -> None:
    assert errors_of("title: T\ndate: 2025-03-19\nkey_points:\n  - 注: 速報です\n") == [
        "content/x.yaml:4:5: key_points[0]: expected text, got a mapping"
        " (a ': ' inside text starts a mapping: put the text in quotes)"
    ]


def test_empty_list_item() -> None:
    assert errors_of("title: T\ndate: 2025-03-19\noutro:\n  - 一つ目\n  -\n  - ''\n") == [
        "content/x.yaml:5:4: outro[1]: empty item (write the text or delete the line)",
        "content/x.yaml:6:5: outro[2]: empty item (write the text or delete the line)",
    ]


def test_sections_must_be_a_list() -> None:
    assert errors_of("title: T\ndate: 2025-03-19\nsections:\n  heading: H\n") == [
        "content/x.yaml:4:3: sections: expected a list of sections, got a mapping (start each item with '- ')"
    ]


def test_source_must_be_a_mapping() -> None:
    assert errors_of(
        "title: T\ndate: 2025-03-19\nsections:\n  - heading: H\n    source: https://a.jp/\n"
    ) == ["content/x.yaml:5:13: sections[0].source: expected a mapping of fields, got text 'https://a.jp/'"]


def test_off_topic_must_be_a_boolean() -> None:
    assert errors_of(
        "title: T\ndate: 2025-03-19\nsections:\n  - heading: H\n"
        "    source: {url: 'https://a.jp/', off_topic: maybe}\n"
    ) == ["content/x.yaml:5:47: sections[0].source.off_topic: expected true or false, got 'maybe'"]


# --- URLs and Markdown links -------------------------------------------------------------------


def test_source_url_must_be_http() -> None:
    assert errors_of(
        """\
        title: T
        date: 2025-03-19
        sections:
          - heading: H1
          - heading: H2
            source:
              url: javascript:alert(1)
        """
    ) == ["content/x.yaml:7:12: sections[1].source.url: not an http(s) URL: 'javascript:alert(1)'"]


def test_source_url_is_required() -> None:
    assert errors_of(
        "title: T\ndate: 2025-03-19\nsections:\n  - heading: H\n    source:\n      title: 記事\n"
    ) == ["content/x.yaml:6:7: sections[0].source.url: required field is missing"]


def test_markdown_link_to_a_non_http_url() -> None:
    assert errors_of(
        """\
        title: T
        date: 2025-03-19
        sections:
          - heading: H
            body:
              - 一段落目
              - "[公式](https://example.org/)へ"
              - "[ここ](javascript:alert(1))をクリック"
        """
    ) == ["content/x.yaml:8:9: sections[0].body[2]: link to a non-http(s) URL: 'javascript:alert(1)'"]


@pytest.mark.parametrize(
    ("markdown", "target"),
    [
        ("<javascript:alert(1)>", "javascript:alert(1)"),
        ("[x](data:text/html,x)", "data:text/html,x"),
        ("[x](/a)", "/a"),
    ],
)
def test_markdown_autolinks_data_and_relative_links_are_refused(markdown: str, target: str) -> None:
    assert errors_of(f"title: T\ndate: 2025-03-19\nlead: '{markdown}'\n") == [
        f"content/x.yaml:3:7: lead: link to a non-http(s) URL: {target!r}"
    ]


def test_plain_text_fields_are_not_markdown() -> None:
    # A title is shown as escaped text, never as a link: brackets in it are fine.
    load_article(
        "title: '[x](javascript:a)'\ndate: 2025-03-19\n", path="content/x.yaml", slug="x", config=config()
    )


# --- dates -------------------------------------------------------------------------------------


def test_date_format() -> None:
    assert errors_of("title: T\ndate: 2025/03/19\n") == [
        "content/x.yaml:2:7: date: expected a date as YYYY-MM-DD, got '2025/03/19'"
    ]


def test_date_that_does_not_exist() -> None:
    assert errors_of("title: T\ndate: 2025-02-30\n") == [
        "content/x.yaml:2:7: date: expected a date as YYYY-MM-DD, got '2025-02-30' (no such day)"
    ]


def test_published_date_format() -> None:
    assert errors_of(
        "title: T\ndate: 2025-03-19\nsections:\n  - heading: H\n"
        "    source: {url: 'https://a.jp/', published: 2025-3-9}\n"
    ) == ["content/x.yaml:5:47: sections[0].source.published: expected a date as YYYY-MM-DD, got '2025-3-9'"]


def test_date_with_a_time_is_refused() -> None:
    assert errors_of("title: T\ndate: 2025-03-19 10:00:00\n") == [
        "content/x.yaml:2:7: date: expected a date as YYYY-MM-DD, got '2025-03-19 10:00:00'"
    ]


# --- tags --------------------------------------------------------------------------------------


def test_unknown_tag_suggests_the_nearest_key() -> None:
    assert errors_of("title: T\ndate: 2025-03-19\ntags:\n  - ukrain\n") == [
        "content/x.yaml:4:5: tags[0]: unknown tag 'ukrain' (nearest known: ukraine)"
    ]


@pytest.mark.parametrize(
    ("typed", "key"), [("ウクライナ", "ukraine"), ("United States", "united-states"), ("プーチン", "russia")]
)
def test_unknown_tag_written_as_a_name_or_term_suggests_its_key(typed: str, key: str) -> None:
    assert errors_of(f"title: T\ndate: 2025-03-19\ntags: [{typed}]\n") == [
        f"content/x.yaml:3:8: tags[0]: unknown tag {typed!r} (nearest known: {key})"
    ]


def test_unknown_tag_with_nothing_close_lists_the_known_tags() -> None:
    assert errors_of("title: T\ndate: 2025-03-19\ntags: [economy]\n") == [
        "content/x.yaml:3:8: tags[0]: unknown tag 'economy' (known tags: ukraine, russia, united-states)"
    ]


def test_duplicate_tag() -> None:
    assert errors_of("title: T\ndate: 2025-03-19\ntags: [ukraine, russia, ukraine]\n") == [
        "content/x.yaml:3:25: tags[2]: duplicate tag 'ukraine' (already at tags[0])"
    ]


# --- field names and kinds ---------------------------------------------------------------------


def test_unknown_field_suggests_the_nearest_name() -> None:
    assert errors_of(
        "title: T\ndate: 2025-03-19\nsections:\n  - heading: H\n    sorce: {url: 'https://a.jp/'}\n"
    ) == ["content/x.yaml:5:5: sections[0].sorce: unknown field (did you mean 'source'?)"]


def test_unknown_field_with_nothing_close_lists_the_known_names() -> None:
    assert errors_of("title: T\ndate: 2025-03-19\nsections:\n  - heading: H\n    memo: x\n") == [
        "content/x.yaml:5:5: sections[0].memo: unknown field (known fields: heading, question, answer,"
        " comments, sources, body, reaction, source, source_comments)"
    ]


def test_encyclopedia_field_in_a_digest_article() -> None:
    assert errors_of("title: T\ndate: 2025-03-19\nreferences: []\n") == [
        "content/x.yaml:3:1: references: unknown field for a digest article"
        " (encyclopedia articles start with 'kind: encyclopedia')"
    ]


def test_digest_field_in_an_encyclopedia_article() -> None:
    assert errors_of(
        "kind: encyclopedia\ntitle: T\ndate: 2025-03-19\nintro: x\n"
        "attribution: {source: S, title: T, url: 'https://a.jp/', license: L}\n"
    ) == [
        "content/x.yaml:4:1: intro: unknown field for an encyclopedia article (only digest articles have it)"
    ]


def test_unknown_kind() -> None:
    assert errors_of("kind: news\ntitle: T\ndate: 2025-03-19\n") == [
        "content/x.yaml:1:7: kind: expected 'digest' or 'encyclopedia', got 'news'"
    ]


# --- encyclopedia ------------------------------------------------------------------------------


def test_encyclopedia_needs_an_attribution() -> None:
    assert errors_of("kind: encyclopedia\ntitle: T\ndate: 2025-03-19\n") == [
        "content/x.yaml:1:1: attribution: required field is missing"
    ]


def test_attribution_fields_are_required_and_urls_checked() -> None:
    assert errors_of(
        """\
        kind: encyclopedia
        title: T
        date: 2025-03-19
        attribution:
          url: ftp://a.jp/
          license_url: file:///etc/passwd
        """
    ) == [
        "content/x.yaml:5:3: attribution.source: required field is missing",
        "content/x.yaml:5:3: attribution.title: required field is missing",
        "content/x.yaml:5:3: attribution.license: required field is missing",
        "content/x.yaml:5:8: attribution.url: not an http(s) URL: 'ftp://a.jp/'",
        "content/x.yaml:6:16: attribution.license_url: not an http(s) URL: 'file:///etc/passwd'",
    ]


def test_reference_ids_are_positive_and_unique_and_urls_checked() -> None:
    assert errors_of(
        """\
        kind: encyclopedia
        title: T
        date: 2025-03-19
        references:
          - {id: 1, text: 一つ目}
          - {id: 1, text: 二つ目}
          - {id: 0, text: 三つ目}
          - {id: 4, text: 四つ目, url: 'mailto:a@b.jp'}
          - {id: 5}
        attribution: {source: S, title: T, url: 'https://a.jp/', license: L}
        """
    ) == [
        "content/x.yaml:6:10: references[1].id: duplicate reference id 1 (already at references[0])",
        "content/x.yaml:7:10: references[2].id: expected a positive whole number, got '0'",
        "content/x.yaml:8:29: references[3].url: not an http(s) URL: 'mailto:a@b.jp'",
        "content/x.yaml:9:5: references[4].text: required field is missing",
    ]


def test_all_problems_of_a_file_are_reported_in_document_order() -> None:
    assert errors_of("titel: T\ndate: 2025/1/1\ntags: [nope]\n") == [
        "content/x.yaml:1:1: titel: unknown field (did you mean 'title'?)",
        "content/x.yaml:1:1: title: required field is missing",
        "content/x.yaml:2:7: date: expected a date as YYYY-MM-DD, got '2025/1/1'",
        "content/x.yaml:3:8: tags[0]: unknown tag 'nope' (known tags: ukraine, russia, united-states)",
    ]


# --- site.yaml ---------------------------------------------------------------------------------


def test_config_tag_key_must_be_url_safe(tmp_path: Path) -> None:
    assert config_errors_of(
        tmp_path,
        """\
        title: T
        base_url: https://a.jp/
        tags:
          Ukraine: {ja: ウクライナ, en: Ukraine}
          united_states: {ja: アメリカ, en: United States}
        """,
    ) == [
        "site.yaml:4:3: tags.Ukraine: tag key must be lowercase ASCII words joined by '-'",
        "site.yaml:5:3: tags.united_states: tag key must be lowercase ASCII words joined by '-'",
    ]


def test_config_unknown_key_and_missing_fields(tmp_path: Path) -> None:
    assert config_errors_of(tmp_path, "titel: T\nper_page: 0\ntags:\n  nato: {ja: NATO}\n") == [
        "site.yaml:1:1: titel: unknown field (did you mean 'title'?)",
        "site.yaml:1:1: title: required field is missing",
        "site.yaml:1:1: base_url: required field is missing",
        "site.yaml:2:11: per_page: expected a positive whole number, got '0'",
        "site.yaml:4:9: tags.nato.en: required field is missing",
    ]


def test_config_base_url_must_be_http(tmp_path: Path) -> None:
    assert config_errors_of(tmp_path, "title: T\nbase_url: example.org\nlanguage: 日本語\n") == [
        "site.yaml:2:11: base_url: not an http(s) URL: 'example.org'",
        "site.yaml:3:11: language: expected a language code such as 'ja' or 'en-US', got '日本語'",
    ]


def test_config_base_url_without_query_and_duplicate_tag_keys(tmp_path: Path) -> None:
    assert config_errors_of(
        tmp_path,
        """\
        title: T
        base_url: https://a.jp/?x=1
        tags:
          nato: {ja: NATO, en: NATO, terms: NATO}
          nato: {ja: 北大西洋条約機構, en: NATO}
        """,
    ) == [
        "site.yaml:2:11: base_url: must not have a query or a fragment",
        "site.yaml:5:3: tags.nato: duplicate tag key (first given at line 4)",
    ]


def test_config_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ContentErrors) as raised:
        load_config(tmp_path)
    assert [str(error) for error in raised.value.errors] == [
        "site.yaml: cannot read the file: No such file or directory"
    ]


# --- the whole site ----------------------------------------------------------------------------


def test_load_site_reports_every_problem_of_every_file_sorted_by_path(tmp_path: Path) -> None:
    content = tmp_path / "content"
    content.mkdir()
    (tmp_path / "site.yaml").write_text(
        "title: T\nbase_url: https://a.jp/\ntags:\n  nato: {ja: NATO, en: NATO}\n"
    )
    (content / "c-ok.yaml").write_text("title: 正常\ndate: 2025-03-19\n", encoding="utf-8")
    (content / "b-bad.yaml").write_text("title: T\ndate: 2025/03/19\ntags: [nat]\n", encoding="utf-8")
    (content / "a-bad.yaml").write_text("date: 2025-03-19\n", encoding="utf-8")
    (content / "d-bad.yaml").write_text("title: [broken\n", encoding="utf-8")
    (content / "e.yml").write_text("title: T\n", encoding="utf-8")
    with pytest.raises(ContentErrors) as raised:
        load_site(tmp_path)
    assert [str(error) for error in raised.value.errors] == [
        "content/a-bad.yaml:1:1: title: required field is missing",
        "content/b-bad.yaml:2:7: date: expected a date as YYYY-MM-DD, got '2025/03/19'",
        "content/b-bad.yaml:3:8: tags[0]: unknown tag 'nat' (nearest known: nato)",
        "content/d-bad.yaml:2:1: did not find expected ',' or ']'",
        "content/e.yml: content files must end in '.yaml': rename it",
    ]


def test_load_site_with_a_broken_config_still_checks_the_articles(tmp_path: Path) -> None:
    (tmp_path / "content").mkdir()
    (tmp_path / "site.yaml").write_text("title: T\n")
    (tmp_path / "content" / "a.yaml").write_text("title: T\ndate: 2025-13-01\ntags: [anything]\n")
    with pytest.raises(ContentErrors) as raised:
        load_site(tmp_path)
    assert raised.value.errors == (
        ContentError(
            "content/a.yaml", "expected a date as YYYY-MM-DD, got '2025-13-01' (no such day)", 2, 7, "date"
        ),
        ContentError("site.yaml", "required field is missing", 1, 1, "base_url"),
    )


def test_load_site_refuses_file_names_that_are_not_url_safe(tmp_path: Path) -> None:
    (tmp_path / "content").mkdir()
    (tmp_path / "site.yaml").write_text("title: T\nbase_url: https://a.jp/\n")
    (tmp_path / "content" / "米ロ 会談.yaml").write_text("title: T\ndate: 2025-03-19\n")
    with pytest.raises(ContentErrors) as raised:
        load_site(tmp_path)
    assert [str(error) for error in raised.value.errors] == [
        "content/米ロ 会談.yaml: the file name '米ロ 会談' becomes the article's URL: use only ASCII letters,"
        " digits and '-', '_', '.', '~' (starting with a letter or digit)"
    ]


def test_load_site_refuses_slugs_differing_only_by_case(tmp_path: Path) -> None:
    content = tmp_path / "content"
    content.mkdir()
    (tmp_path / "site.yaml").write_text("title: T\nbase_url: https://a.jp/\n")
    (content / "nato.yaml").write_text("title: T\ndate: 2025-03-19\n")
    (content / "NATO.yaml").write_text("title: T\ndate: 2025-03-19\n")
    if len(list(content.iterdir())) < 2:
        pytest.skip("case-insensitive file system")
    with pytest.raises(ContentErrors) as raised:
        load_site(tmp_path)
    assert [str(error) for error in raised.value.errors] == [
        "content/nato.yaml: slug 'nato' is the same as content/NATO.yaml (file names differ only by case)"
    ]


def test_invalid_utf8_is_reported_with_its_position(tmp_path: Path) -> None:
    (tmp_path / "content").mkdir()
    (tmp_path / "site.yaml").write_text("title: T\nbase_url: https://a.jp/\n")
    (tmp_path / "content" / "a.yaml").write_bytes(
        "title: 日本\ndate: 2025-03-19\nlead: ".encode() + b"\x82\xa0\n"
    )
    with pytest.raises(ContentErrors) as raised:
        load_site(tmp_path)
    assert [str(error) for error in raised.value.errors] == [
        "content/a.yaml:3:7: not valid UTF-8 (byte 0x82): save the file as UTF-8"
    ]


def test_source_and_sources_together_are_refused() -> None:
    assert errors_of(
        "title: T\ndate: 2025-03-19\nsections:\n  - heading: H\n    sources: [{url: 'https://a.jp/'}]\n"
        "    source: {url: 'https://b.jp/'}\n"
    ) == ["content/x.yaml:6:13: sections[0].source: 'source' is the one-card form of 'sources': give either, "
          "not both (move the card into 'sources' with its remarks as its 'comments')"]


def test_remarks_on_a_missing_source_are_refused() -> None:
    assert errors_of(
        "title: T\ndate: 2025-03-19\nsections:\n  - heading: H\n    source_comments: [読んで。]\n"
    ) == ["content/x.yaml:5:22: sections[0].source_comments: remarks on a source card, but the section has "
          "no 'source' (add the card, or move the remarks to 'comments')"]


def test_a_card_in_sources_names_its_place_in_errors() -> None:
    assert errors_of(
        "title: T\ndate: 2025-03-19\nsections:\n  - heading: H\n    sources:\n      - {url: 'https://a.jp/'}\n"
        "      - {title: X}\n"
    ) == ["content/x.yaml:7:9: sections[0].sources[1].url: required field is missing"]
