"""Bounded input: files above their size limit, YAML aliases and overlong texts are refused in one line.

Before, a 400 KB file aliasing one section 20,000 times expanded to ~1.8 GB and crashed after a
minute, and a 20 MB title became 231 MB of pages.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from kiku.cli import main
from tests.support.kiku_process import run_kiku
from tests.support.paths import seed
from tests.support.serve_site import copy_site, replace_in

ARTICLE = "2025-04-01-limits"
ARTICLE_FILE = f"content/{ARTICLE}.yaml"


@pytest.fixture()
def site(tmp_path: Path) -> Path:
    return copy_site(tmp_path / "site")


def _article(title: str = "見出し", extra: str = "") -> str:
    return f"title: {title}\ndate: 2025-04-01\nlead: リード\n{extra}"


def _check(site: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str]]:
    code = main(["check", "--site", str(site)])
    return code, capsys.readouterr().err.splitlines()


def test_a_content_file_above_the_limit_is_refused_before_parsing(site: Path,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    (site / ARTICLE_FILE).write_text(_article(extra="intro: " + "あ" * 700_001 + "\n"), encoding="utf-8")
    code, errors = _check(site, capsys)
    assert code == 1
    assert errors == [
        f"{ARTICLE_FILE}: 2.1 MB is above the limit of 2.0 MB (limits.content_file_mb in site.yaml): not read",
        "kiku: 1 error(s); nothing was built",
    ]


def test_the_limits_are_set_in_site_yaml(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (site / ARTICLE_FILE).write_text(_article(extra="intro: " + "あ" * 700_001 + "\n"), encoding="utf-8")
    replace_in(site / "site.yaml", "per_page: 10\n", "per_page: 10\nlimits:\n  content_file_mb: 3\n"
                                                     "  text_field_chars: 800000\n")
    code, errors = _check(site, capsys)
    assert (code, errors) == (0, [])


def test_a_text_field_above_the_limit_names_the_field(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (site / ARTICLE_FILE).write_text(_article(title="長" * 100_001), encoding="utf-8")
    code, errors = _check(site, capsys)
    assert code == 1
    assert errors[0] == (f"{ARTICLE_FILE}:1:8: title: 100,001 characters is above the limit of 100,000 "
                         "(limits.text_field_chars in site.yaml)")
    replace_in(site / "site.yaml", "per_page: 10\n", "per_page: 10\nlimits:\n  text_field_chars: 200\n")
    (site / ARTICLE_FILE).write_text(_article(extra="sections:\n- heading: 見出し\n  body:\n  - " + "本" * 201 + "\n"),
                                     encoding="utf-8")
    code, errors = _check(site, capsys)
    assert code == 1  # (some seed paragraphs are longer than 200 characters too)
    assert (f"{ARTICLE_FILE}:7:5: sections[0].body[0]: 201 characters is above the limit of 200 "
            "(limits.text_field_chars in site.yaml)") in errors


def test_a_wrong_limit_names_its_key(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    replace_in(site / "site.yaml", "per_page: 10\n", "per_page: 10\nlimits:\n  content_file_mb: 0\n  page_mb: 3\n")
    code, errors = _check(site, capsys)
    assert code == 1
    assert errors[:2] == [
        "site.yaml:10:20: limits.content_file_mb: expected a positive whole number, got '0'",
        "site.yaml:11:3: limits.page_mb: unknown field (did you mean 'import_page_mb'?)",
    ]


def test_site_yaml_above_its_fixed_limit_is_refused(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with (site / "site.yaml").open("a", encoding="utf-8") as config:
        config.write("# " + "x" * 1_000_001 + "\n")
    code, errors = _check(site, capsys)
    assert code == 1
    assert errors[0] == "site.yaml: 1.0 MB is above the limit of 1.0 MB (the fixed limit for site.yaml): not read"


def test_an_import_page_above_the_limit_is_refused(site: Path, tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    replace_in(site / "site.yaml", "per_page: 10\n", "per_page: 10\nlimits:\n  import_page_mb: 1\n")
    page = tmp_path / "huge.txt"
    page.write_text(seed("000").read_text(encoding="utf-8") + "。" * 400_000, encoding="utf-8")
    assert main(["import", str(page), "--site", str(site)]) == 1
    assert capsys.readouterr().err == (
        f"kiku: {page}: 1.2 MB is above the limit of 1.0 MB (limits.import_page_mb in site.yaml): not read\n")


def test_yaml_aliases_are_refused_with_the_line_of_the_alias(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (site / ARTICLE_FILE).write_text(_article(extra=(
        "key_points:\n- &point 停戦で合意\n- *point\n")), encoding="utf-8")
    code, errors = _check(site, capsys)
    assert code == 1
    assert errors[0] == f"{ARTICLE_FILE}:6:3: YAML aliases ('*point') are not allowed: write the value out in full"


def test_an_alias_bomb_is_refused_quickly_and_in_one_line(site: Path) -> None:
    """A few hundred KB that alias one another 20 levels deep: billions of texts once expanded."""
    lines = [_article(), "sections:", "- &s0", "  heading: 見出し", "  body: [" + ", ".join(["本文"] * 10) + "]"]
    for level in range(1, 21):
        lines.append(f"- &s{level} [" + ", ".join([f"*s{level - 1}"] * 10) + "]")
    (site / ARTICLE_FILE).write_text("\n".join(lines) + "\n", encoding="utf-8")
    started = time.monotonic()
    result = run_kiku("build", "--site", str(site))
    assert time.monotonic() - started < 30
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f"{ARTICLE_FILE}:9:8: YAML aliases ('*s0') are not allowed: write the value out in full",
        "kiku: 1 error(s); nothing was built",
    ]


def test_a_recursive_alias_does_not_hang(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (site / ARTICLE_FILE).write_text(_article(extra="outro: &loop [*loop]\n"), encoding="utf-8")
    code, errors = _check(site, capsys)
    assert code == 1
    assert errors[0] == f"{ARTICLE_FILE}:4:15: YAML aliases ('*loop') are not allowed: write the value out in full"


def test_an_imported_page_with_an_overlong_paragraph_says_which_limit(site: Path, tmp_path: Path,
                                                                      capsys: pytest.CaptureFixture[str]) -> None:
    replace_in(site / "site.yaml", "per_page: 10\n", "per_page: 10\nlimits:\n  text_field_chars: 2000\n")
    page = tmp_path / "long.txt"
    lines = seed("000").read_text(encoding="utf-8").splitlines()
    lines.insert(len(lines) // 2, "長い段落。" * 500)
    page.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert main(["import", str(page), "--site", str(site)]) == 1
    (line,) = capsys.readouterr().err.splitlines()[-1:]
    assert line.startswith(f"kiku: {page}: not imported: ")
    assert line.endswith(": 2,500 characters is above the limit of 2,000 (limits.text_field_chars in site.yaml)")
    assert "a bug in kiku" not in line
