"""Benchmark: where the search index's record bytes go, on a site bench/corpus.py wrote.

The records are most of the index (docs/search.md, "Measured"); this prints, for the first
``--sample`` articles of ``--corpus`` (say, a copy of ``bench/corpus.py --real-prose``'s site):

* the records' size deflated one at a time, with no preset dictionary (what the dictionary saves),
  and deflated a unit at a time (as the index writes them, kiku.search.encoding.records);
* each JSON key's bytes in the records' code, and what leaving the key out would save once deflated;
* the bytes of each record's deflate block header (its Huffman tables, which deflate writes in
  every record deflated alone: what a unit of several records shares);
* the share of the text in fields that recur whole in other records (stock phrases, publishers).

Usage: .venv/bin/python bench/search_record_bytes.py --corpus DIR [--sample 2000]
"""

from __future__ import annotations

import argparse
import collections
import json
from collections.abc import Sequence
from pathlib import Path

from zlib_ng import zlib_ng

from kiku.content.loading.loader import load_site
from kiku.render.views.page import TagView
from kiku.search.encoding.codebook import WINDOW, codebook_bytes, decode_text, deflate_unit, encode_texts
from kiku.search.encoding.records import UNIT
from kiku.search.entries.article import index_articles, tag_numbers

_CODE_LENGTH_ORDER = (16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15)
_compact = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode


def _deflated(texts: Sequence[str], dictionary: bytes) -> int:
    """The bytes of ``texts`` in the records' code, each deflated at level 9 against ``dictionary``."""
    total = 0
    for coded in encode_texts(texts):
        if dictionary:
            deflate = zlib_ng.compressobj(9, zlib_ng.DEFLATED, -zlib_ng.MAX_WBITS, 8, 0, dictionary)
        else:
            deflate = zlib_ng.compressobj(9, zlib_ng.DEFLATED, -zlib_ng.MAX_WBITS)
        total += len(deflate.compress(coded) + deflate.flush())
    return total


class _Bits:
    def __init__(self, data: bytes) -> None:
        self.data, self.at = data, 0

    def read(self, count: int) -> int:
        value = 0
        for place in range(count):
            value |= (self.data[self.at >> 3] >> (self.at & 7) & 1) << place
            self.at += 1
        return value


def header_bits(block: bytes) -> int:
    """The bits of the header of the first block of raw deflate ``block`` (0 unless dynamic)."""
    bits = _Bits(block)
    bits.read(1)
    if bits.read(2) != 2:
        return 0
    literals, distances, lengths = bits.read(5) + 257, bits.read(5) + 1, bits.read(4) + 4
    code_lengths = [0] * 19
    for place in range(lengths):
        code_lengths[_CODE_LENGTH_ORDER[place]] = bits.read(3)
    codes: dict[tuple[int, int], int] = {}
    code = 0
    for length in range(1, max(code_lengths) + 1):
        for symbol in range(19):
            if code_lengths[symbol] == length:
                codes[length, code] = symbol
                code += 1
        code <<= 1
    read = 0
    while read < literals + distances:
        code, length = 0, 0
        while (length, code) not in codes:
            code, length = code << 1 | bits.read(1), length + 1
        symbol = codes[length, code]
        read += 1 if symbol < 16 else (3 + bits.read(2), 3 + bits.read(3), 11 + bits.read(7))[symbol - 16]
    return bits.at


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, required=True)
    parser.add_argument("--sample", type=int, default=2000)
    arguments = parser.parse_args()
    site = load_site(arguments.corpus, cache=True, slim=True)
    numbers = tag_numbers(site.config)
    views = {key: (numbers[key], TagView.build(tag)) for key, tag in site.config.tags.items()}
    jobs = [(article, tuple(views[key] for key in dict.fromkeys(article.tags) if key in views))
            for article in site.articles[: arguments.sample]]
    coded = [data.record for data in index_articles(jobs)]
    records: list[dict[str, object]] = [json.loads(decode_text(record)) for record in coded]
    texts = [_compact(record) for record in records]
    written = [deflate_unit([record]) for record in coded]
    units = sum(len(deflate_unit(coded[at : at + UNIT])) for at in range(0, len(coded), UNIT))
    per_10k = 10_000 / len(records) / 1e6
    size = sum(map(len, written))
    print(f"{len(records)} records: {size * per_10k:.2f} MB per 10,000 alone; "
          f"{_deflated(texts, b'') * per_10k:.2f} without the preset dictionary; "
          f"{sum(map(len, encode_texts(texts))) * per_10k:.2f} coded, not deflated; "
          f"{units * per_10k:.2f} deflated {UNIT} at a time (as written)")
    dictionary = codebook_bytes()[-WINDOW:]
    for key in sorted({key for record in records for key in record}):
        coded = sum(map(len, encode_texts([_compact({key: record[key]}) for record in records if key in record])))
        without = _deflated([_compact({k: v for k, v in record.items() if k != key}) for record in records], dictionary)
        print(f"  {key}: {coded * per_10k:.3f} MB coded; leaving it out saves {(size - without) * per_10k:.3f} MB")
    headers = sum(map(header_bits, written)) / 8
    print(f"deflate block headers (Huffman tables): {headers / len(written):.0f} B a record, "
          f"{headers / size:.1%} of the records, {headers * per_10k:.2f} MB per 10,000")
    fields = [field for record in records for field in record["x"]]  # type: ignore[attr-defined]
    holding = collections.Counter(field for record in records for field in set(record["x"]))  # type: ignore[call-overload]
    characters = sum(map(len, fields))
    for least in (2, 100, 1000):
        if least <= len(records):
            recurring = sum(len(field) for field in fields if holding[field] >= least)
            print(f"  text in fields found whole in {least}+ records: {recurring / characters:.1%} "
                  f"({sum(1 for field in holding if holding[field] >= least)} distinct fields)")


if __name__ == "__main__":
    main()
