"""The golden site: the repository's own site (site.yaml, content/, templates/, static/) as built.

``make golden`` rewrites ``tests/golden/site/`` with :func:`write_golden_site`; review the diff
(``git diff --stat tests/golden``) before committing: it is every page a change touched.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from kiku.build import build
from tests.support.site_tree import readable_tree, site_tree

REPO_ROOT = Path(__file__).resolve().parents[2]
GOLDEN_SITE = REPO_ROOT / "tests" / "golden" / "site"


def build_seed_site(out_dir: Path) -> dict[str, bytes]:
    """Build the repository's site into ``out_dir`` and return its tree (gzipped files decompressed)."""
    build(REPO_ROOT, out_dir)
    return readable_tree(site_tree(out_dir))


def write_golden_site() -> int:
    """Replace ``tests/golden/site/`` with a fresh build; returns the number of files written."""
    with tempfile.TemporaryDirectory() as scratch:
        tree = build_seed_site(Path(scratch) / "_site")
    shutil.rmtree(GOLDEN_SITE, ignore_errors=True)
    for path, content in tree.items():
        target = GOLDEN_SITE / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
    return len(tree)
