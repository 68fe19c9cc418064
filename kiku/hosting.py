"""The hosting budget: how big the built site is, against what GitHub Pages publishes.

GitHub Pages publishes sites of at most 1 GB (docs.github.com, "GitHub Pages limits"). A digest
that grows by a few articles a day reaches that after some years; the build says so before a
deploy fails, and says how to split the archive.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

GITHUB_PAGES_LIMIT_BYTES = 1_000_000_000
_WARN_FRACTION = 0.8  # warn while there is still room to plan the split


@dataclass(frozen=True, slots=True)
class OutputSize:
    files: int
    bytes: int

    def describe(self) -> str:
        return f"{self.bytes / 1e6:,.1f} MB in {self.files:,} files"


def measure_output(out_dir: Path) -> OutputSize:
    """Every file under ``out_dir``, counted once (hard links too: the host stores each name)."""
    files = size = 0
    for folder, _, names in os.walk(out_dir):
        for name in names:
            files += 1
            size += os.lstat(os.path.join(folder, name)).st_size
    return OutputSize(files, size)


def budget_warning(size: OutputSize) -> str | None:
    """A warning when the output nears or passes GitHub Pages' 1 GB, with how to split; else None."""
    if size.bytes < GITHUB_PAGES_LIMIT_BYTES * _WARN_FRACTION:
        return None
    share = size.bytes / GITHUB_PAGES_LIMIT_BYTES
    state = "is over" if share > 1 else f"is at {share:.0%} of"
    return (
        f"the site ({size.describe()}) {state} GitHub Pages' 1 GB limit for a published site;"
        " split it by year: move older articles (content/<year>-*.yaml) into a second site folder"
        " with its own base_url (e.g. https://<user>.github.io/digest-<year>/) and repository,"
        " and build and publish each separately"
    )
