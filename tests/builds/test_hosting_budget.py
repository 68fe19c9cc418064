"""The hosting budget: `kiku build` and `kiku deploy` warn, with which years to keep and which to
move, when the site nears or passes GitHub Pages' 1 GB."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from kiku.cli import main
from kiku.publish import hosting
from kiku.publish.hosting import OutputSize, articles_by_year, budget_warning, measure_output
from tests.support.serve_site import copy_site

SIX_YEARS = ((2019, 4000), (2020, 4000), (2021, 4000), (2022, 4000), (2023, 4000), (2024, 4000))


def test_articles_are_counted_by_year_oldest_first() -> None:
    dates = [dt.date(2025, 3, 1), dt.date(2023, 12, 31), dt.date(2025, 1, 1), dt.date(2024, 6, 30)]
    assert articles_by_year(dates) == ((2023, 1), (2024, 1), (2025, 2))


def test_a_site_below_80_percent_of_the_limit_is_not_warned_about() -> None:
    assert budget_warning(OutputSize(20_000, 799_999_999), SIX_YEARS) is None


def test_a_site_near_the_limit_is_told_which_years_to_move() -> None:
    warning = budget_warning(OutputSize(50_000, 900_000_000), SIX_YEARS)
    assert warning is not None
    assert warning.startswith("the site (900.0 MB in 50,000 files) is at 90% of GitHub Pages' 1 GB limit")
    # 37.5 kB an article: 80 % of 1 GB holds 21,333 articles, five of the six years
    assert "at about 38 kB an article, 80% of the limit holds about 21,333 articles" in warning
    assert "keeping 2020–2024 (20,000 articles) here and moving 2019 (4,000 articles) into a second site folder" \
        in warning
    assert warning.endswith("and repository); build and publish each")


def test_a_site_over_the_limit_keeps_the_newest_years_that_fit_in_80_percent() -> None:
    warning = budget_warning(OutputSize(150_000, 1_200_000_000), SIX_YEARS)
    assert warning is not None and "is over GitHub Pages' 1 GB limit" in warning
    assert "keeping 2021–2024 (16,000 articles) here and moving 2019–2020 (8,000 articles) into a second" in warning


def test_a_site_of_several_gigabytes_is_split_into_as_many_sites_as_it_needs() -> None:
    years = tuple((year, 4000) for year in range(2009, 2025))  # 64,000 articles, 3.2 GB
    warning = budget_warning(OutputSize(250_000, 3_200_000_000), years)
    assert warning is not None
    # 50 kB an article: 16,000 articles, four years, a site
    assert ("keeping 2021–2024 (16,000 articles) here and moving the rest into 3 more site folders, one each for"
            " 2017–2020 (16,000 articles), 2013–2016 (16,000 articles), 2009–2012 (16,000 articles) (") in warning
    assert "split by month" not in warning


def test_a_year_too_big_for_one_site_is_split_by_month() -> None:
    warning = budget_warning(OutputSize(80_000, 1_500_000_000), ((2024, 1000), (2025, 29_000)))
    assert warning is not None
    assert "keeping 2025 (29,000 articles) here and moving 2024 (1,000 articles) into a second site" in warning
    assert warning.endswith("; 2025 alone is more than a site holds: split by month")
    alone = budget_warning(OutputSize(80_000, 1_500_000_000), ((2025, 30_000),))
    assert alone is not None and "fewer than 2025's 30,000: split it by month into site folders (" in alone


def test_without_articles_the_advice_is_general() -> None:
    warning = budget_warning(OutputSize(10, 1_100_000_000))
    assert warning is not None and warning.endswith("build and publish each")
    assert "split it by year: move the older articles into a second site folder (" in warning


def test_kiku_build_warns_past_the_limit(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """(That it prints the size and file count: test_build_incremental.)"""
    site, out = copy_site(tmp_path / "site"), tmp_path / "out"
    assert main(["build", "--site", str(site), "--out", str(out)]) == 0
    assert "warning" not in capsys.readouterr().err
    size = measure_output(out)

    # The same output against a limit it passes: a build that changed nothing still warns.
    monkeypatch.setattr(hosting, "GITHUB_PAGES_LIMIT_BYTES", size.bytes // 2)
    assert main(["build", "--site", str(site), "--out", str(out)]) == 0
    printed, err = capsys.readouterr()
    assert printed.startswith("nothing changed since the last build")
    assert err.startswith(f"kiku: warning: the site ({size.describe()}) is over GitHub Pages' 1 GB limit")
    articles = len(list((site / "content").glob("*.yaml")))  # all dated 2025
    assert f"fewer than 2025's {articles:,}: split it by month into site folders" in err
