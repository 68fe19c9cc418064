"""``kiku serve`` end to end: a real server process, edits on disk, reloads over the websocket."""

from __future__ import annotations

import os
import socket
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiku.cli import main
from tests.support.serve_process import ReloadClient, ServeProcess
from tests.support.serve_site import PHONE_CALL_FILE, PHONE_CALL_SLUG, PHONE_CALL_TITLE, copy_site, replace_in

ARTICLE = f"/articles/{PHONE_CALL_SLUG}/"
FULL_RELOAD = {"command": "reload", "path": "/", "liveCSS": False, "liveImg": True}
BODY_RELOAD = {"command": "reload", "path": ARTICLE, "liveCSS": False, "liveImg": True}
SCRIPT = '<script src="/livereload.js?port='


@pytest.fixture
def site(tmp_path: Path) -> Path:
    return copy_site(tmp_path / "site")


@pytest.fixture
def server(site: Path) -> Iterator[ServeProcess]:
    process = ServeProcess(site)
    try:
        yield process
    finally:
        exit_code = process.stop()
    assert exit_code == 0, "".join(process.stderr)
    assert not process.preview_dir.exists(), "the preview folder outlived the server"
    assert not (site / "_site").exists(), "kiku serve wrote into the editor's _site/"


@pytest.fixture
def client(server: ServeProcess) -> Iterator[ReloadClient]:
    connected = ReloadClient(server.url)
    yield connected
    connected.close()


def test_serves_the_built_site_on_localhost_with_the_reload_script_added(server: ServeProcess) -> None:
    assert server.url.startswith("http://127.0.0.1:")
    status, home = server.get("/")
    assert status == 200 and PHONE_CALL_TITLE in home.replace("<wbr>", "")  # headlines carry phrase breaks
    assert SCRIPT in home and home.index(SCRIPT) < home.rindex("</body>")
    status, script = server.get("/livereload.js")
    assert status == 200 and "LiveReload" in script
    on_disk = (server.preview_dir / "index.html").read_text(encoding="utf-8")
    assert SCRIPT not in on_disk and "livereload" not in on_disk
    assert Path.cwd().resolve() not in server.preview_dir.resolve().parents  # never inside the project


def test_an_edit_changes_the_page_over_http(server: ServeProcess, client: ReloadClient, site: Path) -> None:
    replace_in(site / "content" / PHONE_CALL_FILE, f"title: {PHONE_CALL_TITLE}", "title: 編集後の見出し")

    assert client.next_message() == FULL_RELOAD
    status, page = server.get(ARTICLE)
    assert status == 200 and "<h1 class=\"article-title\">編集後の見出し</h1>" in page.replace("<wbr>", "")


def test_pages_left_for_after_the_reload_are_never_served_stale(
    server: ServeProcess, client: ReloadClient, site: Path
) -> None:
    client.show(server.url + ARTICLE.lstrip("/"))
    server.get("/")  # the server has read the info command once it answers a later request
    replace_in(site / "content" / PHONE_CALL_FILE, f"title: {PHONE_CALL_TITLE}", "title: 先に描く見出し")

    assert client.next_message() == {"command": "reload", "path": ARTICLE, "liveCSS": False, "liveImg": True}
    for path in ("/tags/ukraine/", "/tags/energy/", "/", ARTICLE):
        status, page = server.get(path)
        assert status == 200 and "先に描く見出し" in page.replace("<wbr>", ""), path


def test_a_new_article_is_served_though_its_page_was_left_for_later(
    server: ServeProcess, client: ReloadClient, site: Path
) -> None:
    client.show(server.url + ARTICLE.lstrip("/"))
    server.get("/")
    text = (site / "content" / PHONE_CALL_FILE).read_text(encoding="utf-8")
    (site / "content" / "2025-03-20-new-article.yaml").write_text(
        text.replace(f"title: {PHONE_CALL_TITLE}", "title: 新しく足した記事"), encoding="utf-8"
    )

    assert client.next_message()["command"] == "reload"
    status, page = server.get("/articles/2025-03-20-new-article/")
    assert status == 200 and "新しく足した記事" in page


