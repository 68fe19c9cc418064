"""``kiku deploy``: build the committed site and publish it as a commit on the ``gh-pages`` branch.

For editors without GitHub Actions. What is deployed is exactly the site in the commit ``HEAD``
names (read out of git into a temporary folder), so the gh-pages commit can name its source.
Nothing touches the editor's working tree, index, current branch or ``_site/``: the source is
read and the output committed through temporary index files and git plumbing. The only refs
written are ``refs/heads/<branch>`` (the deployed commit) and the remote-tracking ref that
``git fetch`` updates.

The gh-pages commit is reproducible: its tree is the build output, its parent the previous
gh-pages commit, its dates the source commit's committer date and its message fixed, so the
same source on the same gh-pages tip gives the same commit.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kiku import __version__
from kiku.build import BuildReport, build
from kiku.content.cache.articles import CACHE_DIR
from kiku.content.model import Article
from kiku.errors import ContentErrors, KikuError
from kiku.output.owned import owned_temp_dir
from kiku.publish.git import Git, GitError, identity_fallback, open_repository
from kiku.publish.hosting import budget_warning, measure_output

_FILE_MODE = "100644"  # a web page is never executable; git stores no other metadata


class DeployError(KikuError):
    """Deploying was refused or failed; the message is one line saying why and what to do."""


@dataclass(frozen=True, slots=True)
class DeployOptions:
    """Where to publish, and the public URL to build for (None: ``base_url`` from site.yaml)."""

    remote: str = "origin"
    branch: str = "gh-pages"
    base_url: str | None = None


@dataclass(frozen=True, slots=True)
class DeployResult:
    """What one deploy did.

    ``commit`` is the gh-pages commit the remote now holds; ``pushed`` is False when the build
    was identical to that commit's tree, so nothing new was committed or pushed. ``untracked``
    lists files under the site (relative to it) that are not committed and so were not deployed.
    """

    source_commit: str
    commit: str
    pushed: bool
    pages: int
    files: int
    untracked: tuple[str, ...]
    scheduled: tuple[Article, ...] = ()  # dated after today: not deployed yet, soonest first
    budget_warning: str | None = None  # the output nears or passes GitHub Pages' 1 GB (kiku.publish.hosting)


def deploy(site_root: Path, options: DeployOptions) -> DeployResult:
    """Build the site committed at ``HEAD`` and push it to ``options.branch`` on ``options.remote``.

    Raises ``DeployError`` (or ``kiku.publish.git.GitError``) with a one-line reason before anything is
    committed when the site is not in a git repository, the remote does not exist, tracked files
    under the site have uncommitted changes, the build fails (``ContentErrors`` is raised as is,
    listing every content problem) or the branch holds something that is not a published site.
    When only the push fails, the commit stays on the local branch and the error says so.
    """
    git = open_repository(site_root)
    prefix = Git(site_root).run("rev-parse", "--show-prefix").strip().rstrip("/")
    _check_remote(git, options.remote)
    source = _source_commit(git, options.branch)
    _check_clean(git, prefix)
    untracked = _untracked(git, prefix)

    with owned_temp_dir("kiku-deploy-", what="a deploy") as scratch_dir:
        source_dir, out_dir = scratch_dir / "source", scratch_dir / "site"
        _export(git, source, prefix, source_dir, index=scratch_dir / "source.index")
        report = _build(source_dir, out_dir, options.base_url, source, cache_root=site_root)
        pages = report.pages_written
        size = report.output or measure_output(out_dir)
        files, warning = size.files, budget_warning(size, report.articles_by_year)
        tree = _write_tree(git, out_dir, index=scratch_dir / "site.index")

    remote_tip = _fetch_remote_tip(git, options.remote, options.branch)
    if remote_tip is not None and _tree_of(git, remote_tip) == tree:
        return DeployResult(source, remote_tip, False, pages, files, untracked, report.scheduled, warning)
    commit = _commit_on_branch(git, tree, source, options.branch, remote_tip)
    _push(git, options, commit)
    return DeployResult(source, commit, True, pages, files, untracked, report.scheduled, warning)


def _check_remote(git: Git, remote: str) -> None:
    if git.output_or_none("remote", "get-url", "--", remote) is None:
        raise DeployError(f"the repository has no remote named {remote!r} "
                          f"(add one with: git remote add {remote} URL, or choose one with --remote)")


def _source_commit(git: Git, branch: str) -> str:
    source = git.output_or_none("rev-parse", "--verify", "--quiet", "HEAD^{commit}")
    if source is None:
        raise DeployError("the repository has no commit yet: commit the site, then deploy")
    current = (git.output_or_none("symbolic-ref", "--quiet", "--short", "HEAD") or "").strip()
    if current == branch:
        raise DeployError(f"the {branch} branch is checked out here: check out the branch holding the "
                          "site's sources, then deploy")
    return source.strip()


def _check_clean(git: Git, prefix: str) -> None:
    # --no-optional-locks: status must not refresh (write) the editor's index.
    status = git.run("--no-optional-locks", "status", "--porcelain", "-z", "--untracked-files=no",
                     "--no-renames", "--", _pathspec(prefix))
    changed = [entry[3:] for entry in status.split("\0") if entry]
    if changed:
        shown = ", ".join(changed[:3]) + (", …" if len(changed) > 3 else "")
        raise DeployError(f"{len(changed)} tracked file(s) have uncommitted changes ({shown}): "
                          "commit or stash them, then deploy")


def _untracked(git: Git, prefix: str) -> tuple[str, ...]:
    listed = git.run("ls-files", "-z", "--others", "--exclude-standard", "--", _pathspec(prefix))
    cut = len(prefix) + 1 if prefix else 0
    # .kiku-cache/ is the build's own (kiku.content.cache.articles), never part of the site.
    return tuple(entry[cut:] for entry in listed.split("\0") if entry and not entry[cut:].startswith(f"{CACHE_DIR}/"))


def _pathspec(prefix: str) -> str:
    return prefix or "."  # git runs in the repository's top folder


def _export(git: Git, source: str, prefix: str, target: Path, *, index: Path) -> None:
    """Write the site's files as committed in ``source`` into ``target``."""
    tree = f"{source}:{prefix}" if prefix else source
    if prefix and (git.output_or_none("cat-file", "-t", tree) or "").strip() != "tree":
        raise DeployError(f"the site's folder {prefix}/ is not in commit {source[:12]}: commit it, then deploy")
    private_index = {"GIT_INDEX_FILE": str(index)}
    git.run("read-tree", tree, extra_env=private_index)
    target.mkdir()
    git.run(f"--work-tree={target}", "checkout-index", "--all", extra_env=private_index)
    if not (target / "site.yaml").is_file():
        raise DeployError(f"site.yaml is not in commit {source[:12]}: commit it, then deploy")


