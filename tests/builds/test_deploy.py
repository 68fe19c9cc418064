"""``kiku deploy`` against a local bare repository, as an editor without GitHub Actions uses it.

Each test clones a sample site from a bare "GitHub" repository in tmp_path and deploys to it.
git runs with a fixed identity and without the machine's global or system configuration.
"""

from __future__ import annotations

import hashlib
import shutil
import signal
import subprocess
import time
from pathlib import Path

import pytest

from kiku.cli import main
from kiku.output.owned import MARKER
from kiku.publish import hosting
from tests.support.kiku_process import dead_pid, run_kiku, start_kiku
from tests.support.paths import REPO

ARTICLE = "2025-03-21-united-states-ukraine-russia-bdc85f"
ARTICLE_FILE = f"content/{ARTICLE}.yaml"
ARTICLE_PAGE = f"articles/{ARTICLE}/index.html"
SITE_BASE_URL = "https://example.github.io/digest/"
IDENTITY = {
    "GIT_AUTHOR_NAME": "Kiku Editor",
    "GIT_AUTHOR_EMAIL": "editor@example.org",
    "GIT_COMMITTER_NAME": "Kiku Editor",
    "GIT_COMMITTER_EMAIL": "editor@example.org",
}


def git(cwd: Path, *args: str) -> str:
    result = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=False)
    assert result.returncode == 0, f"git {' '.join(args)}: {result.stderr}"
    return result.stdout.strip()


def remote_has_branch(bare: Path, branch: str = "gh-pages") -> bool:
    return git(bare, "branch", "--list", branch) != ""


