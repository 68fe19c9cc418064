"""The page memo's records of the files that are not pages (kiku.render.writing.other_files.extras): made by the
process that wrote each file, and trusted afterwards only for the very file they describe."""

from __future__ import annotations

import os
from pathlib import Path

from kiku.render.writing.memo.pagememo import WrittenPage
from kiku.render.writing.other_files.extras import content_digest, file_writer, kept_extras, staged_records

EPOCH = 1_700_000_000


def _read_records(top: Path, relatives: list[str]) -> dict[str, WrittenPage]:
    return kept_extras(top, relatives, {})


def test_the_writers_records_are_what_reading_the_files_gives(tmp_path: Path) -> None:
    records: dict[str, WrittenPage] = {}
    write = file_writer(tmp_path, records=records)
    write("search/a.json", b'{"a": 1}')
    write("search/deep/b.bin", bytes(range(256)))
    assert records == _read_records(tmp_path, ["search/a.json", "search/deep/b.bin"])
    assert records["search/a.json"].fingerprint == content_digest(b'{"a": 1}')


def test_a_kept_file_is_recorded_as_the_previous_outputs_file(tmp_path: Path) -> None:
    previous, staging = tmp_path / "previous", tmp_path / "staging"
    file_writer(previous)("a.txt", b"same")
    records: dict[str, WrittenPage] = {}
    file_writer(staging, previous, records=records)("a.txt", b"same")
    assert records["a.txt"].inode == os.stat(previous / "a.txt").st_ino
    assert records == _read_records(staging, ["a.txt"])


def test_a_fresh_record_is_used_only_for_the_file_it_describes(tmp_path: Path) -> None:
    (tmp_path / "card.png").write_bytes(b"first")
    fresh = staged_records(tmp_path, ["card.png"], {}, None)
    untouched = kept_extras(tmp_path, ["card.png"], {}, fresh)
    assert untouched["card.png"] is fresh["card.png"]  # carried over, not read
    replacement = tmp_path / "other.png"
    replacement.write_bytes(b"second, longer")
    os.replace(replacement, tmp_path / "card.png")  # another file at that name since
    again = kept_extras(tmp_path, ["card.png"], {}, fresh)
    assert again["card.png"].fingerprint == content_digest(b"second, longer")
    assert again["card.png"].inode != fresh["card.png"].inode


def test_the_last_builds_record_stands_when_the_fresh_one_does_not(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(b"kept")
    last = _read_records(tmp_path, ["a.txt"])
    stale = {"a.txt": WrittenPage(content_digest(b"kept"), last["a.txt"].inode + 1, 4, 0)}
    assert kept_extras(tmp_path, ["a.txt"], last, stale)["a.txt"] is last["a.txt"]


def test_records_made_before_the_times_are_clamped_match_the_clamped_files(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(b"x")
    fresh = staged_records(tmp_path, ["a.txt"], {}, EPOCH)
    assert kept_extras(tmp_path, ["a.txt"], {}, fresh)["a.txt"] is not fresh["a.txt"]  # not clamped yet
    os.utime(tmp_path / "a.txt", (EPOCH, EPOCH))
    assert kept_extras(tmp_path, ["a.txt"], {}, fresh)["a.txt"] is fresh["a.txt"]
