"""Build the site: load → plan → render into a staging directory → swap it into place.

The output directory is replaced whole or not at all: pages and static files are written into a
staging folder beside it (``kiku.output.staging``), which starts as the site before the last when
the build cache keeps one (``kiku.output.reuse``: only what differs is then written); only when
everything is written is it swapped into place. On any failure, or when the build is stopped
(SIGINT, SIGTERM), the staging folder is removed and an existing output directory is left exactly
as it was; the next build removes what a build killed outright left behind.

This module decides whether there is anything to do (``kiku.unchanged``) before it imports the
loader, the planner and the renderer: a build with nothing to do is mostly Python starting. The
rendering itself is ``kiku.render.site``'s (``render_site``, ``render_page`` and ``file_writer`` are
still found here).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import gc
import logging
import os
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from kiku.content.cache.articles import CACHE_DIR
from kiku.content.cache.slim import slim_article, stop_reading_whole
from kiku.content.loading.schedule import published_on, today_in_japan
from kiku.content.model import Article
from kiku.errors import ContentErrors, KikuError
from kiku.output.staging import clean_after_killed_builds
from kiku.publish.hosting import OutputSize
from kiku.render.sharecards.fonts import find_card_font
from kiku.render.sharecards.report import CardReport

if TYPE_CHECKING:
    from kiku.render.planning.store.plan_store import TakenPlan
    from kiku.render.site import render_page, render_site
    from kiku.render.writing.other_files.extras import file_writer

__all__ = [
    "SEARCH_CACHE", "SPARE_SITE", "BuildReport", "RenderError", "build", "collector_frozen", "collector_paused",
    "file_writer", "render_page", "render_site", "source_date_epoch",
]

log = logging.getLogger(__name__)

SEARCH_CACHE = Path(CACHE_DIR) / "search"  # per-article search entries, shared like the share cards
SPARE_SITE = "spare-site"  # in the build cache: the site before the last, the next build's start (kiku.output.reuse)
SEARCH_FOLDER = "search"  # the search index's files (kiku.search.index), beside the search page


class RenderError(KikuError):
    """A template failed to render a page, or the output directory cannot be used."""


@dataclass(frozen=True, slots=True)
class BuildReport:
    """What one build wrote."""

    out_dir: Path
    pages_written: int
    digest_articles: int
    encyclopedia_articles: int
    tag_pages: int
    home_pages: int
    static_files: int
    bytes_written: int
    scheduled: tuple[Article, ...] = ()  # dated after today: not published yet, soonest first
    search_files: int = 0
    pages_unchanged: int = 0  # pages whose previous file was kept (same bytes)
    pages_rendered: int = 0  # pages rendered (the others' inputs had not changed: see pagememo)
    share_cards: CardReport | None = None  # None: no Japanese font, the site has no share cards
    nothing_changed: bool = False  # the inputs and the output were the last build's: nothing was touched
    output: OutputSize | None = None  # every file of the output folder and their bytes, as the build left it
    articles_by_year: tuple[tuple[int, int], ...] = ()  # published articles, oldest year first (the split advice)

    @property
    def pages(self) -> int:
        """Same as ``pages_written`` (the name ``kiku build`` prints)."""
        return self.pages_written


def build(site_root: Path, out_dir: Path, base_url: str | None = None, *, future: bool = False,
          today: dt.date | None = None, cache_root: Path | None = None, delete_later: bool = False) -> BuildReport:
    """Load and validate the site at ``site_root`` and render it into ``out_dir``.

    ``base_url``, when given, replaces site.yaml's for this build (``kiku build --base-url``);
    the caller has checked it with ``kiku.content.checking.config.base_url_problem``. Articles dated after
    ``today`` (default: today in Japan, or SOURCE_DATE_EPOCH's day; see ``kiku.content.loading.schedule``)
    are left out unless ``future`` (``kiku build --future``); the report lists them. The share
    card cache (``.kiku-cache/cards``) lives in ``cache_root``, by default ``site_root`` (``kiku
    deploy`` builds an exported copy of the site with the editor's cards); the rest of the build
    cache (articles, page memo, last build) is always ``site_root``'s own. ``delete_later``: the
    previous output is deleted by a detached process after this one returns (``kiku build``).
    Raises ``kiku.errors.ContentErrors`` when the content does not load (nothing is written),
    ``PlanError`` / ``RenderError`` when the site cannot be laid out or rendered.
    """
    from kiku.unchanged import forget_build, input_digest, last_build_recorded, remember_build, unchanged_build

    clean_after_killed_builds(Path(os.path.realpath(out_dir)))  # even when this build fails
    day = None if future else today or today_in_japan(source_date_epoch())
    # The page memo and the last build's record are this site folder's own (a deploy's exported
    # copy must not replace the editor's); share cards and search entries are shared through ``cache_root``.
    cache_dir = site_root / CACHE_DIR
    shared_cache_dir = (site_root if cache_root is None else cache_root) / CACHE_DIR
    for folder in {cache_dir, shared_cache_dir}:
        _make_cache_dir(folder)
    card_cache, search_cache = shared_cache_dir / "cards", shared_cache_dir.parent / SEARCH_CACHE
    real_root, real_out = Path(os.path.realpath(site_root)), Path(os.path.realpath(out_dir))
    # The day decides what is published; whether a Japanese font is found, whether there are cards.
    font = find_card_font(None)
    digest = functools.partial(
        input_digest, real_root, real_out, f"{base_url}\0{day}\0{font.path if font else None}", cache_dir
    )
    pending_inputs = None
    if last_build_recorded(cache_dir):
        inputs = digest()
        unchanged = unchanged_build(cache_dir, inputs, real_root, real_out)
        if unchanged is not None:
            return replace(unchanged, pages_unchanged=unchanged.pages_written, pages_rendered=0, nothing_changed=True)
        forget_build(cache_dir)  # until this build succeeds, no record may vouch for the output
    else:
        # No record: a real build whatever the digest, which a forked process makes (reading every
        # input) while this one imports what builds (10,000 articles: 0.4 and 0.3 CPU-s, each once
        # alone on a core). Nothing is loaded before it is made: a file changed meanwhile is digested
        # as it was before the build read it, so the next build sees the change.
        from kiku.render.writing.memo.pagememo import renderer_fingerprint
        from kiku.runtime.forks import Started

        renderer_fingerprint()  # cached here, where the render needs it too
        pending_inputs = Started(digest)
    stop_reading_whole()
    # Imported only now: loading, planning and rendering are most of what kiku imports.
    from kiku.content.checking.config import normalise_base_url
    from kiku.content.loading.loader import load_site
    from kiku.content.reading.tree import with_folder_problems
    from kiku.render.site import render_site

    if pending_inputs is not None:
        inputs = pending_inputs.result()

    try:  # the site is left out of collection until render_site's collector_frozen ends
        with collector_paused(then_frozen=True):
            taken = _take_plan(site_root, cache_dir)  # before the loader replaces the entries of changed files
            # Slim: the articles' text is read again from the article cache by the pages showing it.
            site = load_site(site_root, cache=True, earlier=taken.articles if taken is not None else None, slim=True)
    except ContentErrors as errors:
        raise with_folder_problems(errors, site_root) from None
    if base_url is not None:
        site = replace(site, config=replace(site.config, base_url=normalise_base_url(base_url)))
    if day is None:
        report = render_site(
            site, site_root, out_dir, cache_dir=cache_dir, card_cache=card_cache, search_cache=search_cache,
            delete_later=delete_later, taken=taken,
        )
    else:
        schedule = published_on(site, day)
        report = replace(
            render_site(
                schedule.site, site_root, out_dir, cache_dir=cache_dir, card_cache=card_cache,
                search_cache=search_cache, delete_later=delete_later, taken=taken,
            ),
            scheduled=schedule.later,
        )
    remember_build(cache_dir, inputs, report)
    return report


def _take_plan(site_root: Path, cache_dir: Path) -> TakenPlan | None:
    """The last build's planner and its articles (``kiku.render.planning.store.plan_store``)."""
    from kiku.content.cache.articles import ARTICLES_DIR, StoredArticles
    from kiku.render.planning.store.plan_store import plan_code, take_plan
    from kiku.render.writing.memo.pagememo import memo_digest

    stored = StoredArticles(cache_dir / ARTICLES_DIR)

    def lookup(file_name: str, key: bytes) -> Article | None:
        article = stored.get(file_name, key)
        return None if article is None else slim_article(article, key)  # as the loader holds them

    try:
        return take_plan(cache_dir, code=plan_code(), memo_digest=memo_digest(cache_dir), lookup=lookup)
    finally:
        stored.close()


@contextlib.contextmanager
def collector_paused(*, then_frozen: bool = False) -> Iterator[None]:
    """No cyclic garbage collection inside: loading and planning make millions of objects that live
    to the end of the build, and few cycles; each full collection would walk them all again (at
    10,000 articles, over half of planning's time).

    ``then_frozen``: what was made inside is left out of collection when it resumes (``gc.freeze``,
    until the enclosing ``collector_frozen`` ends), when the block ended without an error: else the
    first allocation after it walks every object made inside, all still in the youngest generation
    (at 10,000 articles, a tenth of an edit build's planning)."""
    if not gc.isenabled():
        yield
        if then_frozen:
            gc.freeze()
        return
    gc.disable()
    try:
        yield
        if then_frozen:
            gc.freeze()
    finally:
        gc.enable()


@contextlib.contextmanager
def collector_frozen() -> Iterator[None]:
    """The objects alive on entry (the site, its plan, the templates) left out of cyclic garbage
    collection inside, where pages, the search index and share cards are made in forked workers:
    each full collection would walk them all again in every worker (a third of the collector's
    time there), and writing their collector headers copies every page of memory the fork shared."""
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def _make_cache_dir(cache_dir: Path) -> None:
    """The build cache's folder, with a ``.gitignore`` that keeps it out of git (as pytest's does),
    so that ``kiku deploy`` never finds it among files not committed."""
    cache_dir.mkdir(exist_ok=True)
    ignore = cache_dir / ".gitignore"
    if not ignore.exists():
        ignore.write_text("# kiku's build cache: rebuilt when missing, never committed\n*\n", encoding="utf-8")


def source_date_epoch() -> int | None:
    """``SOURCE_DATE_EPOCH`` (reproducible-builds.org) as seconds, None when unset or empty.

    Raises ``RenderError`` when it is set to anything but a whole number of seconds.
    """
    value = os.environ.get("SOURCE_DATE_EPOCH", "")
    if not value:
        return None
    if not value.isascii() or not value.isdigit():
        raise RenderError(f"SOURCE_DATE_EPOCH must be a whole number of seconds since 1970, got {value!r}")
    return int(value)


_MOVED = frozenset({"render_site", "render_page", "file_writer"})


def __getattr__(name: str) -> object:
    """The rendering functions that moved to ``kiku.render.site`` (``file_writer``: to
    ``kiku.render.writing.other_files.extras``), imported when first asked for."""
    if name in _MOVED:
        from kiku.render import site
        from kiku.render.writing.other_files import extras

        return getattr(extras if name == "file_writer" else site, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
