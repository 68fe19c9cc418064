"""Which share cards a site has, and writing them: from the cache when nothing drawn changed,
else drawn in parallel worker processes.

A card's cache key is a hash of everything that decides its pixels: the drawing's version, the
font file (path, size, time), and the card's text. An unchanged article's card costs a file copy.
"""

from __future__ import annotations

import concurrent.futures
import hashlib
import json
import os
import shutil
import tempfile
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from urllib.parse import urlsplit

from kiku.content.model import Site
from kiku.render.sharecards.draw import DRAW_VERSION, CardText, draw_card
from kiku.render.sharecards.fonts import CardFont
from kiku.render.urls import SITE_CARD_URL, article_card_url
from kiku.render.views import DateView, SiteView

# Below this many cards to draw, starting worker processes costs more than it saves.
_PARALLEL_FROM = 12


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
    font_key = font.fingerprint()
    keyed = [(job, _cache_key(job.text, font_key)) for job in jobs]
    missing = [(job, key) for job, key in keyed if cache_dir is None or not (cache_dir / f"{key}.png").is_file()]
    drawn = _draw_all(font, [job.text for job, _ in missing])
    if cache_dir is not None:
        cache_dir.mkdir(parents=True, exist_ok=True)
        for (_, key), png in zip(missing, drawn, strict=True):
            _write_atomically(cache_dir / f"{key}.png", png)
    fresh = {key: png for (_, key), png in zip(missing, drawn, strict=True)}
    for job, key in keyed:
        target = out_dir / job.url
        target.parent.mkdir(parents=True, exist_ok=True)
        if key in fresh:
            target.write_bytes(fresh[key])
        else:
            assert cache_dir is not None  # only a cache can make a card not need drawing
            _link_or_copy(cache_dir / f"{key}.png", target)
    return CardReport(written=len(keyed), drawn=len(missing), from_cache=len(keyed) - len(missing))


def _link_or_copy(cached: Path, target: Path) -> None:
    """A hard link when the cache and the output share a file system (no bytes copied), else a copy.

    Cache files are only ever replaced whole (``os.replace``), never written in place, so a
    linked card in the output cannot change under it.
    """
    try:
        os.link(cached, target)
    except OSError:
        shutil.copyfile(cached, target)


def _cache_key(text: CardText, font_key: str) -> str:
    what = json.dumps([DRAW_VERSION, font_key, asdict(text)], ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(what.encode("utf-8")).hexdigest()


def _draw_all(font: CardFont, texts: Sequence[CardText]) -> list[bytes]:
    workers = min(os.cpu_count() or 1, len(texts) // _PARALLEL_FROM + 1)
    if workers <= 1:
        return [draw_card(font, text) for text in texts]
    with concurrent.futures.ProcessPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(draw_card, [font] * len(texts), texts, chunksize=8))


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
