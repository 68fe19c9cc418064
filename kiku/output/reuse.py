"""A staging folder that starts as an earlier site, so that a build writes only what differs.

After a build's swap (``kiku.output.staging``) the site it replaced is kept in the build cache as the
*spare* instead of being deleted, and the next build moves the spare into its staging folder as the
new site's starting point: its thousands of folders exist, and most of its files are already the
very files (hard links, same inode) the new build keeps from the current output. Placing such a file
then costs nothing. Any other entry at a path the build writes is removed first and never written
in place: a file of the spare may be a hard link to a file of the current output. Before the swap,
every entry of the spare the build did not place is removed (``StagedSite.prune``), so the staged
site holds exactly what a build into an empty folder writes.

The spare is never trusted: it is listed when taken (the inode numbers come with the folder listing,
no file is opened), whatever is neither a regular file nor a folder is removed then, and a file is
kept only when it is the very file the build places. A build that fails or is killed loses the spare
with its staging folder; the next one starts from an empty folder.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from collections.abc import Iterable, Mapping
from pathlib import Path


class StagedSite:
    """The staging site folder ``root`` and what it held when the build took it (nothing when it
    was made empty). One per process: each forked worker places its own share of the files."""

    def __init__(self, root: Path, taken: Mapping[str, int] | None = None, folders: Iterable[str] = ()) -> None:
        self.root = root
        self._top = os.fspath(root)
        self._taken: Mapping[str, int] = taken or {}  # relative file → its inode number
        self._taken_folders = frozenset(folders)
        self._folders: set[str] = {"", *self._taken_folders}  # folders known to exist now

    @classmethod
    def start(cls, root: Path, reused: bool) -> StagedSite:
        """``root`` taken as an earlier site when ``reused``; emptied when it cannot be listed."""
        if reused:
            try:
                return cls.take(root)
            except OSError:  # a spare that cannot be listed is only a slower build
                mode = os.stat(root).st_mode
                shutil.rmtree(root)
                root.mkdir()
                root.chmod(mode & 0o7777)
        return cls(root)

    @classmethod
    def take(cls, root: Path) -> StagedSite:
        """``root`` as an earlier site left it, listed (see the module docstring)."""
        files: dict[str, int] = {}
        folders: list[str] = []
        pending = [""]
        while pending:
            folder = pending.pop()
            prefix = f"{folder}/" if folder else ""
            with os.scandir(os.path.join(root, folder)) as entries:
                for entry in entries:
                    relative = prefix + entry.name
                    if entry.is_dir(follow_symlinks=False):
                        folders.append(relative)
                        pending.append(relative)
                    elif entry.is_file(follow_symlinks=False):
                        files[relative] = entry.inode()
                    else:  # a link or a special file: never followed, never kept
                        os.unlink(entry.path)
        return cls(root, files, folders)

    @property
    def reused(self) -> bool:
        """Whether the folder started as an earlier site."""
        return bool(self._taken or self._taken_folders)

    def holds(self, relative: str, inode: int) -> bool:
        """Whether the file at ``relative`` is still, as taken, the file numbered ``inode``."""
        return self._taken.get(relative) == inode

    def link(self, source: str, relative: str, inode: int) -> bool:
        """Make ``relative`` the file ``source`` (numbered ``inode``): nothing to do when it is that
        file already; else a hard link (True), or a copy with its time where links are refused (False)."""
        if self._taken.get(relative) == inode:
            return True
        target = self.target(relative)
        try:
            os.link(source, target)
        except OSError:  # a file system without hard links (or another device): the same bytes and time
            shutil.copy2(source, target)
            return False
        return True

    def target(self, relative: str) -> str:
        """The path to write the file ``relative`` to: its folder exists, and nothing is there."""
        folder = relative.rpartition("/")[0]
        if folder not in self._folders:
            self._make_folder(folder)
        path = f"{self._top}/{relative}"
        if relative in self._taken:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(path)
        elif relative in self._taken_folders:
            shutil.rmtree(path)
        return path

    def set_aside(self, folder: str, trash: Path) -> None:
        """Move the taken ``folder`` (relative) into ``trash`` (a folder deleted with the staging
        folder): what is written there starts from an empty folder."""
        if folder not in self._taken_folders:
            return
        trash.mkdir(exist_ok=True)
        os.rename(f"{self._top}/{folder}", trash / f"{len(os.listdir(trash))}")
        inside = f"{folder}/"
        self._taken = {relative: inode for relative, inode in self._taken.items() if not relative.startswith(inside)}
        self._taken_folders = frozenset(
            relative for relative in self._taken_folders if relative != folder and not relative.startswith(inside)
        )
        self._folders = {"", *self._taken_folders}

    def prune(self, placed: Iterable[str]) -> None:
        """Remove every taken file and folder that is not, or does not lead to, a file in ``placed``."""
        if not self.reused:
            return
        placed = set(placed)
        needed = {""}
        for relative in placed:
            folder = relative.rpartition("/")[0]
            while folder not in needed:
                needed.add(folder)
                folder = folder.rpartition("/")[0]
        # An entry placed or needed since may be of the other kind now (a folder where a file was).
        for relative in self._taken_folders:
            if relative not in needed and relative not in placed and relative.rpartition("/")[0] in needed:
                shutil.rmtree(f"{self._top}/{relative}")  # the topmost folder of a tree not needed
        for relative in self._taken:
            if relative not in placed and relative not in needed and relative.rpartition("/")[0] in needed:
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(f"{self._top}/{relative}")

    def _make_folder(self, folder: str) -> None:
        if folder.rpartition("/")[0] in self._folders:  # a page's own folder, most often: one mkdir,
            # not makedirs' look at the parent first (10,000 articles: 17,000 folders, ~0.2 CPU-s)
            try:
                os.mkdir(f"{self._top}/{folder}")
            except OSError:  # made by another process meanwhile, or a taken file is in the way
                pass
            else:
                self._folders.add(folder)
                return
        try:
            os.makedirs(f"{self._top}/{folder}", exist_ok=True)
        except (FileExistsError, NotADirectoryError):  # a taken file where a folder goes
            self._clear_way(folder)
            os.makedirs(f"{self._top}/{folder}", exist_ok=True)
        while folder not in self._folders:
            self._folders.add(folder)
            folder = folder.rpartition("/")[0]

    def _clear_way(self, folder: str) -> None:
        parts = folder.split("/")
        for end in range(1, len(parts) + 1):
            relative = "/".join(parts[:end])
            if relative in self._taken:
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(f"{self._top}/{relative}")
