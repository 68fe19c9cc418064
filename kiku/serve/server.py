"""The preview's HTTP side: the built files, the livereload websocket, the error page.

A small tornado application of its own rather than livereload's ``Server``: that one keeps its
state in class attributes, throttles reloads to one per 3 s, and polls. The browser side is
livereload's own client (``livereload.js``, official protocol 7), so ``liveCSS`` works as
usual. The client script is added to HTML responses as they are sent; built files never hold it.

Only files inside the preview folder are served: a path is decoded segment by segment, and one
that holds ``.``/``..``, an encoded slash or backslash, a NUL or a hidden name is refused, as is
any path that leaves the folder once symlinks are resolved.
"""

from __future__ import annotations

import json
import logging
import mimetypes
import os
from importlib import resources
from pathlib import Path
from typing import Protocol
from urllib.parse import unquote, urlsplit

from tornado import web, websocket

from kiku.serve.errorpage import error_page
from kiku.serve.incremental import Reload

log = logging.getLogger(__name__)

LIVERELOAD_PROTOCOL = "http://livereload.com/protocols/official-7"
_NOT_FOUND = b"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>404 Not Found</title></head>
<body><h1>404 Not Found</h1><p>No page at this address in the preview.</p></body></html>
"""


class BuildState(Protocol):
    """What the server needs from the build: the error to show (or None), and fresh pages."""

    @property
    def error(self) -> str | None: ...

    def ensure_current(self, output_path: str) -> None: ...


class Refused(Exception):
    """The request path does not name a file inside the preview folder."""

    def __init__(self, status: int) -> None:
        super().__init__(status)
        self.status = status


def resolve_request_path(root: str, raw_path: str) -> str:
    """The real file-system path for the raw (still percent-encoded) URL path ``raw_path``.

    ``root`` must be a real path (symlinks resolved). Raises ``Refused(403)`` for a path that
    tries to leave ``root`` or smuggles a separator, ``Refused(404)`` for one that is malformed.
    """
    if not raw_path.startswith("/") or "\\" in raw_path:
        raise Refused(403)
    segments = raw_path[1:].split("/")
    decoded = []
    for position, segment in enumerate(segments):
        try:
            text = unquote(segment, errors="strict")
        except UnicodeDecodeError:
            raise Refused(404) from None
        if text in (".", "..") or any(character in text for character in "/\\\x00"):
            raise Refused(403)
        if text.startswith(".") or (not text and position != len(segments) - 1):
            raise Refused(404)  # hidden files (the writer's temporaries) and empty segments
        decoded.append(text)
    real = os.path.realpath(os.path.join(root, *decoded))
    if os.path.commonpath([real, root]) != root:
        raise Refused(403)
    return real


def inject_script(html: bytes, script: bytes) -> bytes:
    """``html`` with ``script`` added just before its last ``</body>`` (at the end when none)."""
    position = html.lower().rfind(b"</body>")
    if position < 0:
        return html + script
    return html[:position] + script + html[position:]


def output_path_of(url: str) -> str:
    """The preview file a browser shows at ``url`` (``…/articles/x/`` → ``articles/x/index.html``)."""
    path = unquote(urlsplit(url).path).lstrip("/")
    return path + "index.html" if path == "" or path.endswith("/") else path


class Hub:
    """The connected livereload clients, and the pages they show (read from any thread)."""

    def __init__(self) -> None:
        self.sockets: set[LiveReloadSocket] = set()
        self._showing: dict[LiveReloadSocket, str] = {}
        self.viewed: frozenset[str] = frozenset()  # replaced whole, never mutated

    def showing(self, socket: LiveReloadSocket, output_path: str | None) -> None:
        """Record the page ``socket``'s browser shows (None: it left)."""
        if output_path is None:
            self._showing.pop(socket, None)
        else:
            self._showing[socket] = output_path
        self.viewed = frozenset(self._showing.values())

    def send(self, reloads: tuple[Reload, ...]) -> None:
        """Send every reload command to every client (call on the server's event loop)."""
        for reload in reloads:
            message = json.dumps(
                {"command": "reload", "path": reload.path, "liveCSS": reload.live_css, "liveImg": True}
            )
            for socket in list(self.sockets):
                try:
                    socket.write_message(message)
                except websocket.WebSocketClosedError:
                    self.sockets.discard(socket)


