"""Benchmark: share cards drawn by another checkout of kiku and by this one, in alternating pairs.

    .venv/bin/python bench/share_card_pairs.py OLD_CHECKOUT [--articles 10000] [--rounds 3]

``OLD_CHECKOUT`` is a folder holding another version's ``kiku/`` (``git worktree add /tmp/old main``,
or ``git archive main kiku | tar -x -C /tmp/old``). The cards of ``bench/corpus.py``'s corpus are
drawn in fresh processes, old and new in turn, ROUNDS times: each draws one worker's share of a
two-core build (every second card) as a build's worker does, its glyphs rendered as they are met
("cold"), then the same cards again ("warm": glyphs, kerning and title measures at hand). Prints
the median CPU microseconds a card of each, their ratio, what 10,000 cards would cost, the bytes a
card, and whether every 10th card of the share decodes to the same pixels and palette in both (and
passes Pillow's ``verify()`` as a 1200×630 palette PNG).
CPU time, not wall time: the figures hold on a loaded machine.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import pickle
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]


def worker(tree: Path, texts_file: Path) -> dict[str, Any]:
    """Draw the cards in ``texts_file`` with the kiku of ``tree`` (run in a fresh process)."""
    sys.path.insert(0, str(tree))
    from PIL import Image

    from kiku.render.sharecards.draw import card_frame, draw_card
    from kiku.render.sharecards.fonts import find_card_font
    from kiku.render.text.phrases import phrases

    texts = pickle.loads(texts_file.read_bytes())
    font = find_card_font(None)
    if font is None:
        raise SystemExit("no Japanese font for share cards: apt-get install fonts-noto-cjk")
    first = texts[0]
    card_frame(font, first.site_name, first.mark, first.footer_right)  # drawn before a build's workers fork
    for text in texts:
        phrases(" ".join(text.title.split()))  # the worker rendered the card's page, phrasing the title
    timings, pngs = [], []
    for _ in range(2):
        started = time.process_time()
        pngs = [draw_card(font, text) for text in texts]
        timings.append((time.process_time() - started) / len(texts))
    pixels, valid = [], True
    for png in pngs[::10]:
        with Image.open(io.BytesIO(png)) as checked:
            checked.verify()
        with Image.open(io.BytesIO(png)) as card:
            valid = valid and (card.format, card.mode, card.size) == ("PNG", "P", (1200, 630))
            pixels.append(hashlib.sha256(card.tobytes() + bytes(card.getpalette() or [])).hexdigest())
    return {"cold": timings[0], "warm": timings[1], "bytes": sum(map(len, pngs)) / len(pngs), "pixels": pixels,
            "valid": valid}


def run(tree: Path, texts_file: Path) -> dict[str, Any]:
    answer = subprocess.run([sys.executable, __file__, "--worker", str(tree), str(texts_file)],
                            capture_output=True, text=True, check=True)
    result: dict[str, Any] = json.loads(answer.stdout.splitlines()[-1])
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("old", type=Path, nargs="?")
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--worker", nargs=2, type=Path, metavar=("TREE", "TEXTS"), help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.worker:
        print(json.dumps(worker(*arguments.worker)))
        return 0
    if arguments.old is None or not (arguments.old / "kiku").is_dir():
        parser.error("OLD_CHECKOUT must hold a kiku/ folder")
    sys.path.insert(0, str(REPO))
    from bench.corpus import write_corpus
    from kiku.content.loading.loader import load_site
    from kiku.render.sharecards.render import card_jobs

    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch) / "site"
        write_corpus(root, arguments.articles)
        texts = [job.text for job in card_jobs(load_site(root))][::2]
        texts_file = Path(scratch) / "texts.pickle"
        texts_file.write_bytes(pickle.dumps(texts))
        results: dict[str, list[dict[str, Any]]] = {"old": [], "new": []}
        for _ in range(arguments.rounds):
            results["old"].append(run(arguments.old.resolve(), texts_file))
            results["new"].append(run(REPO, texts_file))
    cards = arguments.articles + 1
    print(f"{len(texts):,} cards (every second of {cards:,}), {arguments.rounds} alternating pairs, CPU per card:")
    for kind in ("cold", "warm"):
        old = statistics.median(result[kind] for result in results["old"])
        new = statistics.median(result[kind] for result in results["new"])
        print(f"  {kind}: old {old * 1e6:5.0f} µs, new {new * 1e6:5.0f} µs ({new / old:4.2f}×);"
              f" {cards:,} cards: {old * cards:5.1f} → {new * cards:5.1f} CPU-s")
    old_bytes, new_bytes = results["old"][0]["bytes"], results["new"][0]["bytes"]
    print(f"  bytes a card: old {old_bytes:,.0f}, new {new_bytes:,.0f}")
    same = results["old"][0]["pixels"] == results["new"][0]["pixels"]
    valid = all(result.get("valid", True) for result in results["new"])
    print(f"  every 10th card's pixels and palette: {'identical' if same else 'DIFFERENT'};"
          f" new cards {'pass' if valid else 'FAIL'} Pillow's verify() as 1200×630 palette PNGs")
    return 0 if same and valid else 1


if __name__ == "__main__":
    sys.exit(main())
