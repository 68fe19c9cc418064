"""The GitHub Pages workflow, checked offline: the workflow schema, zizmor, and what it promises.

The two linters come with the ``test`` extra; a missing one is a failure, never a skip.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import yaml

from tests.support.paths import REPO

WORKFLOW = REPO / ".github" / "workflows" / "pages.yml"
ZIZMOR_CONFIG = REPO / ".github" / "zizmor.yml"

# GitHub's own actions at their current major versions (looked up in each action's releases).
EXPECTED_ACTIONS = {
    "actions/checkout@v7",
    "actions/setup-python@v7",
    "actions/upload-pages-artifact@v5",
    "actions/configure-pages@v6",
    "actions/deploy-pages@v5",
}


def _tool(name: str) -> str:
    """The linter installed beside this Python (the project's venv), else one on PATH."""
    beside = Path(sys.executable).parent / name
    found = str(beside) if beside.is_file() else shutil.which(name)
    assert found, f"{name} is not installed: pip install -e '.[test]'"
    return found


def _run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, capture_output=True, text=True, check=False, cwd=REPO)


def _schema_check(workflow: Path) -> subprocess.CompletedProcess[str]:
    return _run(_tool("check-jsonschema"), "--builtin-schema", "vendor.github-workflows", str(workflow))


def _zizmor(workflow: Path) -> subprocess.CompletedProcess[str]:
    # pedantic: also the low-severity and informational findings; the repository's config applies.
    return _run(_tool("zizmor"), "--offline", "--persona=pedantic", "--no-progress",
                "--config", str(ZIZMOR_CONFIG), str(workflow))


def _load(path: Path) -> dict[Any, Any]:
    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(document, dict)
    return document


def _steps(workflow: dict[Any, Any]) -> list[dict[str, Any]]:
    return [step for job in workflow["jobs"].values() for step in job["steps"]]


def test_workflow_matches_the_github_workflow_schema() -> None:
    result = _schema_check(WORKFLOW)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "ok -- validation done" in result.stdout


def test_schema_check_rejects_a_broken_workflow(tmp_path: Path) -> None:
    broken = tmp_path / "pages.yml"
    broken.write_text(WORKFLOW.read_text(encoding="utf-8").replace("runs-on:", "runs_on:"), encoding="utf-8")
    assert _schema_check(broken).returncode != 0


def test_zizmor_finds_nothing() -> None:
    result = _zizmor(WORKFLOW)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No findings to report" in result.stdout


def test_zizmor_flags_a_checkout_that_keeps_its_credentials(tmp_path: Path) -> None:
    text = WORKFLOW.read_text(encoding="utf-8")
    keep_out = "        with:\n          persist-credentials: false\n"
    assert keep_out in text
    leaky = tmp_path / "pages.yml"
    leaky.write_text(text.replace(keep_out, ""), encoding="utf-8")
    result = _zizmor(leaky)
    assert result.returncode != 0
    assert "artipacked" in result.stdout


def test_workflow_builds_with_make_and_deploys_with_the_official_pages_actions() -> None:
    workflow = _load(WORKFLOW)
    triggers = workflow[True]  # YAML 1.1 reads the bare key `on` as a boolean
    assert triggers["push"] == {"branches": ["main"]}
    assert "workflow_dispatch" in triggers
    assert workflow["permissions"] == {}
    assert workflow["concurrency"] == {"group": "pages", "cancel-in-progress": False}

    build, deploy = workflow["jobs"]["build"], workflow["jobs"]["deploy"]
    assert build["permissions"] == {"contents": "read"}
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["needs"] == "build"
    assert deploy["environment"] == {"name": "github-pages", "url": "${{ steps.deployment.outputs.page_url }}"}

    assert {step["uses"] for step in _steps(workflow) if "uses" in step} == EXPECTED_ACTIONS
    assert [step["run"] for step in build["steps"] if "run" in step] == [
        "sudo apt-get update -qq && sudo apt-get install -y -qq fonts-noto-cjk",  # the share cards' font
        "make site",
    ]
    upload = next(step for step in build["steps"] if step.get("uses", "").startswith("actions/upload-pages"))
    assert upload["with"] == {"path": "_site/", "include-hidden-files": True}
    checkout = build["steps"][0]
    assert checkout["uses"].startswith("actions/checkout@") and checkout["with"]["persist-credentials"] is False
    deployment = next(step for step in deploy["steps"] if step.get("id") == "deployment")
    assert deployment["uses"].startswith("actions/deploy-pages@")


def test_workflow_also_runs_daily_just_after_midnight_in_japan() -> None:
    # A scheduled article (dated after the last push) must go live on its date without a push.
    workflow = _load(WORKFLOW)
    triggers = workflow[True]
    assert triggers["schedule"] == [{"cron": "5 15 * * *"}]  # 15:05 UTC = 00:05 JST, every day
    minute, hour, *every_day = triggers["schedule"][0]["cron"].split()
    assert every_day == ["*", "*", "*"]
    assert ((int(hour) + 9) % 24, int(minute)) == (0, 5)
    # With SOURCE_DATE_EPOCH set, kiku takes its day for today: the scheduled run would publish nothing new.
    environments = [workflow.get("env", {}), *(job.get("env", {}) for job in workflow["jobs"].values()),
                    *(step.get("env", {}) for step in _steps(workflow))]
    assert all("SOURCE_DATE_EPOCH" not in environment for environment in environments)


def test_the_make_target_the_workflow_runs_exists() -> None:
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    assert any(line.startswith("site:") for line in makefile.splitlines())
