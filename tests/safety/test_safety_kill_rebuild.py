"""``kill -9`` a real ``kiku build`` that rebuilds an edited site with its build cache, at many
moments: ``_site/`` is always the whole previous build or the whole new one, never a mix, and the
next build recovers. (An earlier design moved changed pages into ``_site/`` one by one under a
journal; a kill in the middle of that left a mixed ``_site/``.)

The swap itself is two renames (kiku/output/staging.py): a kill between them leaves the previous
site in the staging folder, which the next run of kiku puts back before anything else. That state
is read here as what it holds: the previous build.
"""

from __future__ import annotations

import os
import signal
import subprocess
import time
from collections.abc import Callable
from pathlib import Path

from tests.support.kiku_process import files_under, run_kiku, start_kiku
from tests.support.serve_site import PHONE_CALL_FILE, PHONE_CALL_TITLE, copy_site_with_copies

COPIES = 20  # 100 articles: a build long enough to be stopped at many points
EDITED_TITLE = "米ロ首脳電話会談:見出しを改めた版"
FRACTIONS = (0.25, 0.5, 0.75, 0.9)  # of a warm edit build's measured wall time


def _staging(site: Path) -> list[Path]:
    return sorted(site.glob("_site.new-*"))


def _staged(site: Path, relative: str) -> Callable[[], bool]:
    return lambda: any((folder / "site" / relative).exists() for folder in _staging(site))


def _set_title(site: Path, title: str) -> None:
    path = site / "content" / PHONE_CALL_FILE
    text = path.read_text(encoding="utf-8")
    current = EDITED_TITLE if title == PHONE_CALL_TITLE else PHONE_CALL_TITLE
    path.write_text(text.replace(f"title: {current}\n", f"title: {title}\n", 1), encoding="utf-8")


def _build(site: Path) -> subprocess.CompletedProcess[str]:
    result = run_kiku("build", "--site", str(site), timeout=300)
    assert result.returncode == 0, result.stderr
    return result


def _what_remains(site: Path) -> dict[str, bytes]:
    """``_site/``, or the previous site a kill between the swap's two renames left in staging."""
    if (site / "_site").is_dir():
        return files_under(site / "_site")
    (retired,) = [folder / "old" for folder in _staging(site) if (folder / "old").is_dir()]
    return files_under(retired)


def _kill_build(site: Path, moment: Callable[[], bool] | float) -> int:
    """Start a build and SIGKILL it at ``moment`` (a condition polled, or seconds after its start)."""
    process = start_kiku("build", "--site", str(site))
    started = time.monotonic()
    while process.poll() is None:
        due = moment() if callable(moment) else time.monotonic() - started >= moment
        if due:
            process.send_signal(signal.SIGKILL)
            break
        time.sleep(0.001)
    process.communicate(timeout=60)
    time.sleep(0.2)  # a forked worker notices its parent is gone within 50 ms and ends
    return process.returncode


def _swapped(site: Path, previous_inode: int) -> bool:
    """Whether ``_site`` is a new folder. Between the swap's two renames there is no ``_site`` at all
    (kiku.output.staging): asked then, the swap is not done."""
    try:
        return (site / "_site").stat().st_ino != previous_inode
    except FileNotFoundError:
        return False


def test_a_rebuild_killed_at_any_moment_leaves_the_previous_site_or_the_new_one(tmp_path: Path) -> None:
    site = copy_site_with_copies(tmp_path / "site", COPIES)
    _build(site)
    previous = files_under(site / "_site")
    _set_title(site, EDITED_TITLE)
    started = time.monotonic()
    _build(site)
    duration = time.monotonic() - started
    new = files_under(site / "_site")
    assert previous != new and len(new) > 300
    _set_title(site, PHONE_CALL_TITLE)
    _build(site)
    assert files_under(site / "_site") == previous  # the cache and the output are back at the previous build

    site_inode = (site / "_site").stat().st_ino
    moments: list[tuple[str, Callable[[], bool] | float]] = [
        ("at once", 0.0),
        ("staging made", lambda: bool(_staging(site))),
        ("pages staged", _staged(site, "articles")),
        ("search index staged", _staged(site, "search/manifest.json")),
        ("static staged", _staged(site, "static/style.css")),
        ("hosting files staged", _staged(site, ".nojekyll")),
        ("just swapped", lambda: _swapped(site, site_inode)),
        *((f"{fraction:.0%} of a build", fraction * duration) for fraction in FRACTIONS),
    ]
    outcomes: dict[str, str] = {}
    for name, moment in moments:
        _set_title(site, EDITED_TITLE)
        code = _kill_build(site, moment)
        remains = _what_remains(site)
        assert remains in (previous, new), f"killed ({name}, exit {code}): _site/ is a mix"
        outcomes[name] = "previous" if remains == previous else "new"

        recovered = _build(site)
        assert files_under(site / "_site") == new, name
        assert _staging(site) == [], (name, recovered.stderr)
        assert recovered.stdout.startswith(("built ", "nothing changed since the last build")), recovered.stdout
        _set_title(site, PHONE_CALL_TITLE)
        _build(site)
        assert files_under(site / "_site") == previous, name
        site_inode = (site / "_site").stat().st_ino
    assert outcomes["staging made"] == "previous"
    assert outcomes["just swapped"] == "new"
    assert set(outcomes.values()) == {"previous", "new"}, outcomes
    assert os.listdir(tmp_path) == ["site"]
