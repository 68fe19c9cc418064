"""Only the site is published: links out of it, FIFOs, devices and sockets are refused by every command.

Each case is run as an editor would (a real ``kiku`` process with a timeout): before this, a FIFO
in ``content/`` hung ``build``, ``check`` and ``serve`` with no output, and a link in ``static/`` to
a private file published that file.
"""

from __future__ import annotations

import os
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.kiku_process import files_under, run_kiku
from tests.support.serve_process import ServeProcess
from tests.support.serve_site import PHONE_CALL_FILE, copy_site

SECRET = "-----BEGIN OPENSSH PRIVATE KEY----- not for publishing"


@pytest.fixture()
def site(tmp_path: Path) -> Path:
    return copy_site(tmp_path / "site")


@pytest.fixture()
def secret(tmp_path: Path) -> Path:
    """A private file outside the site (an SSH key, ~/.gitconfig)."""
    outside = tmp_path / "home" / "id_ed25519"
    outside.parent.mkdir()
    outside.write_text(SECRET, encoding="utf-8")
    return outside


def _built_once(site: Path) -> dict[str, bytes]:
    result = run_kiku("build", "--site", str(site))
    assert result.returncode == 0, result.stderr
    return files_under(site / "_site")


def _refused_build(site: Path, before: dict[str, bytes]) -> str:
    """Build again, expect a refusal; the previous _site/ is untouched. Returns stderr."""
    result = run_kiku("build", "--site", str(site))
    assert result.returncode == 1, result.stdout
    assert files_under(site / "_site") == before
    assert not list(site.glob("_site.new-*"))
    return result.stderr


def test_a_static_link_to_a_private_file_is_refused_and_not_published(site: Path, secret: Path) -> None:
    before = _built_once(site)
    (site / "static" / "key.txt").symlink_to(secret)
    stderr = _refused_build(site, before)
    assert stderr == (
        f"static/key.txt: a symbolic link to {secret}, outside the site: refused (only files inside the site "
        "are published; copy the file into the site instead)\nkiku: 1 error(s); nothing was built\n"
    )


def test_a_relative_link_and_a_linked_folder_out_of_the_site_are_refused(site: Path, secret: Path) -> None:
    before = _built_once(site)
    (site / "static" / "gitconfig").symlink_to(Path("..") / ".." / "home" / secret.name)
    (site / "static" / "home").symlink_to(secret.parent, target_is_directory=True)
    stderr = _refused_build(site, before)
    assert stderr.splitlines() == [
        "static/gitconfig: a symbolic link to ../../home/id_ed25519, outside the site: refused (only files inside "
        "the site are published; copy the file into the site instead)",
        f"static/home: a symbolic link to {secret.parent}, outside the site: refused (only files inside the site "
        "are published; copy the file into the site instead)",
        "kiku: 2 error(s); nothing was built",
    ]


@pytest.mark.parametrize("link", ["templates/unused.html", "content/2025-04-01-leak.yaml"])
def test_links_out_of_templates_and_content_are_refused(site: Path, secret: Path, link: str) -> None:
    before = _built_once(site)
    (site / link).symlink_to(secret)
    stderr = _refused_build(site, before)
    assert stderr == (
        f"{link}: a symbolic link to {secret}, outside the site: refused (only files inside the site are "
        "published; copy the file into the site instead)\nkiku: 1 error(s); nothing was built\n"
    )


def test_a_cached_article_replaced_by_a_link_out_of_the_site_is_refused(site: Path, tmp_path: Path) -> None:
    # The first build keeps every article in .kiku-cache; the next one checks the file it reads
    # again: the very bytes, but behind a link out of the site, are refused all the same.
    before = _built_once(site)
    outside = tmp_path / "home" / PHONE_CALL_FILE
    outside.parent.mkdir()
    (site / "content" / PHONE_CALL_FILE).rename(outside)
    (site / "content" / PHONE_CALL_FILE).symlink_to(outside)
    stderr = _refused_build(site, before)
    assert stderr == (
        f"content/{PHONE_CALL_FILE}: a symbolic link to {outside}, outside the site: refused (only files inside "
        "the site are published; copy the file into the site instead)\nkiku: 1 error(s); nothing was built\n"
    )


def test_a_cached_content_folder_moved_out_of_the_site_behind_a_link_is_refused(site: Path, tmp_path: Path) -> None:
    before = _built_once(site)
    outside = tmp_path / "elsewhere" / "content"
    outside.parent.mkdir()
    (site / "content").rename(outside)
    (site / "content").symlink_to(outside, target_is_directory=True)
    stderr = _refused_build(site, before)
    lines = stderr.splitlines()
    assert lines[-1].startswith("kiku: ") and lines[-1].endswith(" error(s); nothing was built")
    assert all(" outside the site: refused " in line for line in lines[:-1])
    assert len(lines) - 1 == len(list(outside.glob("*.yaml")))


