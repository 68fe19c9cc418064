"""Giving freed memory back to the system, so that a process's resident set falls when it lets go.

Python's objects of more than 512 bytes (an article's search keys, its record) are allocated by
the C library's ``malloc`` inside its heap; when they are freed the pages stay resident, to be
reused by later small allocations, but a large numpy array is mapped apart (``mmap``) and cannot
reuse them. A process that frees hundreds of megabytes of such objects and then builds one large
array (the search index's postings) would hold both. ``give_back`` asks glibc to return the free
pages inside its heaps (``malloc_trim(0)``, which ``madvise``s them away); elsewhere it does
nothing.
"""

from __future__ import annotations

import ctypes
import functools
from collections.abc import Callable


@functools.cache
def _malloc_trim() -> Callable[[int], int] | None:
    try:
        trim: Callable[[int], int] = ctypes.CDLL(None).malloc_trim
    except (AttributeError, OSError, TypeError):  # not glibc (macOS, Windows): nothing to ask
        return None
    return trim


def give_back() -> None:
    """Return the free pages of this process's C heaps to the system (glibc; else nothing)."""
    trim = _malloc_trim()
    if trim is not None:
        trim(0)