def _build(source_dir: Path, out_dir: Path, base_url: str | None, source: str, *, cache_root: Path) -> BuildReport:
    try:
        # The same build as `kiku build`, .nojekyll and CNAME included; share cards drawn by an
        # earlier build of the editor's site are reused from its cache.
        return build(source_dir, out_dir, base_url, cache_root=cache_root)
    except ContentErrors:
        raise
    except KikuError as error:
        raise DeployError(f"the build of {source[:12]} failed, nothing was deployed: {error}") from error


def _write_tree(git: Git, out_dir: Path, *, index: Path) -> str:
    """Store every file of ``out_dir`` in the repository and return the tree holding them."""
    files = sorted(path for path in out_dir.rglob("*") if path.is_file())
    for path in files:
        if path.is_symlink():  # git would store the file it points at: only what the build wrote is published
            raise DeployError(f"the build output holds a symbolic link, not deployed: {path.relative_to(out_dir)}")
        if "\n" in str(path):
            raise DeployError(f"the build wrote a file whose name holds a line break: {path.name!r}")
    stdin = "".join(f"{path}\n" for path in files)
    blobs = git.run("hash-object", "-w", "--no-filters", "--stdin-paths", stdin=stdin).split()
    entries = "".join(f"{_FILE_MODE} {blob}\t{path.relative_to(out_dir).as_posix()}\0"
                      for blob, path in zip(blobs, files, strict=True))
    private_index = {"GIT_INDEX_FILE": str(index)}
    git.run("update-index", "-z", "--add", "--index-info", stdin=entries, extra_env=private_index)
    return git.run("write-tree", extra_env=private_index).strip()


def _fetch_remote_tip(git: Git, remote: str, branch: str) -> str | None:
    """The remote's ``branch`` commit, fetched so it can be a parent; None when it has none."""
    advertised = git.run("ls-remote", "--heads", "--", remote, f"refs/heads/{branch}").split()
    if not advertised:
        return None
    git.run("fetch", "--quiet", "--no-tags", remote, f"+refs/heads/{branch}:refs/remotes/{remote}/{branch}")
    return advertised[0]


def _local_tip(git: Git, branch: str) -> str | None:
    tip = git.output_or_none("rev-parse", "--verify", "--quiet", f"refs/heads/{branch}^{{commit}}")
    return tip.strip() if tip else None


def _commit_on_branch(git: Git, tree: str, source: str, branch: str, remote_tip: str | None) -> str:
    """Commit ``tree`` on the local ``branch`` after the remote's tip (else the local tip, else none).

    A local commit that never reached the remote (its push failed) and holds the same tree is
    reused rather than stacked on.
    """
    local_tip = _local_tip(git, branch)
    if remote_tip is None and local_tip is not None and _tree_of(git, local_tip) == tree:
        return local_tip
    parent = remote_tip or local_tip
    if parent is not None:
        _check_is_a_published_site(git, parent, branch)
    commit = _commit(git, tree, parent, source)
    git.run("update-ref", "-m", f"kiku deploy: site built from {source[:12]}", f"refs/heads/{branch}", commit)
    return commit


def _check_is_a_published_site(git: Git, tip: str, branch: str) -> None:
    """Refuse to stack a build onto a branch that holds something else (``--branch main`` by mistake)."""
    if git.output_or_none("cat-file", "-e", f"{tip}:index.html") is None:
        raise DeployError(f"the {branch} branch has no index.html at its top, so it does not hold a published "
                          "site: not committing over it (choose another --branch)")


def _push(git: Git, options: DeployOptions, commit: str) -> None:
    ref = f"refs/heads/{options.branch}"
    try:
        git.run("push", "--quiet", options.remote, f"{ref}:{ref}")
    except GitError as error:
        raise DeployError(f"{error}; the build is committed on the local {options.branch} branch as "
                          f"{commit[:12]}: run kiku deploy again to retry") from error


def _tree_of(git: Git, commit: str) -> str:
    return git.run("rev-parse", f"{commit}^{{tree}}").strip()


def _commit(git: Git, tree: str, parent: str | None, source: str) -> str:
    subject = git.run("log", "-1", "--format=%s", source).strip()
    date = git.run("log", "-1", "--format=%cd", "--date=raw", source).strip()
    message = (f"Site built from {source[:12]}: {subject}\n\n"
               f"Source commit: {source}\nBuilt by: kiku deploy (kiku {__version__})\n")
    environment = {**identity_fallback(git), "GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date}
    parents = ["-p", parent] if parent else []
    return git.run("commit-tree", tree, *parents, stdin=message, extra_env=environment).strip()
