"""A stopped or killed build, preview or deploy cleans up after itself (real processes, real signals).

Before, 22 of 40 killed builds and 5 of 6 SIGTERMs left ``_site.new-*``/``_site.old-*`` beside
``_site/`` (388 MB after 20 kills) and nothing removed them; Ctrl-C printed a traceback.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import time
from pathlib import Path

import pytest

from kiku.cli import main
from kiku.output.owned import MARKER
from kiku.runtime.interrupt import Interrupted
from tests.support.kiku_process import dead_pid, files_under, run_kiku, start_kiku
from tests.support.serve_site import copy_site, copy_site_with_copies

COPIES = 20  # 100 articles: a build long enough to be stopped halfway


@pytest.fixture(scope="module")
def big_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_site_with_copies(tmp_path_factory.mktemp("big") / "site", COPIES)


@pytest.fixture()
def site(big_site: Path, tmp_path: Path) -> Path:
    """The big site with a finished build in _site/."""
    root = tmp_path / "site"
    shutil.copytree(big_site, root, ignore=shutil.ignore_patterns("_site*"))
    result = run_kiku("build", "--site", str(root), timeout=300)
    assert result.returncode == 0, result.stderr
    # Without its cache the next build renders every page again: long enough to be stopped halfway.
    shutil.rmtree(root / ".kiku-cache")
    return root


def _staging(site: Path) -> list[Path]:
    return sorted(site.glob("_site.new-*"))


def _stop_when_staging(site: Path, how: signal.Signals) -> subprocess.CompletedProcess[str]:
    """Start a build, send ``how`` once its staging folder holds pages, and wait for the end."""
    process = start_kiku("build", "--site", str(site))
    deadline = time.monotonic() + 120
    while not any((folder / "site" / "articles").exists() for folder in _staging(site)):
        assert process.poll() is None, process.communicate()
        assert time.monotonic() < deadline, "the build never staged anything"
        time.sleep(0.005)
    process.send_signal(how)
    out, err = process.communicate(timeout=60)
    return subprocess.CompletedProcess(process.args, process.returncode, out, err)


@pytest.mark.parametrize(("how", "code", "said"), [
    (signal.SIGTERM, 143, "SIGTERM"),
    (signal.SIGINT, 130, "Ctrl-C"),
])
def test_a_stopped_build_removes_its_staging_and_says_one_line(site: Path, how: signal.Signals, code: int,
                                                               said: str) -> None:
    before = files_under(site / "_site")
    result = _stop_when_staging(site, how)
    assert (result.returncode, result.stdout) == (code, "")
    assert result.stderr == f"kiku: stopped by {said}; nothing was built and the output folder is as it was\n"
    assert _staging(site) == []
    assert files_under(site / "_site") == before


def test_the_next_build_removes_what_a_killed_build_left(site: Path) -> None:
    result = _stop_when_staging(site, signal.SIGKILL)
    assert result.returncode == -signal.SIGKILL
    (left,) = _staging(site)
    assert (left / MARKER).is_file()
    foreign = site / "_site.new-mine"  # not kiku's: no marker, not empty
    foreign.mkdir()
    (foreign / "notes.txt").write_text("mine", encoding="utf-8")

    rebuilt = run_kiku("build", "--site", str(site), timeout=300)
    assert rebuilt.returncode == 0, rebuilt.stderr
    assert rebuilt.stderr == f"kiku: removed {left}, left behind by a build that was stopped\n"
    assert _staging(site) == [foreign]
    assert (foreign / "notes.txt").read_text(encoding="utf-8") == "mine"


def test_a_build_killed_between_the_two_renames_gets_its_previous_site_back(site: Path) -> None:
    """As if killed after moving _site/ aside and before moving the new one in: the next build (here
    one that fails) first puts the previous site back."""
    before = files_under(site / "_site")
    stale = site / "_site.new-k1ll3d"
    stale.mkdir()
    (stale / MARKER).write_text(f"{dead_pid()} 1", encoding="ascii")
    (site / "_site").rename(stale / "old")
    (site / "content" / "broken.yaml").write_text("title: [\n", encoding="utf-8")

    result = run_kiku("build", "--site", str(site), timeout=300)
    assert result.returncode == 1
    assert result.stderr.splitlines()[:2] == [
        f"kiku: put the previous build back as {site / '_site'} (a build was stopped while replacing it)",
        f"kiku: removed {stale}, left behind by a build that was stopped",
    ]
    assert files_under(site / "_site") == before
    assert _staging(site) == []


def test_a_running_builds_staging_is_not_removed(site: Path) -> None:
    """Another kiku build still running (its marker names a live process) keeps its folder."""
    running = site / "_site.new-running"
    running.mkdir()
    with subprocess.Popen(["sleep", "60"]) as alive:
        try:
            (running / MARKER).write_text(str(alive.pid), encoding="ascii")
            assert run_kiku("build", "--site", str(site), timeout=300).returncode == 0
            assert running.is_dir()
        finally:
            alive.kill()


def _start_preview(site: Path, temp: Path) -> tuple[subprocess.Popen[str], Path]:
    process = start_kiku("serve", "--site", str(site), "--port", "0", env={"TMPDIR": str(temp)})
    assert process.stdout is not None
    line = process.stdout.readline()
    assert line.startswith("kiku: serving http://127.0.0.1:"), (line, process.stderr)
    preview = Path(line.split("(preview built in ", 1)[1].split(");", 1)[0])
    assert preview.parent.parent == temp and preview.is_dir()
    return process, preview


def test_the_preview_removes_its_folder_on_sigterm_and_a_killed_ones_at_start(tmp_path: Path) -> None:
    site = copy_site(tmp_path / "site")
    temp = tmp_path / "temp"
    temp.mkdir()
    process, preview = _start_preview(site, temp)
    process.send_signal(signal.SIGTERM)
    assert process.wait(timeout=30) == 0
    assert list(temp.iterdir()) == []

    process, preview = _start_preview(site, temp)
    process.kill()
    process.wait()
    assert preview.is_dir()  # what a kill -9 leaves
    process, second = _start_preview(site, temp)
    try:
        assert list(temp.iterdir()) == [second.parent]
    finally:
        process.send_signal(signal.SIGINT)
        _, err = process.communicate(timeout=30)
    assert f"kiku: removed {preview.parent}, left behind by a preview that was stopped" in err
    assert process.returncode == 0
    assert list(temp.iterdir()) == []


def test_a_stop_right_after_the_old_site_was_moved_aside_puts_it_back(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """The signal lands between the swap's two renames: the stopped build must not lose _site/."""
    site = copy_site(tmp_path / "site")
    assert main(["build", "--site", str(site)]) == 0
    before = files_under(site / "_site")
    real_rename = Path.rename

    def stopped_after_first_rename(path: Path, target: Path) -> Path:
        moved = real_rename(path, target)
        if path.name == "_site":
            raise Interrupted(signal.SIGTERM)
        return moved

    monkeypatch.setattr(Path, "rename", stopped_after_first_rename)
    shutil.rmtree(site / ".kiku-cache")  # a build that swaps a new folder in, not a no-op or an in-place update
    assert main(["build", "--site", str(site)]) == 143
    assert files_under(site / "_site") == before
    assert _staging(site) == []


def test_a_fifo_as_a_marker_neither_hangs_the_build_nor_makes_the_folder_kikus(tmp_path: Path) -> None:
    site = copy_site(tmp_path / "site")
    trap = site / "_site.new-trap"
    trap.mkdir()
    os.mkfifo(trap / MARKER)
    result = run_kiku("build", "--site", str(site))
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert trap.is_dir()
