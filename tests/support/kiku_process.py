"""``python -m kiku …`` as a separate process, for what only a process shows: hangs, signals, kills."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.support.paths import REPO

# Far more than any of these commands needs on a small site; a hang (a FIFO read) fails the test.
HANG_TIMEOUT = 60.0


def run_kiku(*args: str, env: dict[str, str] | None = None,
             timeout: float = HANG_TIMEOUT) -> subprocess.CompletedProcess[str]:
    """Run ``kiku args…`` to its end; ``env`` is added to the environment."""
    return subprocess.run([sys.executable, "-m", "kiku", *args], cwd=REPO, capture_output=True, text=True,
                          encoding="utf-8", env=kiku_environment(env), timeout=timeout, check=False)


def start_kiku(*args: str, env: dict[str, str] | None = None) -> subprocess.Popen[str]:
    """Start ``kiku args…`` with its stdout and stderr captured."""
    return subprocess.Popen([sys.executable, "-m", "kiku", *args], cwd=REPO, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, encoding="utf-8", env=kiku_environment(env))


def kiku_environment(extra: dict[str, str] | None) -> dict[str, str]:
    environment = {key: value for key, value in os.environ.items() if key != "SOURCE_DATE_EPOCH"}
    environment.update(extra or {})
    return environment


def dead_pid() -> int:
    """The id of a process that has ended (as a killed kiku's would be)."""
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid


def files_under(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` by its POSIX path there."""
    return {path.relative_to(folder).as_posix(): path.read_bytes()
            for path in sorted(folder.rglob("*")) if path.is_file()}
