"""Freed memory kept for reuse in the index's process, not given back to the kernel and taken again.

The index tokenises its articles 64 at a time and codes the postings a batch at a time, over numpy
arrays of a few hundred kilobytes to a few megabytes each, all freed after each batch. glibc's
malloc gives the free memory at the top of its heap back to the kernel once it passes its trim
threshold, and serves an allocation past its mmap threshold with new pages from the kernel (both
thresholds move with the sizes freed, but the index's mixed sizes keep them low): so every batch's
arrays were fresh pages, each a page fault when first written. At 10,000 articles that was about
500,000 faults, 1.0-1.2 s of system time, a sixth of the index's processor time; with both
thresholds raised, freed memory stays in the heap for the next batch: about 57,000 faults, and the
same peak resident set (2026-11-30, 278 MiB either way: the memory kept is what the index's peak
took anyway). Only for a process that ends when its work does (the build's index process), since
the memory is not given back until then.
"""

from __future__ import annotations

import ctypes
import platform

_M_TRIM_THRESHOLD = -1  # glibc's mallopt parameters (malloc.h)
_M_MMAP_THRESHOLD = -3
TRIM_THRESHOLD = 1 << 30  # free memory given back only past this much: in practice never
MMAP_THRESHOLD = 32 << 20  # glibc's greatest on 64 bits: larger arrays (the postings' sort) are still mapped


def reuse_freed_memory() -> bool:
    """Make this process's malloc keep the memory it frees for reuse (glibc; elsewhere nothing is
    done). True when done."""
    if platform.system() != "Linux" or platform.libc_ver()[0] != "glibc":
        return False
    mallopt = ctypes.CDLL(None).mallopt  # the process's own C library
    mallopt.argtypes = (ctypes.c_int, ctypes.c_int)
    mallopt.restype = ctypes.c_int
    return bool(mallopt(_M_TRIM_THRESHOLD, TRIM_THRESHOLD)) and bool(mallopt(_M_MMAP_THRESHOLD, MMAP_THRESHOLD))
