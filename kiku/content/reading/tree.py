"""The files of ``static/`` and ``templates/``, listed the same way for the build and the preview.

Both folders are walked without following links blindly: a link (to a file or a folder) that
stays inside the site is followed, one that leads outside is refused, and so is anything that
is not a regular file or a folder (a FIFO, a device, a socket). Refusals are ContentErrors
naming the file, so the build fails before it writes anything and the preview shows why.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path

from kiku.content.reading.files import MEGABYTE, SizeLimit, outside_link, special_kind
from kiku.errors import ContentError, ContentErrors

STATIC_DIR = "static"
TEMPLATES_DIR = "templates"
# GitHub Pages refuses files above 100 MB; the preview holds a static file in memory to compare it.
STATIC_FILE_LIMIT = SizeLimit(100 * MEGABYTE, "the fixed limit for a static file, GitHub Pages' own")


@dataclass(frozen=True, slots=True)
class SiteFile:
    """A regular file under one of the site's folders: its path there (POSIX) and on disk."""

    relative: str
    path: Path


def static_files(site_root: Path) -> list[SiteFile]:
    """The files of ``static/`` to publish, sorted; ContentErrors with every refused entry of
    ``static/`` and ``templates/`` (templates are checked here too, so that build and preview
    refuse the same site)."""
    files, errors = list_site_files(site_root, STATIC_DIR)
    _, template_errors = list_site_files(site_root, TEMPLATES_DIR)
    if errors or template_errors:
        raise ContentErrors(sorted([*errors, *template_errors], key=lambda error: error.path))
    return files


def with_folder_problems(errors: ContentErrors, site_root: Path) -> ContentErrors:
    """``errors`` (from loading the content) and the refused entries of ``static/`` and
    ``templates/``, sorted by path: one run reports every problem of the site."""
    folder_errors = [error for name in (STATIC_DIR, TEMPLATES_DIR) for error in list_site_files(site_root, name)[1]]
    return ContentErrors(sorted([*errors.errors, *folder_errors],
                                key=lambda error: (error.path, error.line or 0, error.column or 0)))


def list_site_files(site_root: Path, folder_name: str) -> tuple[list[SiteFile], list[ContentError]]:
    """The regular files under ``site_root/folder_name`` and the problems of the other entries."""
    folder = site_root / folder_name
    walk = _Walk(site_root, [], [])
    if os.path.lexists(folder):
        walk.visit_entry(folder, folder_name, "", frozenset())
    return sorted(walk.files, key=lambda file: file.relative), walk.errors


@dataclass(frozen=True, slots=True)
class _Walk:
    site_root: Path
    files: list[SiteFile]
    errors: list[ContentError]

    def visit_entry(self, path: Path, shown: str, relative: str, ancestors: frozenset[str]) -> None:
        if os.path.islink(path):
            problem = outside_link(path, self.site_root)
            if problem:
                self.errors.append(ContentError(shown, problem))
                return
        try:
            status = os.stat(path)
        except OSError as error:
            self.errors.append(ContentError(shown, f"cannot read: {error.strerror or error}"))
            return
        if stat.S_ISDIR(status.st_mode):
            self._visit_folder(path, shown, relative, ancestors)
        elif stat.S_ISREG(status.st_mode):
            self.files.append(SiteFile(relative, path))
        else:
            self.errors.append(ContentError(shown, f"{special_kind(status.st_mode)}, not a regular file: "
                                                   "not published (remove it)"))

    def _visit_folder(self, folder: Path, shown: str, relative: str, ancestors: frozenset[str]) -> None:
        real = os.path.realpath(folder)
        if real in ancestors:
            self.errors.append(ContentError(shown, "a link to a folder that holds it (a loop): remove the link"))
            return
        try:
            names = sorted(os.listdir(folder))
        except OSError as error:
            self.errors.append(ContentError(shown, f"cannot list the folder: {error.strerror or error}"))
            return
        inner = ancestors | {real}
        for name in names:
            child_relative = f"{relative}/{name}" if relative else name
            self.visit_entry(folder / name, f"{shown}/{name}", child_relative, inner)
