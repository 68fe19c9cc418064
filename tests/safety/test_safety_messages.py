"""One line, never a traceback, for every failure to read or write; and no content skipped silently."""

from __future__ import annotations

import errno
import os
import shutil
from pathlib import Path
from typing import Any

import pytest

from kiku.cli import main
from tests.support.kiku_process import files_under, run_kiku
from tests.support.serve_site import PHONE_CALL_FILE, copy_site


@pytest.fixture()
def site(tmp_path: Path) -> Path:
    return copy_site(tmp_path / "site")


@pytest.mark.parametrize("command", ["build", "check"])
def test_content_being_a_file_is_one_line(site: Path, tmp_path: Path, command: str) -> None:
    for article in (site / "content").iterdir():
        article.unlink()
    (site / "content").rmdir()
    (site / "content").write_text("not a folder", encoding="utf-8")
    result = run_kiku(command, "--site", str(site))
    assert result.returncode == 1
    assert result.stderr == ("content: is a file, not a folder: articles go in a folder content/ "
                             "(move the file away)\nkiku: 1 error(s); nothing was built\n")


def test_an_unreadable_content_file_is_one_line(site: Path, monkeypatch: pytest.MonkeyPatch,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    real_open = os.open

    def refuse(path: Any, *args: Any, **kwargs: Any) -> int:
        if str(path).endswith(PHONE_CALL_FILE):
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", refuse)
    assert main(["check", "--site", str(site)]) == 1
    assert capsys.readouterr().err.splitlines() == [
        f"content/{PHONE_CALL_FILE}: cannot read the file: Permission denied",
        "kiku: 1 error(s); nothing was built",
    ]


def test_a_full_disk_during_a_build_is_one_line_and_keeps_the_previous_site(
        site: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["build", "--site", str(site)]) == 0
    before = files_under(site / "_site")
    capsys.readouterr()
    real_write_bytes = Path.write_bytes

    def disk_full(path: Path, data: Any) -> int:
        # Every file the build writes into its new output tree (pages, share cards, the search index).
        if any(part.startswith("_site.new-") for part in path.parts):
            raise OSError(errno.ENOSPC, "No space left on device", str(path))
        return real_write_bytes(path, data)

    def no_room_for_links(source: Any, target: Any, *args: Any, **kwargs: Any) -> None:
        raise OSError(errno.ENOSPC, "No space left on device", str(target))

    monkeypatch.setattr(Path, "write_bytes", disk_full)
    # An unchanged page is hard-linked from the previous build, not written: a full disk refuses that too.
    monkeypatch.setattr(os, "link", no_room_for_links)
    shutil.rmtree(site / ".kiku-cache")  # a build that writes every page again, not a no-op
    assert main(["build", "--site", str(site)]) == 1
    (line,) = capsys.readouterr().err.splitlines()
    assert line.startswith(f"kiku: {site}/_site.new-")
    assert line.endswith(": No space left on device: check the path, its permissions and the free space, "
                         "then try again")
    assert files_under(site / "_site") == before
    assert not list(site.glob("_site.new-*"))


def test_an_output_folder_that_cannot_be_created_is_one_line(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    blocker = site / "blocker"
    blocker.write_text("a file where a folder should be", encoding="utf-8")
    assert main(["build", "--site", str(site), "--out", str(blocker / "out")]) == 1
    (line,) = capsys.readouterr().err.splitlines()
    assert line == f"kiku: {blocker}: a file where a folder is needed: move it away or choose another path"


def test_skipped_entries_of_content_are_named_in_one_warning(site: Path) -> None:
    content = site / "content"
    (content / "drafts").mkdir()
    (content / "drafts" / "2025-05-01-draft.yaml").write_text("title: 下書き\n", encoding="utf-8")
    (content / ".hidden.yaml").write_text("title: x\n", encoding="utf-8")
    (content / "notes.txt").write_text("memo", encoding="utf-8")
    (content / f"{PHONE_CALL_FILE}~").write_text("backup", encoding="utf-8")
    result = run_kiku("check", "--site", str(site))
    assert result.returncode == 0
    assert result.stderr == (
        f"kiku: warning: not read in content/: .hidden.yaml (a hidden file), {PHONE_CALL_FILE}~ (an editor "
        "backup), drafts (a folder: articles are not read from sub-folders), notes.txt (not a .yaml file)\n")


@pytest.mark.parametrize("name", ["2025-05-01-upper.YAML", "2025-05-01-short.yml", "2025-05-01-mixed.Yaml"])
def test_other_spellings_of_yaml_are_errors_not_skipped(site: Path, name: str) -> None:
    (site / "content" / name).write_text("title: 見出し\ndate: 2025-05-01\n", encoding="utf-8")
    result = run_kiku("build", "--site", str(site))
    assert result.returncode == 1
    assert result.stderr == (f"content/{name}: content files must end in '.yaml': rename it\n"
                             "kiku: 1 error(s); nothing was built\n")
