"""Build the site: load → plan → render into a fresh directory → swap it into place.

The output directory is replaced whole or not at all: pages and static files are written into a
new temporary directory beside it; only when everything is written is the old directory moved
aside, the new one renamed into place and the old one deleted. On any failure the temporary
directory is removed and an existing output directory is left exactly as it was.
"""

from __future__ import annotations

import functools
import logging
import os
import secrets
import shutil
import tempfile
from dataclasses import dataclass, replace
from pathlib import Path

import jinja2

from kiku.content.cache import CACHE_DIR
from kiku.content.config import normalise_base_url
from kiku.content.model import DigestArticle, EncyclopediaArticle, Site, SiteConfig
from kiku.errors import KikuError
from kiku.render.environment import make_environment
from kiku.render.inplace import clear_journal, journal_pending, update_in_place
from kiku.render.output import link_into, write_pages
from kiku.render.pagememo import PageMemo, load_memo, render_salt, save_memo
from kiku.render.plan import Page, plan_site

log = logging.getLogger(__name__)

# Up to this many changed pages (or a tenth of the site) are moved into the output folder one by
# one (kiku/render/inplace.py); more, and the build makes a whole new folder and swaps it in.
_IN_PLACE_PAGES = 200
_DIRECTORY_MODE = 0o755  # mkdtemp creates 0o700; a web server reading the site needs more


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
    pages_unchanged: int = 0  # pages whose bytes equal the previous build's: that file was kept
    pages_rendered: int = 0  # pages rendered (the others' inputs had not changed: see pagememo)

    @property
    def pages(self) -> int:
        """Same as ``pages_written`` (the name ``kiku build`` prints)."""
        return self.pages_written


def build(site_root: Path, out_dir: Path, base_url: str | None = None) -> BuildReport:
    """Load and validate the site at ``site_root`` and render it into ``out_dir``.

    ``base_url``, when given, replaces site.yaml's for this build (``kiku build --base-url``);
    the caller has checked it with ``kiku.content.config.base_url_problem``.
    Raises ``kiku.errors.ContentErrors`` when the content does not load (nothing is written),
    ``PlanError`` / ``RenderError`` when the site cannot be laid out or rendered.
    """
    from kiku.content.loader import load_site  # the loader pulls in YAML; only a build needs it
    from kiku.unchanged import input_digest, remember_build, unchanged_build

    cache_dir = site_root / CACHE_DIR
    inputs = input_digest(site_root.resolve(), out_dir.resolve(), base_url)
    unchanged = unchanged_build(cache_dir, inputs, site_root.resolve(), out_dir.resolve())
    if unchanged is not None:
        return replace(unchanged, pages_unchanged=unchanged.pages_written, pages_rendered=0)
    site = load_site(site_root, cache=True)
    if base_url is not None:
        site = replace(site, config=replace(site.config, base_url=normalise_base_url(base_url)))
    report = render_site(site, site_root, out_dir, cache_dir=cache_dir)
    remember_build(cache_dir, inputs, report)
    return report


def render_site(site: Site, site_root: Path, out_dir: Path, cache_dir: Path | None = None) -> BuildReport:
    """Render every page of ``site`` with ``site_root/templates`` and copy ``site_root/static``.

    ``out_dir`` is replaced only when every page rendered; see the module docstring. Pages whose
    bytes did not change keep their file (kiku/render/output.py); with a ``cache_dir``, pages whose
    inputs did not change are not even rendered (kiku/render/pagememo.py).
    """
    site_root = site_root.resolve()
    out_dir = out_dir.resolve()
    _check_out_dir(site_root, out_dir)
    pages = plan_site(site)
    environment = make_environment(site_root / "templates")
    epoch = source_date_epoch()

    out_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f"{out_dir.name}.new-", dir=out_dir.parent))
    try:
        staging.chmod(_DIRECTORY_MODE)
        previous = out_dir if (out_dir / "index.html").is_file() else None  # a previous build (see _check_out_dir)
        salt = render_salt(site_root / "templates")
        memo = load_memo(cache_dir, salt, out_dir) if cache_dir is not None else None
        in_place = (
            previous is not None and cache_dir is not None and memo is not None and bool(memo.pages)
            and not journal_pending(cache_dir)
        )
        render = functools.partial(render_page, environment)
        written = write_pages(render, pages, staging, previous, memo, epoch, link_unchanged=not in_place)
        static_files = _copy_static(site_root / "static", staging / "static")
        _write_hosting_files(site.config, staging)
        planned = [page.output_path for page in pages]
        if in_place and len(written.staged) <= max(_IN_PLACE_PAGES, len(pages) // 10):
            assert memo is not None and cache_dir is not None
            update_in_place(staging, out_dir, written.staged, memo.pages.keys() - set(planned), cache_dir, epoch)
            shutil.rmtree(staging, ignore_errors=True)
        else:
            if in_place:  # too many changed pages to move one by one: a whole new folder after all
                staged = set(written.staged)
                link_into(out_dir, staging, [path for path in planned if path not in staged])
            _clamp_times(staging, epoch)
            _swap_into_place(staging, out_dir)
            if cache_dir is not None:
                clear_journal(cache_dir)  # the whole output is new: an interrupted update is moot
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    if cache_dir is not None:
        save_memo(cache_dir, PageMemo(salt, str(out_dir), written.written))

    report = BuildReport(
        out_dir=out_dir,
        pages_written=len(pages),
        digest_articles=sum(isinstance(article, DigestArticle) for article in site.articles),
        encyclopedia_articles=sum(isinstance(article, EncyclopediaArticle) for article in site.articles),
        tag_pages=sum(page.template == "tag.html" for page in pages),
        home_pages=sum(page.template == "index.html" for page in pages),
        static_files=static_files,
        bytes_written=written.bytes_written,
        pages_unchanged=written.pages_kept,
        pages_rendered=written.pages_rendered,
    )
    log.debug("wrote %d pages and %d static files to %s", report.pages_written, static_files, out_dir)
    return report


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


def _copy_static(static_dir: Path, target: Path) -> int:
    if not static_dir.is_dir():
        return 0
    shutil.copytree(static_dir, target, copy_function=shutil.copyfile)
    return sum(1 for path in target.rglob("*") if path.is_file())


def _write_hosting_files(config: SiteConfig, staging: Path) -> None:
    """``.nojekyll`` (GitHub Pages would otherwise run Jekyll over the site) and ``CNAME``."""
    (staging / ".nojekyll").write_bytes(b"")
    if config.cname:
        (staging / "CNAME").write_bytes(f"{config.cname}\n".encode("ascii"))


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
    the output are then byte-identical too. Without it, file times are left as written."""
    if epoch is None:
        return
    for path in sorted(staging.rglob("*"), reverse=True):
        os.utime(path, (epoch, epoch), follow_symlinks=False)
    os.utime(staging, (epoch, epoch))


def _swap_into_place(staging: Path, out_dir: Path) -> None:
    if not out_dir.exists():
        staging.rename(out_dir)
        return
    retired = out_dir.with_name(f"{out_dir.name}.old-{secrets.token_hex(4)}")
    out_dir.rename(retired)
    try:
        staging.rename(out_dir)
    except BaseException:
        retired.rename(out_dir)
        raise
    # The new site is in place; failing to delete the old copy must not fail the build.
    shutil.rmtree(retired, ignore_errors=True)
    if retired.exists():
        log.warning("could not delete the previous build at %s", retired)
