"""What each page of the last build was made from, so that a rebuild renders only what changed.

A page's *fingerprint* is a hash of its pickled context, salted with everything else that shapes
the bytes: every template file, the kiku version and the source of ``kiku.render`` (filters,
Markdown). Equal pickles mean an equal context, and rendering is deterministic, so a page whose
fingerprint did not change has the same bytes as last time. Such a page is not rendered: the file
the last build wrote is hard-linked into the new output, if it is still that file (same inode, size
and modification time as recorded when it was written; an output edited by hand is rendered again).
A context that does not pickle has no fingerprint and is always rendered (the fingerprints are
made by kiku/render/writing/memo/fingerprints.py; this module, the memo, imports no planning code, so
that a build with nothing to do starts quickly).

The memo lives in ``<site>/.kiku-cache/pages.marshal`` and is written only after a build replaced
the output folder; it names that folder, and is ignored for any other. A memo that does not load
is ignored (every page is rendered).
"""

from __future__ import annotations

import functools
import hashlib
import marshal
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import kiku
from kiku.records import quick_init

MEMO_FILE = "pages.marshal"
# marshal of plain tuples, not a pickle of WrittenPage objects: ~5× faster both ways for 20k files.
_MEMO_FORMAT = "kiku page memo 2"


@quick_init
@dataclass(frozen=True, slots=True)
class WrittenPage:
    """A page as the build left it: its fingerprint and the identity of the file it wrote."""

    fingerprint: bytes
    inode: int
    size: int
    mtime_ns: int


@dataclass(frozen=True, slots=True)
class PageMemo:
    """The last build's pages by output path, for the output folder ``out_dir``."""

    salt: bytes
    out_dir: str
    pages: dict[str, WrittenPage] = field(default_factory=dict)
    # The other files written (static, search index, hosting, share cards), without fingerprints.
    extras: dict[str, WrittenPage] = field(default_factory=dict)

    def output_intact(self, out_dir: Path) -> bool:
        """Whether every file this memo remembers is still in ``out_dir`` as the build left it."""
        top = os.fspath(out_dir)  # strings joined by hand: a Path per file cost more than its stat
        for output_path, written in (*self.pages.items(), *self.extras.items()):
            try:
                status = os.stat(f"{top}/{output_path}")
            except OSError:
                return False
            if (status.st_ino, status.st_size, status.st_mtime_ns) != (written.inode, written.size, written.mtime_ns):
                return False
        return True

    def kept_file(self, output_path: str, previous: str) -> str | None:
        """The previous build's file of the page written to ``output_path`` (see ``unchanged_file``),
        taken on the word of the plan that made the page (kiku.render.planning.store.plan_store), when the
        page had a fingerprint and its file is still as recorded."""
        written = self.pages.get(output_path)
        if written is None or not written.fingerprint:
            return None
        return self.unchanged_file(output_path, written.fingerprint, previous)

    def unchanged_file(self, output_path: str, fingerprint: bytes | None, previous: str) -> str | None:
        """The previous build's file (in the folder ``previous``) of the page written to
        ``output_path`` when its fingerprint and the file are unchanged."""
        written = self.pages.get(output_path)
        if fingerprint is None or written is None or written.fingerprint != fingerprint:
            return None
        old = f"{previous}/{output_path}"
        try:
            status = os.stat(old)
        except OSError:
            return None
        same_file = (status.st_ino, status.st_size, status.st_mtime_ns) == (
            written.inode, written.size, written.mtime_ns
        )
        return old if same_file else None


def written_page(fingerprint: bytes | None, status: os.stat_result, epoch: int | None) -> WrittenPage:
    """What to remember of the file a page's output is (``status``); ``epoch``: the time the build
    will give every file (``SOURCE_DATE_EPOCH``), which is then its modification time."""
    mtime_ns = status.st_mtime_ns if epoch is None else epoch * 1_000_000_000
    # b"": a page without a fingerprint (never matches) is still remembered, to be deleted once gone.
    return WrittenPage(fingerprint or b"", status.st_ino, status.st_size, mtime_ns)


def render_salt(templates_dir: Path) -> bytes:
    """A hash of every template file (name and bytes) and of the code that renders them."""
    digest = hashlib.blake2b(_renderer_fingerprint().encode(), digest_size=32)
    for template in sorted(path for path in templates_dir.rglob("*") if path.is_file()):
        digest.update(template.relative_to(templates_dir).as_posix().encode() + b"\0")
        digest.update(template.read_bytes())
        digest.update(b"\0")
    return digest.digest()


def load_memo(cache_dir: Path, salt: bytes, out_dir: Path) -> PageMemo:
    """The memo of the last build into ``out_dir`` made with ``salt``; an empty one otherwise."""
    empty = PageMemo(salt, str(out_dir))
    try:
        kind, memo_salt, memo_out_dir, pages, extras = marshal.loads((cache_dir / MEMO_FILE).read_bytes())
        if (kind, memo_salt, memo_out_dir) != (_MEMO_FORMAT, salt, str(out_dir)):
            return empty
        return PageMemo(salt, str(out_dir), _records(pages), _records(extras))
    except Exception:  # missing, truncated or foreign: render everything
        return empty


def memo_digest(cache_dir: Path) -> bytes | None:
    """A hash of the stored memo's bytes (what ``save_memo`` returned), None when there is none."""
    try:
        return _digest((cache_dir / MEMO_FILE).read_bytes())
    except OSError:
        return None


def _digest(data: bytes) -> bytes:
    return hashlib.blake2b(data, digest_size=32).digest()


def save_memo(cache_dir: Path, memo: PageMemo) -> bytes | None:
    """Store ``memo``: the hash of what was stored (``memo_digest``), None when the memo could not
    be written (a cache that cannot be written only makes the next build slower)."""
    target = cache_dir / MEMO_FILE
    temporary = target.with_name(f".{MEMO_FILE}.{os.getpid()}.tmp")
    data = marshal.dumps(
        (_MEMO_FORMAT, memo.salt, memo.out_dir, _fields(memo.pages), _fields(memo.extras))
    )
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        temporary.write_bytes(data)
        os.replace(temporary, target)
    except OSError:
        temporary.unlink(missing_ok=True)
        return None
    return _digest(data)


def _fields(records: Mapping[str, WrittenPage]) -> dict[str, tuple[bytes, int, int, int]]:
    return {path: (page.fingerprint, page.inode, page.size, page.mtime_ns) for path, page in records.items()}


def _records(fields: object) -> dict[str, WrittenPage]:
    """The records of a loaded memo; TypeError or ValueError when it is not one."""
    if not isinstance(fields, dict):
        raise TypeError("not a memo")
    records = {}
    for path, (fingerprint, inode, size, mtime_ns) in fields.items():
        if not (isinstance(path, str) and isinstance(fingerprint, bytes)
                and type(inode) is type(size) is type(mtime_ns) is int):
            raise TypeError("not a memo")
        records[path] = WrittenPage(fingerprint, inode, size, mtime_ns)
    return records


def renderer_fingerprint() -> str:
    """kiku's version and a hash of the source of ``kiku.render``: what shapes a page besides its
    templates and context."""
    return _renderer_fingerprint()


@functools.cache
def _renderer_fingerprint() -> str:
    digest = hashlib.blake2b(digest_size=16)
    render_root = Path(__file__).parents[2]  # every stage of kiku.render shapes a page's bytes
    for source in sorted(render_root.rglob("*.py")):
        digest.update(source.relative_to(render_root).as_posix().encode() + b"\0" + source.read_bytes())
    return f"{kiku.__version__}:{digest.hexdigest()}"
