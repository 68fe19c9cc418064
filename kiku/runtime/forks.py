"""Run one task over interleaved shares of a list, one forked process per core.

The build's two heavy loops (reading and validating articles, rendering pages) do the same work
for every item, so each process takes every n-th item and nothing needs to be planned. The forked
children inherit everything the task needs (the plan, the templates, the environment): nothing is
pickled on the way in, which is why this is ``fork`` and not a spawn pool, whose arguments would
all be pickled (a page's context holds mapping proxies that cannot be). On the way out each share's
result is pickled back through a pipe, so results should be small. This process works on share 0
meanwhile. A child's exception comes back the same way and is raised here.

Forking is used only where it is safe and pays: with ``os.fork`` available, from a process with no
other thread (``kiku serve``'s threads render page by page, in place), and with at least
``min_share`` items for each extra process.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
import time
from collections.abc import Callable, Sequence
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from typing import Generic, TypeVar, cast

from kiku.errors import KikuError

T = TypeVar("T")
R = TypeVar("R")


class WorkerError(KikuError):
    """A forked worker ended without reporting (the build fails; the previous output stays)."""


def process_count(items: int, min_share: int) -> int:
    """How many processes share ``items`` items: 1 unless forking is safe and pays."""
    if not hasattr(os, "fork") or threading.active_count() > 1:
        return 1
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return max(1, min(cores, items // min_share))


def map_shares(task: Callable[[Sequence[T]], R], items: Sequence[T], processes: int) -> list[R]:
    """``[task(items[0::n]), task(items[1::n]), …]`` for n = ``processes``, share k > 0 in a fork."""
    if processes <= 1:
        return [task(items)]
    context = multiprocessing.get_context("fork")
    children: list[tuple[BaseProcess, Connection]] = []
    try:
        for share in range(1, processes):
            receiver, sender = context.Pipe(duplex=False)
            child = context.Process(target=_child, args=(task, items[share::processes], sender), daemon=True)
            child.start()
            sender.close()
            children.append((child, receiver))
        results = [task(items[0::processes])]
        for process, receiver in children:
            results.append(cast(R, _received(process, receiver)))
        return results
    finally:
        for process, _ in children:
            if process.is_alive():
                process.terminate()
                process.join()


def alongside(main: Callable[[], T], side: Callable[[], R]) -> tuple[T, R]:
    """``(main(), side())``: ``side`` in a forked process while this one runs ``main``, when forking
    is safe (else one after the other). ``side``'s result is pickled back, so should be small."""
    if process_count(2, 1) < 2:
        return main(), side()
    first, second = map_shares(_call_each, [main, side], 2)
    return cast(T, first[0]), cast(R, second[0])


class Started(Generic[R]):
    """A task started in a forked process, when forking is safe (else it runs when its result is
    asked for): the process inherits everything, its result is pickled back (so should be small)."""

    def __init__(self, task: Callable[[], R]) -> None:
        # Not kept once its process has it: what the task holds (a planner being stored) may be let
        # go here while that process runs.
        self._task: Callable[[], R] | None = task
        self._process: BaseProcess | None = None
        self._receiver: Connection | None = None
        if process_count(2, 1) >= 2:
            context = multiprocessing.get_context("fork")
            receiver, sender = context.Pipe(duplex=False)
            process = context.Process(target=_child, args=(_call_first, [task], sender), daemon=True)
            process.start()
            sender.close()
            self._process, self._receiver, self._task = process, receiver, None

    @property
    def forked(self) -> bool:
        """Whether the task runs in a process of its own (else here, when its result is asked for)."""
        return self._process is not None

    def result(self) -> R:
        """The task's result (waiting for its process); its error is raised here."""
        if self._process is None or self._receiver is None:
            assert self._task is not None
            return self._task()
        return cast(R, _received(self._process, self._receiver))

    def cancel(self) -> None:
        """Stop the task's process, if it is still running."""
        if self._process is not None and self._process.is_alive():
            self._process.terminate()
            self._process.join()


def _received(process: BaseProcess, receiver: Connection) -> object:
    """What a forked worker sent back, once it has ended; its error is raised here."""
    try:
        outcome = receiver.recv()
    except EOFError:  # killed (out of memory, a signal) before it could answer
        process.join()
        raise WorkerError(f"a build worker died (exit code {process.exitcode})") from None
    process.join()
    if isinstance(outcome, _Failure):
        raise outcome.error
    return outcome


def _call_first(calls: Sequence[Callable[[], R]]) -> R:
    return calls[0]()


def _call_each(calls: Sequence[Callable[[], object]]) -> list[object]:
    return [call() for call in calls]


def interleave(shares: Sequence[Sequence[R]]) -> list[R]:
    """The items of ``map_shares``' shares back in their original order."""
    merged: list[R] = []
    for index in range(max((len(share) for share in shares), default=0)):
        merged.extend(share[index] for share in shares if index < len(share))
    return merged


class _Failure:
    """A child's exception, told apart from a result that happens to be an exception."""

    def __init__(self, error: BaseException) -> None:
        self.error = error


def _child(task: Callable[[Sequence[T]], R], items: Sequence[T], result: Connection) -> None:
    # Ctrl-C reaches the whole process group, SIGTERM comes from the parent's cleanup: either ends
    # a worker silently. The parent (kiku.runtime.interrupt) cleans up and prints the one line.
    for number in (signal.SIGINT, signal.SIGTERM):
        signal.signal(number, signal.SIG_DFL)
    threading.Thread(target=_exit_when_orphaned, args=(os.getppid(),), daemon=True).start()
    try:
        outcome: object = task(items)
    except Exception as error:  # raised again in the parent: the build's error, reported once
        outcome = _Failure(error)
    result.send(outcome)
    result.close()


def _exit_when_orphaned(parent: int) -> None:
    """A parent killed outright (SIGKILL) cannot stop its workers: they stop themselves, so that
    none writes on into a staging folder the next build is removing."""
    while os.getppid() == parent:
        time.sleep(0.05)
    os._exit(1)
