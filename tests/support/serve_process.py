"""``kiku serve`` as a user runs it: a real server process, a livereload client, raw HTTP."""

from __future__ import annotations

import asyncio
import http.client
import json
import queue
import re
import signal
import subprocess
import sys
import threading
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import urlsplit

from tornado.websocket import WebSocketClientConnection, websocket_connect

from tests.support.paths import REPO

T = TypeVar("T")
STARTUP_TIMEOUT = 60.0
_ANNOUNCEMENT = re.compile(r"kiku: serving (http://\S+/) \(preview built in (.+)\); Ctrl-C stops")


class ServeProcess:
    """``python -m kiku serve --site SITE --port 0``, started and waited for until it prints its URL."""

    def __init__(self, site: Path, *extra: str) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "kiku", "serve", "--site", str(site), "--port", "0", *extra],
            cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8",
        )
        self.stderr: list[str] = []
        lines: queue.Queue[str] = queue.Queue()
        threading.Thread(target=_pump, args=(self.process.stdout, lines.put), daemon=True).start()
        threading.Thread(target=_pump, args=(self.process.stderr, self.stderr.append), daemon=True).start()
        try:
            first = lines.get(timeout=STARTUP_TIMEOUT)
        except queue.Empty:
            self.process.kill()
            raise AssertionError(f"kiku serve printed no URL; stderr: {''.join(self.stderr)}") from None
        match = _ANNOUNCEMENT.fullmatch(first.strip())
        assert match, first
        self.url = match.group(1)
        self.preview_dir = Path(match.group(2))

    def get(self, raw_path: str) -> tuple[int, str]:
        """Status and body of GET ``raw_path``, sent exactly as given (no client-side normalising)."""
        address = urlsplit(self.url)
        connection = http.client.HTTPConnection(address.hostname or "", address.port, timeout=10)
        try:
            connection.request("GET", raw_path)
            response = connection.getresponse()
            return response.status, response.read().decode("utf-8", errors="replace")
        finally:
            connection.close()

    def stop(self) -> int:
        """Ctrl-C, then the exit code (the server must stop by itself within 15 s)."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
                raise AssertionError("kiku serve did not stop on SIGINT") from None
        return self.process.returncode


def _pump(stream: Any, put: Any) -> None:
    for line in stream:
        put(line)


class ReloadClient:
    """A livereload client as livereload.js is one: connect, say hello, receive commands."""

    def __init__(self, server_url: str) -> None:
        self._loop = asyncio.new_event_loop()
        address = urlsplit(server_url)
        url = f"ws://{address.netloc}/livereload"
        self._connection: WebSocketClientConnection = self._run(lambda: websocket_connect(url))
        hello = json.dumps({"command": "hello", "protocols": ["http://livereload.com/protocols/official-7"]})
        self._run(lambda: self._connection.write_message(hello))
        answer = self.next_message()
        assert answer["command"] == "hello" and "http://livereload.com/protocols/official-7" in answer["protocols"]

    def _run(self, start: Callable[[], Awaitable[T]], timeout: float = 10.0) -> T:
        """Run what ``start`` begins on this client's event loop, for at most ``timeout`` seconds."""

        async def waited() -> T:
            return await asyncio.wait_for(start(), timeout)

        return self._loop.run_until_complete(waited())

    def show(self, url: str) -> None:
        """Tell the server this client's browser shows ``url`` (livereload.js's ``info`` command)."""
        info = json.dumps({"command": "info", "plugins": {}, "url": url})
        self._run(lambda: self._connection.write_message(info))

    def next_message(self, timeout: float = 10.0) -> dict[str, Any]:
        """The next command from the server; fails after ``timeout`` seconds without one."""
        message = self._run(self._connection.read_message, timeout)
        assert message is not None, "the server closed the livereload connection"
        parsed: dict[str, Any] = json.loads(message)
        return parsed

    def close(self) -> None:
        self._connection.close()
        self._loop.close()
