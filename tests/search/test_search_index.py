"""The search index kiku writes: the tokenizer spec, posting strings, shards, records, updates."""

from __future__ import annotations

import gzip
import json
import unicodedata
from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiku.render.text.plaintext import plain_text
from kiku.search.encoding.codebook import (
    CHARACTERS,
    code_records,
    compress_record,
    decode_text,
    decompress_record,
    decompress_unit,
    deflate_unit,
    encode_text,
    encode_texts,
    translated_text,
)
from kiku.search.encoding.records import LENGTHS_PATH, UNIT, pack_path, read_lengths, read_record, unit_bytes
from kiku.search.encoding.shards import decode_postings, encode_postings, encode_values, fnv1a, shard_count, shard_of
from kiku.search.index import CODEBOOK_PATH, MANIFEST_PATH, SearchIndex, build_search_index, shard_path
from kiku.search.postings.extensions import extensions
from kiku.search.text.letters import LETTER_RANGES, UNICODE_VERSION, letter_ranges_from_unicodedata
from kiku.search.text.normalise import normalise, runs, token_set, tokens
from kiku.search.text.searchable import visible_text
from tests.support.search_site import DECOY, PRICES, SUMMIT, search_site
from tests.support.search_tokens_cases import NASTY


def _json(data: bytes) -> object:
    return json.loads(gzip.decompress(data))


def _units(files: dict[str, bytes]) -> list[bytes]:
    return [unit_bytes(files, unit) for unit in range(len(read_lengths(files[LENGTHS_PATH])))]


def test_the_letter_table_is_this_pythons_unicode_database() -> None:
    if unicodedata.unidata_version != UNICODE_VERSION:
        pytest.skip(f"table made from Unicode {UNICODE_VERSION}, Python has {unicodedata.unidata_version}")
    assert letter_ranges_from_unicodedata() == LETTER_RANGES


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ＮＡＴＯ加盟", ["nato", "加盟", "盟"]),
        ("ｶﾞｿﾘﾝ", ["ガソ", "ソリ", "リン", "ン"]),
        ("㈱①", ["株", "1"]),
        ("プーチン・トランプ", ["プー", "ーチ", "チン", "ン", "トラ", "ラン", "ンプ", "プ"]),
        ("米露", ["米露", "露"]),
        ("G7首脳　会議", ["g7", "首脳", "脳", "会議", "議"]),
        ("ΟΔΟΣ İstanbul", ["οδοσ", "i̇stanbul"]),
        ("𠮷野家😀で", ["𠮷野", "野家", "家", "で"]),
        ("a" * 70, ["a" * 64]),
        ("!!! 😀 ・", []),
    ],
)
def test_tokens_follow_the_spec(text: str, expected: list[str]) -> None:
    assert list(tokens(normalise(text))) == expected


@pytest.mark.parametrize("text", NASTY)
def test_the_fast_token_set_is_the_set_of_tokens(text: str) -> None:
    normalised = normalise(text)
    assert token_set(normalised) == set(tokens(normalised))


@pytest.mark.parametrize(
    "text",
    [
        *NASTY,
        "合意! さらに、経済協力も!",
        "A & B <b>太字</b> 3 > 2, 1 | 2 ~ 3",
        "**太字** と [リンク](https://example.com) と `code` と *強調* と _下線_",
        "# 見出し\n- 項目\n1. 番号\n> 引用",
        "![画像](https://example.com/x.png) &amp; &#12354; <https://example.com>",
        "改行の前の空白  \n次の行\n\n次の段落",
        "[参照]: https://example.com\n\n本文",
    ],
)
def test_visible_text_is_what_the_markdown_shows(text: str) -> None:
    assert visible_text(text) == plain_text(text)


def test_runs_split_on_everything_but_japanese_and_word_characters() -> None:
    assert [(run.kind, run.text) for run in runs(normalise("NATO加盟国、ｶﾞｽ（㈱）"))] == [
        ("word", "nato"), ("ja", "加盟国"), ("ja", "ガス"), ("ja", "株"),
    ]


def test_posting_strings_round_trip() -> None:
    postings = [(0, True), (1, False), (2, False), (40, True), (1_000, False), (70_000, True)]
    encoded = encode_postings(postings)
    assert decode_postings(encoded) == postings
    # Every article of 60: Rice parameter 0, a one bit each (ten characters), no head.
    assert encode_postings([(number, False) for number in range(60)]) == "A" + "_" * 10
    # Articles 0 and 2 (gaps less one 0 and 1, k = 0: bits 1 01, "o" = 101000), the first a head
    # (place 0: bit 1, "g" = 100000).
    assert encode_postings([(0, True), (2, False)]) == "Ao.Ag"


