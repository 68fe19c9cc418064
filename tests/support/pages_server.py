"""A built site served like GitHub Pages serves a project site: under /digest/, with its 404 page,
and byte ranges (the search script reads a record by one)."""

from __future__ import annotations

import contextlib
import functools
import http.server
import io
import os
import re
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

_RANGE = re.compile(r"bytes=(\d+)-(\d*)")


class RangeHandler(http.server.SimpleHTTPRequestHandler):
    """A file handler that answers a request for one byte range (``Range: bytes=a-b``) with its
    bytes and status 206, as GitHub Pages and most hosts do (Python's own handler sends the whole file)."""

    ranges = True

    def send_head(self) -> IO[bytes] | None:  # type: ignore[override]
        asked = _RANGE.fullmatch(self.headers.get("Range", "").strip()) if self.ranges else None
        path = self.translate_path(self.path)
        if asked is None or not os.path.isfile(path):
            return super().send_head()  # type: ignore[no-any-return]
        data = Path(path).read_bytes()
        start, end = int(asked[1]), min(int(asked[2] or len(data) - 1), len(data) - 1)
        if start > end:
            self.send_error(416)
            return None
        self.send_response(206)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Range", f"bytes {start}-{end}/{len(data)}")
        self.send_header("Content-Length", str(end - start + 1))
        self.end_headers()
        return io.BytesIO(data[start : end + 1])


class PagesHandler(RangeHandler):
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


class WholeFilesHandler(PagesHandler):
    """``PagesHandler`` that ignores ranges, as ``kiku serve`` and Python's own server do."""

    ranges = False


@contextlib.contextmanager
def serve_pages(root: Path, *, ranges: bool = True) -> Iterator[str]:
    """``root`` (holding the site in ``root/digest``) at http://127.0.0.1:PORT/digest/ until the block
    ends; ``ranges``: whether a request for a byte range gets those bytes, or the whole file."""
    handler = functools.partial(PagesHandler if ranges else WholeFilesHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/digest/"
    finally:
        server.shutdown()
        server.server_close()