@pytest.fixture(autouse=True)
def hermetic_git(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A fixed identity; no global or system git configuration; no repository above tmp_path."""
    empty_config = tmp_path / "empty.gitconfig"
    empty_config.write_text("", encoding="utf-8")
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(empty_config))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    for name, value in IDENTITY.items():
        monkeypatch.setenv(name, value)


def _seed_site(root: Path) -> None:
    root.mkdir(parents=True)
    shutil.copy(REPO / "site.yaml", root / "site.yaml")
    for folder in ("templates", "static", "content"):
        shutil.copytree(REPO / folder, root / folder)


@pytest.fixture()
def bare(tmp_path: Path) -> Path:
    """The "GitHub" repository: a bare repository whose main branch holds the sample site."""
    remote = tmp_path / "remote.git"
    git(tmp_path, "init", "--quiet", "--bare", "--initial-branch=main", str(remote))
    seed = tmp_path / "seed"
    _seed_site(seed)
    (seed / ".gitignore").write_text("_site/\n", encoding="utf-8")
    git(seed, "init", "--quiet", "--initial-branch=main")
    git(seed, "add", "--all")
    git(seed, "commit", "--quiet", "-m", "Seed the digest")
    git(seed, "push", "--quiet", str(remote), "main")
    return remote


@pytest.fixture()
def clone(tmp_path: Path, bare: Path) -> Path:
    """The editor's clone; its remote ``origin`` is the bare repository."""
    editor = tmp_path / "editor"
    git(tmp_path, "clone", "--quiet", str(bare), str(editor))
    return editor


def _deploy(site: Path, *extra: str) -> int:
    return main(["deploy", "--site", str(site), *extra])


def _commit_edit(clone: Path, old: str, new: str, message: str) -> None:
    path = clone / ARTICLE_FILE
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")
    git(clone, "commit", "--quiet", "-am", message)


def test_first_deploy_creates_the_branch_on_the_remote(tmp_path: Path, clone: Path, bare: Path,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    local = tmp_path / "local-build"
    assert main(["build", "--site", str(clone), "--out", str(local)]) == 0
    pages = int(capsys.readouterr().out.split()[1])  # "built N pages into …"
    built = {path.relative_to(local).as_posix() for path in local.rglob("*") if path.is_file()}

    source = git(clone, "rev-parse", "HEAD")
    assert _deploy(clone) == 0
    out = capsys.readouterr().out
    tip = git(bare, "rev-parse", "gh-pages")
    files = set(git(bare, "ls-tree", "-r", "--name-only", "gh-pages").splitlines())
    assert files == built | {".nojekyll"}  # exactly what `kiku build` writes, plus .nojekyll
    assert out == (f"deployed {pages} pages ({len(files)} files) built from {source[:12]} as {tip[:12]} "
                   "on origin/gh-pages\n")
    assert {"index.html", ARTICLE_PAGE, "static/style.css"} <= files
    assert git(bare, "show", "gh-pages:index.html") == (local / "index.html").read_text(encoding="utf-8").strip()
    assert not any(name.startswith(("content/", "templates/", "site.yaml")) for name in files)
    index = git(bare, "show", "gh-pages:index.html")
    assert "菊 Chrysanthemum Digest" in index
    assert f'<link rel="canonical" href="{SITE_BASE_URL}">' in index
    assert git(bare, "show", "gh-pages:.nojekyll") == ""

    assert git(bare, "rev-list", "--parents", "-n", "1", "gh-pages") == tip  # no parent: an orphan branch
    assert git(bare, "log", "-1", "--format=%B", "gh-pages") == (
        f"Site built from {source[:12]}: Seed the digest\n\nSource commit: {source}\nBuilt by: kiku deploy (kiku 0.1.0)"
    )
    assert git(bare, "log", "-1", "--format=%an <%ae>", "gh-pages") == "Kiku Editor <editor@example.org>"
    assert git(clone, "rev-parse", "gh-pages") == tip  # the local branch is the deployed commit


def test_second_deploy_after_a_content_change_adds_a_child_commit(clone: Path, bare: Path,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    assert _deploy(clone) == 0
    first = git(bare, "rev-parse", "gh-pages")
    _commit_edit(clone, "title: ", "title: 【速報】", "Mark the article as breaking news")
    source = git(clone, "rev-parse", "HEAD")
    capsys.readouterr()

    assert _deploy(clone) == 0
    second = git(bare, "rev-parse", "gh-pages")
    assert second != first
    assert git(bare, "rev-list", "--parents", "-n", "1", "gh-pages") == f"{second} {first}"
    assert "【速報】" in git(bare, "show", f"gh-pages:{ARTICLE_PAGE}")
    assert "【速報】" not in git(bare, "show", f"{first}:{ARTICLE_PAGE}")
    assert f"Source commit: {source}" in git(bare, "log", "-1", "--format=%B", "gh-pages")
    assert "on origin/gh-pages\n" in capsys.readouterr().out


def test_an_unchanged_build_pushes_nothing_new(clone: Path, bare: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _deploy(clone) == 0
    tip = git(bare, "rev-parse", "gh-pages")
    (clone / "NOTES.txt").write_text("not part of the site's output\n", encoding="utf-8")
    git(clone, "add", "NOTES.txt")
    git(clone, "commit", "--quiet", "-m", "Notes only")
    capsys.readouterr()

    assert _deploy(clone) == 0
    assert capsys.readouterr().out == f"origin/gh-pages already holds this build ({tip[:12]}); nothing new to push\n"
    assert git(bare, "rev-parse", "gh-pages") == tip
    assert git(clone, "rev-parse", "gh-pages") == tip


def test_a_deploy_past_the_hosting_limit_is_warned_about(clone: Path, bare: Path, monkeypatch: pytest.MonkeyPatch,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    assert _deploy(clone) == 0
    assert capsys.readouterr().err == ""  # the sample site is far from GitHub Pages' 1 GB
    monkeypatch.setattr(hosting, "GITHUB_PAGES_LIMIT_BYTES", 1000)
    assert _deploy(clone) == 0
    err = capsys.readouterr().err
    assert err.startswith("kiku: warning: the site (") and "is over GitHub Pages' 1 GB limit" in err
    assert "fewer than 2025's" in err and "split it by month" in err  # every sample article is dated 2025


def test_uncommitted_changes_are_refused_and_nothing_is_pushed(clone: Path, bare: Path,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    path = clone / ARTICLE_FILE
    path.write_text(path.read_text(encoding="utf-8").replace("title: ", "title: 未保存 "), encoding="utf-8")
    assert _deploy(clone) == 1
    assert capsys.readouterr().err == (
        f"kiku: 1 tracked file(s) have uncommitted changes ({ARTICLE_FILE}): commit or stash them, then deploy\n"
    )
    git(clone, "add", ARTICLE_FILE)  # staged but not committed is refused too
    assert _deploy(clone) == 1
    assert not remote_has_branch(bare)
    assert git(clone, "branch", "--list", "gh-pages") == ""


def test_a_build_error_is_refused_and_nothing_is_committed(clone: Path, bare: Path,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    (clone / "content" / "broken.yaml").write_text("title: x\n  date: 2025-01-01\n", encoding="utf-8")
    git(clone, "add", "content/broken.yaml")
    git(clone, "commit", "--quiet", "-m", "A broken article")
    assert _deploy(clone) == 1
    err = capsys.readouterr().err
    assert "content/broken.yaml:2:" in err
    assert err.endswith("error(s) in the committed site; nothing was deployed\n")
    assert not remote_has_branch(bare)
    assert git(clone, "branch", "--list", "gh-pages") == ""
    assert "kiku deploy" not in git(clone, "reflog", "--all")


def test_a_template_error_is_refused_with_one_line(clone: Path, bare: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    (clone / "templates" / "index.html").write_text("{% if %}\n", encoding="utf-8")
    git(clone, "commit", "--quiet", "-am", "Break the home template")
    source = git(clone, "rev-parse", "HEAD")
    assert _deploy(clone) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"kiku: the build of {source[:12]} failed, nothing was deployed: templates/index.html:1: ")
    assert err.count("\n") == 1
    assert not remote_has_branch(bare)


def test_deploying_from_the_deploy_branch_itself_is_refused(clone: Path, capsys: pytest.CaptureFixture[str]) -> None:
    git(clone, "switch", "--quiet", "-c", "gh-pages")
    assert _deploy(clone) == 1
    assert capsys.readouterr().err == (
        "kiku: the gh-pages branch is checked out here: check out the branch holding the site's sources, then deploy\n"
    )


def test_a_branch_that_holds_no_published_site_is_not_overwritten(clone: Path, bare: Path,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    main_before = git(bare, "rev-parse", "main")
    git(clone, "switch", "--quiet", "-c", "edits")
    assert _deploy(clone, "--branch", "main") == 1
    assert capsys.readouterr().err == (
        "kiku: the main branch has no index.html at its top, so it does not hold a published site: "
        "not committing over it (choose another --branch)\n"
    )
    assert git(bare, "rev-parse", "main") == main_before
    assert git(clone, "rev-parse", "main") == main_before


def test_a_rejected_push_says_where_the_build_is(clone: Path, bare: Path, capsys: pytest.CaptureFixture[str]) -> None:
    hook = bare / "hooks" / "pre-receive"
    hook.write_text("#!/bin/sh\necho 'pushes are closed' >&2\nexit 1\n", encoding="utf-8")
    hook.chmod(0o755)
    assert _deploy(clone) == 1
    tip = git(clone, "rev-parse", "gh-pages")
    err = capsys.readouterr().err
    assert err.startswith("kiku: git push failed: ")
    assert err.endswith(f"; the build is committed on the local gh-pages branch as {tip[:12]}: "
                        "run kiku deploy again to retry\n")
    assert not remote_has_branch(bare)

    hook.unlink()
    assert _deploy(clone) == 0
    assert git(bare, "rev-parse", "gh-pages") == tip  # the same build, the same (reproducible) commit


def _snapshot(clone: Path) -> dict[str, str]:
    """The editor's state: current branch, index file, every file of the working tree, status."""
    files = sorted(path for path in clone.rglob("*") if path.is_file() and ".git" not in path.parts)
    return {
        "branch": git(clone, "symbolic-ref", "HEAD"),
        "head": git(clone, "rev-parse", "HEAD"),
        "index": hashlib.sha256((clone / ".git" / "index").read_bytes()).hexdigest(),
        "status": git(clone, "status", "--porcelain", "--untracked-files=all"),
        **{path.relative_to(clone).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest() for path in files},
    }


def test_the_editors_branch_index_and_working_tree_are_untouched(clone: Path, bare: Path,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["build", "--site", str(clone)]) == 0  # an earlier local build in _site/
    git(clone, "switch", "--quiet", "-c", "edits")
    (clone / "content" / "draft.yaml").write_text("title: 下書き\n", encoding="utf-8")  # untracked
    capsys.readouterr()
    before = _snapshot(clone)

    assert _deploy(clone) == 0
    assert _snapshot(clone) == before
    assert capsys.readouterr().err == "kiku: not deployed, not committed: content/draft.yaml\n"
    assert "articles/draft/index.html" not in git(bare, "ls-tree", "-r", "--name-only", "gh-pages")


def test_a_folder_that_is_not_a_repository_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    site = tmp_path / "plain"
    _seed_site(site)
    assert _deploy(site) == 1
    assert capsys.readouterr().err == (
        f"kiku: {site.resolve()} is not in a git repository (git init, commit, add a remote)\n"
    )


def test_a_missing_remote_is_refused(clone: Path, bare: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _deploy(clone, "--remote", "upstream") == 1
    assert capsys.readouterr().err == (
        "kiku: the repository has no remote named 'upstream' "
        "(add one with: git remote add upstream URL, or choose one with --remote)\n"
    )
    assert git(clone, "branch", "--list", "gh-pages") == ""
    assert not remote_has_branch(bare)


def test_base_url_builds_for_another_address(clone: Path, bare: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _deploy(clone, "--base-url", "https://digest.example.org") == 0
    assert '<link rel="canonical" href="https://digest.example.org/">' in git(bare, "show", "gh-pages:index.html")
    assert _deploy(clone, "--base-url", "javascript:alert(1)") == 2
    assert capsys.readouterr().err.endswith(
        "kiku deploy: error: argument --base-url: not an http(s) URL: 'javascript:alert(1)'\n"
    )


def test_the_same_source_gives_the_same_commit(tmp_path: Path, clone: Path, bare: Path) -> None:
    other_remote = tmp_path / "mirror.git"
    git(tmp_path, "clone", "--quiet", "--bare", str(bare), str(other_remote))
    other_clone = tmp_path / "other-editor"
    git(tmp_path, "clone", "--quiet", str(other_remote), str(other_clone))

    assert _deploy(clone) == 0
    assert _deploy(other_clone) == 0
    assert git(other_remote, "rev-parse", "gh-pages") == git(bare, "rev-parse", "gh-pages")


def test_an_editor_without_a_git_identity_gets_a_fallback(tmp_path: Path, clone: Path, bare: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    for name in IDENTITY:
        monkeypatch.delenv(name)
    empty_config = tmp_path / "empty.gitconfig"  # not /dev/null: a machine where it was replaced by a file broke this
    empty_config.write_bytes(b"")
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(empty_config))
    assert _deploy(clone) == 0
    assert git(bare, "log", "-1", "--format=%an <%ae>|%cn <%ce>", "gh-pages") == (
        "kiku deploy <kiku-deploy@localhost>|kiku deploy <kiku-deploy@localhost>"
    )


def test_a_site_in_a_subfolder_deploys_its_output_at_the_top(tmp_path: Path, bare: Path) -> None:
    repository = tmp_path / "monorepo"
    _seed_site(repository / "digest")
    git(repository, "init", "--quiet", "--initial-branch=main")
    git(repository, "add", "--all")
    git(repository, "commit", "--quiet", "-m", "The digest lives in digest/")
    git(repository, "remote", "add", "origin", str(bare))

    assert _deploy(repository / "digest") == 0
    files = git(bare, "ls-tree", "-r", "--name-only", "gh-pages").splitlines()
    assert "index.html" in files and ARTICLE_PAGE in files


def test_a_committed_link_to_a_private_file_is_refused_and_nothing_is_pushed(
        tmp_path: Path, clone: Path, bare: Path, capsys: pytest.CaptureFixture[str]) -> None:
    secret = tmp_path / "home" / "id_ed25519"
    secret.parent.mkdir()
    secret.write_text("PRIVATE KEY", encoding="utf-8")
    (clone / "static" / "key.txt").symlink_to(secret)
    (clone / "static" / "gitconfig").symlink_to(Path("..") / ".." / "home" / "id_ed25519")
    git(clone, "add", "static")
    git(clone, "commit", "--quiet", "-m", "Add a key by mistake")
    assert git(clone, "ls-files", "-s", "static/key.txt").startswith("120000 ")  # committed as a link

    assert _deploy(clone) == 1
    refusal = "outside the site: refused (only files inside the site are published; copy the file into the site instead)"
    assert capsys.readouterr().err.splitlines() == [
        f"static/gitconfig: a symbolic link to ../../home/id_ed25519, {refusal}",
        f"static/key.txt: a symbolic link to {secret}, {refusal}",
        "kiku: 2 error(s) in the committed site; nothing was deployed",
    ]
    assert not remote_has_branch(bare)
    assert git(clone, "branch", "--list", "gh-pages") == ""


def test_deploy_removes_a_killed_deploys_folder_and_its_own_on_sigterm(tmp_path: Path, clone: Path,
                                                                        bare: Path) -> None:
    temp = tmp_path / "temp"
    temp.mkdir()
    stale = temp / "kiku-deploy-k1ll3d"
    (stale / "source").mkdir(parents=True)
    (stale / MARKER).write_text(f"{dead_pid()} 1", encoding="ascii")
    result = run_kiku("deploy", "--site", str(clone), env={"TMPDIR": str(temp)})
    assert result.returncode == 0, result.stderr
    assert result.stderr == f"kiku: removed {stale}, left behind by a deploy that was stopped\n"
    assert list(temp.iterdir()) == []

    _commit_edit(clone, "title: ", "title: 【続報】", "Follow-up")
    process = start_kiku("deploy", "--site", str(clone), env={"TMPDIR": str(temp)})
    deadline = time.monotonic() + 60
    while not list(temp.glob("kiku-deploy-*/source")):
        assert process.poll() is None, process.communicate()
        assert time.monotonic() < deadline
        time.sleep(0.005)
    process.send_signal(signal.SIGTERM)
    _, err = process.communicate(timeout=60)
    assert process.returncode == 143
    assert err == "kiku: stopped by SIGTERM; nothing more was committed or pushed\n"
    assert list(temp.iterdir()) == []
    assert "【続報】" not in git(bare, "show", "gh-pages:index.html")


def test_deploy_leaves_a_scheduled_article_for_its_date_and_says_so(clone: Path, bare: Path,
                                                                    capsys: pytest.CaptureFixture[str]) -> None:
    (clone / "content" / "2999-01-01-later.yaml").write_text("title: 未来の記事\ndate: 2999-01-01\n", encoding="utf-8")
    git(clone, "add", "content")
    git(clone, "commit", "--quiet", "-m", "Schedule an article")
    assert _deploy(clone) == 0
    first, second = capsys.readouterr().out.splitlines()
    assert first == ("kiku: 1 scheduled article(s) not published yet; the next, content/2999-01-01-later.yaml, goes "
                     "live on 2999-01-01 (00:00 in Japan); run kiku deploy again on that day to publish it")
    assert second.startswith("deployed ")
    files = git(bare, "ls-tree", "-r", "--name-only", "gh-pages")
    assert "2999-01-01-later" not in files and "未来の記事" not in git(bare, "show", "gh-pages:index.html")
