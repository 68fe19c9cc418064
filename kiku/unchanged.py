"""A build whose inputs are exactly those of the last build, into an output still as it left it,
has nothing to write: it is answered from the cache without loading or rendering anything.

The inputs' digest covers every byte a build reads — ``site.yaml``, every content file (name and
bytes), every template and static file, kiku's version and source (``kiku.render.writing.memo.pagememo``'s
salt and ``kiku.content.cache.articles``'s fingerprint), the ``--base-url`` override, ``SOURCE_DATE_EPOCH``
and the output folder's path. The output is checked file by file against the page memo (inode,
size and modification time of every file it wrote). Anything else is a real build. The record
(``<cache>/last-build.pickle``) is removed when a real build starts and written only after it
succeeded; a record that does not load is ignored.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import os
import pickle
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import kiku
from kiku.content.cache.known_files import KnownFiles
from kiku.content.reading.files import MEGABYTE, RealPaths, SizeLimit, UnreadableFile, read_regular_file
from kiku.content.reading.tree import STATIC_DIR, list_site_files
from kiku.render.writing.memo.pagememo import load_memo, render_salt

if TYPE_CHECKING:
    from kiku.build import BuildReport

RECORD_FILE = "last-build.pickle"
_INPUT_INDEX = "input-files.marshal"  # input file → its status and the hash of its bytes (KnownFiles)
_INPUT_SALT = b"input-digest 1"
_DIGEST_LIMIT = SizeLimit(256 * MEGABYTE, "the build digest")


@dataclass(frozen=True, slots=True)
class BuildRecord:
    inputs: bytes
    report: BuildReport


def input_digest(site_root: Path, out_dir: Path, base_url: str | None, cache_dir: Path | None = None) -> bytes:
    """The digest of everything a build of ``site_root`` into ``out_dir`` reads.

    With a ``cache_dir``, a content or static file whose status is the one it had when it was last
    read is not read again: the hash of its bytes is taken from ``<cache_dir>/input-files.marshal``
    (``kiku.content.cache.known_files``: any write moves a file's change time; recent files are read)."""
    digest = hashlib.blake2b(digest_size=32)
    for part in (_kiku_fingerprint(), str(out_dir), base_url or "", os.environ.get("SOURCE_DATE_EPOCH", "")):
        digest.update(part.encode() + b"\0")
    digest.update(render_salt(site_root / "templates"))
    # The site's real path and each folder's worked out once: a cold build reads every file here,
    # and two os.path.realpath a file (an lstat of every folder on the way) cost more than the read.
    real_paths = RealPaths(site_root)
    _add_file(digest, real_paths, site_root / "site.yaml")
    known = KnownFiles(cache_dir, _INPUT_SALT, _INPUT_INDEX) if cache_dir is not None else None
    hashes: dict[str, tuple[os.stat_result, bytes]] = {}
    for folder in ("content", "static"):  # every file, even those the loader skips: never too few
        for relative, path, inside in _files(site_root, folder):
            # Only a file inside the site may be known by its status: one behind a link out of it
            # (even a folder moved out, its files' status unchanged) is read, i.e. refused.
            _add_file(digest, real_paths, path, known if inside else None, hashes, relative)
    if known is not None:
        known.save(hashes)
    return digest.digest()


def unchanged_build(cache_dir: Path, inputs: bytes, site_root: Path, out_dir: Path) -> BuildReport | None:
    """The last build's report when ``inputs`` are its inputs and ``out_dir`` is as it left it."""
    try:
        record = pickle.loads((cache_dir / RECORD_FILE).read_bytes())
    except Exception:  # no record, or one that does not load: build
        return None
    if not isinstance(record, BuildRecord) or record.inputs != inputs:
        return None
    memo = load_memo(cache_dir, render_salt(site_root / "templates"), out_dir)
    if not memo.pages or not memo.output_intact(out_dir):
        return None
    published, refused = list_site_files(site_root, STATIC_DIR)
    if refused:
        return None  # the build reports them
    for static in published:  # the copies of static files, by size
        copy = out_dir / STATIC_DIR / static.relative
        if not copy.is_file() or copy.stat().st_size != static.path.stat().st_size:
            return None
    return record.report


def last_build_recorded(cache_dir: Path) -> bool:
    """Whether there is a record of a last build (without it, ``unchanged_build`` is always None)."""
    return (cache_dir / RECORD_FILE).is_file()


def remember_build(cache_dir: Path, inputs: bytes, report: BuildReport) -> None:
    """Record a successful build; a cache that cannot be written only makes the next build slower."""
    target = cache_dir / RECORD_FILE
    temporary = target.with_name(f".{RECORD_FILE}.{os.getpid()}.tmp")
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        temporary.write_bytes(pickle.dumps(BuildRecord(inputs, report), protocol=pickle.HIGHEST_PROTOCOL))
        os.replace(temporary, target)
    except OSError:
        temporary.unlink(missing_ok=True)


def forget_build(cache_dir: Path) -> None:
    """Drop the record before a build changes the output: a build stopped after its swap must not
    leave a record that vouches for an output it did not describe."""
    # A record that cannot be removed is still refused by the output check (other inodes).
    with contextlib.suppress(OSError):
        (cache_dir / RECORD_FILE).unlink(missing_ok=True)


def _files(site_root: Path, folder: str) -> list[tuple[str, str, bool]]:
    """Every entry but folders under ``site_root/folder`` (a FIFO too: its identity is digested, it
    is never read), as (path relative to the site, path, whether it is no link and its folder's
    real path is inside the site), sorted. Links to folders are neither listed nor followed."""
    root = os.path.realpath(site_root)
    found: list[tuple[str, str, bool]] = []  # paths as strings: a Path per file cost more than its stat
    pending = [folder]
    while pending:
        relative_folder = pending.pop()
        top = os.path.join(site_root, relative_folder)
        real = os.path.realpath(top)
        folder_inside = real == root or real.startswith(root.rstrip(os.sep) + os.sep)
        try:
            entries = list(os.scandir(top))
        except OSError:  # not a folder (or gone): nothing in it
            continue
        for entry in entries:
            relative = f"{relative_folder}/{entry.name}"
            if entry.is_dir(follow_symlinks=False):
                pending.append(relative)
            elif not entry.is_dir():  # (follows a link: one to a folder is left out, as it was)
                found.append((relative, entry.path, folder_inside and not entry.is_symlink()))
    found.sort()
    return found


def _add_file(
    digest: hashlib.blake2b, real_paths: RealPaths, path: Path | str, known: KnownFiles | None = None,
    hashes: dict[str, tuple[os.stat_result, bytes]] | None = None, relative: str | None = None,
) -> None:
    """Add ``path``'s name (``relative`` to the site root) and the hash of its bytes: from ``known``
    when its status is known there, else read (the hash is then put in ``hashes`` with the status
    taken before the read)."""
    if relative is None:
        relative = Path(path).relative_to(real_paths.site_root).as_posix()
    try:
        status: os.stat_result | None = os.lstat(path)
    except OSError:
        status = None
    file_hash = known.key(relative, status) if known is not None and status is not None else None
    if file_hash is None:
        try:  # the build's own safe read: a regular file inside the site, so a FIFO never hangs this
            data = read_regular_file(Path(path), _DIGEST_LIMIT, real_paths)
        except (UnreadableFile, OSError):  # the build reports it; its identity still makes a change count
            data = b"unreadable" if status is None else (
                f"unreadable {status.st_mode} {status.st_size} {status.st_mtime_ns}".encode()
            )
            status = None  # nothing to remember
        file_hash = hashlib.blake2b(len(data).to_bytes(8, "little") + data, digest_size=32).digest()
        if hashes is not None and status is not None:
            hashes[relative] = (status, file_hash)
    elif hashes is not None and status is not None:
        hashes[relative] = (status, file_hash)
    digest.update(relative.encode() + b"\0" + file_hash)


@functools.cache
def _kiku_fingerprint() -> str:
    """kiku's version and a hash of its source: a new kiku may write other bytes."""
    package = Path(kiku.__file__).parent
    digest = hashlib.blake2b(digest_size=16)
    for source in sorted(package.rglob("*.py")):
        digest.update(source.relative_to(package).as_posix().encode() + b"\0" + source.read_bytes())
    return f"{kiku.__version__}:{digest.hexdigest()}"
