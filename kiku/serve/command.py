"""``kiku serve``: build into a private folder, serve it, rebuild on every save, until Ctrl-C.

The preview is built into a new temporary folder (``kiku-preview-*/site`` in the system temp dir),
not into ``_site/`` or anywhere in the project: the editor's own build is never touched, the
server can never hand out a project file, and the watchers never see the preview's writes.
The folder is deleted when the server stops (SIGINT, SIGTERM), and one a killed preview left
behind is deleted when the next preview starts (``kiku.output.owned``).
"""

from __future__ import annotations

import asyncio
import logging
import os
import signal
import socket
from pathlib import Path
from typing import TextIO

from tornado import httpserver, netutil
from tornado.ioloop import IOLoop

from kiku.errors import KikuError
from kiku.output.owned import owned_temp_dir
from kiku.serve.incremental import Outcome, PreviewBuilder
from kiku.serve.server import Hub, make_application
from kiku.serve.watch import Rebuilder

log = logging.getLogger(__name__)


def serve(site_root: Path, host: str, port: int, out: TextIO, *, future: bool = False) -> int:
    """Serve the site at ``site_root`` on ``host:port`` (0: any free port) until SIGINT/SIGTERM.

    Prints the URL on ``out`` once the site is built and the port is open. Returns 0; raises
    KikuError when the address cannot be listened on.
    """
    logging.getLogger("tornado.access").setLevel(logging.WARNING)  # log refused and failed requests only
    try:
        sockets = netutil.bind_sockets(port, address=host)
    except OSError as error:
        raise KikuError(f"cannot listen on {host}:{port}: {error.strerror or error}") from None
    bound_port = sockets[0].getsockname()[1]
    shown_host = f"[{host}]" if ":" in host else host
    url = f"http://{shown_host}:{bound_port}/"
    try:
        with owned_temp_dir("kiku-preview-", what="a preview") as scratch:
            _build_and_serve(site_root, scratch / "site", sockets, url, out, future)
    finally:
        for listener in sockets:  # already closed by the server when it ran; closing twice is harmless
            listener.close()
    return 0


def _build_and_serve(site_root: Path, preview_dir: Path, sockets: list[socket.socket], url: str,
                     out: TextIO, future: bool) -> None:
    preview_dir.mkdir()
    preview_dir.chmod(0o755)
    builder = PreviewBuilder(Path(os.path.realpath(site_root)), preview_dir, base_url=url, future=future)
    first = builder.rebuild()
    if first.error:
        log.error("kiku serve: the site does not build (the browser shows why):\n%s", first.error)
    asyncio.run(_serve_until_stopped(builder, sockets, url, out))


async def _serve_until_stopped(builder: PreviewBuilder, sockets: list[socket.socket], url: str, out: TextIO) -> None:
    bound_port = sockets[0].getsockname()[1]
    hub = Hub()
    server = httpserver.HTTPServer(make_application(builder.out_dir, builder, hub, bound_port))
    server.add_sockets(sockets)
    loop = IOLoop.current()

    def notify(outcome: Outcome) -> None:  # called on the rebuild thread
        if outcome.reloads:
            loop.add_callback(hub.send, outcome.reloads)

    rebuilder = Rebuilder(builder, notify, viewed=lambda: hub.viewed)
    rebuilder.start()
    stopped = asyncio.Event()
    running = asyncio.get_running_loop()
    for signal_number in (signal.SIGINT, signal.SIGTERM):
        running.add_signal_handler(signal_number, stopped.set)
    print(f"kiku: serving {url} (preview built in {builder.out_dir}); "
          "Ctrl-C stops", file=out, flush=True)
    try:
        await stopped.wait()
    finally:
        server.stop()
        for connection in list(hub.sockets):
            connection.close()
        rebuilder.stop()
        await server.close_all_connections()
