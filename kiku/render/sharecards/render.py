"""Which share cards a site has, and writing them: from the cache when nothing drawn changed,
else drawn in forked worker processes.

A card's cache key is a hash of everything that decides its pixels: the drawing's version, the
font file (path, size, time), and the card's text. A cached card costs a stat and a hard link.
The cards to draw are shared out, every n-th to each of n processes (one per core, this one
included), forked after the fonts and the cards' frame are loaded: each child draws its share and
writes the files itself, so nothing but an error message comes back.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import multiprocessing
import os
import shutil
import signal
import tempfile
import threading
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from pathlib import Path
from urllib.parse import urlsplit

from kiku.content.model import Site
from kiku.errors import KikuError
from kiku.render.planning.urls import SITE_CARD_URL, article_card_url
from kiku.render.sharecards.draw import DRAW_VERSION, CardText, card_frame, draw_card
from kiku.render.sharecards.fonts import CardFont
from kiku.render.views.page import DateView, SiteView

# Fewer cards than this for each extra process: forking costs more than it saves.
_MIN_SHARE = 8


class CardError(KikuError):
    """A share card could not be drawn or written (the build fails; the previous output stays)."""


@dataclass(frozen=True, slots=True)
class CardJob:
    """One card: where it goes in the site (a site-relative URL) and what it shows."""

    url: str
    text: CardText


@dataclass(frozen=True, slots=True)
class CardReport:
    """What writing the cards did."""

    written: int
    drawn: int
    from_cache: int


def card_jobs(site: Site) -> tuple[CardJob, ...]:
    """The site's card, then one per article."""
    config = site.config
    site_view = SiteView.build(config)
    address = _address(config.base_url)
    mark = site_view.mark or ""
    jobs = [CardJob(SITE_CARD_URL, CardText(config.description or config.title, site_view.name, mark, "", address))]
    for article in site.articles:
        text = CardText(article.title, site_view.name, mark, DateView.build(article.date).display, address)
        jobs.append(CardJob(article_card_url(article.slug), text))
    return tuple(jobs)


def write_cards(jobs: Sequence[CardJob], font: CardFont, out_dir: Path, cache_dir: Path | None) -> CardReport:
    """Write every card of ``jobs`` under ``out_dir``, reusing and filling ``cache_dir`` when given."""
    if cache_dir is not None:
        cache_dir.mkdir(parents=True, exist_ok=True)
    font_key = font.fingerprint()
    to_draw: list[_Drawing] = []
    for job in jobs:
        target = out_dir / job.url
        cached = None if cache_dir is None else cache_dir / f"{_cache_key(job.text, font_key)}.png"
        if cached is None or not _place(cached, target):
            to_draw.append(_Drawing(job.text, target, cached))
    _draw_in_shares(font, to_draw)
    return CardReport(written=len(jobs), drawn=len(to_draw), from_cache=len(jobs) - len(to_draw))


@dataclass(frozen=True, slots=True)
class _Drawing:
    """A card to draw: into the cache file ``cached`` (then linked to ``target``) or into ``target``."""

    text: CardText
    target: Path
    cached: Path | None


def _draw_share(font: CardFont, share: Sequence[_Drawing]) -> None:
    for drawing in share:
        png = draw_card(font, drawing.text)
        try:
            drawing.target.parent.mkdir(parents=True, exist_ok=True)
            drawing.target.unlink(missing_ok=True)  # an earlier site's card (kiku.output.reuse)
            if drawing.cached is None:
                drawing.target.write_bytes(png)
            else:
                with drawing.target.open("xb") as card:  # a new file: it becomes the cache's
                    card.write(png)
                _keep(drawing.target, drawing.cached, png)
        except OSError as error:
            raise CardError(f"writing the share card {drawing.target}: {error.strerror or error}") from None


def _draw_in_shares(font: CardFont, drawings: Sequence[_Drawing]) -> None:
    """Draw ``drawings``, share k of n (every n-th from k) in the k-th process, share 0 in this one."""
    processes = _process_count(len(drawings))
    if processes <= 1:
        _draw_share(font, drawings)
        return
    first = drawings[0].text
    card_frame(font, first.site_name, first.mark, first.footer_right)  # drawn once, inherited by every child
    context = multiprocessing.get_context("fork")
    children: list[tuple[BaseProcess, Connection]] = []
    try:
        for share in range(1, processes):
            receiver, sender = context.Pipe(duplex=False)
            worker = context.Process(target=_child, args=(font, drawings[share::processes], sender), daemon=True)
            worker.start()
            sender.close()
            children.append((worker, receiver))
        _draw_share(font, drawings[0::processes])
        for child, receiver in children:
            try:
                failure = receiver.recv()
            except EOFError:  # killed (out of memory, a signal) before it could answer
                child.join()
                failure = f"a share-card worker died (exit code {child.exitcode})"
            if failure is not None:
                raise CardError(failure)
    finally:
        for child, _ in children:
            if child.is_alive():
                child.terminate()
            child.join()


def _child(font: CardFont, share: Sequence[_Drawing], sender: Connection) -> None:
    """A forked worker: the parent alone handles Ctrl-C and SIGTERM (it stops the children)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    try:
        _draw_share(font, share)
    except CardError as error:  # reported by the parent, which fails the build
        sender.send(str(error))
    except Exception as error:
        sender.send(f"drawing share cards: {error!r}")
    else:
        sender.send(None)
    finally:
        sender.close()


def _process_count(cards: int) -> int:
    """One process per core (this one included), each with at least ``_MIN_SHARE`` cards; only
    where forking exists and this process runs no other thread (a fork copies only the caller)."""
    if not hasattr(os, "fork") or threading.active_count() > 1:
        return 1
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return max(1, min(cores, cards // _MIN_SHARE))


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
        target.parent.mkdir(parents=True, exist_ok=True)  # the site's card folders exist already
        return _place(cached, target)
    except FileExistsError:  # the staging folder started as an earlier site (kiku.output.reuse)
        with contextlib.suppress(FileNotFoundError):  # no such card in the cache: drawn
            if os.path.samefile(cached, target):
                return True
        target.unlink()  # perhaps a link to the current output's card: never written in place
        return _place(cached, target)
    except OSError:
        shutil.copyfile(cached, target)
    return True


def _cache_key(text: CardText, font_key: str) -> str:
    what = json.dumps([DRAW_VERSION, font_key, asdict(text)], ensure_ascii=False, sort_keys=True)
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
