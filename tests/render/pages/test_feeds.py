"""The Atom feeds: valid against RFC 4287's schema, and what a feed reader shows is right."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest
from lxml import etree

from kiku.build import render_site
from tests.support.sample_site import (
    BASE_URL,
    ENCYCLOPEDIA,
    PEACE_TALKS,
    PHONE_CALL,
    REPO_ROOT,
    sample_site,
    with_articles,
)

ATOM_NS = "http://www.w3.org/2005/Atom"
A = f"{{{ATOM_NS}}}"
SCHEMA = Path(__file__).resolve().parents[2] / "atom" / "rfc4287.rng"
HOSTILE = '"</script><script>alert(1)</script>'
RFC3339 = "%Y-%m-%dT%H:%M:%S%z"


@pytest.fixture(scope="module")
def schema() -> etree.RelaxNG:
    return etree.RelaxNG(etree.parse(SCHEMA))


@pytest.fixture(scope="module")
def out_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("feeds") / "_site"
    render_site(sample_site(), REPO_ROOT, out)
    return out


def _feed(out_dir: Path, path: str = "feed.xml") -> etree._Element:
    return etree.parse(out_dir / path).getroot()


def _all_feeds(out_dir: Path) -> list[Path]:
    return sorted(out_dir.rglob("feed.xml"))


def _text(element: etree._Element, name: str) -> str:
    found = element.find(f"{A}{name}")
    assert found is not None, f"no atom:{name} in {element.tag}"
    return "".join(found.itertext())


def test_every_feed_is_valid_atom(schema: etree.RelaxNG, out_dir: Path) -> None:
    feeds = _all_feeds(out_dir)
    assert len(feeds) == 1 + 5 + 5  # the site, each of the five tags in use, each of the five outlets cited
    for path in feeds:
        document = etree.parse(path)
        assert schema.validate(document), f"{path}: {schema.error_log}"


def test_schema_rejects_a_date_only_updated(schema: etree.RelaxNG, out_dir: Path) -> None:
    # The schema test can fail: the same feed with a bare date is invalid Atom.
    text = (out_dir / "feed.xml").read_text(encoding="utf-8")
    broken = text.replace("<updated>2025-03-19T00:00:00+09:00</updated>", "<updated>2025-03-19</updated>", 1)
    assert broken != text
    assert not schema.validate(etree.fromstring(broken.encode("utf-8")))


def test_required_elements_and_the_schematron_rules(out_dir: Path) -> None:
    """What the schema's Schematron annotations say, which lxml's RELAX NG does not check."""
    for path in _all_feeds(out_dir):
        feed = etree.parse(path).getroot()
        assert feed.tag == f"{A}feed" and feed.get("{http://www.w3.org/XML/1998/namespace}lang") == "ja"
        for name in ("id", "title", "updated"):
            assert _text(feed, name).strip(), (path, name)
        assert _text(feed.find(f"{A}author"), "name") == "菊 Chrysanthemum Digest"  # type: ignore[arg-type]
        links = {link.get("rel"): link.get("href") for link in feed.iter(f"{A}link") if link.getparent() is feed}
        assert set(links) == {"self", "alternate"}
        for entry in feed.iter(f"{A}entry"):
            for name in ("id", "title", "updated", "published", "summary"):
                assert _text(entry, name).strip(), (path, name)
            alternates = entry.findall(f"{A}link[@rel='alternate']")
            assert len(alternates) == 1 and alternates[0].get("type") == "text/html"


def test_site_feed_entries(out_dir: Path) -> None:
    feed = _feed(out_dir)
    assert _text(feed, "id") == BASE_URL + "feed.xml"
    assert _text(feed, "title") == "菊 Chrysanthemum Digest"
    assert _text(feed, "subtitle") == "海外ニュースを日本語でまとめて読むダイジェスト。出典へのリンク付き。"
    assert feed.find(f"{A}link[@rel='alternate']").get("href") == BASE_URL  # type: ignore[union-attr]
    assert _text(feed, "updated") == "2025-03-19T00:00:00+09:00"  # the newest entry, not the build time
    entries = feed.findall(f"{A}entry")
    site = sample_site()
    assert [_text(entry, "title") for entry in entries] == [article.title for article in site.articles]
    first = entries[0]
    url = f"{BASE_URL}articles/{PHONE_CALL.slug}/"
    assert _text(first, "id") == url
    assert first.find(f"{A}link").get("href") == url  # type: ignore[union-attr]
    assert _text(first, "published") == _text(first, "updated") == "2025-03-19T00:00:00+09:00"
    assert _text(first, "summary") == PHONE_CALL.lead
    assert first.find(f"{A}summary").get("type") == "text"  # type: ignore[union-attr]
    categories = [(c.get("term"), c.get("label"), c.get("scheme")) for c in first.iter(f"{A}category")]
    assert categories == [
        ("ukraine", "ウクライナ / Ukraine", BASE_URL + "tags/"),
        ("russia", "ロシア / Russia", BASE_URL + "tags/"),
        ("united-states", "アメリカ / United States", BASE_URL + "tags/"),
        ("ceasefire", "停戦 / Ceasefire", BASE_URL + "tags/"),
    ]
    encyclopedia = entries[1]
    assert _text(encyclopedia, "id") == f"{BASE_URL}articles/{ENCYCLOPEDIA.slug}/"
    summary = _text(encyclopedia, "summary")
    assert "電話会談である。" in summary and "[1]" not in summary  # first paragraph, footnote markers gone


def test_entry_dates_are_rfc3339_date_times(out_dir: Path) -> None:
    for path in _all_feeds(out_dir):
        for element in etree.parse(path).iter(f"{A}updated", f"{A}published"):
            parsed = dt.datetime.strptime(element.text or "", RFC3339)
            assert parsed.utcoffset() == dt.timedelta(hours=9), (path, element.text)


def test_tag_feed_has_exactly_the_tagged_articles(out_dir: Path) -> None:
    feed = _feed(out_dir, "tags/saudi-arabia/feed.xml")
    assert _text(feed, "id") == BASE_URL + "tags/saudi-arabia/feed.xml"
    assert _text(feed, "title") == "菊 Chrysanthemum Digest: サウジアラビア · Saudi Arabia"
    assert feed.find(f"{A}link[@rel='alternate']").get("href") == BASE_URL + "tags/saudi-arabia/"  # type: ignore[union-attr]
    ids = [_text(entry, "id") for entry in feed.iter(f"{A}entry")]
    assert ids == [f"{BASE_URL}articles/{PEACE_TALKS.slug}/"]
    assert _text(feed, "updated") == "2025-02-19T00:00:00+09:00"


def test_ids_do_not_change_between_builds_or_with_new_articles(tmp_path: Path) -> None:
    render_site(with_articles(sample_site(), ENCYCLOPEDIA, PEACE_TALKS), REPO_ROOT, tmp_path / "before")
    render_site(sample_site(), REPO_ROOT, tmp_path / "after")
    before = {_text(e, "title"): _text(e, "id") for e in _feed(tmp_path / "before").iter(f"{A}entry")}
    after = {_text(e, "title"): _text(e, "id") for e in _feed(tmp_path / "after").iter(f"{A}entry")}
    assert before.items() <= after.items() and len(after) == len(before) + 1


def test_hostile_text_is_escaped_in_the_feed(schema: etree.RelaxNG, tmp_path: Path) -> None:
    card = replace(PHONE_CALL.sections[0].sources[0], title=HOSTILE)
    hostile = replace(
        PHONE_CALL,
        title=HOSTILE + " & <b>太字</b>\x0b",
        lead=f"{HOSTILE} リード",
        sections=(replace(PHONE_CALL.sections[0], sources=(card,)),),
    )
    render_site(with_articles(sample_site(), hostile), REPO_ROOT, tmp_path / "_site")
    raw = (tmp_path / "_site" / "feed.xml").read_text(encoding="utf-8")
    assert "<script>" not in raw and "</script>" not in raw and "<b>" not in raw
    document = etree.fromstring(raw.encode("utf-8"))
    assert schema.validate(document), schema.error_log
    entry = document.find(f"{A}entry")
    assert entry is not None
    assert _text(entry, "title") == HOSTILE + " & <b>太字</b>"  # the text, intact, minus the control character
    assert _text(entry, "summary") == f"{HOSTILE} リード"