def test_links_inside_the_site_are_followed_by_build_and_preview_alike(site: Path) -> None:
    shared = site / "assets"
    (shared / "fonts").mkdir(parents=True)
    (shared / "fonts" / "kiku.woff2").write_bytes(b"wOF2 font bytes")
    (shared / "logo.svg").write_text("<svg/>", encoding="utf-8")
    (site / "static" / "logo.svg").symlink_to(Path("..") / "assets" / "logo.svg")
    (site / "static" / "fonts").symlink_to(shared / "fonts", target_is_directory=True)
    built = _built_once(site)
    assert built["static/logo.svg"] == b"<svg/>"
    assert built["static/fonts/kiku.woff2"] == b"wOF2 font bytes"
    assert not (site / "_site" / "static" / "fonts").is_symlink()  # a copy, not a link
    server = ServeProcess(site)
    try:
        assert server.get("/static/logo.svg") == (200, "<svg/>")
        assert server.get("/static/fonts/kiku.woff2") == (200, "wOF2 font bytes")
        preview = {path: data for path, data in files_under(server.preview_dir).items() if path.startswith("static/")}
        assert preview == {path: data for path, data in built.items() if path.startswith("static/")}
    finally:
        assert server.stop() == 0


def test_the_preview_refuses_a_link_out_of_the_site_like_the_build(site: Path, secret: Path) -> None:
    (site / "static" / "key.txt").symlink_to(secret)
    server = ServeProcess(site)
    try:
        body = server.get("/")[1]
        assert "static/key.txt: a symbolic link to" in body and "outside the site: refused" in body
        key_status, key_body = server.get("/static/key.txt")
        assert key_status != 200 and SECRET not in key_body
        assert not (server.preview_dir / "static" / "key.txt").exists()
        assert SECRET not in body
    finally:
        assert server.stop() == 0


@pytest.fixture()
def fifo_site(site: Path) -> Iterator[Path]:
    os.mkfifo(site / "content" / "2025-04-01-pipe.yaml")
    yield site


@pytest.mark.parametrize("command", ["build", "check"])
def test_a_fifo_in_content_is_refused_without_hanging(fifo_site: Path, command: str) -> None:
    result = run_kiku(command, "--site", str(fifo_site))
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "content/2025-04-01-pipe.yaml: a FIFO (named pipe), not a regular file: not read",
        "kiku: 1 error(s); nothing was built",
    ]


def test_the_preview_starts_with_a_fifo_in_content_and_shows_why(fifo_site: Path) -> None:
    server = ServeProcess(fifo_site)
    try:
        assert "content/2025-04-01-pipe.yaml: a FIFO (named pipe), not a regular file: not read" in server.get("/")[1]
    finally:
        assert server.stop() == 0


def test_a_fifo_or_a_socket_in_static_is_refused(site: Path, tmp_path: Path) -> None:
    before = _built_once(site)
    os.mkfifo(site / "static" / "pipe.css")
    listening = socket.socket(socket.AF_UNIX)
    try:
        os.chdir(site / "static")  # a socket path must be short
        listening.bind("editor.sock")
        stderr = _refused_build(site, before)
    finally:
        listening.close()
        os.chdir(tmp_path)
    assert stderr.splitlines() == [
        "static/editor.sock: a socket, not a regular file: not published (remove it)",
        "static/pipe.css: a FIFO (named pipe), not a regular file: not published (remove it)",
        "kiku: 2 error(s); nothing was built",
    ]


def test_a_link_to_a_device_in_content_is_refused_before_reading(site: Path) -> None:
    (site / "content" / "2025-04-01-zero.yaml").symlink_to("/dev/zero")
    result = run_kiku("check", "--site", str(site))
    assert result.returncode == 1
    assert result.stderr.splitlines()[0] == (
        "content/2025-04-01-zero.yaml: a symbolic link to /dev/zero, outside the site: refused (only files "
        "inside the site are published; copy the file into the site instead)")


@pytest.mark.parametrize(("make_page", "reason"), [
    (lambda page: os.mkfifo(page), "a FIFO (named pipe), not a regular file: not read"),
    (lambda page: page.symlink_to("/dev/urandom"), "a device file, not a regular file: not read"),
    (lambda page: page.symlink_to(page), "cannot read the file: Too many levels of symbolic links"),
], ids=["fifo", "dev-urandom", "symlink-loop"])
def test_import_refuses_a_page_that_is_not_a_regular_file(site: Path, tmp_path: Path, make_page: object,
                                                          reason: str) -> None:
    page = tmp_path / "page.txt"
    make_page(page)  # type: ignore[operator]
    result = run_kiku("import", str(page), "--site", str(site))
    assert result.returncode == 1
    assert result.stderr == f"kiku: {page}: {reason}\n"
    assert sorted(path.name for path in (site / "content").iterdir()) == sorted(
        path.name for path in (copy_site(tmp_path / "fresh") / "content").iterdir())


def test_a_content_link_inside_the_site_is_read(site: Path) -> None:
    drafts = site / "drafts"
    drafts.mkdir()
    (site / "content" / PHONE_CALL_FILE).rename(drafts / PHONE_CALL_FILE)
    (site / "content" / PHONE_CALL_FILE).symlink_to(Path("..") / "drafts" / PHONE_CALL_FILE)
    result = run_kiku("check", "--site", str(site))
    assert result.returncode == 0, result.stderr
    assert result.stdout == "ok: site.yaml and 5 article(s) are valid\n"


def test_one_build_reports_content_and_static_problems_together(site: Path, secret: Path) -> None:
    before = _built_once(site)
    (site / "static" / "key.txt").symlink_to(secret)
    os.mkfifo(site / "content" / "2025-04-01-pipe.yaml")
    assert _refused_build(site, before).splitlines() == [
        "content/2025-04-01-pipe.yaml: a FIFO (named pipe), not a regular file: not read",
        f"static/key.txt: a symbolic link to {secret}, outside the site: refused (only files inside the site "
        "are published; copy the file into the site instead)",
        "kiku: 2 error(s); nothing was built",
    ]
