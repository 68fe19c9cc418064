"""A built site served like GitHub Pages serves a project site: under /digest/, with its 404 page."""

from __future__ import annotations

import contextlib
import functools
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any


class PagesHandler(http.server.SimpleHTTPRequestHandler):
    """Serves a folder like GitHub Pages does: a missing path gets /digest/404.html with status 404."""

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        not_found = Path(self.directory) / "digest" / "404.html"
        if code != 404 or not not_found.is_file():
            super().send_error(code, message, explain)
            return
        body = not_found.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:  # keep the test output quiet
        pass


@contextlib.contextmanager
def serve_pages(root: Path) -> Iterator[str]:
    """``root`` (holding the site in ``root/digest``) at http://127.0.0.1:PORT/digest/ until the block ends."""
    handler = functools.partial(PagesHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/digest/"
    finally:
        server.shutdown()
        server.server_close()
