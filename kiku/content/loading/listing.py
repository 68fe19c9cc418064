"""The entries of ``content/``: which are read as articles, and why the others are not."""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from kiku.errors import ContentError, ContentErrors

log = logging.getLogger(__name__)

CONTENT_DIR = "content"
ARTICLE_SUFFIX = ".yaml"

# kiku.output.atomic's temporary files: '.<name>.kiku-<8 hex>.tmp'.
_ATOMIC_TEMPORARY = re.compile(r"\..+\.kiku-[0-9a-f]{8}\.tmp")


def content_file_names(content_dir: Path) -> list[str]:
    """Names of the article files in ``content_dir``, sorted (see :func:`scan_content`)."""
    return scan_content(content_dir).names


@dataclass(frozen=True, slots=True)
class ContentListing:
    """The entries of ``content/``: the files read as articles, and the others, each with why not."""

    names: list[str]
    skipped: list[str]


def scan_content(content_dir: Path) -> ContentListing:
    """Sort the entries of ``content_dir`` into article files and skipped ones.

    ``*.yaml`` files are articles. Any other spelling of the suffix (``.yml``, ``.YAML``) is
    listed too, so that the loader reports it ("rename it") rather than dropping an article.
    Everything else (a folder, a hidden file, an editor backup, another suffix) is skipped and
    named in ``skipped``; nothing is opened to decide, so a FIFO or a device is never read.
    Raises ContentErrors when ``content`` is not a folder that can be listed.
    """
    try:
        entries = list(os.scandir(content_dir))
    except FileNotFoundError:
        return ContentListing([], [])  # a site with no articles yet
    except NotADirectoryError:
        raise ContentErrors([ContentError(CONTENT_DIR, "is a file, not a folder: articles go in a folder "
                                                       "content/ (move the file away)")]) from None
    except OSError as error:
        raise ContentErrors([ContentError(CONTENT_DIR, f"cannot list the folder: {error.strerror or error}")]) from None
    names: list[str] = []
    skipped: list[str] = []
    for entry in sorted(entries, key=lambda entry: entry.name):
        why_not = _why_skipped(entry)
        if why_not is None:
            names.append(entry.name)
        else:
            skipped.append(f"{entry.name} ({why_not})")
    return ContentListing(names, skipped)


def _why_skipped(entry: os.DirEntry[str]) -> str | None:
    def is_folder() -> bool:
        try:
            return entry.is_dir()
        except OSError:
            return False  # a link loop: listed, and the loader says why it cannot be read

    return why_skipped(entry.name, is_folder)


def why_skipped(name: str, is_folder: Callable[[], bool]) -> str | None:
    """Why the entry ``name`` of ``content/`` is not read as an article (None: it is read);
    ``is_folder`` is asked only when the name alone does not say."""
    if _ATOMIC_TEMPORARY.fullmatch(name):
        return "a temporary file of a kiku import that was stopped: delete it"
    if name.startswith("."):
        return "a hidden file"
    if name.endswith("~"):
        return "an editor backup"
    if is_folder():
        return "a folder: articles are not read from sub-folders"
    if not name.lower().endswith((ARTICLE_SUFFIX, ".yml")):
        return "not a .yaml file"
    return None


def warn_skipped(listing: ContentListing) -> None:
    """One warning line naming every entry of ``content/`` that is not read."""
    if listing.skipped:
        log.warning("kiku: warning: not read in %s/: %s", CONTENT_DIR, ", ".join(listing.skipped))
