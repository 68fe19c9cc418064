"""Render a loaded site into its output folder: plan, render every page on every core, write the
search index, share cards and static files into a staging folder, swap it into place (see ``kiku.build``,
which decides first whether there is anything to do)."""

from __future__ import annotations

import functools
import logging
import os
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from pathlib import Path
from typing import cast

import jinja2

from kiku.build import (
    SEARCH_FOLDER,
    SPARE_SITE,
    BuildReport,
    RenderError,
    collector_frozen,
    collector_paused,
    source_date_epoch,
)
from kiku.content.model import DigestArticle, EncyclopediaArticle, Site, SiteConfig
from kiku.content.reading.files import UnreadableFile, copy_regular_file
from kiku.content.reading.tree import STATIC_DIR, STATIC_FILE_LIMIT, SiteFile, static_files
from kiku.errors import ContentError, ContentErrors
from kiku.output.reuse import StagedSite
from kiku.output.staging import begin_staging, clamp_times, discard, swap_into_place
from kiku.publish.hosting import OutputSize, articles_by_year
from kiku.render.pages.builder import LazyContext
from kiku.render.planning.plan import Page, Plan, build_planner
from kiku.render.planning.store.plan_store import PendingStore, TakenPlan, plan_code, store_plan
from kiku.render.planning.urls import home_url
from kiku.render.sharecards.fonts import INSTALL_HINT, CardFont, find_card_font
from kiku.render.sharecards.render import CardJob, CardWriter, card_jobs, merged_report
from kiku.render.sharecards.report import CardReport
from kiku.render.writing.memo.fingerprints import Fingerprints
from kiku.render.writing.memo.pagememo import (
    PageMemo,
    WrittenPage,
    load_memo,
    render_salt,
    renderer_fingerprint,
    save_memo,
    written_page,
)
from kiku.render.writing.other_files.extras import content_digest, file_writer, kept_extras, staged_records
from kiku.render.writing.other_files.identity import IDENTITY_URLS, write_identity_files
from kiku.render.writing.parallel.output import WriteStats, relink_unchanged, write_pages
from kiku.render.writing.templating.environment import forget_fragments, make_environment
from kiku.render.writing.templating.template_cache import template_cache
from kiku.runtime.forks import alongside
from kiku.runtime.heap import give_back, reuse_freed_arrays
from kiku.search.incremental.cache import EntryCache
from kiku.search.index import IndexWritten, write_search_index

log = logging.getLogger(__name__)

SEARCH_PREFIX = f"{SEARCH_FOLDER}/"

def render_site(
    site: Site, site_root: Path, out_dir: Path, cache_dir: Path | None = None, *,
    card_cache: Path | None = None, search_cache: Path | None = None, delete_later: bool = False,
    taken: TakenPlan | None = None,
) -> BuildReport:
    """Render every page of ``site`` with ``site_root/templates`` and copy ``site_root/static``.

    ``out_dir`` is replaced whole, and only when every page rendered; see the module docstring.
    Files whose bytes did not change are hard-linked from the previous output into the new one, so
    they keep their identity and time (kiku/render/writing/parallel/output.py); with a ``cache_dir``, pages whose
    inputs did not change are not even rendered (kiku/render/writing/memo/pagememo.py).
    Share cards are drawn when a Japanese font is found (else the build says so once and leaves
    them out), reusing the cards in ``card_cache`` (by default ``cache_dir/cards``) whose text has not changed;
    the search index reuses the entries in ``search_cache`` (kiku.search.incremental.cache) of unchanged articles.
    ``delete_later``: see ``build``. ``taken``: the last build's planner (``kiku.render.planning.store.plan_store``,
    taken beside the page memo in ``cache_dir``): only the pages it plans anew are fingerprinted, the
    others are the last build's files; the planner that planned this site is stored in ``cache_dir``.
    """
    # realpath, not Path.resolve: that raises RuntimeError on a link loop
    site_root = Path(os.path.realpath(site_root))
    out_dir = Path(os.path.realpath(out_dir))
    _check_out_dir(site_root, out_dir)
    card_font = find_card_font(site.config.card_font)
    if card_font is None:
        log.warning("kiku: no Japanese font for share cards (%s); building the site without them", INSTALL_HINT)
    # From here on the site (and, once made, its plan) is left out of cyclic garbage collection, here
    # and in the forked workers: each full collection walked them all again (at 2,000 articles, most
    # of the time an edit build spent loading the page memo and listing the staging folder).
    with collector_frozen():
        return _write_site(
            site, card_font, site_root, out_dir, cache_dir,
            card_cache=card_cache, search_cache=search_cache, delete_later=delete_later, taken=taken,
        )


