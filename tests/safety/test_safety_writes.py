"""Every file kiku writes outside its build folders is written whole or not at all.

``kiku import`` used to write the article in place: a kill as the file appeared left a 0-byte
YAML, a full disk a truncated one (which ``kiku check`` accepted, an article silently shortened)
and a traceback. Failures are simulated here by making ``os.write``/``os.link``/``os.replace``
fail as a full disk or a read-only folder would.
"""

from __future__ import annotations

import errno
import os
import shutil
import signal
from pathlib import Path
from typing import Any

import pytest

from kiku.cli import main
from tests.support.kiku_process import run_kiku
from tests.support.paths import REPO, seed

SLUG_FILE_000 = "content/2025-03-19-russia-united-states-ukraine-4df68a.yaml"


@pytest.fixture()
def site(tmp_path: Path) -> Path:
    root = tmp_path / "site"
    root.mkdir()
    shutil.copy(REPO / "site.yaml", root / "site.yaml")
    shutil.copytree(REPO / "templates", root / "templates")
    (root / "content").mkdir()
    return root


def _failing(error_number: int, real: Any, after: int = 0) -> Any:
    calls = {"n": 0}

    def fail(*args: Any) -> Any:
        calls["n"] += 1
        if calls["n"] > after:
            raise OSError(error_number, os.strerror(error_number))
        return real(*args)

    return fail


