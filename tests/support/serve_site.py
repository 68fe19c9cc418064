"""A copy of the repository's site (site.yaml, content/, templates/, static/) to edit in tests."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.support.paths import REPO

PHONE_CALL_FILE = "2025-03-19-russia-united-states-ukraine-4df68a.yaml"
PHONE_CALL_SLUG = PHONE_CALL_FILE.removesuffix(".yaml")
PHONE_CALL_TITLE = "米ロ首脳電話会談:ウクライナ情勢と新たな協力?停戦合意と関係改善の可能性を探る"
PHONE_CALL_TAGS = (
    "russia", "united-states", "ukraine", "ceasefire", "diplomacy", "energy", "economic-cooperation",
    "prisoner-exchange",
)


def copy_site(target: Path) -> Path:
    """``target`` holding a fresh copy of the repository's site; returns ``target``."""
    target.mkdir(parents=True, exist_ok=True)
    shutil.copy(REPO / "site.yaml", target / "site.yaml")
    for folder in ("content", "templates", "static"):
        shutil.copytree(REPO / folder, target / folder)
    return target


def copy_site_with_copies(target: Path, copies: int) -> Path:
    """``copy_site(target)`` with each article also copied ``copies`` times (``<stem>-<n>.yaml``):
    a site whose build takes long enough to be stopped halfway."""
    copy_site(target)
    originals = sorted((target / "content").glob("*.yaml"))
    for copy in range(copies):
        for original in originals:
            shutil.copy(original, target / "content" / f"{original.stem}-{copy}.yaml")
    return target


def replace_in(path: Path, old: str, new: str) -> None:
    """Rewrite ``path`` with its one occurrence of ``old`` replaced by ``new``."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times in {path}"
    path.write_text(text.replace(old, new), encoding="utf-8")
