"""The article cache: used when it holds the very file, never trusted otherwise."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kiku.content.cache import articles, known_files
from kiku.content.cache.articles import CACHE_DIR, ArticleCache
from kiku.content.loading import loader
from kiku.content.loading.loader import load_site
from kiku.errors import ContentErrors
from tests.support.sample_site import REPO_ROOT


@pytest.fixture
def site_root(tmp_path: Path) -> Path:
    root = tmp_path / "site"
    shutil.copytree(REPO_ROOT / "content", root / "content")
    shutil.copy(REPO_ROOT / "site.yaml", root / "site.yaml")
    return root


def _entries(site_root: Path) -> list[Path]:
    return sorted((site_root / CACHE_DIR / "articles").glob("*.pickle"))


def test_a_cached_load_equals_a_fresh_one_and_fills_the_cache(site_root: Path) -> None:
    fresh = load_site(site_root)
    assert not (site_root / CACHE_DIR).exists()
    assert load_site(site_root, cache=True) == fresh
    assert [entry.name for entry in _entries(site_root)] == [
        f"{path.name}.pickle" for path in sorted((site_root / "content").glob("*.yaml"))
    ]
    assert load_site(site_root, cache=True) == fresh  # now from the cache


def test_corrupt_entries_are_read_again_and_replaced(site_root: Path) -> None:
    fresh = load_site(site_root, cache=True)
    entries = _entries(site_root)
    entries[0].write_bytes(entries[0].read_bytes()[:60])  # truncated
    entries[1].write_bytes(b"not a cache entry")
    assert load_site(site_root, cache=True) == fresh
    assert all(len(entry.read_bytes()) > 1000 for entry in entries)


def test_an_edited_file_is_read_again(site_root: Path) -> None:
    load_site(site_root, cache=True)
    file = sorted((site_root / "content").glob("*.yaml"))[0]
    text = file.read_text(encoding="utf-8")
    file.write_text(text.replace("\ntitle: ", "\ntitle: 改訂版 ", 1), encoding="utf-8")
    article = next(a for a in load_site(site_root, cache=True).articles if a.slug == file.stem)
    assert article.title.startswith("改訂版 ")


def test_a_changed_vocabulary_revalidates_cached_articles(site_root: Path) -> None:
    load_site(site_root, cache=True)
    config = site_root / "site.yaml"
    text = config.read_text(encoding="utf-8")
    start = text.index("  saudi-arabia:")
    end = text.index("\n  ", text.index("terms:", start))
    config.write_text(text[:start] + text[end + 1 :], encoding="utf-8")
    with pytest.raises(ContentErrors, match="unknown tag 'saudi-arabia'"):
        load_site(site_root, cache=True)


def test_entries_of_deleted_files_are_pruned(site_root: Path) -> None:
    load_site(site_root, cache=True)
    gone = sorted((site_root / "content").glob("*.yaml"))[0]
    gone.unlink()
    load_site(site_root, cache=True)
    assert f"{gone.name}.pickle" not in [entry.name for entry in _entries(site_root)]
    assert len(_entries(site_root)) == len(list((site_root / "content").glob("*.yaml")))


def test_a_new_entry_is_written_in_place_and_one_made_meanwhile_is_replaced_whole(site_root: Path) -> None:
    site = load_site(site_root, cache=True)
    cache = ArticleCache(site_root, (site.config.tags, site.config.limits))
    article = site.articles[0]
    name = f"{article.slug}.yaml"
    entry = site_root / CACHE_DIR / "articles" / f"{name}.pickle"
    entry.unlink()
    cache.put(name, b"k1", article, new=True)  # the folder held none: written in place
    assert cache.get(name, b"k1") == article
    # Another build made the entry since this one listed the folder: replaced whole, not appended to.
    entry.write_bytes(b"k0\n" + b"x" * 100_000)
    cache.put(name, b"k2", article, new=True)
    assert cache.get(name, b"k2") == article and cache.get(name, b"k1") is None
    assert entry.stat().st_size < 100_000
    assert not list(entry.parent.glob(".*.tmp"))


def test_an_entry_for_another_slug_is_not_used(site_root: Path) -> None:
    load_site(site_root, cache=True)
    first, second = _entries(site_root)[:2]
    config = load_site(site_root).config
    cache = ArticleCache(site_root, (config.tags, config.limits))
    name = second.name.removesuffix(".pickle")
    key = cache.key(name, (site_root / "content" / name).read_bytes())
    first_body = first.read_bytes().split(b"\n", 1)[1]
    assert cache.get(name, key) is not None  # the key the loader uses
    second.write_bytes(key + b"\n" + first_body)  # right key, another article inside
    assert cache.get(name, key) is None


def test_an_edit_to_any_stage_of_the_loader_changes_the_cache_key(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The loader's code lives in subpackages (reading/, checking/, …): all of it keys the cache.
    package = Path(articles.__file__).parent.parent
    copy = tmp_path / "content"
    shutil.copytree(package, copy, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(articles, "__file__", str(copy / "cache" / "articles.py"))
    articles.loader_fingerprint.cache_clear()
    try:
        before = articles.loader_fingerprint()
        fields = copy / "checking" / "fields.py"
        fields.write_text(fields.read_text(encoding="utf-8") + "# changed\n", encoding="utf-8")
        articles.loader_fingerprint.cache_clear()
        assert articles.loader_fingerprint() != before
    finally:
        articles.loader_fingerprint.cache_clear()


def test_files_read_on_two_cores_give_the_same_site_and_errors(site_root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    broken = sorted((site_root / "content").glob("*.yaml"))[2]
    broken.write_text(broken.read_text(encoding="utf-8").replace("\ndate: ", "\ndate: 2025/", 1), encoding="utf-8")
    with pytest.raises(ContentErrors) as serial:
        load_site(site_root)
    monkeypatch.setattr(loader, "_FILES_PER_PROCESS", 2)
    if loader.process_count(5, 2) < 2:
        pytest.skip("needs os.fork and two cores")
    with pytest.raises(ContentErrors) as forked:
        load_site(site_root, cache=True)
    assert forked.value.errors == serial.value.errors
    assert "date: expected a date as YYYY-MM-DD" in str(forked.value)
    broken.write_text(broken.read_text(encoding="utf-8").replace("\ndate: 2025/", "\ndate: ", 1), encoding="utf-8")
    assert load_site(site_root, cache=True) == load_site(site_root)


def _count_reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the content files the loader reads from now on (in this process)."""
    reads: list[str] = []
    real_read = loader.read_regular_file

    def counting_read(path: Path, *args: object) -> bytes:
        reads.append(path.name)
        return real_read(path, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(loader, "read_regular_file", counting_read)
    monkeypatch.setattr(loader, "process_count", lambda *_: 1)  # every read in this process
    return reads


def test_unchanged_files_are_known_by_their_status_and_not_read(site_root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(known_files, "RACY_NS", 0)  # these files are new; see the next test
    fresh = load_site(site_root, cache=True)
    reads = _count_reads(monkeypatch)
    assert load_site(site_root, cache=True) == fresh
    assert reads == []
    file = sorted((site_root / "content").glob("*.yaml"))[0]
    file.write_text(file.read_text(encoding="utf-8").replace("\ntitle: ", "\ntitle: 改訂版 ", 1), encoding="utf-8")
    edited = next(a for a in load_site(site_root, cache=True).articles if a.slug == file.stem)
    assert edited.title.startswith("改訂版 ")
    assert reads == [file.name]


def test_a_file_changed_just_before_its_status_was_taken_is_read_on_every_load(
    site_root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Two writes in one tick of the file system's clock can leave the same times and size: a file
    # this recent is not vouched for by its status (the copied files are all this recent).
    load_site(site_root, cache=True)
    file = sorted((site_root / "content").glob("*.yaml"))[0]
    text = file.read_text(encoding="utf-8")
    same_size = text.replace("\ntitle: ", "\ntitle: 改", 1).replace("。", "", 1)
    assert len(same_size.encode()) == len(text.encode())
    file.write_text(same_size, encoding="utf-8")
    reads = _count_reads(monkeypatch)
    edited = next(a for a in load_site(site_root, cache=True).articles if a.slug == file.stem)
    assert edited.title.startswith("改")
    assert file.name in reads and len(reads) == len(list((site_root / "content").glob("*.yaml")))


@pytest.mark.parametrize("damage", [b"", b"garbage", b"\xfb\x00\x00"])
def test_a_corrupt_status_index_is_rebuilt_not_trusted(
    site_root: Path, monkeypatch: pytest.MonkeyPatch, damage: bytes
) -> None:
    monkeypatch.setattr(known_files, "RACY_NS", 0)
    fresh = load_site(site_root, cache=True)
    index = site_root / CACHE_DIR / known_files.INDEX_FILE
    index.write_bytes(damage + index.read_bytes()[: len(damage) * 7])
    reads = _count_reads(monkeypatch)
    assert load_site(site_root, cache=True) == fresh
    assert len(reads) == len(list((site_root / "content").glob("*.yaml")))
    reads.clear()
    assert load_site(site_root, cache=True) == fresh  # the index was written again
    assert reads == []


def test_a_file_replaced_by_a_link_out_of_the_site_is_refused_despite_the_index(
    site_root: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(known_files, "RACY_NS", 0)
    load_site(site_root, cache=True)
    file = sorted((site_root / "content").glob("*.yaml"))[0]
    outside = tmp_path / "outside.yaml"
    shutil.move(file, outside)
    file.symlink_to(outside)
    with pytest.raises(ContentErrors, match="outside the site: refused"):
        load_site(site_root, cache=True)
