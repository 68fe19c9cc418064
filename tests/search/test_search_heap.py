"""The index's process keeps the memory its batches free (kiku.search.heap): fewer page faults."""

from __future__ import annotations

import os
import platform
import random
import resource

import pytest

from kiku.search.entries.text_arrays import batch_tokens
from kiku.search.heap import reuse_freed_memory

glibc = pytest.mark.skipif(
    not hasattr(os, "fork") or platform.system() != "Linux" or platform.libc_ver()[0] != "glibc",
    reason="glibc's malloc only",
)


def _faults_tokenising(reuse: bool) -> int:
    """Minor page faults of tokenising 12 batches of texts of mixed lengths in a forked child."""
    reader, writer = os.pipe()
    child = os.fork()
    if child == 0:  # pragma: no cover - runs in the child
        status = 1
        try:
            if reuse and not reuse_freed_memory():
                raise AssertionError("reuse_freed_memory did nothing")
            chooser = random.Random(0)
            texts = [("停戦交渉" * chooser.randint(20, 400), "ゼレンスキー大統領 NATO" * chooser.randint(50, 900))
                     for _ in range(64 * 12)]
            before = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
            for start in range(0, len(texts), 64):
                batch_tokens(texts[start : start + 64])
            os.write(writer, str(resource.getrusage(resource.RUSAGE_SELF).ru_minflt - before).encode())
            status = 0
        finally:
            os._exit(status)
    os.close(writer)
    _, status = os.waitpid(child, 0)
    assert status == 0
    with os.fdopen(reader, "rb") as result:
        return int(result.read())


@glibc
def test_freed_memory_is_reused_not_faulted_in_again() -> None:
    batch_tokens([("停戦", "nato")])  # its tables made once, here, not in each child
    without, with_reuse = _faults_tokenising(False), _faults_tokenising(True)
    assert with_reuse * 4 < without, (without, with_reuse)
