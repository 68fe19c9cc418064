"""Pelican-style golden test: the repository's site, built, is exactly tests/golden/site/.

After an intended change to templates, content or rendering, run ``make golden`` and review
the diff of tests/golden/ before committing it.
"""

from __future__ import annotations

from pathlib import Path

from tests.support.golden_site import GOLDEN_SITE, build_seed_site
from tests.support.site_tree import site_tree, tree_differences


def test_seed_site_matches_the_golden_tree(tmp_path: Path) -> None:
    expected = site_tree(GOLDEN_SITE)
    assert len(expected) > 30, "tests/golden/site/ is missing: run make golden"
    differences = tree_differences(build_seed_site(tmp_path / "_site"), expected)
    assert differences == [], "the built site differs from tests/golden/site/ (make golden, then review):\n" + (
        "\n".join(differences)
    )
