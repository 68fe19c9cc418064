"""A thin, typed door to the ``git`` command line, for ``kiku deploy``.

Only plumbing that never touches the editor's working tree, index or current branch goes
through here; every command that writes takes its own index file (``GIT_INDEX_FILE``).
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from kiku.errors import KikuError

# Used only when neither the environment nor git's configuration names a committer.
FALLBACK_NAME = "kiku deploy"
FALLBACK_EMAIL = "kiku-deploy@localhost"


class GitError(KikuError):
    """A git command failed; the message is one line naming the command and git's reason."""


@dataclass(frozen=True, slots=True)
class Git:
    """Runs git in ``top`` (the repository's top folder) with ``env`` added to the environment."""

    top: Path
    env: Mapping[str, str] = field(default_factory=dict)

    def run(self, *args: str, stdin: str | None = None, extra_env: Mapping[str, str] | None = None) -> str:
        """Run ``git args…`` and return its stdout; raise ``GitError`` with git's first error line."""
        result = self._call(args, stdin, extra_env)
        if result.returncode != 0:
            command = next(arg for arg in args if not arg.startswith("-"))
            raise GitError(f"git {command} failed: {_first_line(result.stderr) or f'exit {result.returncode}'}")
        return result.stdout

    def output_or_none(self, *args: str) -> str | None:
        """The stdout of ``git args…``, or None when it exits non-zero (a missing ref, an unset key)."""
        result = self._call(args, None, None)
        return result.stdout if result.returncode == 0 else None

    def with_env(self, **values: str) -> Git:
        """The same repository with more environment variables for every command."""
        return Git(self.top, {**self.env, **values})

    def _call(self, args: Sequence[str], stdin: str | None,
              extra_env: Mapping[str, str] | None) -> subprocess.CompletedProcess[str]:
        environment = {**os.environ, **self.env, **(extra_env or {}), "GIT_TERMINAL_PROMPT": "0", "LC_ALL": "C"}
        return subprocess.run(["git", "-C", str(self.top), *args], input=stdin, capture_output=True,
                              text=True, encoding="utf-8", env=environment, check=False)


def open_repository(path: Path) -> Git:
    """The repository holding ``path``; ``GitError`` when git is missing or ``path`` is not in one."""
    if shutil.which("git") is None:
        raise GitError("git is not installed (it is needed to deploy)")
    probe = Git(path)
    result = probe._call(("rev-parse", "--show-toplevel"), None, None)
    if result.returncode != 0:
        raise GitError(f"{os.path.realpath(path)} is not in a git repository (git init, commit, add a remote)")
    return Git(Path(result.stdout.strip()))


def identity_fallback(git: Git) -> dict[str, str]:
    """Environment variables naming a committer for what the user's git setup leaves unnamed."""
    fallback: dict[str, str] = {}
    for part, value in (("NAME", FALLBACK_NAME), ("EMAIL", FALLBACK_EMAIL)):
        configured = (git.output_or_none("config", "--get", f"user.{part.lower()}") or "").strip()
        for role in ("AUTHOR", "COMMITTER"):
            variable = f"GIT_{role}_{part}"
            if not os.environ.get(variable) and not configured:
                fallback[variable] = value
    return fallback


def _first_line(text: str) -> str:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    # git prefixes its reason with "fatal:" or "error:"; the reason is what the editor needs.
    for line in lines:
        if line.startswith(("fatal:", "error:")):
            return line.split(":", 1)[1].strip()
    return lines[0] if lines else ""
