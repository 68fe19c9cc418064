"""The command line as an editor uses it: exit codes, what is written, what is printed."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from kiku.cli import main
from tests.support.paths import REPO, seed


@pytest.fixture()
def site(tmp_path: Path) -> Path:
    """A site root with the real config, templates and static files and no content yet."""
    root = tmp_path / "site"
    root.mkdir()
    shutil.copy(REPO / "site.yaml", root / "site.yaml")
    shutil.copytree(REPO / "templates", root / "templates")
    shutil.copytree(REPO / "static", root / "static")
    (root / "content").mkdir()
    return root


def test_import_writes_the_article_and_says_so(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["import", str(seed("000")), "--site", str(site)]) == 0
    out, err = capsys.readouterr()
    (written,) = (site / "content").glob("*.yaml")
    assert out == f"wrote content/{written.name}\n"
    assert written.name.startswith("2025-03-19-")
    assert "dropped [site-menu] Chrysanthemum Digest Logo Menu opener" in err
    document = yaml.safe_load(written.read_text(encoding="utf-8"))
    assert document["title"] == "米ロ首脳電話会談:ウクライナ情勢と新たな協力?停戦合意と関係改善の可能性を探る"
    assert document["sections"][0]["sources"][0]["publisher"] == "ロイター"
    assert "warning: sections[0].sources[0].title: '日間' has no number before it" in written.read_text(encoding="utf-8")


def test_import_never_overwrites_an_edited_file_without_force(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = str(seed("001"))
    assert main(["import", page, "--site", str(site)]) == 0
    (written,) = (site / "content").glob("*.yaml")
    edited = written.read_text(encoding="utf-8").replace("交渉開始で合意", "交渉開始で合意(編集済み)")
    written.write_text(edited, encoding="utf-8")
    capsys.readouterr()

    assert main(["import", page, "--site", str(site)]) == 1
    err = capsys.readouterr().err
    assert f"content/{written.name} already exists and may hold an editor's changes" in err
    assert "use --force" in err
    assert written.read_text(encoding="utf-8") == edited

    assert main(["import", page, "--site", str(site), "--force"]) == 0
    assert "(編集済み)" not in written.read_text(encoding="utf-8")


def test_dry_run_prints_only_the_yaml_and_writes_nothing(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["import", str(seed("003")), "--site", str(site), "--dry-run"]) == 0
    out, err = capsys.readouterr()
    document = yaml.safe_load(out)
    assert document["kind"] == "encyclopedia"
    assert len(document["references"]) == 26
    assert document["attribution"]["license"] == "GNU Free Documentation License"
    assert "dropped [breadcrumb]" in err and "dropped" not in out
    assert list((site / "content").iterdir()) == []


def test_report_file_holds_every_dropped_line(site: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    report = tmp_path / "report.txt"
    assert main(["import", str(seed("000")), "--site", str(site), "--report", str(report)]) == 0
    assert "dropped" not in capsys.readouterr().err
    lines = report.read_text(encoding="utf-8").splitlines()
    assert any(line.endswith("dropped [next-page (teaser)] トランプ氏、ウクライナ停戦案で米ロ接近加速! 世界に衝撃!")
               for line in lines)


def test_import_of_a_folder_imports_every_page(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["import", str(REPO / "scraped"), "--site", str(site)]) == 0
    assert len(list((site / "content").glob("*.yaml"))) == 5
    assert capsys.readouterr().out.count("wrote content/") == 5


UNDATED_DIGEST = """雪の朝、電車が止まった理由
大雪で始発から運転を見合わせた路線がありました。
運転見合わせの理由
なぜ止まったの？
ポイントの凍結
線路の切り替え装置が凍り、列車が通れなくなりました。
さらに読む ⇒雪の影響で始発から運転見合わせ出典/画像元: https://news.example.jp/snow/rail
ポイントの凍結は、夜のうちに雪が積もると起きやすいといいます。
"""


def test_a_page_without_a_date_is_imported_on_the_import_day_with_an_open_warning(
        site: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    page = tmp_path / "undated.txt"
    page.write_text(UNDATED_DIGEST, encoding="utf-8")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767571200")  # 2026-01-05 09:00 in Japan
    assert main(["import", str(page), "--site", str(site)]) == 0
    (written,) = (site / "content").glob("*.yaml")
    assert written.name.startswith("2026-01-05-")
    assert yaml.safe_load(written.read_text(encoding="utf-8"))["date"] == dt.date(2026, 1, 5)
    warning = ("the page gives no date (no date line for the article or its cards, such as 公開日:2025/03/19, "
               "nor a date in its text); dated 2026-01-05, the day of the import (today in Japan): "
               "set date: to the article's own date")
    assert f"# warning: {warning}" in written.read_text(encoding="utf-8")
    capsys.readouterr()
    assert main(["check", "--site", str(site), "--strict"]) == 1
    assert f"content/{written.name}:2: warning: {warning}" in capsys.readouterr().err.splitlines()


def test_a_page_without_a_date_takes_the_date_option(site: Path, tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    page = tmp_path / "undated.txt"
    page.write_text(UNDATED_DIGEST, encoding="utf-8")
    assert main(["import", str(page), "--site", str(site), "--date", "2025-12-24"]) == 0
    (written,) = (site / "content").glob("*.yaml")
    assert written.name.startswith("2025-12-24-")
    assert "# warning: the page gives no date (" in written.read_text(encoding="utf-8")
    assert "dated 2025-12-24 as given by --date: check the date" in written.read_text(encoding="utf-8")


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["frobnicate"]) == 2
    assert main(["import"]) == 2
    assert main(["import", "x.txt", "--date", "2025/03/19"]) == 2
    assert "expected a date as YYYY-MM-DD" in capsys.readouterr().err


def test_missing_site_yaml_is_a_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["build", "--site", str(tmp_path)]) == 1
    assert "no site.yaml in" in capsys.readouterr().err


def test_check_reports_every_broken_file_and_exits_1(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (site / "content" / "a.yaml").write_text("title: A\ndate: 2025-01-01\ntags: [ukrain]\n", encoding="utf-8")
    (site / "content" / "b.yaml").write_text("title: B\ndate: [oops\n", encoding="utf-8")
    assert main(["check", "--site", str(site)]) == 1
    err = capsys.readouterr().err
    assert "content/a.yaml:3:8: tags[0]: unknown tag 'ukrain'" in err
    assert "content/b.yaml:" in err


def test_build_failure_leaves_the_previous_site_untouched(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["import", str(seed("000")), "--site", str(site)]) == 0
    assert main(["build", "--site", str(site)]) == 0
    out_dir = site / "_site"
    before = {path: path.read_bytes() for path in out_dir.rglob("*") if path.is_file()}
    (site / "content" / "broken.yaml").write_text("title: x\n  date: 2025-01-01\n", encoding="utf-8")
    assert main(["build", "--site", str(site)]) == 1
    assert "content/broken.yaml:2:" in capsys.readouterr().err
    after = {path: path.read_bytes() for path in out_dir.rglob("*") if path.is_file()}
    assert after == before
    # .kiku-cache: the articles, page fingerprints and share cards of the first build, for the next one
    expected = [".kiku-cache", "_site", "content", "site.yaml", "static", "templates"]
    assert sorted(path.name for path in site.iterdir()) == expected


def test_build_py_is_the_same_cli() -> None:
    result = subprocess.run([sys.executable, str(REPO / "build.py"), "import", "--help"],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0
    assert "--dry-run" in result.stdout and "--force" in result.stdout
