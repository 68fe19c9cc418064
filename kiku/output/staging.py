"""The build's staging folder: the new site is written beside the output folder, then swapped in.

``_site.new-<random>/`` (kiku's own, see ``kiku.output.owned``) holds the new site in ``site/``.
The swap moves the previous ``_site/`` into the staging folder as ``old/`` and the new site to
``_site``, then deletes the staging folder with the old site in it: two renames, so ``_site/``
is never half old, half new. A build killed at any point leaves only that staging folder; the
next build removes it (and, had the kill fallen between the two renames, first puts the previous
site back as ``_site/``). ``kiku build`` does not wait for the old site to be deleted: the staging
folder is renamed ``_site.old-<random>/`` and deleted by a detached process (``kiku.output.retire``);
one that was stopped before it finished is removed by the next run too.

With a *spare* (a folder in the build cache, ``kiku.output.reuse``) the staging site starts as the
spare instead of an empty folder, and the site the swap replaced becomes the next spare instead of
being deleted: a build that changes a few files then writes, links and deletes a few files, not a
whole tree of them. Both moves are single renames, so a kill at any point leaves what it left before.
"""

from __future__ import annotations

import logging
import os
import shutil
import stat
from dataclasses import dataclass
from pathlib import Path

from kiku.output.owned import make_owned_dir, remove_owned_dir, remove_stale
from kiku.output.retire import delete_in_background

log = logging.getLogger(__name__)

_DIRECTORY_MODE = 0o755  # mkdtemp creates 0o700; a web server reading the site needs more
_NEW_SITE, _OLD_SITE = "site", "old"
_SET_ASIDE = "set-aside"  # what the build moved out of the spare: deleted with the staging folder


@dataclass(frozen=True, slots=True)
class Staging:
    """Where one build writes: ``site_dir`` inside the kiku-owned ``folder``; ``reused``: site_dir
    started as the spare (an earlier site), not as an empty folder."""

    folder: Path
    site_dir: Path
    reused: bool = False

    @property
    def set_aside(self) -> Path:
        """A folder for what is taken out of the site, deleted with the staging folder."""
        return self.folder / _SET_ASIDE


def staging_prefix(out_dir: Path) -> str:
    """The name every staging folder of ``out_dir`` starts with."""
    return f"{out_dir.name}.new-"


def retired_prefix(out_dir: Path) -> str:
    """The name every folder holding a previous ``out_dir`` being deleted starts with."""
    return f"{out_dir.name}.old-"


def clean_after_killed_builds(out_dir: Path) -> None:
    """Remove the staging folders killed builds of ``out_dir`` left (saying so for each), putting
    the previous site back first when a kill fell between the two renames of the swap."""
    if out_dir.parent.is_dir():
        remove_stale(out_dir.parent, staging_prefix(out_dir), what="a build",
                     rescue=lambda folder: _restore_previous_site(folder, out_dir))
        remove_stale(out_dir.parent, retired_prefix(out_dir), what="the deletion of a previous build")


def begin_staging(out_dir: Path, spare: Path | None = None) -> Staging:
    """Clean up after killed builds, then create this build's staging folder, its site the
    ``spare`` when there is one (moved: it is this build's now) and it can be moved there."""
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    clean_after_killed_builds(out_dir)
    folder = make_owned_dir(out_dir.parent, staging_prefix(out_dir))
    site_dir = folder / _NEW_SITE
    if spare is not None:
        try:
            spare.rename(site_dir)  # fails when there is none, or it is on another file system
        except OSError:
            pass
        else:
            site_dir.chmod(_DIRECTORY_MODE)
            return Staging(folder, site_dir, reused=True)
    site_dir.mkdir()
    site_dir.chmod(_DIRECTORY_MODE)
    return Staging(folder, site_dir)


def discard(staging: Staging, out_dir: Path) -> None:
    """Delete the staging folder (the build failed or was stopped), first putting the previous
    site back if a stop fell between the two renames of the swap."""
    _restore_previous_site(staging.folder, out_dir)
    remove_owned_dir(staging.folder)


def swap_into_place(staging: Staging, out_dir: Path, *, delete_later: bool = False, spare: Path | None = None) -> None:
    """Make the staged site ``out_dir``; the previous one becomes the ``spare`` when one is given
    and none is there, else it is deleted (see the module docstring), with ``delete_later`` by a
    detached process once this one has moved on."""
    retired = staging.folder / _OLD_SITE
    had_site = out_dir.exists()
    if had_site:
        out_dir.rename(retired)
    try:
        staging.site_dir.rename(out_dir)
    except BaseException:
        if had_site:
            retired.rename(out_dir)
        raise
    # The new site is in place; failing to keep or delete the old copy must not fail the build.
    if had_site and spare is not None:
        try:
            retired.rename(spare)
        except OSError:  # one is there already (another build's), or another file system
            pass
        else:
            had_site = staging.set_aside.exists()  # the rest to delete
    folder = staging.folder
    if had_site and delete_later:
        folder = _retire(staging.folder, out_dir)
        if delete_in_background(folder):
            return
    remove_owned_dir(folder)
    if folder.exists():
        log.warning("kiku: could not delete the previous build at %s", folder)


def _retire(folder: Path, out_dir: Path) -> Path:
    """``folder`` renamed as a previous site being deleted (the staging folders are kept for builds
    under way); ``folder`` itself where it cannot be renamed."""
    retired = folder.with_name(retired_prefix(out_dir) + folder.name.removeprefix(staging_prefix(out_dir)))
    try:
        folder.rename(retired)
    except OSError:
        return folder
    return retired


def _restore_previous_site(folder: Path, out_dir: Path) -> None:
    retired = folder / _OLD_SITE
    if not out_dir.exists() and retired.is_dir():
        retired.rename(out_dir)
        log.warning("kiku: put the previous build back as %s (a build was stopped while replacing it)", out_dir)


def clamp_times(staging: Path, epoch: int | None) -> None:
    """With ``SOURCE_DATE_EPOCH`` set, every written file and folder gets that time: archives of
    the output are then byte-identical too. Without it, file times are left as written.

    A file hard-linked from the previous output (or the card cache) that has another time gets a
    copy of its own first: changing the time of a shared file would change the previous output.
    """
    if epoch is None:
        return
    epoch_ns = epoch * 1_000_000_000
    for path in sorted(staging.rglob("*"), reverse=True):
        status = path.lstat()
        if status.st_mtime_ns == epoch_ns:
            continue
        if status.st_nlink > 1 and stat.S_ISREG(status.st_mode):
            _unshare(path)
        os.utime(path, (epoch, epoch), follow_symlinks=False)
    os.utime(staging, (epoch, epoch))


def _unshare(path: Path) -> None:
    """Replace the hard link ``path`` by a copy of the file."""
    temporary = path.with_name(f".{path.name}.copy")
    shutil.copyfile(path, temporary)
    os.replace(temporary, path)
