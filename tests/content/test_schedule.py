"""Scheduled articles: an article dated after today (in Japan) is published on its date, not before.

"Today" is injected with SOURCE_DATE_EPOCH (a process) or ``build(today=…)`` (in process).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from kiku.build import build
from tests.support.kiku_process import files_under, run_kiku
from tests.support.serve_process import ServeProcess
from tests.support.serve_site import copy_site

SLUG = "2025-04-10-scheduled"
TITLE = "予約投稿:四月十日に公開される記事"
UTC = dt.UTC
JUST_BEFORE = int(dt.datetime(2025, 4, 9, 14, 59, 59, tzinfo=UTC).timestamp())  # 23:59:59 in Japan on the 9th
MIDNIGHT = int(dt.datetime(2025, 4, 9, 15, 0, 0, tzinfo=UTC).timestamp())  # 00:00 in Japan on the 10th
SCHEDULED_LINE = (f"kiku: 1 scheduled article(s) not published yet; the next, content/{SLUG}.yaml, goes live on "
                  "2025-04-10 (00:00 in Japan); kiku build --future publishes them now")


@pytest.fixture()
def site(tmp_path: Path) -> Path:
    root = copy_site(tmp_path / "site")
    (root / "content" / f"{SLUG}.yaml").write_text(
        f"title: {TITLE}\ndate: 2025-04-10\nlead: 予約した記事です。\ntags: [ukraine]\n", encoding="utf-8")
    return root


def _mentions(out_dir: Path) -> list[str]:
    return sorted(path for path, data in files_under(out_dir).items() if TITLE.encode() in data or SLUG.encode() in data)


def test_an_article_dated_tomorrow_in_japan_is_not_published(site: Path) -> None:
    result = run_kiku("build", "--site", str(site), env={"SOURCE_DATE_EPOCH": str(JUST_BEFORE)})
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[1:] == [SCHEDULED_LINE]
    assert _mentions(site / "_site") == []  # no page, and not in the lists, tags, feeds or sitemap


def test_it_is_published_from_midnight_in_japan_on_its_date(site: Path) -> None:
    result = run_kiku("build", "--site", str(site), env={"SOURCE_DATE_EPOCH": str(MIDNIGHT)})
    assert result.returncode == 0, result.stderr
    assert len(result.stdout.splitlines()) == 1  # nothing scheduled any more
    mentions = _mentions(site / "_site")
    assert {f"articles/{SLUG}/index.html", "index.html", "feed.xml", "sitemap.xml",
            "tags/ukraine/index.html"} <= set(mentions)


def test_build_future_publishes_it_now(site: Path) -> None:
    result = run_kiku("build", "--site", str(site), "--future", env={"SOURCE_DATE_EPOCH": str(JUST_BEFORE)})
    assert result.returncode == 0, result.stderr
    assert len(result.stdout.splitlines()) == 1
    assert f"articles/{SLUG}/index.html" in _mentions(site / "_site")


def test_today_is_a_parameter_of_build(site: Path, tmp_path: Path) -> None:
    report = build(site, tmp_path / "out", today=dt.date(2025, 4, 9))
    assert [article.slug for article in report.scheduled] == [SLUG]
    assert _mentions(tmp_path / "out") == []
    report = build(site, tmp_path / "out", today=dt.date(2025, 4, 10))
    assert report.scheduled == ()


def test_the_next_one_to_go_live_is_named(site: Path) -> None:
    (site / "content" / "2025-06-01-later.yaml").write_text("title: もっと後\ndate: 2025-06-01\n", encoding="utf-8")
    result = run_kiku("build", "--site", str(site), env={"SOURCE_DATE_EPOCH": str(JUST_BEFORE)})
    assert result.stdout.splitlines()[1] == SCHEDULED_LINE.replace("1 scheduled", "2 scheduled")


def test_the_preview_leaves_it_out_like_the_build(site: Path) -> None:
    (site / "content" / f"{SLUG}.yaml").write_text(
        f"title: {TITLE}\ndate: 2999-01-01\nlead: 遠い未来。\n", encoding="utf-8")
    server = ServeProcess(site)
    try:
        assert server.get(f"/articles/{SLUG}/")[0] == 404
        assert TITLE not in server.get("/")[1]
    finally:
        assert server.stop() == 0
    server = ServeProcess(site, "--future")
    try:
        assert server.get(f"/articles/{SLUG}/")[0] == 200
    finally:
        assert server.stop() == 0


def test_check_warns_about_a_date_more_than_a_year_ahead(site: Path) -> None:
    (site / "content" / "2999-01-01-typo.yaml").write_text("title: 年の打ち間違い\ndate: 2999-01-01\n",
                                                            encoding="utf-8")
    result = run_kiku("check", "--site", str(site), env={"SOURCE_DATE_EPOCH": str(JUST_BEFORE)})
    assert result.returncode == 0
    assert result.stderr == ("content/2999-01-01-typo.yaml: date: warning: 2999-01-01 is more than a year ahead: "
                             "a typo in the year? (the article is not published before that date)\n")
    assert result.stdout == "ok: site.yaml and 7 article(s) are valid\n"
