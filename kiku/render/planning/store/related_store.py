"""The last build's related articles, kept in ``<site>/.kiku-cache/related.pickle``.

Scoring every article's related articles is a quarter of planning a site, and it depends only on
the date order of the slugs and each article's features (:mod:`kiku.render.planning.lists.related`):
an edit of an article's text changes neither. The store keeps one result, behind a hash of the
order, the features, the scoring code and the kiku version; a result stored for other inputs, or
one that does not load or is not a well-formed answer for this order, is not used (and the
related articles are scored again).
"""

from __future__ import annotations

import functools
import hashlib
import os
import pickle
from collections.abc import Mapping
from pathlib import Path

import kiku
from kiku.render.planning.lists import related

STORE_FILE = "related.pickle"

Related = dict[str, tuple[str, ...]]


class RelatedStore:
    """The related articles last stored in ``cache_dir``."""

    def __init__(self, cache_dir: Path) -> None:
        self._path = cache_dir / STORE_FILE

    @staticmethod
    def key(order: tuple[str, ...], features: Mapping[str, tuple[related.Feature, ...]]) -> bytes:
        """The hash of what the related articles of ``order`` with ``features`` are computed from."""
        digest = hashlib.blake2b(_scoring_fingerprint(), digest_size=16)
        digest.update(pickle.dumps((order, [features[slug] for slug in order]), protocol=pickle.HIGHEST_PROTOCOL))
        return digest.digest()

    def get(self, key: bytes, order: tuple[str, ...]) -> Related | None:
        """The related articles stored under ``key``, when they answer for every slug of ``order``."""
        try:
            stored_key, found = pickle.loads(self._path.read_bytes())
        except Exception:  # missing, truncated or foreign: score again
            return None
        if stored_key != key or not isinstance(found, dict) or found.keys() != set(order):
            return None
        slugs = found.keys()
        for others in found.values():
            if not isinstance(others, tuple) or not slugs >= set(others):
                return None
        return found

    def put(self, key: bytes, found: Mapping[str, tuple[str, ...]]) -> None:
        """Store ``found`` under ``key``; a cache that cannot be written only makes the next build slower."""
        temporary = self._path.with_name(f".{STORE_FILE}.{os.getpid()}.tmp")
        try:
            temporary.write_bytes(pickle.dumps((key, dict(found)), protocol=pickle.HIGHEST_PROTOCOL))
            os.replace(temporary, self._path)
        except OSError:
            temporary.unlink(missing_ok=True)


@functools.cache
def _scoring_fingerprint() -> bytes:
    return f"{kiku.__version__}\0".encode() + Path(related.__file__).read_bytes()
