"""kiku serve's rebuild: exactly the pages a change affects are re-rendered, errors lose nothing."""

from __future__ import annotations

import gzip
import json
from collections.abc import Sequence
from pathlib import Path

import pytest

from kiku.content.model import Article
from kiku.render.writing.other_files.identity import IDENTITY_URLS
from kiku.search.encoding.records import LENGTHS_PATH, read_record
from kiku.search.encoding.shards import decode_postings
from kiku.search.entries.article import EntryData, NumberedTag, index_articles
from kiku.serve.errorpage import error_page
from kiku.serve.incremental import Change, Outcome, PreviewBuilder, Reload, preview_environment
from kiku.serve.output import write_atomically
from kiku.serve.templates import template_dependencies
from tests.support.serve_site import (
    PHONE_CALL_FILE,
    PHONE_CALL_SLUG,
    PHONE_CALL_TAGS,
    PHONE_CALL_TITLE,
    copy_site,
    replace_in,
)

ALL_TAGS = (
    "ukraine", "russia", "united-states", "ceasefire", "diplomacy", "nato", "economic-cooperation", "europe",
    "saudi-arabia", "sanctions", "prisoner-exchange", "energy",
)

# The site's Atom feed and its tags' feeds list the article's title.
FEEDS_OF_PHONE_CALL = {"feed.xml"} | {f"tags/{tag}/feed.xml" for tag in PHONE_CALL_TAGS}


@pytest.fixture
def site(tmp_path: Path) -> Path:
    return copy_site(tmp_path / "site")


@pytest.fixture
def builder(site: Path, tmp_path: Path) -> PreviewBuilder:
    built = PreviewBuilder(site, tmp_path / "preview")
    first = built.rebuild()
    assert first.error is None
    return built


def _visible(page: Path) -> str:
    """A written page's text without the phrase breaks (<wbr>) headlines carry."""
    return page.read_text(encoding="utf-8").replace("<wbr>", "")


def _rebuild(builder: PreviewBuilder, *changed: Path) -> Outcome:
    return builder.rebuild(Change.of(builder.site_root, changed))


def _page(url: str) -> str:
    return url + "index.html"


def _showing(builder: PreviewBuilder, text: str) -> set[str]:
    """The written pages and feeds whose text holds ``text``."""
    return {
        path.relative_to(builder.out_dir).as_posix()
        for path in builder.out_dir.rglob("*")
        if path.suffix in (".html", ".xml") and text in _visible(path)
    }


def test_first_build_writes_every_page_and_static_file(builder: PreviewBuilder) -> None:
    out = builder.out_dir
    assert (out / "index.html").is_file()
    assert (out / "static" / "style.css").read_bytes() == (builder.site_root / "static" / "style.css").read_bytes()
    assert {path.parent.name for path in (out / "tags").glob("*/index.html")} == set(ALL_TAGS)
    assert b"livereload" not in (out / "index.html").read_bytes()  # injected when served, never written


def test_title_edit_rerenders_the_article_the_home_page_and_its_tag_pages_only(
    builder: PreviewBuilder, site: Path
) -> None:
    article = site / "content" / PHONE_CALL_FILE
    replace_in(article, f"title: {PHONE_CALL_TITLE}", "title: 新しい見出し")
    showing_title = _showing(builder, PHONE_CALL_TITLE)
    # Besides its own page, its tags' pages and feeds: the pages linking to it by title.
    assert {"index.html", "archive/2025/03/index.html", *FEEDS_OF_PHONE_CALL} <= showing_title
    assert {_page(f"tags/{tag}/") for tag in PHONE_CALL_TAGS} <= showing_title

    outcome = _rebuild(builder, article)

    assert set(outcome.written) == showing_title
    assert outcome.error is None and outcome.removed == ()
    assert outcome.reloads == (Reload("/"),)
    assert _showing(builder, "新しい見出し") == showing_title
    assert PHONE_CALL_TITLE not in _visible(builder.out_dir / "tags" / "nato" / "index.html")


def test_body_edit_rerenders_only_the_article(builder: PreviewBuilder, site: Path) -> None:
    article = site / "content" / PHONE_CALL_FILE
    replace_in(article, "今回の会談は、ウクライナ情勢の進展に", "今回の首脳会談は、ウクライナ情勢の進展に")

    outcome = _rebuild(builder, article)

    assert outcome.written == (_page(f"articles/{PHONE_CALL_SLUG}/"),)
    assert outcome.reloads == (Reload(f"/articles/{PHONE_CALL_SLUG}/"),)
    # The search index: the article's record's pack (it is the second newest), the shard of 首脳, and
    # the units' lengths when its unit's changed (首脳 is in the unit's other records: it did not here).
    assert set(outcome.index_written) - {"search/records/lengths.bin.gz"} == {"search/records/0.bin", "search/shards/0.json.gz"}