def _write_site(
    site: Site, card_font: CardFont | None, site_root: Path, out_dir: Path, cache_dir: Path | None, *,
    card_cache: Path | None, search_cache: Path | None, delete_later: bool, taken: TakenPlan | None,
) -> BuildReport:
    """``render_site`` once the site is loaded: the search index is written by a forked process
    while this one plans the pages and writes them (the index needs the articles, not the plan)."""
    code_cache = template_cache(cache_dir, renderer_fingerprint()) if cache_dir is not None else None
    environment = make_environment(site_root / "templates", code_cache)
    epoch = source_date_epoch()
    static = static_files(site_root)

    salt = render_salt(site_root / "templates")
    previous = out_dir if (out_dir / "index.html").is_file() else None  # a previous build (see _check_out_dir)
    memo = load_memo(cache_dir, salt, out_dir) if cache_dir is not None else None
    share_cards = card_font is not None
    planner = taken.planner if taken is not None else None
    if planner is None or planner.share_cards != share_cards or memo is None or not memo.pages:
        planner = build_planner(share_cards=share_cards, cache_dir=cache_dir)  # every page planned anew
    spare = cache_dir / SPARE_SITE if cache_dir is not None else None
    staging = begin_staging(out_dir, spare if previous is not None else None)
    pending: PendingStore | None = None  # the planner being stored for the next build
    try:
        site_dir = StagedSite.start(staging.site_dir, staging.reused)
        # The search index is written from an empty folder, by workers that cannot say what they wrote.
        site_dir.set_aside(SEARCH_FOLDER, staging.set_aside)
        render = functools.partial(render_page, environment)
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

        # The search index is written by a forked process while the pages are planned and written
        # (kiku.runtime.forks.alongside): an edit build renders few pages, and planning them all is one core's work.
        # The processes rendering pages write the share cards after them (each its share of both).
        last_extras = memo.extras if memo is not None else {}

        def identity_and_search_index() -> tuple[IndexWritten, dict[str, WrittenPage]]:
            # The icons are drawn large and reduced (some 40 MiB for a moment): here, before the
            # index, not in the page process at its largest.
            write_identity_files(site.config, staging.site_dir, cache_dir)
            records: dict[str, WrittenPage] = {}  # for the page memo (kiku.render.writing.other_files.extras)
            writer = file_writer(staging.site_dir, previous, last_extras, records=records, epoch=epoch)
            # The index is made in this one process: the pages' processes already take every core,
            # so workers forked to index, write or encode would only share them, at the cost of their
            # forks (2026-11-30, 10,000 articles: 8 % less processor time for indexing alone, the
            # index still done long before the pages).
            reuse_freed_arrays()  # (after the icons: their large arrays are mapped apart and given back)
            return write_search_index(site, writer, entry_cache, fork=False), records

        def cards_after_pages(share: Sequence[Page]) -> tuple[CardReport, dict[str, WrittenPage]]:
            # The memo's records of the cards, made here on every core, not at the end on one: a
            # drawn card's from its bytes in hand (a cold build at 10,000 articles read each back).
            forget_fragments(environment)  # the pages are written: the cards reuse that memory
            mine = _cards_of(share, cards_by_page)
            records: dict[str, WrittenPage] = {}

            def drawn(url: str, png: bytes, status: os.stat_result) -> None:
                records[url] = written_page(content_digest(png), status, epoch)

            report = cast(CardWriter, cards).write(mine, drawn)
            placed = [job.url for job in mine if job.url not in records]
            return report, records | staged_records(staging.site_dir, placed, last_extras, epoch)

        cards_by_page: dict[str, list[CardJob]] = {}

        def plan_and_write_pages() -> tuple[Plan, WriteStats, PendingStore | None]:
            # The plan too is left out of collection, here and in the processes rendering the pages
            # (until render_site's collector_frozen ends).
            with collector_paused(then_frozen=True):
                plan = planner.plan(site)
            # The planner is stored for the next build (a new base is pickled by a forked process meanwhile).
            pending = store_plan(cache_dir, planner, site, taken, code=plan_code()) if cache_dir is not None else None
            try:
                if pending is None or not pending.needs_planner():
                    # What only planning needed is let go before the pages' processes fork, which
                    # would each hold it too (20,000 articles: a quarter of what planning made).
                    planner.forget()
                    give_back()
                if memo is None or not memo.pages:  # every page is rendered (no memo, or an empty one: a
                    # first build, or the templates changed): its templates are compiled once, before the forks
                    _compile_templates(render, plan.pages)
                fingerprints = Fingerprints(salt, (site.config, card_font is not None), plan.stand_ins)
                cards_by_page.update(_cards_by_page(jobs, plan.pages))
                written = write_pages(
                    render, plan.pages, site_dir, previous, memo, epoch, fingerprints, plan.planned,
                    after_pages=cards_after_pages if cards else None,
                )
                forget_fragments(environment)
                return plan, written, pending
            except BaseException:
                if pending is not None:
                    pending.cancel()
                raise

        (plan, written, pending), (search_index, fresh) = alongside(plan_and_write_pages, identity_and_search_index)
        after = cast(tuple[tuple[CardReport, dict[str, WrittenPage]], ...], written.after)
        for _, records in after:
            fresh.update(records)
        counts = _page_counts(plan.pages)
        # The pages are written: they, their views and the cards' jobs are let go before the memo
        # and the report are made (at 20,000 articles the main process's largest moment).
        del plan
        cards_by_page.clear()
        give_back()
        bytes_written = written.bytes_written + search_index.bytes
        _copy_static(site_root, static, staging.site_dir / STATIC_DIR)
        _write_hosting_files(hosting, staging.site_dir)
        card_report = merged_report([report for report, _ in after]) if cards else None
        site_dir.prune([*written.written, *placed])
        extras = _extras(staging.site_dir, placed, written.written)
        if previous is not None:  # files written again: keep those that did not change
            # (not the search index's: its writer kept every file whose bytes it found unchanged)
            written_again = [path for path in extras if not path.startswith(SEARCH_PREFIX)]
            relink_unchanged(previous, staging.site_dir, written_again)
        clamp_times(staging.site_dir, epoch)
        swap_into_place(staging, out_dir, delete_later=delete_later, spare=spare)
    except BaseException:
        if pending is not None:
            pending.cancel()
        discard(staging, out_dir)
        raise
    kept = kept_extras(out_dir, extras, last_extras, fresh)
    if cache_dir is not None:
        stored = save_memo(cache_dir, PageMemo(salt, str(out_dir), written.written, kept))
        if pending is not None and stored is not None:
            pending.commit(stored)
    if pending is not None:
        pending.cancel()  # when committed, nothing is left to drop
    # Every file of the output is a page or an extra: no walk of the whole tree to measure it.
    size = sum(page.size for page in written.written.values()) + sum(extra.size for extra in kept.values())

    report = BuildReport(
        out_dir=out_dir,
        pages_written=counts[0],
        digest_articles=sum(isinstance(article, DigestArticle) for article in site.articles),
        encyclopedia_articles=sum(isinstance(article, EncyclopediaArticle) for article in site.articles),
        tag_pages=counts[1],
        home_pages=counts[2],
        static_files=len(static),
        bytes_written=bytes_written,
        search_files=search_index.files,
        pages_unchanged=written.pages_kept,
        pages_rendered=written.pages_rendered,
        share_cards=card_report,
        output=OutputSize(len(written.written) + len(kept), size),
        articles_by_year=articles_by_year(article.date for article in site.articles),
    )
    log.debug("wrote %d pages and %d static files to %s", report.pages_written, len(static), out_dir)
    return report


def _page_counts(pages: Sequence[Page]) -> tuple[int, int, int]:
    """Every page, the tags' pages, the home pages."""
    return (len(pages), sum(page.template == "tag.html" for page in pages),
            sum(page.template == "index.html" for page in pages))


def _compile_templates(render: Callable[[Page], bytes], pages: Sequence[Page]) -> None:
    """Render the first page of each template here, before the pages' processes fork: each of them
    would otherwise compile the templates, and what they extend and import, for itself (~0.15 CPU-s
    each for the seed templates). The bytes are dropped; the page is rendered again in its share."""
    compiled: set[str] = set()
    for page in pages:
        if page.template not in compiled:
            compiled.add(page.template)
            render(page)


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
    context = page.context
    try:
        html = environment.get_template(page.template).render(
            context.made() if isinstance(context, LazyContext) else context
        )
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