@pytest.mark.parametrize("seed", range(20))
def test_random_posting_lists_round_trip(seed: int) -> None:
    import random

    draw = random.Random(seed)
    numbers = sorted(draw.sample(range(draw.choice([10, 1_000, 100_000])), draw.randint(1, 10)))
    postings = [(number, draw.random() < 0.3) for number in numbers]
    assert decode_postings(encode_postings(postings)) == postings
    assert encode_values([number * 2 + head for number, head in postings]) == encode_postings(postings)


def test_fnv1a_and_shards() -> None:
    assert fnv1a("") == 0x811C9DC5
    assert fnv1a("a") == 0xE40C292C  # the published FNV-1a test vector
    assert shard_count(5) == 1 and shard_count(9) == 2 and shard_count(10_000) == 2048
    # Every token starting with 停 is in 停's shard: a one-character query reads one shard.
    assert shard_of("停戦", 2048) == shard_of("停", 2048) == shard_of("停止", 2048)


def test_the_index_of_the_search_site() -> None:
    site = search_site()
    files = build_search_index(site).files
    manifest = json.loads(files[MANIFEST_PATH])
    assert manifest["format"] == "kiku-search" and manifest["tokenizer"] == 9
    assert manifest["articles"] == 7 and manifest["shards"] == 1 and manifest["pack"] == 16
    assert manifest["unit"] == 4
    # The tags in key order; a record names its tags by their places in this list.
    keys = [tag[0] for tag in manifest["tags"]]
    assert keys == sorted(site.config.tags)
    assert manifest["tags"][keys.index("nato")] == ["nato", "NATO", "NATO", "tags/nato/index.html", "NATO NATO"]
    # The field a tag adds to each of its articles' text: the script appends it to the record's.
    assert manifest["tags"][keys.index("economy")][4] == "経済 Economy"
    # The 7 records in one pack, four at a time (two units), their units' lengths beside it.
    assert set(files) == {MANIFEST_PATH, CODEBOOK_PATH, shard_path(0), pack_path(0), LENGTHS_PATH}
    lengths = read_lengths(files[LENGTHS_PATH])
    assert UNIT == 4 and len(lengths) == 2 and sum(lengths) == len(files[pack_path(0)])
    assert [len(decompress_unit(unit)) for unit in _units(files)] == [4, 3]
    shard = _json(files[shard_path(0)])
    assert isinstance(shard, dict)
    number = {article.slug: n for n, article in enumerate(reversed(site.articles))}  # oldest first
    assert number[PRICES.slug] == 6 and number[SUMMIT.slug] == 5 and number[DECOY.slug] == 1
    # NATO: in the encyclopedia article's text (number 3) and in SUMMIT's title (full-width there, head).
    assert decode_postings(shard["nato"]) == [(3, False), (5, True)]
    # 停戦交渉's bigrams are all in the decoy, which never says 停戦交渉.
    assert all(1 in dict(decode_postings(shard[bigram])) for bigram in ("停戦", "戦交", "交渉"))
    record = read_record(files, 6)
    assert isinstance(record, dict)
    assert record["u"] == f"articles/{PRICES.slug}/index.html"
    # The title is the first field, in display form: stored again only when that differs.
    assert "t" not in record and record["x"][0] == PRICES.title
    # The date as ISO only (the script writes 2025年3月25日 from it), the tags as numbers.
    assert record["i"] == "2025-03-25" and "d" not in record and record["g"] == [keys.index("economy")]
    # The stored text is NFKC (ＣＰＩ → CPI, ｶﾞｿﾘﾝ → ガソリン) but keeps its case for snippets.
    assert record["x"][1] == "総務省が発表した2月の消費者物価指数(CPI)は前年同月比3.2%上昇した。"
    assert any("ガソリン価格" in field for field in record["x"])
    assert "経済 Economy" not in record["x"]  # the manifest holds the tag's field
    assert [record["x"][index] for index in record["h"]] == [PRICES.title, record["x"][1], "家計への影響"]
    summit = read_record(files, 5)
    assert isinstance(summit, dict)
    assert summit["t"] == SUMMIT.title and summit["x"][0] == SUMMIT.title.replace("ＮＡＴＯ", "NATO")


def test_an_edit_rewrites_the_record_and_the_shards_it_touches_only() -> None:
    site = search_site()
    index = SearchIndex()
    index.update(site)
    edited = replace(DECOY, lead=DECOY.lead.replace("外交交渉", "和平協議"))  # type: ignore[union-attr]
    change = index.update(replace(site, articles=tuple(edited if a is DECOY else a for a in site.articles)))
    # The edited record's pack and (when the record's length changed) the lengths.
    assert set(change.written) - {LENGTHS_PATH} == {pack_path(0), shard_path(0)} and change.removed == ()
    decoy = read_record(index.files, 1)  # the second oldest of 7
    assert isinstance(decoy, dict) and any("和平協議" in field for field in decoy["x"])
    shard = _json(change.written[shard_path(0)])
    assert isinstance(shard, dict)
    assert 1 in dict(decode_postings(shard["協議"]))
    assert 1 not in dict(decode_postings(shard.get("外交", "")))
    # Removing an article renumbers the newer ones: their records move up in the pack.
    change = index.update(replace(site, articles=tuple(a for a in site.articles if a is not SUMMIT)))
    assert change.removed == () and {pack_path(0), LENGTHS_PATH} <= set(change.written)
    assert [len(decompress_unit(unit)) for unit in _units(index.files)] == [4, 2]
    moved = read_record(index.files, 4)  # the third newest was number 5
    assert isinstance(moved, dict) and moved["u"] == f"articles/{site.articles[2].slug}/index.html"