def test_two_edits_a_second_apart_send_two_reloads(server: ServeProcess, client: ReloadClient, site: Path) -> None:
    article = site / "content" / PHONE_CALL_FILE
    replace_in(article, "今回の会談は、ウクライナ情勢", "一度目の編集、ウクライナ情勢")
    time.sleep(1.0)  # the scenario itself: livereload 2.7.1 would drop the second reload
    replace_in(article, "一度目の編集、ウクライナ情勢", "二度目の編集、ウクライナ情勢")

    assert client.next_message() == BODY_RELOAD
    assert client.next_message() == BODY_RELOAD
    _, page = server.get(ARTICLE)
    assert "二度目の編集" in page and "一度目の編集" not in page


def test_an_error_page_replaces_the_site_until_the_next_good_save(
    server: ServeProcess, client: ReloadClient, site: Path
) -> None:
    article = site / "content" / PHONE_CALL_FILE
    replace_in(article, "date: 2025-03-19", "date: <script>alert(1)</script>")

    assert client.next_message() == FULL_RELOAD
    for path in (ARTICLE, "/", "/tags/"):
        status, page = server.get(path)
        assert status == 500
        assert (
            f"content/{PHONE_CALL_FILE}:3:7: date: expected a date as YYYY-MM-DD, "
            "got &#x27;&lt;script&gt;alert(1)&lt;/script&gt;&#x27;"
        ) in page
        assert "<script>alert(1)" not in page
        assert SCRIPT in page  # the error page reloads by itself too

    replace_in(article, "date: <script>alert(1)</script>", "date: 2025-03-19")

    assert client.next_message() == FULL_RELOAD
    status, page = server.get(ARTICLE)
    assert status == 200 and PHONE_CALL_TITLE in page


def test_a_css_change_is_a_live_css_reload(server: ServeProcess, client: ReloadClient, site: Path) -> None:
    stylesheet = site / "static" / "style.css"
    stylesheet.write_text(stylesheet.read_text(encoding="utf-8") + "\n.kiku-live { color: teal; }\n", encoding="utf-8")

    assert client.next_message() == {"command": "reload", "path": "/static/style.css", "liveCSS": True, "liveImg": True}
    status, css = server.get("/static/style.css")
    assert status == 200 and css.endswith(".kiku-live { color: teal; }\n")


REFUSED_PATHS = (
    "/../site.yaml",
    "/static/../../site.yaml",
    "/%2e%2e/site.yaml",
    "/%2E%2E/%2e%2e/etc/passwd",
    "/static%2f..%2f..%2fsite.yaml",
    "/..%5csite.yaml",
    "/static/..\\..\\site.yaml",
    "//etc/passwd",
    "/%2fetc/passwd",
    "http://127.0.0.1/../site.yaml",
    "/index.html%00.css",
)


def test_requests_outside_the_preview_folder_are_refused(server: ServeProcess) -> None:
    for raw_path in REFUSED_PATHS:
        status, body = server.get(raw_path)
        assert status in (403, 404), (raw_path, status)
        assert "base_url" not in body and "root:" not in body, raw_path
    assert server.get("/../site.yaml")[0] == 403
    assert server.get("/%2e%2e/site.yaml")[0] == 403


def test_the_preview_is_built_for_its_own_address(server: ServeProcess) -> None:
    """The 404 page's links start from the base URL's path: under the preview that is '/', not
    site.yaml's '/digest/', so a mistyped address still shows a styled page that leads home."""
    status, body = server.get("/no-such-page/")
    assert status == 404
    assert 'href="/static/style.css"' in body and 'href="/index.html"' in body
    assert server.get("/static/style.css")[0] == 200
    assert f'<link rel="canonical" href="{server.url}">' in server.get("/")[1]


def test_the_projects_own_files_and_symlinks_out_are_not_served(server: ServeProcess, site: Path) -> None:
    for path in ("/site.yaml", f"/content/{PHONE_CALL_FILE}", "/templates/base.html"):
        assert server.get(path)[0] == 404, path
    os.symlink(site / "site.yaml", server.preview_dir / "linked.yaml")
    os.symlink(site, server.preview_dir / "linked-site")
    assert server.get("/linked.yaml")[0] == 403
    assert server.get("/linked-site/site.yaml")[0] == 403


def test_a_port_in_use_is_a_one_line_error(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        exit_code = main(["serve", "--site", str(site), "--port", str(port)])
    assert exit_code == 1
    assert capsys.readouterr().err.splitlines()[-1] == f"kiku: cannot listen on 127.0.0.1:{port}: Address already in use"
