"""The loaded site kept in memory: a reload re-reads only the content files that changed.

After a whole load (the first, a ``site.yaml`` change, or whenever the last load had errors) every
file is listed and stamped. A save that names its files (the watcher's events) re-reads just those
and moves their articles in the kept newest-first order by bisection: a save costs the same on a
site of 100 articles as on one of 100,000. Anything unusual on that path (a problem in the file, a
sub-folder, a name the loader skips, two slugs differing only by case) takes the whole load, which
reports it as ``load_site`` would.
"""

from __future__ import annotations

import bisect
import dataclasses
import os
from collections.abc import Collection, Mapping
from pathlib import Path
from types import MappingProxyType

from kiku.content.checking.config import read_config
from kiku.content.loading.listing import ARTICLE_SUFFIX, CONTENT_DIR, scan_content, warn_skipped, why_skipped
from kiku.content.loading.loader import ContentFile, assemble_site, load_content_file, newest_first_key
from kiku.content.model import Article, Limits, Site, SiteConfig
from kiku.content.reading.open_warnings import OpenWarning
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
        self._site: Site | None = None  # the last load's, when it had no error
        self._order: list[tuple[int, str]] = []  # newest_first_key of each article of _site, in order
        self._articles: list[Article] = []
        self._folded: dict[str, str] = {}  # case-folded slug → its file name
        self._warnings: dict[str, tuple[OpenWarning, ...]] | None = None  # None: to be gathered again

    def _update(self, touched: Collection[str]) -> Site | None:
        """The last site with the ``touched`` files read again; None when that needs a whole load."""
        assert self._site is not None and self._config is not None
        content_dir = self._site_root / CONTENT_DIR
        read: dict[str, tuple[_Stamp, ContentFile]] = {}
        gone: list[str] = []
        for name in touched:
            path = content_dir / name
            stamp = _stamp(str(path))
            if stamp is None:
                if name in self._files:
                    gone.append(name)
                continue  # a temporary file that came and went
            if "/" in name or why_skipped(name, path.is_dir) is not None:
                return None
            loaded = load_content_file(self._site_root, name, self._config.tags, self._config.limits)
            if loaded.article is None or loaded.errors:
                return None
            folded = self._folded.get(name.removesuffix(ARTICLE_SUFFIX).casefold())
            if folded is not None and folded != name:
                return None
            read[name] = (stamp, loaded)
        for name in (*gone, *read):
            if name in self._files:
                self._remove(name)
        for name, (stamp, loaded) in read.items():
            assert loaded.article is not None
            key = newest_first_key(loaded.article)
            place = bisect.bisect_left(self._order, key)
            self._order.insert(place, key)
            self._articles.insert(place, loaded.article)
            self._files[name] = (stamp, loaded)
            self._folded[name.removesuffix(ARTICLE_SUFFIX).casefold()] = name
            if self._warnings is not None and loaded.warnings:
                self._warnings[name.removesuffix(ARTICLE_SUFFIX)] = loaded.warnings
        if gone or read:
            self._site = Site(config=self._site.config, articles=tuple(self._articles))
        return self._site

    def _remove(self, name: str) -> None:
        _, loaded = self._files.pop(name)
        if self._warnings is not None:
            self._warnings.pop(name.removesuffix(ARTICLE_SUFFIX), None)
        del self._folded[name.removesuffix(ARTICLE_SUFFIX).casefold()]
        assert loaded.article is not None
        place = bisect.bisect_left(self._order, newest_first_key(loaded.article))
        del self._order[place], self._articles[place]

    def load(self, *, config_changed: bool = False, touched: Collection[str] = (), rescan: bool = True) -> Site:
        """The site as it is on disk now; raises ContentErrors exactly as ``load_site`` would.

        A content file is re-read when its name is in ``touched``, its stamp (mtime, size,
        inode) changed, or it is new. ``config_changed`` re-reads ``site.yaml`` and, since the
        tag vocabulary may have changed, every content file. ``rescan=False``: ``touched`` names
        every file that changed (a watcher's events): the others are not listed or stamped.
        """
        if not rescan and not config_changed and self._site is not None:
            site = self._update(touched)
            if site is not None:
                return site
        self._site, self._warnings = None, None
        site = self._load_all(config_changed, touched)
        self._site = site
        self._order = [newest_first_key(article) for article in site.articles]
        self._articles = list(site.articles)
        self._folded = {name.removesuffix(ARTICLE_SUFFIX).casefold(): name for name in self._files}
        return site

    def _load_all(self, config_changed: bool, touched: Collection[str]) -> Site:
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

    def warnings(self) -> Mapping[str, tuple[OpenWarning, ...]]:
        """Slug → the open importer warnings of its file, as last read (files that have some)."""
        if self._warnings is None:
            self._warnings = {
                name.removesuffix(ARTICLE_SUFFIX): loaded.warnings
                for name, (_, loaded) in self._files.items()
                if loaded.warnings
            }
        return MappingProxyType(self._warnings)


def _stamp(path: str) -> _Stamp | None:
    try:
        status = os.stat(path)
    except OSError:
        return None
    return status.st_mtime_ns, status.st_size, status.st_ino
