"""The preview's rebuild: re-render only the pages a change affects, write only those.

The builder keeps the loaded site (``ContentCache``), the Jinja environment with what each
template uses, and every page as last written. A rebuild re-reads the files the watcher named,
re-plans the pages the change reaches (``kiku.render.planning``: the rest of the plan is kept) and
renders those whose template or context differ from the last render (a context made from inputs,
``LazyContext``: whose inputs differ, as a build's page fingerprints tell), and every page whose
template (or anything it extends, includes or imports) changed. Views are frozen dataclasses, so
equality is the diff, and the rule holds for any page the plan returns (feeds and sitemaps
included): a save costs what it reaches, not the site's size. ``site.yaml`` re-reads and
re-renders everything; ``static/`` is synced file by file when something in it changed. The
pages rendered before the reload are rendered in memory first: when one fails nothing is
written, the error is kept for the error page, and the next good save brings the site back.

When browsers are connected, the stale pages they show are rendered before the reload and the
others right after it (as Hugo's "fast render mode" does): on 1,000 articles a title edit makes
the article, its home page and eight tag pages of hundreds of entries stale, and the tag pages
alone take longer than the 300 ms a reload may take. The search index is brought up to date after
the reload too. A request for a page still waiting (or for a file of the search index) is
answered only after it is written, so the preview never serves a stale file.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

import jinja2
from markupsafe import Markup

from kiku.build import source_date_epoch
from kiku.content.loading.listing import CONTENT_DIR
from kiku.content.loading.schedule import published_on, today_in_japan
from kiku.content.model import Site
from kiku.content.reading.tree import with_folder_problems
from kiku.errors import ContentErrors, KikuError
from kiku.render.pages.builder import LazyContext
from kiku.render.planning.plan import Page
from kiku.render.planning.planner import SitePlanner
from kiku.render.site import render_page
from kiku.render.text.markdown import render_block, render_inline
from kiku.render.writing.other_files.identity import write_identity_files
from kiku.render.writing.templating.environment import make_environment
from kiku.search.index import MANIFEST_PATH, SearchIndex
from kiku.serve.content import ContentCache
from kiku.serve.output import remove_outputs, sync_static, write_atomically
from kiku.serve.templates import template_dependencies

CONFIG_FILE = "site.yaml"
TEMPLATES_DIR = "templates"
STATIC_DIR = "static"
WATCHED_DIRS = (CONTENT_DIR, TEMPLATES_DIR, STATIC_DIR)
SEARCH_INDEX_DIR = MANIFEST_PATH.rpartition("/")[0] + "/"  # the search index's files are all in here


@dataclass(frozen=True, slots=True)
class Change:
    """What changed on disk, sorted by what a rebuild does about it."""

    config: bool = False
    content: frozenset[str] = frozenset()  # file names in content/
    templates: frozenset[str] = frozenset()  # template names (paths relative to templates/)
    static: bool = False
    everything: bool = False  # a watched folder itself appeared or went away

    @classmethod
    def of(cls, site_root: Path, paths: Iterable[Path]) -> Change:
        """Classify changed ``paths`` (absolute); anything outside the watched places is ignored."""
        config, everything, static = False, False, False
        content: set[str] = set()
        templates: set[str] = set()
        for path in paths:
            try:
                parts = path.relative_to(site_root).parts
            except ValueError:
                continue
            if parts == (CONFIG_FILE,):
                config = True
            elif len(parts) == 1 and parts[0] in WATCHED_DIRS:
                everything = True
            elif len(parts) > 1 and parts[0] == CONTENT_DIR:
                content.add("/".join(parts[1:]))
            elif len(parts) > 1 and parts[0] == TEMPLATES_DIR:
                templates.add("/".join(parts[1:]))
            elif len(parts) > 1 and parts[0] == STATIC_DIR:
                static = True
        return cls(config, frozenset(content), frozenset(templates), static, everything)

    @property
    def is_empty(self) -> bool:
        return not (self.config or self.content or self.templates or self.static or self.everything)


@dataclass(frozen=True, slots=True)
class Reload:
    """One livereload ``reload`` command: ``path`` as the browser sees it."""

    path: str
    live_css: bool = False


@dataclass(frozen=True, slots=True)
class Outcome:
    """What one rebuild did, and what the browsers must be told."""

    written: tuple[str, ...] = ()  # output paths, relative to the preview folder
    removed: tuple[str, ...] = ()
    error: str | None = None
    reloads: tuple[Reload, ...] = field(default=())
    deferred: tuple[str, ...] = ()  # stale pages left for after the reload (nobody views them)
    index_written: tuple[str, ...] = ()  # search index files (kiku.search.index)
    index_removed: tuple[str, ...] = ()


def preview_environment(templates_dir: Path) -> jinja2.Environment:
    """``make_environment`` with the Markdown filters memoized: they are pure functions of their
    arguments, and a list page re-renders the same leads on every save."""
    environment = make_environment(templates_dir)
    environment.filters["markdown"] = _memoized(render_block)
    environment.filters["markdown_inline"] = _memoized(render_inline)
    return environment


@functools.cache
def _memoized(render: _Render) -> _Render:
    cached = functools.lru_cache(maxsize=100_000)(render)

    def call(
        text: str, reference_ids: frozenset[int] = frozenset(), anchor_scope: str = "", *, phrased: bool = False
    ) -> Markup:
        try:
            return cached(text, reference_ids, anchor_scope, phrased=phrased)
        except TypeError:  # unhashable arguments from a template: render without the cache
            return render(text, reference_ids, anchor_scope, phrased=phrased)

    return call


class _Render(Protocol):
    """The signature of kiku.render.text.markdown's two filters."""

    def __call__(
        self, text: str, reference_ids: frozenset[int] = ..., anchor_scope: str = ..., *, phrased: bool = ...
    ) -> Markup: ...