def test_a_full_disk_leaves_no_file_and_prints_one_line(site: Path, monkeypatch: pytest.MonkeyPatch,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(os, "write", _failing(errno.ENOSPC, os.write, after=0))
    assert main(["import", str(seed("000")), "--site", str(site)]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err.splitlines()[-1] == (
        f"kiku: {SLUG_FILE_000}: cannot write: No space left on device; nothing was written "
        "(check the folder's permissions and free space, then try again)")
    assert "Traceback" not in err
    assert list((site / "content").iterdir()) == []  # no file, no temporary file


def test_a_failed_rename_keeps_the_edited_file_with_force(site: Path, monkeypatch: pytest.MonkeyPatch,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["import", str(seed("000")), "--site", str(site)]) == 0
    written = site / SLUG_FILE_000
    written.write_text(written.read_text(encoding="utf-8") + "# edited\n", encoding="utf-8")
    edited = written.read_bytes()
    capsys.readouterr()
    monkeypatch.setattr(os, "replace", _failing(errno.EACCES, os.replace))
    assert main(["import", str(seed("000")), "--site", str(site), "--force"]) == 1
    assert capsys.readouterr().err.splitlines()[-1].startswith(
        f"kiku: {SLUG_FILE_000}: cannot write: Permission denied; nothing was written")
    assert written.read_bytes() == edited
    assert sorted(path.name for path in (site / "content").iterdir()) == [written.name]


def test_a_file_created_meanwhile_is_never_replaced(site: Path, monkeypatch: pytest.MonkeyPatch,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    """No check-then-write window: another writer's file appearing just before the link wins."""
    real_link = os.link
    theirs = b"title: written by someone else\n"

    def link_after_someone_else(source: Any, target: Any) -> None:
        Path(target).write_bytes(theirs)
        real_link(source, target)

    monkeypatch.setattr(os, "link", link_after_someone_else)
    assert main(["import", str(seed("000")), "--site", str(site)]) == 1
    assert "already exists and may hold an editor's changes" in capsys.readouterr().err
    assert (site / SLUG_FILE_000).read_bytes() == theirs
    assert sorted(path.name for path in (site / "content").iterdir()) == [Path(SLUG_FILE_000).name]


def test_a_file_system_without_hard_links_still_creates_exclusively(site: Path, monkeypatch: pytest.MonkeyPatch,
                                                                    capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(os, "link", _failing(errno.EPERM, os.link))
    assert main(["import", str(seed("000")), "--site", str(site)]) == 0
    assert capsys.readouterr().out == f"wrote {SLUG_FILE_000}\n"
    assert sorted(path.name for path in (site / "content").iterdir()) == [Path(SLUG_FILE_000).name]
    assert main(["import", str(seed("000")), "--site", str(site)]) == 1
    assert "already exists" in capsys.readouterr().err


# Loaded by the kiku process under test (PYTHONPATH): the first write of data into content/ writes
# half of it, then the process kills itself with SIGKILL, as a power cut or `kill -9` would.
_KILL_MID_WRITE = """
import os, pathlib, signal
CONTENT = os.environ["KIKU_TEST_CONTENT"]

def _into_content(name):
    return os.path.dirname(os.path.realpath(name)) == CONTENT

_write = os.write
def write(fd, data):
    if _into_content(os.readlink(f"/proc/self/fd/{fd}")) and len(data) > 1:
        _write(fd, bytes(data[: len(data) // 2]))
        os.kill(os.getpid(), signal.SIGKILL)
    return _write(fd, data)
os.write = write

_write_text = pathlib.Path.write_text
def write_text(self, data, *args, **kwargs):
    if _into_content(self):
        _write_text(self, data[: len(data) // 2], *args, **kwargs)
        os.kill(os.getpid(), signal.SIGKILL)
    return _write_text(self, data, *args, **kwargs)
pathlib.Path.write_text = write_text
"""


def test_an_import_killed_mid_write_leaves_no_article(site: Path, tmp_path: Path) -> None:
    """Killed halfway through writing, the article's name must not exist (it did, cut short)."""
    hooks = tmp_path / "hooks"
    hooks.mkdir()
    (hooks / "sitecustomize.py").write_text(_KILL_MID_WRITE, encoding="utf-8")
    content = site / "content"
    result = run_kiku("import", str(seed("000")), "--site", str(site),
                      env={"PYTHONPATH": str(hooks), "KIKU_TEST_CONTENT": os.path.realpath(content)})
    assert result.returncode == -signal.SIGKILL, result.stderr
    assert [path.name for path in content.iterdir() if path.name.endswith(".yaml")] == []
    (temporary,) = content.iterdir()  # the half-written temporary file, hidden and named as kiku's
    assert temporary.name.startswith(".2025-03-19-") and temporary.name.endswith(".tmp")
    check = run_kiku("check", "--site", str(site))
    assert check.returncode == 0
    assert check.stderr == (f"kiku: warning: not read in content/: {temporary.name} (a temporary file of a "
                            "kiku import that was stopped: delete it)\n")
    retry = run_kiku("import", str(seed("000")), "--site", str(site))
    assert retry.returncode == 0, retry.stderr  # nothing blocks the re-import


def test_report_inside_content_is_refused(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["import", str(seed("000")), "--site", str(site)]) == 0
    article = site / SLUG_FILE_000
    edited = article.read_bytes()
    capsys.readouterr()
    assert main(["import", str(seed("001")), "--site", str(site), "--report", str(article)]) == 1
    assert capsys.readouterr().err == (
        f"kiku: --report {article}: inside content/, where it would replace or pass for an article: "
        "write the report somewhere else\n")
    assert article.read_bytes() == edited
    assert main(["import", str(seed("001")), "--site", str(site), "--report",
                 str(site / "content" / "report.txt")]) == 1
    assert not (site / "content" / "report.txt").exists()
    assert len(list((site / "content").iterdir())) == 1  # and nothing was imported either


def test_report_through_a_link_to_an_article_or_a_page_is_refused(site: Path, tmp_path: Path,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["import", str(seed("000")), "--site", str(site)]) == 0
    article = site / SLUG_FILE_000
    edited = article.read_bytes()
    hard_link = tmp_path / "report.txt"
    os.link(article, hard_link)
    capsys.readouterr()
    assert main(["import", str(seed("001")), "--site", str(site), "--report", str(hard_link)]) == 1
    assert capsys.readouterr().err == (
        f"kiku: --report {hard_link}: it is {article}, which the report would replace: "
        "write the report somewhere else\n")
    assert article.read_bytes() == edited
    page = tmp_path / "page.txt"
    shutil.copy(seed("001"), page)
    assert main(["import", str(page), "--site", str(site), "--report", str(page)]) == 1
    assert page.read_bytes() == seed("001").read_bytes()


def test_the_report_file_is_replaced_whole(site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    report = tmp_path / "report.txt"
    report.write_text("the previous report\n", encoding="utf-8")
    monkeypatch.setattr(os, "replace", _failing(errno.ENOSPC, os.replace))
    assert main(["import", str(seed("000")), "--site", str(site), "--report", str(report)]) == 1
    assert capsys.readouterr().err.splitlines()[-1] == (
        f"kiku: {report}: cannot write: No space left on device; nothing was written "
        "(check the folder's permissions and free space, then try again)")
    assert report.read_text(encoding="utf-8") == "the previous report\n"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["report.txt", "site"]


def test_content_being_a_file_is_one_line_for_import(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (site / "content").rmdir()
    (site / "content").write_text("not a folder", encoding="utf-8")
    assert main(["import", str(seed("000")), "--site", str(site)]) == 1
    assert capsys.readouterr().err.splitlines()[-1] == (
        f"kiku: {SLUG_FILE_000}: cannot write: content/ is a file, not a folder; nothing was written")
    assert (site / "content").read_text(encoding="utf-8") == "not a folder"
