"""A built site as data: every file (dot-files included) and its bytes, for whole-tree comparisons."""

from __future__ import annotations

import gzip
import io
import json
import shutil
import zlib
from pathlib import Path

from kiku.build import build
from kiku.content.cache.articles import CACHE_DIR


def site_tree(out_dir: Path) -> dict[str, bytes]:
    """Relative POSIX path → content, for every file under ``out_dir``."""
    return {
        path.relative_to(out_dir).as_posix(): path.read_bytes()
        for path in sorted(out_dir.rglob("*"))
        if path.is_file()
    }


def cold_tree(site: Path, scratch: Path) -> dict[str, bytes]:
    """The tree a cold build of a copy of ``site`` (without its build cache or output) writes, in
    ``scratch``: what every incremental build must equal."""
    shutil.rmtree(scratch, ignore_errors=True)
    shutil.copytree(site, scratch / "site", ignore=shutil.ignore_patterns(CACHE_DIR, "_site*"))
    build(scratch / "site", scratch / "_site")
    return site_tree(scratch / "_site")


# Pictures drawn by Pillow and FreeType (share cards, icons) differ in anti-aliasing from one
# library version to the next: the golden tree holds them, and they are compared by format and size.
_DRAWN = (".png", ".ico")


def readable_tree(tree: dict[str, bytes]) -> dict[str, bytes]:
    """``tree`` with each compressed file of the search index as its content: a gzipped file under
    its name without ``.gz``, a pack of records (``.bin``) as their JSON (``.json``), the records' lengths as JSON, the codebook as its table
    and dictionary (``.txt``). The golden tree's diffs stay readable, and the bytes one zlib release
    writes do not matter."""
    return dict(_readable(path, content) for path, content in tree.items())


def _readable(path: str, content: bytes) -> tuple[str, bytes]:
    from kiku.search.encoding.codebook import decode_text, decompress_unit
    from kiku.search.encoding.records import LENGTHS_PATH, read_lengths

    if path == LENGTHS_PATH:
        return path.removesuffix(".bin.gz") + ".json", json.dumps(read_lengths(content)).encode("utf-8")
    if path.endswith(".gz"):
        return path.removesuffix(".gz"), gzip.decompress(content)
    if path.startswith("search/records/") and path.endswith(".bin"):
        records = [record for unit in _pack_units(content) for record in decompress_unit(unit)]
        text = json.dumps(records, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
        return path.removesuffix(".bin") + ".json", text.encode("utf-8")
    if path == "search/codebook.bin":
        inflated = zlib.decompressobj(-zlib.MAX_WBITS).decompress(content + b"\x03\x00")  # a final empty block
        table, _, dictionary = inflated.partition(b"\x00")
        return "search/codebook.txt", table + b"\n" + decode_text(dictionary).encode("utf-8") + b"\n"
    return path, content


def _pack_units(pack: bytes) -> list[bytes]:
    """A pack's units of records, read without its lengths: each ends its raw deflate stream (its final block)."""
    from kiku.search.encoding.codebook import WINDOW, codebook_bytes

    units = []
    while pack:
        inflate = zlib.decompressobj(-zlib.MAX_WBITS, zdict=codebook_bytes()[-WINDOW:])
        inflate.decompress(pack)
        units.append(pack[: len(pack) - len(inflate.unused_data)])
        pack = inflate.unused_data
    return units


def tree_differences(actual: dict[str, bytes], expected: dict[str, bytes]) -> list[str]:
    """One line per difference: a missing file, an extra file, or the first differing line of a file."""
    lines = [f"missing: {path}" for path in sorted(expected.keys() - actual.keys())]
    lines += [f"unexpected: {path}" for path in sorted(actual.keys() - expected.keys())]
    for path in sorted(actual.keys() & expected.keys()):
        if path.endswith(_DRAWN):
            if _picture_format(actual[path]) != _picture_format(expected[path]):
                lines.append(f"differs: {path}: {_picture_format(actual[path])}, expected {_picture_format(expected[path])}")
        elif actual[path] != expected[path]:
            lines.append(f"differs: {path}: {_first_difference(actual[path], expected[path])}")
    return lines


def _picture_format(data: bytes) -> tuple[str, tuple[int, int]]:
    from PIL import Image  # only golden comparisons with pictures need it

    with Image.open(io.BytesIO(data)) as picture:
        return str(picture.format), picture.size


def _first_difference(actual: bytes, expected: bytes) -> str:
    actual_lines = actual.decode("utf-8", "replace").splitlines()
    expected_lines = expected.decode("utf-8", "replace").splitlines()
    for number, (got, want) in enumerate(zip(actual_lines, expected_lines, strict=False), 1):
        if got != want:
            return f"line {number}: expected {want[:120]!r}, got {got[:120]!r}"
    return f"{len(expected_lines)} lines expected, {len(actual_lines)} written"