class PreviewBuilder:
    """Builds the site at ``site_root`` into ``out_dir`` and keeps it current, change by change."""

    def __init__(self, site_root: Path, out_dir: Path, base_url: str | None = None, *, future: bool = False) -> None:
        """``base_url`` replaces site.yaml's: the preview's own address, so absolute links
        (the 404 page's, canonical URLs, feeds) lead to the preview, not the published site.
        Scheduled articles are left out as ``kiku build`` leaves them out, unless ``future``."""
        self.site_root = site_root
        self._future = future
        self.out_dir = out_dir
        self.error: str | None = None  # the current build error, shown instead of the site
        self._content = ContentCache(site_root, base_url)
        self._environment: jinja2.Environment | None = None
        self._uses: dict[str, frozenset[str]] = {}
        self._references: dict[tuple[str, str], set[str]] = {}  # (template, source) → the templates it names
        self._written: dict[str, Page] = {}  # output path → the page as last written
        self._stale_templates: set[str] = set()
        self._everything_stale = True
        self._static_stale = True  # static/ changed (or was never synced) since the last sync
        self._current_outputs: frozenset[str] = frozenset()
        self._outputs_changed = False  # the last plan has pages the one before had not, or lacks some
        self._check_every_page = False  # a rebuild failed after planning: what it planned is not written
        self._planner = SitePlanner()  # re-plans only the pages a change reaches
        self._site: Site | None = None
        self._search = SearchIndex()  # re-indexes only the articles a change touched
        self._index_removed: tuple[str, ...] = ()
        self._search_pending = False  # the last rebuild left the search index for render_deferred
        self._deferred: dict[str, Page] = {}  # output path → page rendered after the reload
        self._lock = threading.Lock()  # one rebuild or deferred render at a time

    def rebuild(self, change: Change | None = None, viewed: Collection[str] = ()) -> Outcome:
        """Bring the preview folder up to date with ``change`` (None: build everything).

        ``viewed`` holds the output paths browsers show now. When it is not empty, only those
        of the stale pages are rendered before this returns (the reload goes out then); the
        others wait for ``render_deferred`` and are rendered first if they are requested
        before (``ensure_current``), so that no request is ever answered with a stale page.
        """
        with self._lock:
            return self._rebuild(change or Change(everything=True), frozenset(viewed))

    def render_deferred(self, should_pause: Callable[[], bool]) -> Outcome:
        """Write the search index and render the pages the last rebuild left for after the reload,
        one by one, until done or ``should_pause()`` (a new change waits: the next rebuild takes
        the rest over)."""
        written: list[str] = []
        with self._lock:
            index_written = self._update_search_index() if self._search_pending and not should_pause() else ()
        while True:
            with self._lock:
                if not self._deferred or should_pause():
                    return Outcome(
                        written=tuple(written), index_written=index_written,
                        index_removed=self._index_removed if index_written else (),
                    )
                page = next(iter(self._deferred.values()))
                try:
                    self._render_deferred_page(page)
                except (KikuError, jinja2.TemplateError) as error:
                    self.error = _describe(error)
                    return Outcome(written=tuple(written), error=self.error, reloads=(Reload("/"),))
                written.append(page.output_path)

    def ensure_current(self, output_path: str) -> None:
        """Render ``output_path`` now if the last rebuild deferred it (or write the search index,
        for one of its files); waits for a running rebuild."""
        with self._lock:
            if self._search_pending and output_path.startswith(SEARCH_INDEX_DIR):
                self._update_search_index()
            page = self._deferred.get(output_path)
            if page is not None:
                try:
                    self._render_deferred_page(page)
                except (KikuError, jinja2.TemplateError) as error:
                    self.error = _describe(error)

    @property
    def deferred(self) -> frozenset[str]:
        """The output paths still waiting for ``render_deferred``."""
        with self._lock:
            return frozenset(self._deferred)

    def _render_deferred_page(self, page: Page) -> None:
        assert self._environment is not None
        write_atomically(self.out_dir / page.output_path, render_page(self._environment, page))
        self._written[page.output_path] = page
        del self._deferred[page.output_path]

    def _rebuild(self, change: Change, viewed: frozenset[str]) -> Outcome:
        if change.everything or change.config:
            self._everything_stale = True
        self._static_stale = self._static_stale or change.static or change.everything
        self._stale_templates |= change.templates
        had_error = self.error
        static_written: tuple[str, ...] = ()
        self.out_dir.mkdir(parents=True, exist_ok=True)  # the site's files are written before static/ is synced
        try:
            stale = self._stale_pages(change)
            if self._static_stale:  # a save of an article leaves static/ alone: not read again
                static = sync_static(self.site_root, self.out_dir / STATIC_DIR)
                static_written = tuple(f"{STATIC_DIR}/{path}" for path in static)
                self._static_stale = False
            now = [page for path, page in stale.items() if not viewed or path in viewed]
            environment = self._environment
            assert environment is not None
            rendered = [(page, render_page(environment, page)) for page in now]
        except (KikuError, jinja2.TemplateError) as error:
            self.error = _describe(error)
            self._check_every_page = True
            told = (Reload("/"),) if self.error != had_error else _static_reloads(static_written)
            return Outcome(written=static_written, error=self.error, reloads=told)
        for page, data in rendered:
            write_atomically(self.out_dir / page.output_path, data)
            self._written[page.output_path] = page
        # With a browser to reload, the search index (a whole-site structure) waits until after the reload.
        self._search_pending = bool(viewed)
        index_written = () if viewed else self._update_search_index()
        self._deferred = {path: page for path, page in stale.items() if viewed and path not in viewed}
        removed = self._remove_pages_not_in(self._current_outputs) if self._outputs_changed else ()
        self._outputs_changed = False
        self.error = None
        self._check_every_page = False
        self._stale_templates.clear()
        self._everything_stale = False
        pages_written = tuple(page.output_path for page, _ in rendered)
        if stale or removed or had_error:
            first = (pages_written or tuple(stale) or ("",))[0]
            reloads: tuple[Reload, ...] = (Reload("/" + first.removesuffix("index.html")),)
        else:
            reloads = _static_reloads(static_written)
        return Outcome(
            written=pages_written + static_written, removed=removed, reloads=reloads,
            index_written=index_written, index_removed=self._index_removed,
            deferred=tuple(self._deferred),
        )

    def _update_search_index(self) -> tuple[str, ...]:
        """Write the index files the last loaded site changed; an edit re-indexes one article."""
        assert self._site is not None
        self._search_pending = False
        index_change = self._search.update(self._site)
        for path, data in index_change.written.items():
            write_atomically(self.out_dir / path, data)
        remove_outputs(self.out_dir, index_change.removed)
        self._index_removed = index_change.removed
        return tuple(sorted(index_change.written))

    def _stale_pages(self, change: Change) -> dict[str, Page]:
        """Every page of the new plan that differs from what is on disk (deferred pages included),
        by output path (worked out once per page: a template change reaches all of them)."""
        try:
            everything = change.config or change.everything
            site = self._content.load(config_changed=everything, touched=change.content, rescan=everything)
        except ContentErrors as errors:
            raise with_folder_problems(errors, self.site_root) from None
        if change.config or change.everything:
            # The icons every page links to; share cards are left to `kiku build` (no og:image here).
            write_identity_files(site.config, self.out_dir)
        # The articles are newest first (ContentCache keeps them so): the first says whether any is
        # scheduled, and a save does not look at every article's date.
        today = today_in_japan(source_date_epoch())
        if not self._future and site.articles and site.articles[0].date > today:
            site = published_on(site, today).site
        self._site = site
        if self._environment is None or self._stale_templates or self._everything_stale:
            environment = preview_environment(self.site_root / TEMPLATES_DIR)
            self._uses = template_dependencies(environment, self._references)
            self._environment = environment
        plan = self._planner.plan(site, self._content.warnings())
        current = self._current_outputs
        if len(plan.pages) != len(current) or any(page.output_path not in current for page in plan.planned):
            self._current_outputs = current = frozenset(page.output_path for page in plan.pages)
            self._outputs_changed = True
        # The planner made anew every page that may differ; a template change reaches any page.
        every_page = self._everything_stale or self._stale_templates or self._check_every_page
        candidates = plan.pages if every_page else plan.planned
        planned = {page.output_path: page for page in candidates}
        stale = {path: page for path, page in self._deferred.items() if path in current and path not in planned}
        stale.update((path, page) for path, page in planned.items() if self._is_stale(path, page))
        return stale

    def _is_stale(self, output_path: str, page: Page) -> bool:
        if self._everything_stale:
            return True
        last = self._written.get(output_path)
        if last is None or last.template != page.template or _context_changed(last.context, page.context):
            return True
        return not self._stale_templates.isdisjoint(self._uses.get(page.template, (page.template,)))

    def _remove_pages_not_in(self, current: frozenset[str]) -> tuple[str, ...]:
        gone = tuple(sorted(path for path in self._written if path not in current))
        remove_outputs(self.out_dir, gone)
        for path in gone:
            del self._written[path]
        return gone


