"""File-system events → rebuilds → reload signals, one rebuild at a time.

Native events come from ``watchfiles`` (inotify / FSEvents / ReadDirectoryChangesW) instead of
livereload's own watcher, which polls every 0.8 s and drops a second reload that comes within
3 s of the first (``LiveReloadHandler.DEFAULT_RELOAD_TIME``). Two watchers run: one recursive
over ``content/``, ``templates/`` and ``static/``, one over the site root alone for
``site.yaml`` and for those folders appearing or going away (then the first one restarts).
The site root is not watched recursively: it holds ``.venv/``, ``scraped/`` and ``_site/``.
A third thread takes the batched events, rebuilds and hands the outcome to ``notify``.
"""

from __future__ import annotations

import logging
import queue
import threading
import time
import traceback
from collections.abc import Callable
from pathlib import Path

import watchfiles

from kiku.serve.incremental import CONFIG_FILE, WATCHED_DIRS, Change, Outcome, PreviewBuilder, Reload

log = logging.getLogger(__name__)

# watchfiles yields a batch once no new event came for STEP_MS; an editor's save is one burst.
STEP_MS = 20
_ROOT_ENTRIES = frozenset((CONFIG_FILE, *WATCHED_DIRS))


class Rebuilder:
    """Watches the site of ``builder`` and rebuilds on every change until ``stop``."""

    def __init__(
        self, builder: PreviewBuilder, notify: Callable[[Outcome], None], viewed: Callable[[], frozenset[str]]
    ) -> None:
        self._builder = builder
        self._notify = notify
        self._viewed = viewed
        self._root = builder.site_root
        self._changes: queue.Queue[set[Path] | None] = queue.Queue()
        self._stopping = threading.Event()
        self._restart = threading.Event()
        self._threads = [
            threading.Thread(target=self._watch_folders, name="kiku-watch-folders", daemon=True),
            threading.Thread(target=self._watch_root, name="kiku-watch-root", daemon=True),
            threading.Thread(target=self._rebuild_loop, name="kiku-rebuild", daemon=True),
        ]

    def start(self) -> None:
        for thread in self._threads:
            thread.start()

    def stop(self) -> None:
        """Stop watching; returns once the threads ended (a running rebuild finishes first)."""
        self._stopping.set()
        self._restart.set()
        self._changes.put(None)
        for thread in self._threads:
            thread.join(timeout=10)

    def _watch_folders(self) -> None:
        while not self._stopping.is_set():
            self._restart.clear()
            folders = [self._root / name for name in WATCHED_DIRS if (self._root / name).is_dir()]
            if not folders:
                self._restart.wait()
                continue
            for batch in watchfiles.watch(
                *folders, step=STEP_MS, stop_event=self._restart, raise_interrupt=False, rust_timeout=1000
            ):
                self._changes.put({Path(path) for _, path in batch})

    def _watch_root(self) -> None:
        def at_root(_: watchfiles.Change, path: str) -> bool:
            return Path(path).name in _ROOT_ENTRIES

        for batch in watchfiles.watch(
            self._root,
            watch_filter=at_root,
            recursive=False,
            step=STEP_MS,
            stop_event=self._stopping,
            raise_interrupt=False,
            rust_timeout=1000,
        ):
            paths = {Path(path) for _, path in batch}
            if any(path.name in WATCHED_DIRS for path in paths):
                self._restart.set()  # a watched folder appeared or went away: watch the new set
            self._changes.put(paths)

    def _rebuild_loop(self) -> None:
        while True:
            paths = self._changes.get()
            if paths is None:
                return
            while True:  # everything already queued goes into the same rebuild
                try:
                    more = self._changes.get_nowait()
                except queue.Empty:
                    break
                if more is None:
                    return
                paths |= more
            change = Change.of(self._root, paths)
            if not change.is_empty:
                self._rebuild(change)

    def _rebuild(self, change: Change) -> None:
        started = time.perf_counter()
        try:
            outcome = self._builder.rebuild(change, self._viewed())
            self._notify(outcome)
            before_reload = time.perf_counter() - started
            later = self._builder.render_deferred(should_pause=lambda: not self._changes.empty())
        except OSError as error:  # a file that cannot be read or written (disk full, permissions): one line
            where = f"{error.filename}: " if error.filename else ""
            self._builder.error = f"the rebuild failed: {where}{error.strerror or error}"
            log.error("kiku serve: %s", self._builder.error)
            self._notify(Outcome(error=self._builder.error, reloads=(Reload("/"),)))
            return
        except Exception as error:  # the preview keeps running; the page shows what broke
            log.error("kiku serve: the rebuild failed:\n%s", traceback.format_exc())
            self._builder.error = f"the rebuild failed: {type(error).__name__}: {error}"
            self._notify(Outcome(error=self._builder.error, reloads=(Reload("/"),)))
            return
        if later.reloads:
            self._notify(later)
        if outcome.error or later.error:
            log.error("kiku serve: the site does not build:\n%s", outcome.error or later.error)
        elif outcome.written or outcome.removed or later.written:
            left = len(self._builder.deferred)
            log.info(
                "kiku serve: %d file(s) written and %d removed before the reload (%.0f ms), %d page(s) after it; %s",
                len(outcome.written), len(outcome.removed), before_reload * 1000, len(later.written),
                f"{left} left for the next rebuild" if left else
                f"all done in {(time.perf_counter() - started) * 1000:.0f} ms",
            )
