"""Ctrl-C and SIGTERM as an exception, so that every ``finally`` runs and the CLI prints one line.

By default SIGTERM ends Python at once (no cleanup: a build's staging folder stays behind) and
SIGINT raises KeyboardInterrupt (a traceback). While :func:`stop_signals_raise` is active, both
raise :class:`Interrupted` in the main thread instead; it derives from BaseException so that no
``except Exception`` on the way swallows it. Once one arrived, later ones are ignored until the
cleanup is done: a second Ctrl-C must not cut the removal of a half-written folder short.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

_STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM)


class Interrupted(BaseException):
    """The process was asked to stop by ``signal_number``."""

    def __init__(self, signal_number: int) -> None:
        super().__init__(signal_number)
        self.signal_number = signal_number

    @property
    def exit_code(self) -> int:
        """The shell's convention: 128 + the signal number (130 for Ctrl-C, 143 for SIGTERM)."""
        return 128 + self.signal_number

    @property
    def described(self) -> str:
        return "Ctrl-C" if self.signal_number == signal.SIGINT else signal.Signals(self.signal_number).name


def _raise_interrupted(signal_number: int, _: FrameType | None) -> None:
    for number in _STOP_SIGNALS:
        signal.signal(number, signal.SIG_IGN)
    raise Interrupted(signal_number)


@contextmanager
def stop_signals_raise() -> Iterator[None]:
    """Within the block, SIGINT and SIGTERM raise Interrupted; the previous handlers come back after.

    Off the main thread (where Python cannot set handlers) the block runs unchanged.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = {number: signal.getsignal(number) for number in _STOP_SIGNALS}
    for number in _STOP_SIGNALS:
        signal.signal(number, _raise_interrupted)
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)