def _context_changed(last: Mapping[str, object], new: Mapping[str, object]) -> bool:
    """Whether a page's context differs from the one last rendered. Contexts made alike
    (``LazyContext``) differ when their inputs do, as a build's page fingerprints do: making both
    to compare them cost most of a title edit's time before the reload (every neighbour's and
    related article's page made twice), and a page whose inputs changed shows the change."""
    if isinstance(last, LazyContext) and isinstance(new, LazyContext) and (last.make, last.builder) == (
        new.make, new.builder
    ):
        return last.inputs != new.inputs
    return last != new


def _static_reloads(written: tuple[str, ...]) -> tuple[Reload, ...]:
    if not written:
        return ()
    if all(path.endswith(".css") for path in written):
        return tuple(Reload("/" + path, live_css=True) for path in written)
    return (Reload("/" + written[0]),)


def _describe(error: Exception) -> str:
    """One line per problem, as ``kiku build`` prints them."""
    if isinstance(error, ContentErrors):
        return "\n".join(str(problem) for problem in error.errors)
    if isinstance(error, jinja2.TemplateSyntaxError):
        return f"templates/{error.name}:{error.lineno}: {error.message}"
    if isinstance(error, jinja2.TemplateNotFound):
        return f"templates/{error.name}: template not found"
    return str(error)
