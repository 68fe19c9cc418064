"""Which share cards a site has, and writing them: from the cache when nothing drawn changed,
else drawn, in forked worker processes.

A card's cache key is a hash of everything that decides its pixels: the drawing's version, the
font file (path, size, time), and the card's text. A cached card costs a stat and a hard link.
The cards are shared out, every n-th to each of n processes (one per core, this one included;
``kiku.runtime.forks.map_shares``), forked after the fonts and the cards' frame are loaded: each process
places or draws its share and writes the files itself, so only counts come back. A build does
this in the processes that render its pages, after their pages, each drawing the cards of the
pages it rendered (``CardWriter``, ``CardJob.page``).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, fields
from pathlib import Path
from urllib.parse import urlsplit

from kiku.content.model import Site
from kiku.errors import KikuError
from kiku.output.newfile import create
from kiku.render.planning.urls import SITE_CARD_URL, article_card_url, article_url, home_url
from kiku.render.sharecards.draw import DRAW_VERSION, CardText, card_frame, draw_card
from kiku.render.sharecards.fonts import CardFont
from kiku.render.sharecards.report import CardReport
from kiku.render.views.page import DateView, SiteView
from kiku.runtime.forks import map_shares, process_count

# Fewer cards than this for each extra process: forking costs more than it saves.
_MIN_SHARE = 8


class CardError(KikuError):
    """A share card could not be drawn or written (the build fails; the previous output stays)."""


@dataclass(frozen=True, slots=True)
class CardJob:
    """One card: where it goes in the site (a site-relative URL), what it shows, and the URL of the
    page it is the card of (the home page for the site's card): the process rendering that page
    draws it, with the title's phrases at hand."""

    url: str
    text: CardText
    page: str = ""


def card_jobs(site: Site) -> tuple[CardJob, ...]:
    """The site's card, then one per article."""
    config = site.config
    site_view = SiteView.build(config)
    address = _address(config.base_url)
    mark = site_view.mark or ""
    site_text = CardText(config.description or config.title, site_view.name, mark, "", address)
    jobs = [CardJob(SITE_CARD_URL, site_text, home_url(1))]
    for article in site.articles:
        text = CardText(article.title, site_view.name, mark, DateView.build(article.date).display, address)
        jobs.append(CardJob(article_card_url(article.slug), text, article_url(article.slug)))
    return tuple(jobs)


def write_cards(jobs: Sequence[CardJob], font: CardFont, out_dir: Path, cache_dir: Path | None) -> CardReport:
    """Write every card of ``jobs`` under ``out_dir``, reusing and filling ``cache_dir`` when given,
    in forked shares (``kiku.runtime.forks.map_shares``)."""
    writer = CardWriter.prepare(font, jobs, out_dir, cache_dir)
    return merged_report(map_shares(writer.write, jobs, _process_count(len(jobs))))


@dataclass(frozen=True, slots=True)
class CardWriter:
    """Writes a share of a site's cards, in this process or a forked one: what every share needs
    (the cache folder, the font's key, the cards' frame) is made once by ``prepare``, before the
    workers fork, so each inherits it. A build writes the cards in its page-rendering workers."""

    font: CardFont
    out_dir: Path
    cache_dir: Path | None
    font_key: str
    # The cache's cards when the build began: a card not among them is drawn without looking for it
    # (a cold build's cards cost two system calls fewer each). One cached meanwhile is drawn again.
    cached: frozenset[str] = frozenset()

    @classmethod
    def prepare(cls, font: CardFont, jobs: Sequence[CardJob], out_dir: Path, cache_dir: Path | None) -> CardWriter:
        cached: frozenset[str] = frozenset()
        if cache_dir is not None:
            cache_dir.mkdir(parents=True, exist_ok=True)
            cached = frozenset(os.listdir(cache_dir))
        if jobs:
            first = jobs[0].text
            card_frame(font, first.site_name, first.mark, first.footer_right)  # drawn once, inherited
        return cls(font, out_dir, cache_dir, font.fingerprint(), cached)

    def write(self, jobs: Sequence[CardJob], drawn: Callable[[str, bytes, os.stat_result], None] | None = None
              ) -> CardReport:
        """Write the cards of ``jobs``: from the cache when there, else drawn (and cached).
        ``drawn(url, png, status)`` is told of each card drawn, with its new file's status (so that
        its record for the page memo is made from the bytes in hand, not read back)."""
        to_draw: list[_Drawing] = []
        for job in jobs:
            target = self.out_dir / job.url
            if self.cache_dir is None:
                to_draw.append(_Drawing(job.url, job.text, target, None))
                continue
            name = f"{_cache_key(job.text, self.font_key)}.png"
            cached = self.cache_dir / name
            if name not in self.cached or not _place(cached, target):
                to_draw.append(_Drawing(job.url, job.text, target, cached))
        _draw_share(self.font, to_draw, drawn)
        return CardReport(written=len(jobs), drawn=len(to_draw), from_cache=len(jobs) - len(to_draw))


def merged_report(reports: Sequence[CardReport]) -> CardReport:
    """What the shares' reports add up to."""
    return CardReport(
        written=sum(report.written for report in reports),
        drawn=sum(report.drawn for report in reports),
        from_cache=sum(report.from_cache for report in reports),
    )


@dataclass(frozen=True, slots=True)
class _Drawing:
    """A card to draw (the one at ``url``): into ``target``, then linked into the cache as ``cached``."""

    url: str
    text: CardText
    target: Path
    cached: Path | None


def _draw_share(
    font: CardFont, share: Sequence[_Drawing], drawn: Callable[[str, bytes, os.stat_result], None] | None
) -> None:
    for drawing in share:
        png = draw_card(font, drawing.text)
        try:
            status = _write_new(drawing.target, png)
            if drawn is not None:
                drawn(drawing.url, png, status)
            if drawing.cached is not None:
                _keep(drawing.target, drawing.cached, png)
        except OSError as error:
            raise CardError(f"writing the share card {drawing.target}: {error.strerror or error}") from None


def _write_new(target: Path, png: bytes) -> os.stat_result:
    """``png`` as a new file at ``target`` (it may become the cache's): a file already there, an
    earlier site's card (kiku.output.reuse), perhaps a link to a cached one, is replaced, never
    written in place; the folder is made when missing (its page may come later, in another worker).
    Both are rare, so they are tried after the file, not before it."""
    for _ in range(2):
        try:
            return create(target, png)
        except (FileNotFoundError, NotADirectoryError):  # mkdir says what is in the folder's way
            target.parent.mkdir(parents=True, exist_ok=True)
        except FileExistsError:
            target.unlink()
    return create(target, png)  # the file's status, once written (the cache's link leaves it as it is)


def _process_count(cards: int) -> int:
    """One process per core (this one included), each with at least ``_MIN_SHARE`` cards."""
    return process_count(cards, _MIN_SHARE)


def _place(cached: Path, target: Path) -> bool:
    """Put the cached card at ``target``; False when it is not in the cache.

    A hit costs one hard link (a copy when the cache is on another file system). Cache files are
    only ever created whole (a link to a card just written, or ``os.replace``), never written in
    place, so a linked card in the output cannot change under it.
    """
    try:
        os.link(cached, target)
    except FileNotFoundError:
        if not cached.is_file():
            return False
        target.parent.mkdir(parents=True, exist_ok=True)  # its page, in another worker, may come later
        return _place(cached, target)
    except FileExistsError:  # the staging folder started as an earlier site (kiku.output.reuse)
        with contextlib.suppress(FileNotFoundError):  # no such card in the cache: drawn
            if os.path.samefile(cached, target):
                return True
        target.unlink()  # perhaps a link to the current output's card: never written in place
        return _place(cached, target)
    except OSError:  # no hard links here: a copy, of a card that is in the cache
        if not cached.is_file():
            return False
        # Whatever is at ``target`` goes first (a system may refuse the link before it sees the
        # name taken): an earlier site's card may be a hard link to the current output's.
        target.unlink(missing_ok=True)
        shutil.copyfile(cached, target)
    return True


_TEXT_FIELDS = tuple(field.name for field in fields(CardText))


def _cache_key(text: CardText, font_key: str) -> str:
    # The fields as asdict() gives them (same key), without its deep copy (about half the time), and an edit
    # build asks for every card's key.
    shown = {name: getattr(text, name) for name in _TEXT_FIELDS}
    what = json.dumps([DRAW_VERSION, font_key, shown], ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(what.encode("utf-8")).hexdigest()


def _keep(target: Path, cached: Path, png: bytes) -> None:
    """Put the card just written at ``target`` in the cache as ``cached``: a hard link, which
    another build sees whole or not at all (half the file-system work of writing a copy and
    renaming it); a copy when the cache is on another file system."""
    try:
        os.link(target, cached)
    except FileExistsError:
        pass  # drawn by another build meanwhile: the same text, so the same card
    except OSError:
        _write_atomically(cached, png)


def _write_atomically(path: Path, data: bytes) -> None:
    """Another build reading the cache never sees half a file."""
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _address(base_url: str) -> str:
    """``example.github.io/digest``: the site's address as a reader would type it."""
    parts = urlsplit(base_url)
    return (parts.netloc + parts.path).rstrip("/")
