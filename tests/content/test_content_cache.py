"""The article cache: used when it holds the very file, never trusted otherwise."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kiku.content.cache import articles, known_files, packs
from kiku.content.cache.articles import ARTICLES_DIR, CACHE_DIR, ArticleCache, StoredArticles
from kiku.content.cache.packs import PACK_SUFFIX, PackWriter
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


def _folder(site_root: Path) -> Path:
    return site_root / CACHE_DIR / ARTICLES_DIR


def _packs(site_root: Path) -> list[Path]:
    return sorted(_folder(site_root).glob(f"*{PACK_SUFFIX}"))


def _stored_names(site_root: Path) -> list[str]:
    stored = StoredArticles(_folder(site_root))
    try:
        return sorted(stored.names())
    finally:
        stored.close()


def _content_names(site_root: Path) -> list[str]:
    return sorted(path.name for path in (site_root / "content").glob("*.yaml"))


def test_a_cached_load_equals_a_fresh_one_and_fills_the_cache(site_root: Path) -> None:
    fresh = load_site(site_root)
    assert not (site_root / CACHE_DIR).exists()
    assert load_site(site_root, cache=True) == fresh
    assert _stored_names(site_root) == _content_names(site_root)
    assert load_site(site_root, cache=True) == fresh  # now from the cache


def test_a_load_writes_one_pack_per_process_and_an_edit_one_more(site_root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(loader, "process_count", lambda *_: 1)
    load_site(site_root, cache=True)
    assert len(_packs(site_root)) == 1
    assert [path.name for path in _folder(site_root).iterdir()] == [_packs(site_root)[0].name]  # no temporary left
    file = site_root / "content" / _content_names(site_root)[0]
    file.write_text(file.read_text(encoding="utf-8").replace("\ntitle: ", "\ntitle: 改訂版 ", 1), encoding="utf-8")
    load_site(site_root, cache=True)
    packs = _packs(site_root)
    assert len(packs) == 2 and packs[1].stat().st_size < packs[0].stat().st_size


def test_many_edits_keep_a_handful_of_packs(site_root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(loader, "process_count", lambda *_: 1)
    fresh = load_site(site_root, cache=True)
    file = site_root / "content" / _content_names(site_root)[0]
    original = file.read_text(encoding="utf-8")
    for edit in range(3 * packs.MAX_PACKS):
        file.write_text(original.replace("\ntitle: ", f"\ntitle: 改訂{edit} ", 1), encoding="utf-8")
        load_site(site_root, cache=True)
        assert len(_packs(site_root)) <= packs.MAX_PACKS + 1
    file.write_text(original, encoding="utf-8")
    assert load_site(site_root, cache=True) == fresh
    total = sum(path.stat().st_size for path in _packs(site_root))
    one_pack = _packs(site_root)[0].stat().st_size
    assert total < 3 * one_pack  # the merged packs dropped the versions no longer wanted


def _flip_byte(path: Path, offset: int) -> None:
    data = bytearray(path.read_bytes())
    data[offset] ^= 0xFF
    path.write_bytes(bytes(data))


def test_a_damaged_entry_is_read_again_and_stored_again(site_root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(loader, "process_count", lambda *_: 1)
    monkeypatch.setattr(known_files, "RACY_NS", 0)
    fresh = load_site(site_root, cache=True)
    pack = _packs(site_root)[0]
    _flip_byte(pack, 200)  # inside the first entry's payload: its crc32 no longer matches
    reads = _count_reads(monkeypatch)
    assert load_site(site_root, cache=True) == fresh
    assert len(reads) == 1
    reads.clear()
    assert load_site(site_root, cache=True) == fresh  # stored again, in a pack of its own
    assert reads == []


@pytest.mark.parametrize("damage", ["truncated", "index", "footer", "garbage"])
def test_a_damaged_pack_is_read_again_not_trusted(site_root: Path, monkeypatch: pytest.MonkeyPatch, damage: str) -> None:
    monkeypatch.setattr(known_files, "RACY_NS", 0)
    monkeypatch.setattr(loader, "process_count", lambda *_: 1)
    fresh = load_site(site_root, cache=True)
    pack = _packs(site_root)[0]
    size = pack.stat().st_size
    if damage == "truncated":
        pack.write_bytes(pack.read_bytes()[: size // 2])
    elif damage == "index":
        _flip_byte(pack, size - 40)
    elif damage == "footer":
        _flip_byte(pack, size - 3)
    else:
        pack.write_bytes(b"not a pack" * 100)
    reads = _count_reads(monkeypatch)
    assert load_site(site_root, cache=True) == fresh
    assert len(reads) == len(_content_names(site_root))
    assert pack not in _packs(site_root)  # the damaged pack is gone, a good one took its place
    assert _stored_names(site_root) == _content_names(site_root)


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


def test_entries_of_deleted_files_are_let_go(site_root: Path) -> None:
    load_site(site_root, cache=True)
    gone = _content_names(site_root)[:3]  # most of the pack: it is merged away
    for name in gone:
        (site_root / "content" / name).unlink()
    load_site(site_root, cache=True)
    assert _stored_names(site_root) == _content_names(site_root)


def test_entries_of_the_one_file_per_article_cache_are_deleted(site_root: Path) -> None:
    old = _folder(site_root) / f"{_content_names(site_root)[0]}.pickle"
    old.parent.mkdir(parents=True)
    old.write_bytes(b"an entry of the cache before packs")
    load_site(site_root, cache=True)
    assert not old.exists()


def test_an_entry_for_another_slug_is_not_used(site_root: Path) -> None:
    load_site(site_root, cache=True)
    config = load_site(site_root).config
    cache = ArticleCache(site_root, (config.tags, config.limits))
    first, second = _content_names(site_root)[:2]
    key = cache.key(second, (site_root / "content" / second).read_bytes())
    assert cache.get(second, key) is not None  # the key the loader uses
    first_key = cache.key(first, (site_root / "content" / first).read_bytes())
    first_payload = cache.stored.packs.payload(first, first_key)
    assert first_payload is not None
    cache.close()
    for pack in _packs(site_root):
        pack.unlink()
    writer = PackWriter(str(_folder(site_root)), "forged")
    writer.add(second, key, first_payload)  # right key, another article inside
    writer.close()
    assert ArticleCache(site_root, (config.tags, config.limits)).get(second, key) is None


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
