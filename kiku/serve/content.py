"""The loaded site kept in memory: a reload re-reads only the content files that changed."""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Collection
from pathlib import Path

from kiku.content.config import read_config
from kiku.content.loader import (
    ARTICLE_SUFFIX,
    CONTENT_DIR,
    ContentFile,
    assemble_site,
    load_content_file,
    scan_content,
    warn_skipped,
)
from kiku.content.model import Limits, Site, SiteConfig
from kiku.content.open_warnings import OpenWarning
from kiku.errors import ContentError

# What identifies a version of a file without reading it.
_Stamp = tuple[int, int, int]


class ContentCache:
    """``site.yaml`` and every ``content/`` file as last read, each with the stamp it was read at."""

    def __init__(self, site_root: Path, base_url: str | None = None) -> None:
        self._site_root = site_root
        self._base_url = base_url
        self._config: SiteConfig | None = None
        self._config_errors: list[ContentError] = []
        self._config_loaded = False
        self._files: dict[str, tuple[_Stamp | None, ContentFile]] = {}
        self._skipped: list[str] = []

    def load(self, *, config_changed: bool = False, touched: Collection[str] = ()) -> Site:
        """The site as it is on disk now; raises ContentErrors exactly as ``load_site`` would.

        A content file is re-read when its name is in ``touched``, its stamp (mtime, size,
        inode) changed, or it is new. ``config_changed`` re-reads ``site.yaml`` and, since the
        tag vocabulary may have changed, every content file.
        """
        if config_changed or not self._config_loaded:
            self._config, self._config_errors = read_config(self._site_root)
            if self._config is not None and self._base_url is not None:
                self._config = dataclasses.replace(self._config, base_url=self._base_url)
            self._config_loaded = True
            self._files.clear()
        vocabulary = self._config.tags if self._config is not None else None
        limits = self._config.limits if self._config is not None else Limits()
        content_dir = self._site_root / CONTENT_DIR
        content_path = str(content_dir)
        files: dict[str, tuple[_Stamp | None, ContentFile]] = {}
        listing = scan_content(content_dir)
        if listing.skipped != self._skipped:  # said once, not on every save
            warn_skipped(listing)
            self._skipped = listing.skipped
        for name in listing.names:
            stamp = _stamp(os.path.join(content_path, name))
            cached = self._files.get(name)
            if cached is None or stamp is None or cached[0] != stamp or name in touched:
                cached = (stamp, load_content_file(self._site_root, name, vocabulary, limits))
            files[name] = cached
        self._files = files
        return assemble_site(self._config, self._config_errors, (loaded for _, loaded in files.values()))

    def warnings(self) -> dict[str, tuple[OpenWarning, ...]]:
        """Slug → the open importer warnings of its file, as last read (files that have some)."""
        return {
            name.removesuffix(ARTICLE_SUFFIX): loaded.warnings
            for name, (_, loaded) in self._files.items()
            if loaded.warnings
        }


def _stamp(path: str) -> _Stamp | None:
    try:
        status = os.stat(path)
    except OSError:
        return None
    return status.st_mtime_ns, status.st_size, status.st_ino