class LiveReloadSocket(websocket.WebSocketHandler):
    """The livereload protocol, server side: answer ``hello``, then push ``reload`` commands."""

    def initialize(self, hub: Hub) -> None:
        self.hub = hub

    def on_message(self, message: str | bytes) -> None:
        try:
            command = json.loads(message)
        except ValueError:
            return
        if not isinstance(command, dict):
            return
        if command.get("command") == "hello":
            self.write_message(json.dumps({"command": "hello", "protocols": [LIVERELOAD_PROTOCOL],
                                           "serverName": "kiku"}))
            self.hub.sockets.add(self)
        elif command.get("command") == "info" and isinstance(command.get("url"), str):
            self.hub.showing(self, output_path_of(command["url"]))

    def on_close(self) -> None:
        self.hub.sockets.discard(self)
        self.hub.showing(self, None)


class LiveReloadScript(web.RequestHandler):
    """livereload's browser client, as shipped in the livereload package."""

    SCRIPT = (resources.files("livereload") / "vendors" / "livereload.js").read_bytes()

    def get(self) -> None:
        self.set_header("Content-Type", "application/javascript; charset=utf-8")
        self.set_header("Cache-Control", "no-store")
        self.write(self.SCRIPT)


class PreviewFiles(web.RequestHandler):
    """The preview folder; every HTML response carries the livereload client."""

    def initialize(self, root: Path, state: BuildState, port: int) -> None:
        self.root = os.path.realpath(root)
        self.state = state
        self.script = f'<script src="/livereload.js?port={port}"></script>\n'.encode()

    def get(self) -> None:
        raw_path = self.request.path
        try:
            file = resolve_request_path(self.root, raw_path)
        except Refused as refused:
            self._send(refused.status, b"", "text/plain; charset=utf-8")
            return
        if raw_path.endswith("/"):
            file = os.path.join(file, "index.html")
        elif os.path.isdir(file):
            query = f"?{self.request.query}" if self.request.query else ""
            self.redirect(raw_path + "/" + query)
            return
        self.state.ensure_current(Path(os.path.relpath(file, self.root)).as_posix())  # maybe not written yet
        content_type = _content_type(file)
        is_html = content_type.startswith("text/html")
        error = self.state.error
        if error is not None and (is_html or not os.path.isfile(file)):
            self._send(500, inject_script(error_page(error), self.script), "text/html; charset=utf-8")
        elif not os.path.isfile(file):
            self._send(404, inject_script(self._not_found_page(), self.script), "text/html; charset=utf-8")
        else:
            with open(file, "rb") as opened:
                data = opened.read()
            self._send(200, inject_script(data, self.script) if is_html else data, content_type)

    def _not_found_page(self) -> bytes:
        custom = os.path.join(self.root, "404.html")
        if os.path.isfile(custom):
            with open(custom, "rb") as opened:
                return opened.read()
        return _NOT_FOUND

    def _send(self, status: int, body: bytes, content_type: str) -> None:
        self.set_status(status)
        self.set_header("Content-Type", content_type)
        self.set_header("Cache-Control", "no-store")
        self.set_header("X-Content-Type-Options", "nosniff")
        self.finish(body)


def _content_type(file: str) -> str:
    guessed, _ = mimetypes.guess_type(file)
    if guessed is None:
        return "application/octet-stream"
    if guessed.startswith("text/") or guessed in ("application/javascript", "application/json", "application/xml"):
        return f"{guessed}; charset=utf-8"
    return guessed


def make_application(root: Path, state: BuildState, hub: Hub, port: int) -> web.Application:
    """The preview application over the folder ``root`` (livereload's ``/livereload`` socket
    and ``/livereload.js`` client; everything else is a file of ``root``)."""
    return web.Application(
        [
            (r"/livereload", LiveReloadSocket, {"hub": hub}),
            (r"/livereload\.js", LiveReloadScript),
            (r"/.*", PreviewFiles, {"root": root, "state": state, "port": port}),
        ],
        websocket_ping_interval=20,
    )
