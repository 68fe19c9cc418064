"""Build the site: load → plan → render into a staging directory → swap it into place.

The output directory is replaced whole or not at all: pages and static files are written into a
staging folder beside it (``kiku.output.staging``), which starts as the site before the last when
the build cache keeps one (``kiku.output.reuse``: only what differs is then written); only when
everything is written is it swapped into place. On any failure, or when the build is stopped
(SIGINT, SIGTERM), the staging folder is removed and an existing output directory is left exactly
as it was; the next build removes what a build killed outright left behind.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import gc
import logging
import os
import shutil
import stat
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import cast

import jinja2

from kiku.content.cache.articles import CACHE_DIR
from kiku.content.checking.config import normalise_base_url
from kiku.content.loading.schedule import published_on, today_in_japan
from kiku.content.model import Article, DigestArticle, EncyclopediaArticle, Site, SiteConfig
from kiku.content.reading.files import UnreadableFile, copy_regular_file
from kiku.content.reading.tree import STATIC_DIR, STATIC_FILE_LIMIT, SiteFile, static_files, with_folder_problems
from kiku.errors import ContentError, ContentErrors, KikuError
from kiku.forks import alongside
from kiku.hosting import OutputSize
from kiku.output.reuse import StagedSite
from kiku.output.staging import begin_staging, clean_after_killed_builds, discard, swap_into_place
from kiku.render.planning.plan import Page, plan_pages
from kiku.render.planning.urls import home_url
from kiku.render.sharecards.fonts import INSTALL_HINT, find_card_font
from kiku.render.sharecards.render import CardJob, CardReport, CardWriter, card_jobs, merged_report
from kiku.render.writing.environment import make_environment
from kiku.render.writing.identity import IDENTITY_URLS, write_identity_files
from kiku.render.writing.output import link_if_same, relink_unchanged, write_pages
from kiku.render.writing.pagememo import (
    Fingerprints,
    PageMemo,
    load_memo,
    render_salt,
    save_memo,
    written_page,
)
from kiku.search.incremental.cache import EntryCache
from kiku.search.index import IndexWritten, write_search_index

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
    from kiku.content.loading.loader import load_site  # the loader pulls in YAML; only a build needs it
    from kiku.unchanged import forget_build, input_digest, remember_build, unchanged_build

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
    inputs = input_digest(real_root, real_out, f"{base_url}\0{day}\0{font.path if font else None}", cache_dir)
    unchanged = unchanged_build(cache_dir, inputs, real_root, real_out)
    if unchanged is not None:
        return replace(unchanged, pages_unchanged=unchanged.pages_written, pages_rendered=0, nothing_changed=True)
    forget_build(cache_dir)  # until this build succeeds, no record may vouch for the output
    try:
        with collector_paused():
            site = load_site(site_root, cache=True)
    except ContentErrors as errors:
        raise with_folder_problems(errors, site_root) from None
    if base_url is not None:
        site = replace(site, config=replace(site.config, base_url=normalise_base_url(base_url)))
    if day is None:
        report = render_site(
            site, site_root, out_dir, cache_dir=cache_dir, card_cache=card_cache, search_cache=search_cache,
            delete_later=delete_later,
        )
    else:
        schedule = published_on(site, day)
        report = replace(
            render_site(
                schedule.site, site_root, out_dir, cache_dir=cache_dir, card_cache=card_cache,
                search_cache=search_cache, delete_later=delete_later,
            ),
            scheduled=schedule.later,
        )
    remember_build(cache_dir, inputs, report)
    return report


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """No cyclic garbage collection inside: loading and planning make millions of objects that live
    to the end of the build, and few cycles; each full collection would walk them all again (at
    10,000 articles, over half of planning's time)."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
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


def render_site(
    site: Site, site_root: Path, out_dir: Path, cache_dir: Path | None = None, *,
    card_cache: Path | None = None, search_cache: Path | None = None, delete_later: bool = False,
) -> BuildReport:
    """Render every page of ``site`` with ``site_root/templates`` and copy ``site_root/static``.

    ``out_dir`` is replaced whole, and only when every page rendered; see the module docstring.
    Files whose bytes did not change are hard-linked from the previous output into the new one, so
    they keep their identity and time (kiku/render/writing/output.py); with a ``cache_dir``, pages whose
    inputs did not change are not even rendered (kiku/render/writing/pagememo.py).
    Share cards are drawn when a Japanese font is found (else the build says so once and leaves
    them out), reusing the cards in ``card_cache`` (by default ``cache_dir/cards``) whose text has not changed;
    the search index reuses the entries in ``search_cache`` (kiku.search.incremental.cache) of unchanged articles.
    ``delete_later``: see ``build``.
    """
    # realpath, not Path.resolve: that raises RuntimeError on a link loop
    site_root = Path(os.path.realpath(site_root))
    out_dir = Path(os.path.realpath(out_dir))
    _check_out_dir(site_root, out_dir)
    card_font = find_card_font(site.config.card_font)
    if card_font is None:
        log.warning("kiku: no Japanese font for share cards (%s); building the site without them", INSTALL_HINT)
    with collector_paused():
        plan = plan_pages(site, share_cards=card_font is not None, cache_dir=cache_dir)
    pages = plan.pages
    environment = make_environment(site_root / "templates")
    epoch = source_date_epoch()
    static = static_files(site_root)

    salt = render_salt(site_root / "templates")
    previous = out_dir if (out_dir / "index.html").is_file() else None  # a previous build (see _check_out_dir)
    memo = load_memo(cache_dir, salt, out_dir) if cache_dir is not None else None
    spare = cache_dir / SPARE_SITE if cache_dir is not None else None
    staging = begin_staging(out_dir, spare if previous is not None else None)
    try:
        site_dir = StagedSite.start(staging.site_dir, staging.reused)
        # The search index is written from an empty folder, by workers that cannot say what they wrote.
        site_dir.set_aside(SEARCH_FOLDER, staging.set_aside)
        render = functools.partial(render_page, environment)
        fingerprints = Fingerprints(salt, (site.config, card_font is not None), plan.stand_ins)
        entry_cache = EntryCache(search_cache) if search_cache is not None else None
        if card_cache is None and cache_dir is not None:
            card_cache = cache_dir / "cards"
        jobs = card_jobs(site) if card_font else ()
        cards = CardWriter.prepare(card_font, jobs, staging.site_dir, card_cache) if card_font else None
        # Files written beside the pages, by other processes or after them: nothing of the spare may
        # be there (kiku.output.reuse), so each is cleared here, before the forks.
        hosting = _hosting_files(site.config)
        placed = [*(f"{STATIC_DIR}/{file.relative}" for file in static), *IDENTITY_URLS, *hosting]
        for relative in placed:
            site_dir.target(relative)
        placed.extend(job.url for job in jobs)
        cards_by_page = _cards_by_page(jobs, pages)

        # The search index is written by a forked process while the pages are (kiku.forks.alongside):
        # an edit build renders few pages, and writing the others is mostly waiting for the disk.
        # The processes rendering pages write the share cards after them (each its share of both).
        def identity_and_search_index() -> IndexWritten:
            # The icons are drawn large and reduced (some 40 MiB for a moment): here, before the
            # index, not in the page process at its largest.
            write_identity_files(site.config, staging.site_dir, cache_dir)
            return write_search_index(site, file_writer(staging.site_dir, previous), entry_cache)

        with collector_frozen():
            written, search_index = alongside(
                lambda: write_pages(
                    render, pages, site_dir, previous, memo, epoch, fingerprints,
                    after_pages=(lambda share: cards.write(_cards_of(share, cards_by_page))) if cards else None,
                ),
                identity_and_search_index,
            )
        bytes_written = written.bytes_written + search_index.bytes
        _copy_static(site_root, static, staging.site_dir / STATIC_DIR)
        _write_hosting_files(hosting, staging.site_dir)
        card_report = merged_report([cast(CardReport, report) for report in written.after]) if cards else None
        site_dir.prune([*written.written, *placed])
        extras = _extras(staging.site_dir, placed, written.written)
        if previous is not None:  # files written again: keep those that did not change
            relink_unchanged(previous, staging.site_dir, extras)
        _clamp_times(staging.site_dir, epoch)
        swap_into_place(staging, out_dir, delete_later=delete_later, spare=spare)
    except BaseException:
        discard(staging, out_dir)
        raise
    kept = {relative: written_page(None, os.stat(f"{out_dir}/{relative}"), None) for relative in extras}
    if cache_dir is not None:
        save_memo(cache_dir, PageMemo(salt, str(out_dir), written.written, kept))
    # Every file of the output is a page or an extra: no walk of the whole tree to measure it.
    size = sum(page.size for page in written.written.values()) + sum(extra.size for extra in kept.values())

    report = BuildReport(
        out_dir=out_dir,
        pages_written=len(pages),
        digest_articles=sum(isinstance(article, DigestArticle) for article in site.articles),
        encyclopedia_articles=sum(isinstance(article, EncyclopediaArticle) for article in site.articles),
        tag_pages=sum(page.template == "tag.html" for page in pages),
        home_pages=sum(page.template == "index.html" for page in pages),
        static_files=len(static),
        bytes_written=bytes_written,
        search_files=search_index.files,
        pages_unchanged=written.pages_kept,
        pages_rendered=written.pages_rendered,
        share_cards=card_report,
        output=OutputSize(len(written.written) + len(kept), size),
    )
    log.debug("wrote %d pages and %d static files to %s", report.pages_written, len(static), out_dir)
    return report


def _cards_by_page(jobs: Sequence[CardJob], pages: Sequence[Page]) -> dict[str, list[CardJob]]:
    """The share cards by the URL of the page whose process draws them (with the title's phrases
    at hand): their own page, or the home page for a card whose page is not in the plan."""
    urls = {page.url for page in pages}
    by_page: dict[str, list[CardJob]] = {}
    for job in jobs:
        by_page.setdefault(job.page if job.page in urls else home_url(1), []).append(job)
    return by_page


def _cards_of(pages: Sequence[Page], cards_by_page: Mapping[str, Sequence[CardJob]]) -> list[CardJob]:
    return [job for page in pages for job in cards_by_page.get(page.url, ())]


def _check_out_dir(site_root: Path, out_dir: Path) -> None:
    """Refuse output directories whose replacement would destroy something that is not a build."""
    if out_dir == site_root or out_dir in site_root.parents:
        raise RenderError(f"output directory {out_dir} contains the site itself; choose another one")
    if out_dir.exists() and not out_dir.is_dir():
        raise RenderError(f"output directory {out_dir} exists and is not a directory")
    if out_dir.is_dir() and any(out_dir.iterdir()) and not (out_dir / "index.html").is_file():
        raise RenderError(
            f"output directory {out_dir} is not empty and holds no index.html: not replacing it"
            " (it does not look like a previous build)"
        )


def render_page(environment: jinja2.Environment, page: Page) -> bytes:
    """The bytes of ``page`` (UTF-8) as ``environment`` renders it; a template problem is a RenderError."""
    try:
        html = environment.get_template(page.template).render(page.context)
    except jinja2.TemplateSyntaxError as error:
        location = f"templates/{error.name or page.template}:{error.lineno}"
        raise RenderError(f"{location}: {error.message}") from error
    except jinja2.TemplateError as error:
        raise RenderError(f"rendering /{page.url} with templates/{page.template}: {error}") from error
    return html.encode("utf-8")


def _copy_static(site_root: Path, files: list[SiteFile], target: Path) -> None:
    """Copy the listed files (``kiku.content.reading.tree``: the preview publishes the same ones)."""
    for file in files:
        copy = target / file.relative
        copy.parent.mkdir(parents=True, exist_ok=True)
        try:
            copy_regular_file(file.path, copy, STATIC_FILE_LIMIT, site_root)
        except UnreadableFile as refused:  # replaced since it was listed
            raise ContentErrors([ContentError(f"{STATIC_DIR}/{file.relative}", str(refused))]) from None


def file_writer(staging: Path, previous: Path | None = None) -> Callable[[str, bytes], None]:
    """A function writing a file (path relative to ``staging``, bytes), also in a forked worker; a
    file ``previous`` (the last output) holds with the same bytes is hard-linked instead."""
    folders: set[str] = set()
    # Strings joined by hand, not pathlib: thousands of index files each made several Path objects.
    staging_top = os.fspath(staging)
    previous_top = os.fspath(previous) if previous is not None else None

    def write(path: str, data: bytes) -> None:
        target = f"{staging_top}/{path}"
        folder = target.rpartition("/")[0]
        if folder not in folders:
            os.makedirs(folder, exist_ok=True)
            folders.add(folder)
        if previous_top is None or not link_if_same(f"{previous_top}/{path}", target, data):
            Path(target).write_bytes(data)  # (a Path only for the files written, few in an edit build)

    return write


def _extras(staging: Path, placed: Iterable[str], pages: Collection[str]) -> tuple[str, ...]:
    """The files in ``staging`` that are not pages (static, search index, hosting, identity, share
    cards), relative and sorted: those ``placed`` and every file of the search index's folder."""
    found = set(placed)
    # os.walk of that folder alone, and each folder's relative path cut once, not os.path.relpath
    # per file (~30 µs each).
    top = os.fspath(staging)
    for folder, _, names in os.walk(os.path.join(top, SEARCH_FOLDER)):
        prefix = folder[len(top) + 1 :].replace(os.sep, "/") + "/"
        found.update(relative for relative in map(prefix.__add__, names) if relative not in pages)
    return tuple(sorted(found))


def _hosting_files(config: SiteConfig) -> dict[str, bytes]:
    """``.nojekyll`` (GitHub Pages would otherwise run Jekyll over the site) and ``CNAME``."""
    files = {".nojekyll": b""}
    if config.cname:
        files["CNAME"] = f"{config.cname}\n".encode("ascii")
    return files


def _write_hosting_files(files: Mapping[str, bytes], staging: Path) -> None:
    for name, data in files.items():
        (staging / name).write_bytes(data)


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


def _clamp_times(staging: Path, epoch: int | None) -> None:
    """With ``SOURCE_DATE_EPOCH`` set, every written file and folder gets that time: archives of
    the output are then byte-identical too. Without it, file times are left as written.

    A file hard-linked from the previous output (or the card cache) that has another time gets a
    copy of its own first: changing the time of a shared file would change the previous output.
    """
    if epoch is None:
        return
    epoch_ns = epoch * 1_000_000_000
    for path in sorted(staging.rglob("*"), reverse=True):
        status = path.lstat()
        if status.st_mtime_ns == epoch_ns:
            continue
        if status.st_nlink > 1 and stat.S_ISREG(status.st_mode):
            _unshare(path)
        os.utime(path, (epoch, epoch), follow_symlinks=False)
    os.utime(staging, (epoch, epoch))


def _unshare(path: Path) -> None:
    """Replace the hard link ``path`` by a copy of the file."""
    temporary = path.with_name(f".{path.name}.copy")
    shutil.copyfile(path, temporary)
    os.replace(temporary, path)
