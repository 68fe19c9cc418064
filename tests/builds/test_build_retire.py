"""``kiku build`` leaves deleting the previous ``_site/`` to a detached process (kiku/output/retire.py).

Deleting the old tree took 9 s of an edit build's wall time at 2,000 articles; the command now ends
once the new site is in place. What a user relies on: ``_site/`` is the new build when the command
returns, the old one is gone soon after without anyone waiting for it, a build started meanwhile
does not touch the folder being deleted, and one whose deleter was killed is removed by the next run.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

from kiku.output.owned import MARKER, process_identity
from tests.support.kiku_process import dead_pid, files_under, kiku_environment, run_kiku
from tests.support.paths import REPO
from tests.support.serve_site import PHONE_CALL_FILE, copy_site

# Run in a fresh interpreter: a fork is refused from a process with threads (as pytest's may be).
# The deleter waits for a gate file before deleting, so the test sees it at work.
_SWAP_WITH_A_GATED_DELETER = """
import json, os, sys, time
from pathlib import Path
import kiku.output.retire as retire
from kiku.output.staging import begin_staging, swap_into_place

out_dir, gate = Path(sys.argv[1]), Path(sys.argv[2])
real_remove = retire.remove_owned_dir

def remove_after_the_gate(folder):
    while not gate.exists():
        time.sleep(0.01)
    real_remove(folder)

retire.remove_owned_dir = remove_after_the_gate
staging = begin_staging(out_dir)
(staging.site_dir / "index.html").write_text("new", encoding="utf-8")
swap_into_place(staging, out_dir, delete_later=True)
retired = sorted(path.name for path in out_dir.parent.glob("_site.old-*"))
print(json.dumps({"pid": os.getpid(), "retired": retired}))
"""


def test_the_previous_site_is_deleted_by_a_detached_process_after_the_swap(tmp_path: Path) -> None:
    out_dir, gate = tmp_path / "_site", tmp_path / "gate"
    (out_dir / "articles" / "a").mkdir(parents=True)
    (out_dir / "index.html").write_text("old", encoding="utf-8")
    (out_dir / "articles" / "a" / "index.html").write_text("old article", encoding="utf-8")

    result = subprocess.run([sys.executable, "-c", _SWAP_WITH_A_GATED_DELETER, str(out_dir), str(gate)],
                            cwd=REPO, capture_output=True, text=True, env=kiku_environment(None), timeout=60)

    # The command ended (its output pipe closed) while the deleter still waits at the gate.
    assert result.returncode == 0, result.stderr
    answer = json.loads(result.stdout)
    assert files_under(out_dir) == {"index.html": b"new"}
    assert list(tmp_path.glob("_site.new-*")) == []
    (retired_name,) = answer["retired"]
    retired = tmp_path / retired_name
    assert files_under(retired / "old") == {"index.html": b"old", "articles/a/index.html": b"old article"}
    owner = (retired / MARKER).read_text(encoding="ascii")
    deleter = int(owner.split(" ", 1)[0])
    assert deleter != answer["pid"]
    assert process_identity(deleter) == owner  # alive: a build started now leaves the folder alone

    gate.touch()
    deadline = time.monotonic() + 30
    while retired.exists():
        assert time.monotonic() < deadline, "the previous site was never deleted"
        time.sleep(0.02)
    assert sorted(path.name for path in tmp_path.iterdir()) == ["_site", "gate"]


def test_kiku_build_replaces_the_site_and_leaves_no_folder_behind(tmp_path: Path) -> None:
    site = copy_site(tmp_path / "site")
    assert run_kiku("build", "--site", str(site), timeout=300).returncode == 0
    article = site / "content" / PHONE_CALL_FILE
    article.write_text(article.read_text(encoding="utf-8").replace("title: ", "title: 改訂 ", 1), encoding="utf-8")

    result = run_kiku("build", "--site", str(site), timeout=300)

    assert result.returncode == 0, result.stderr
    assert "改訂" in (site / "_site" / "articles" / PHONE_CALL_FILE.removesuffix(".yaml") / "index.html").read_text(
        encoding="utf-8")
    deadline = time.monotonic() + 30
    while list(site.glob("_site.*")):
        assert time.monotonic() < deadline, f"left behind: {list(site.glob('_site.*'))}"
        time.sleep(0.02)


def test_a_deletion_that_was_killed_is_finished_by_the_next_build(tmp_path: Path) -> None:
    site = copy_site(tmp_path / "site")
    assert run_kiku("build", "--site", str(site), timeout=300).returncode == 0
    stale = site / "_site.old-k1ll3d"
    (stale / "old" / "articles").mkdir(parents=True)
    (stale / "old" / "index.html").write_text("a previous build, half deleted", encoding="utf-8")
    (stale / MARKER).write_text(f"{dead_pid()} 1", encoding="ascii")

    result = run_kiku("build", "--site", str(site), timeout=300)

    assert result.returncode == 0, result.stderr
    assert f"kiku: removed {stale}, left behind by the deletion of a previous build that was stopped" in result.stderr
    assert not stale.exists()