def test_a_bigram_keeps_the_context_all_its_occurrences_share() -> None:
    runs = ["ゼレンスキー大統領は", "ゼレンスキー氏", "停戦交渉", "作戦交代", "交渉"]
    wanted = {"ゼレ", "レン", "キー", "戦交", "交渉", "大統"}
    assert extensions(runs, wanted) == {
        "ゼレ": ("", "ンスキー"),
        "レン": ("ゼ", "スキー"),
        "キー": ("ゼレンス", ""),
        "大統": ("ゼレンスキー", "領は"),
    }  # 戦交 and 交渉 stand in different words: no context; スキ was not asked for
    long_run = "あ" * 20 + "ゼレ" + "い" * 20
    assert extensions([long_run], {"ゼレ"}) == {"ゼレ": ("あ" * 12, "い" * 12)}  # 12 characters a side


def test_the_shards_carry_the_shared_contexts() -> None:
    shard = _json(build_search_index(search_site()).files[shard_path(0)])
    assert isinstance(shard, dict)
    # プー is in three articles, always in プーチン: the script needs no text to confirm プーチン.
    assert shard["プー"][1:] == ["", "チン"]
    assert dict(decode_postings(shard["プー"][0])).keys() == {2, 3, 4}
    # 戦交 is in 停戦交渉 (PEACE_TALKS) and 作戦交代 (the decoy): 停戦交渉 is confirmed in the text.
    assert isinstance(shard["戦交"], str)


def test_an_edit_that_breaks_a_shared_context_rewrites_its_shard() -> None:
    site = search_site()
    index = SearchIndex()
    index.update(site)
    edited = replace(DECOY, lead=DECOY.lead + "プーアル茶を飲む。")  # type: ignore[operator]
    new_site = replace(site, articles=tuple(edited if a is DECOY else a for a in site.articles))
    change = index.update(new_site)
    shard = _json(change.written[shard_path(0)])
    assert isinstance(shard, dict) and isinstance(shard["プー"], str)
    # The patched index is the index built from scratch, byte for byte.
    assert index.files == build_search_index(new_site).files


@pytest.mark.parametrize("text", [*NASTY, "\x00\x1f\x7f\x80é\xff\u0100", "停戦交渉は難航している。", "𠮷😀\U0010fffd"])
def test_record_text_codes_back_to_itself(text: str) -> None:
    assert decode_text(encode_text(text)) == text
    assert decompress_record(compress_record({"x": [text]})) == {"x": [text]}


@given(st.text(st.characters(codec=None, blacklist_categories=())) | st.text(st.sampled_from(CHARACTERS[:400] + "\x00\ud800\U0010ffff")))
def test_record_text_code_over_arrays_is_the_code_one_character_at_a_time(text: str) -> None:
    """encode_text (numpy) writes what str.translate does: table characters, escapes, lone surrogates."""
    assert encode_text(text) == translated_text(text)
    assert decode_text(encode_text(text)) == text


_CODED = st.text(st.characters(codec=None, blacklist_categories=())) | st.text(st.sampled_from(CHARACTERS[:400] + "\x00\ud800\U0010ffff"))


@given(st.lists(_CODED, min_size=1, max_size=5))
def test_texts_coded_together_are_each_texts_code(texts: list[str]) -> None:
    assert encode_texts(texts) == [translated_text(text) for text in texts]
    assert decompress_unit(deflate_unit(code_records(texts))) == texts
    assert [deflate_unit([coded]) for coded in code_records(texts)] == [compress_record(text) for text in texts]


def test_record_text_code_escapes_past_a_short_table() -> None:
    table = '",:[]{}0123456789あい'
    assert encode_text("いう\x7f", table) == translated_text("いう\x7f", table) == bytes([18, 0xFF, 0, 0x30, 0x46, 0xFF, 0, 0, 0x7F])


def test_records_are_smaller_than_gzipped_utf8() -> None:
    """The code and the dictionary pay for themselves on an article's text."""
    from kiku.search.encoding.shards import gzip_json

    value = {"x": [PRICES.lead, *PRICES.key_points]}
    assert len(compress_record(value)) < len(gzip_json(value)) * 0.8