def test_an_edit_reindexes_that_article_only(
    builder: PreviewBuilder, site: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    indexed: list[str] = []

    def counting(jobs: Sequence[tuple[Article, tuple[NumberedTag, ...]]]) -> list[EntryData]:
        indexed.extend(article.slug for article, _ in jobs)
        return index_articles(jobs)

    monkeypatch.setattr("kiku.search.entries.article.index_articles", counting)
    article = site / "content" / PHONE_CALL_FILE
    replace_in(article, "今回の会談は、ウクライナ情勢の進展に", "今回の会談は、ズヴェズダ情勢の進展に")

    outcome = _rebuild(builder, article)

    assert indexed == [PHONE_CALL_SLUG]
    assert set(outcome.index_written) - {"search/records/lengths.bin.gz"} == {"search/records/0.bin", "search/shards/0.json.gz"}
    shard = json.loads(gzip.decompress((builder.out_dir / "search" / "shards" / "0.json.gz").read_bytes()))
    manifest = json.loads((builder.out_dir / "search" / "manifest.json").read_bytes())
    second_newest = manifest["articles"] - 2  # the index numbers the articles oldest first
    assert decode_postings(shard["ズヴ"]) == [(second_newest, False)]
    files = {path: (builder.out_dir / path).read_bytes() for path in ("search/records/0.bin", LENGTHS_PATH)}
    record = read_record(files, second_newest)
    assert record["u"] == f"articles/{PHONE_CALL_SLUG}/index.html"
    assert any("ズヴェズダ情勢" in field for field in record["x"])


def test_an_unchanged_save_rerenders_nothing_and_reloads_nothing(builder: PreviewBuilder, site: Path) -> None:
    article = site / "content" / PHONE_CALL_FILE
    article.write_bytes(article.read_bytes())

    assert _rebuild(builder, article) == Outcome()


def test_a_template_change_rerenders_the_pages_that_include_it(builder: PreviewBuilder, site: Path) -> None:
    templates = site / "templates"
    (templates / "_count_note.html").write_text("<p class=\"count-note\">初版</p>\n", encoding="utf-8")
    replace_in(templates / "tags.html", '{% import "_macros.html"', '{% include "_count_note.html" %}\n{% import "_macros.html"')
    assert set(_rebuild(builder, templates / "tags.html", templates / "_count_note.html").written) == {_page("tags/")}

    (templates / "_count_note.html").write_text("<p class=\"count-note\">第二版</p>\n", encoding="utf-8")
    outcome = _rebuild(builder, templates / "_count_note.html")

    assert outcome.written == (_page("tags/"),)
    assert "第二版" in _visible(builder.out_dir / "tags" / "index.html")


def test_a_change_to_the_base_template_rerenders_every_page(builder: PreviewBuilder, site: Path) -> None:
    templates = site / "templates"
    replace_in(templates / "base.html", '<a class="skip-link"', '<a class="skip-link" data-edited="1"')

    outcome = _rebuild(builder, templates / "base.html")

    pages = {path.relative_to(builder.out_dir).as_posix() for path in builder.out_dir.rglob("*.html")}
    # home, articles, tags, tag pages, 404, search, sources and its outlets, the archive and its months
    assert set(outcome.written) == pages and len(pages) == 1 + 5 + 1 + len(ALL_TAGS) + 1 + 1 + 1 + 6 + 1 + 2


def test_a_css_change_copies_that_file_and_asks_for_a_live_css_reload(builder: PreviewBuilder, site: Path) -> None:
    stylesheet = site / "static" / "style.css"
    stylesheet.write_text(stylesheet.read_text(encoding="utf-8") + "\n.kiku-test { color: red; }\n", encoding="utf-8")

    outcome = _rebuild(builder, stylesheet)

    assert outcome.written == ("static/style.css",)
    assert outcome.reloads == (Reload("/static/style.css", live_css=True),)
    assert (builder.out_dir / "static" / "style.css").read_bytes() == stylesheet.read_bytes()


def test_a_static_change_in_a_save_that_failed_is_copied_by_the_next_good_save(
    builder: PreviewBuilder, site: Path
) -> None:
    article = site / "content" / PHONE_CALL_FILE
    stylesheet = site / "static" / "style.css"
    stylesheet.write_text(stylesheet.read_text(encoding="utf-8") + "\n.kiku-test { color: red; }\n", encoding="utf-8")
    replace_in(article, "date: 2025-03-19", "date: 2025-13-40")
    assert _rebuild(builder, stylesheet, article).error is not None

    replace_in(article, "date: 2025-13-40", "date: 2025-03-19")
    outcome = _rebuild(builder, article)  # names the article alone: static/ changed in the save before

    assert outcome.error is None and "static/style.css" in outcome.written
    assert (builder.out_dir / "static" / "style.css").read_bytes() == stylesheet.read_bytes()


def test_site_yaml_change_rerenders_everything(builder: PreviewBuilder, site: Path) -> None:
    replace_in(site / "site.yaml", "per_page: 10", "per_page: 2")

    outcome = _rebuild(builder, site / "site.yaml")

    assert {"index.html", "page/2/index.html", "page/3/index.html", "tags/ukraine/page/2/index.html"} <= set(
        outcome.written
    )
    out = builder.out_dir
    every_page = {path.relative_to(out).as_posix() for path in out.rglob("*") if path.is_file()} - {
        path.relative_to(out).as_posix() for path in (out / "static").rglob("*")
    } - {path.relative_to(out).as_posix() for path in (out / "search").rglob("*.*") if path.name != "index.html"} - set(
        IDENTITY_URLS
    )
    assert set(outcome.written) == every_page
    assert outcome.index_written == ()  # per_page is nothing the index holds


def test_a_deleted_article_loses_its_page(builder: PreviewBuilder, site: Path) -> None:
    article = site / "content" / PHONE_CALL_FILE
    article.unlink()

    outcome = _rebuild(builder, article)

    assert set(outcome.removed) == {
        _page(f"articles/{PHONE_CALL_SLUG}/"), _page("tags/prisoner-exchange/"), "tags/prisoner-exchange/feed.xml",
        _page("sources/outlet_4710aec6fc/"), "sources/outlet_4710aec6fc/feed.xml",  # クーリエ・ジャポン: cited here only
    }
    assert not (builder.out_dir / "articles" / PHONE_CALL_SLUG).exists()
    assert "index.html" in outcome.written


def test_a_content_error_writes_nothing_and_the_next_good_save_recovers(builder: PreviewBuilder, site: Path) -> None:
    article = site / "content" / PHONE_CALL_FILE
    page = builder.out_dir / "articles" / PHONE_CALL_SLUG / "index.html"
    before = page.read_bytes()
    replace_in(article, "date: 2025-03-19", "date: <b>2025-13-40</b>")

    broken = _rebuild(builder, article)

    assert broken.error == (
        f"content/{PHONE_CALL_FILE}:3:7: date: expected a date as YYYY-MM-DD, got '<b>2025-13-40</b>'"
    )
    assert builder.error == broken.error
    assert broken.written == () and broken.reloads == (Reload("/"),)
    assert page.read_bytes() == before

    replace_in(article, "date: <b>2025-13-40</b>", "date: 2025-03-19")
    recovered = _rebuild(builder, article)

    assert recovered.error is None and builder.error is None
    assert recovered.reloads == (Reload("/"),)  # away from the error page, though no page changed


def test_a_template_syntax_error_names_the_template_and_line(builder: PreviewBuilder, site: Path) -> None:
    templates = site / "templates"
    replace_in(templates / "tags.html", "{% block content %}", "{% block content %}{% if %}")

    outcome = _rebuild(builder, templates / "tags.html")

    assert outcome.error == "templates/tags.html:3: Expected an expression, got 'end of statement block'"


def test_the_error_page_escapes_the_error() -> None:
    page = error_page("content/x.yaml:5:7: date: expected a date as YYYY-MM-DD, got '<script>alert(1)</script>'").decode()
    assert "<script>alert(1)</script>" not in page
    assert (
        "content/x.yaml:5:7: date: expected a date as YYYY-MM-DD, got &#x27;&lt;script&gt;alert(1)&lt;/script&gt;&#x27;"
        in page
    )


def test_atomic_write_leaves_no_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "a" / "index.html"
    write_atomically(target, b"one")
    write_atomically(target, b"two")
    assert target.read_bytes() == b"two"
    assert [path.name for path in target.parent.iterdir()] == ["index.html"]


def test_pages_nobody_views_are_rendered_after_the_reload_or_when_requested(
    builder: PreviewBuilder, site: Path
) -> None:
    article = site / "content" / PHONE_CALL_FILE
    article_page = _page(f"articles/{PHONE_CALL_SLUG}/")
    others = _showing(builder, PHONE_CALL_TITLE) - {article_page}
    replace_in(article, f"title: {PHONE_CALL_TITLE}", "title: 見ている記事")

    outcome = builder.rebuild(Change.of(site, [article]), viewed={article_page})

    assert outcome.written == (article_page,)
    assert set(outcome.deferred) == others == builder.deferred
    assert "見ている記事" in _visible(builder.out_dir / article_page)
    ukraine = builder.out_dir / "tags" / "ukraine" / "index.html"
    assert "見ている記事" not in _visible(ukraine)  # not yet: nobody asked

    builder.ensure_current("tags/ukraine/index.html")  # a browser asks for it before its turn
    assert "見ている記事" in _visible(ukraine)

    later = builder.render_deferred(should_pause=lambda: False)

    assert set(later.written) == others - {"tags/ukraine/index.html"}
    assert later.reloads == () and builder.deferred == frozenset()
    assert _showing(builder, "見ている記事") == others | {article_page}


def test_deferred_pages_are_taken_over_by_the_next_rebuild(builder: PreviewBuilder, site: Path) -> None:
    article = site / "content" / PHONE_CALL_FILE
    article_page = _page(f"articles/{PHONE_CALL_SLUG}/")
    showing_title = _showing(builder, PHONE_CALL_TITLE)
    replace_in(article, f"title: {PHONE_CALL_TITLE}", "title: 一度目")
    builder.rebuild(Change.of(site, [article]), viewed={article_page})
    assert builder.render_deferred(should_pause=lambda: True) == Outcome()  # a new save is waiting

    replace_in(article, "今回の会談は、ウクライナ情勢の進展に", "今回の首脳会談は、ウクライナ情勢の進展に")
    outcome = builder.rebuild(Change.of(site, [article]))  # nobody connected: everything now

    assert set(outcome.written) == showing_title
    assert builder.deferred == frozenset()
    assert "一度目" in _visible(builder.out_dir / "tags" / "ukraine" / "index.html")


def test_templates_use_what_they_extend_import_and_include(site: Path) -> None:
    uses = template_dependencies(preview_environment(site / "templates"))
    assert uses["article.html"] == {"article.html", "base.html", "_macros.html"}
    assert uses["base.html"] == {"base.html"}
    (site / "templates" / "dynamic.html").write_text('{% include page_name %}', encoding="utf-8")
    assert template_dependencies(preview_environment(site / "templates"))["dynamic.html"] == set(uses) | {
        "dynamic.html"
    }


def test_templates_kept_parsed_are_parsed_again_when_their_source_changed(site: Path) -> None:
    known: dict[tuple[str, str], set[str]] = {}
    first = template_dependencies(preview_environment(site / "templates"), known)
    assert "_count_note.html" not in first["tags.html"]
    (site / "templates" / "_count_note.html").write_text("<p>初版</p>\n", encoding="utf-8")
    replace_in(site / "templates" / "tags.html", '{% import "_macros.html"', '{% include "_count_note.html" %}\n{% import "_macros.html"')

    again = template_dependencies(preview_environment(site / "templates"), known)

    assert again == template_dependencies(preview_environment(site / "templates"))  # as if none were kept
    assert "_count_note.html" in again["tags.html"]
    assert {name for name, _ in known} == set(again)  # the old tags.html is forgotten


def test_scraped_pages_the_preview_folder_and_other_files_are_not_changes(site: Path) -> None:
    assert Change.of(site, [site / "scraped" / "000.txt", site / "_site" / "index.html", site / "README.md"]).is_empty
    assert Change.of(site, [site / "content" / "a.yaml"]) == Change(content=frozenset({"a.yaml"}))
    assert Change.of(site, [site / "site.yaml"]) == Change(config=True)
    assert Change.of(site, [site / "templates" / "partials" / "x.html"]) == Change(templates=frozenset({"partials/x.html"}))
    assert Change.of(site, [site / "static"]) == Change(everything=True)


def test_the_error_page_lists_one_problem_per_item() -> None:
    page = error_page("content/a.yaml:1:8: title: required field is empty\nstatic/key.txt: a FIFO\n").decode()
    assert ('<ul class="kiku-build-error"><li>content/a.yaml:1:8: title: required field is empty</li>'
            "<li>static/key.txt: a FIFO</li></ul>") in page
    assert "prefers-color-scheme: dark" in page
