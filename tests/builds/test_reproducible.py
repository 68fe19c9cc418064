"""Building twice gives the same bytes: no build time, no hash-seed order, no file-system order."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.support.sample_site import REPO_ROOT
from tests.support.site_tree import site_tree, tree_differences


def _build(out_dir: Path, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {key: value for key, value in os.environ.items() if key != "SOURCE_DATE_EPOCH"}
    environment.update(env)
    command = [sys.executable, str(REPO_ROOT / "build.py"), "build", "--site", str(REPO_ROOT), "--out", str(out_dir)]
    return subprocess.run(command, check=False, env=environment, capture_output=True, text=True)


def test_two_builds_are_byte_identical(tmp_path: Path) -> None:
    # Different hash seeds change the iteration order of every set and str-keyed dict built
    # from hashing: if any output depended on it, the two trees would differ.
    assert _build(tmp_path / "one", PYTHONHASHSEED="1").returncode == 0
    assert _build(tmp_path / "two", PYTHONHASHSEED="2").returncode == 0
    one, two = site_tree(tmp_path / "one"), site_tree(tmp_path / "two")
    assert len(one) > 30 and "static/style.css" in one and ".nojekyll" in one
    assert tree_differences(two, one) == []


def test_source_date_epoch_sets_every_file_time(tmp_path: Path) -> None:
    epoch = 1742342400  # 2025-03-19T00:00:00Z
    out_dir = tmp_path / "_site"
    assert _build(out_dir, SOURCE_DATE_EPOCH=str(epoch)).returncode == 0
    paths = [out_dir, *out_dir.rglob("*")]
    assert len(paths) > 30
    assert {int(path.stat().st_mtime) for path in paths} == {epoch}


def test_malformed_source_date_epoch_is_an_error_and_writes_nothing(tmp_path: Path) -> None:
    result = _build(tmp_path / "_site", SOURCE_DATE_EPOCH="2025-03-19")
    assert result.returncode == 1
    assert result.stderr == (
        "kiku: SOURCE_DATE_EPOCH must be a whole number of seconds since 1970, got '2025-03-19'\n"
    )
    assert not (tmp_path / "_site").exists()
