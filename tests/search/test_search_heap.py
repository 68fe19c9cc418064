"""The index's process keeps the memory its batches free (kiku.search.heap): fewer page faults."""

from __future__ import annotations

import platform
import subprocess
import sys

import pytest

glibc = pytest.mark.skipif(
    platform.system() != "Linux" or platform.libc_ver()[0] != "glibc", reason="glibc's malloc only"
)

# Tokenising 12 batches of texts of mixed lengths, as the index does, in a new interpreter (whose
# malloc has no history: a forked test process's thresholds depend on the tests before it).
_SCRIPT = """
import random, resource, sys
from kiku.search.entries.text_arrays import batch_tokens
from kiku.search.heap import reuse_freed_memory
batch_tokens([("停戦", "nato")])  # its tables made before counting
if sys.argv[1] == "reuse" and not reuse_freed_memory():
    raise SystemExit("reuse_freed_memory did nothing")
chooser = random.Random(0)
texts = [("停戦交渉" * chooser.randint(20, 400), "ゼレンスキー大統領 NATO" * chooser.randint(50, 900))
         for _ in range(64 * 12)]
before = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
for start in range(0, len(texts), 64):
    batch_tokens(texts[start : start + 64])
print(resource.getrusage(resource.RUSAGE_SELF).ru_minflt - before)
"""


def _faults_tokenising(mode: str) -> int:
    done = subprocess.run([sys.executable, "-c", _SCRIPT, mode], capture_output=True, text=True, check=True)
    return int(done.stdout)


@glibc
def test_freed_memory_is_reused_not_faulted_in_again() -> None:
    without, with_reuse = _faults_tokenising("plain"), _faults_tokenising("reuse")
    assert with_reuse * 2 < without, (without, with_reuse)
