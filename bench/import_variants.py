"""How much the importer relies on surface details that vary across the family's sites.

    .venv/bin/python bench/import_variants.py [--mutations a,b] [--pages substr,…] [--sample N]
                                              [--seed N] [--worst N]

Every import case with a ``.truth.yaml`` is rewritten by each meaning-preserving mutation of
``tests/support/page_variants`` (and a few fixed-seed combinations of them), imported, and scored
against the same truth by the audit's code. A row per mutation: the pages it changed, the
structure checks passed on the variants beside the same pages unmutated, content strings kept,
debris lines leaked, ad cards found, real cards flagged, pages refused. The unmutated baseline
comes first; under each row, the pages that lost most structure. A variant that would lose a
truth string, or is left unchanged, is not scored (counted as skipped).
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.import_audit import Totals
from tests.support.import_audit import CaseAudit, PageGround, audited_cases, ground_of
from tests.support.import_cases import ImportCase
from tests.support.page_variants.mutation import PageMutation
from tests.support.page_variants.registry import (
    IDENTITY,
    MUTATIONS,
    combination_name,
    combinations,
    identity,
)
from tests.support.page_variants.variant_audit import VariantOutcome, audit_variant, kind_of

COMBINATIONS = 3
COMBINATION_SIZE = 3


@dataclass(frozen=True)
class Row:
    name: str
    outcomes: list[VariantOutcome]

    def scored(self) -> list[VariantOutcome]:
        return [outcome for outcome in self.outcomes if outcome.audit is not None]


def _arguments(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mutations", default="", help="comma-separated mutation names (default: all)")
    parser.add_argument("--pages", default="", help="comma-separated substrings of page names")
    parser.add_argument("--sample", type=int, default=0, help="score N pages drawn with --seed")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--worst", type=int, default=3, help="pages listed under each row")
    parser.add_argument("--no-combinations", action="store_true")
    return parser.parse_args(argv)


def _cases(options: argparse.Namespace) -> list[tuple[ImportCase, PageGround]]:
    cases = [(case, ground) for case in audited_cases() if (ground := ground_of(case)).truth is not None]
    wanted = [part for part in options.pages.split(",") if part]
    if wanted:
        cases = [(case, ground) for case, ground in cases if any(part in case.name for part in wanted)]
    if options.sample and options.sample < len(cases):
        cases = sorted(random.Random(options.seed).sample(cases, options.sample), key=lambda pair: pair[0].name)
    return cases


def _chains(options: argparse.Namespace) -> list[tuple[PageMutation, ...]]:
    names = [name for name in options.mutations.split(",") if name] or list(MUTATIONS)
    unknown = [name for name in names if name not in MUTATIONS]
    if unknown:
        raise SystemExit(f"unknown mutations {unknown}; known: {', '.join(MUTATIONS)}")
    chains: list[tuple[PageMutation, ...]] = [(MUTATIONS[name],) for name in names]
    if not options.mutations and not options.no_combinations:
        for kind in ("text", "html"):
            chains += combinations(kind, COMBINATIONS, COMBINATION_SIZE, options.seed)
    return chains


def _percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:5.1f}" if whole else "  n/a"


def _line(row: Row, baseline: dict[str, CaseAudit]) -> str:
    scored = row.scored()
    audits = [outcome.audit for outcome in scored if outcome.audit is not None]
    totals = Totals.of(audits)
    base = Totals.of([baseline[outcome.page] for outcome in scored])
    unaligned = sum(1 for outcome in scored if not outcome.debris_aligned)
    return (f"{row.name:58.58} {len(scored):4} {len(row.outcomes) - len(scored):4} "
            f"{_percent(totals.checks_passed, totals.checks)} {_percent(base.checks_passed, base.checks)} "
            f"{_percent(totals.strings_kept, totals.strings)} {totals.leaked:4}/{totals.debris:<5} ({base.leaked:3}) "
            f"{totals.ads_found:3}/{totals.ads:<3} {totals.false_flags:3} {totals.refused:3}"
            + (f"  ({unaligned} debris unaligned)" if unaligned else ""))


def _structure_lost(outcome: VariantOutcome, baseline: dict[str, CaseAudit]) -> int:
    base, audit = baseline[outcome.page].truth, outcome.audit
    if base is None or audit is None or audit.truth is None:
        return 0
    return base.structure_passed - audit.truth.structure_passed


def _worst(row: Row, baseline: dict[str, CaseAudit], count: int) -> list[str]:
    losers = sorted((outcome for outcome in row.scored() if _structure_lost(outcome, baseline) > 0),
                    key=lambda outcome: -_structure_lost(outcome, baseline))[:count]
    lines = []
    for outcome in losers:
        assert outcome.audit is not None and outcome.audit.truth is not None
        base = baseline[outcome.page].truth
        assert base is not None
        new_failures = [failure for failure in outcome.audit.truth.structure_failed
                        if failure not in base.structure_failed]
        lines.append(f"    -{_structure_lost(outcome, baseline):3} {outcome.page}")
        lines += [f"          {failure[:150]}" for failure in new_failures[:2]]
    return lines


def _run(chain: tuple[PageMutation, ...], cases: list[tuple[ImportCase, PageGround]], workdir: Path,
         seed: int) -> Row:
    name = combination_name(chain)
    kind = chain[0].kind
    return Row(name, [audit_variant(case, ground, chain, name, workdir, seed)
                      for case, ground in cases if kind_of(case) == kind])


def main(argv: Sequence[str]) -> int:
    options = _arguments(argv)
    started = time.perf_counter()
    cases = _cases(options)
    print(f"{'mutation':58} {'pages':>4} {'skip':>4} {'struct':>5} {'base':>5} {'kept':>5} "
          f"{'leaked/debris (base)':>16} {'ads':>7} {'ff':>3} {'ref':>3}")
    with tempfile.TemporaryDirectory() as directory:
        workdir = Path(directory)
        unmutated = PageMutation(IDENTITY, "text", identity)
        base_row = Row("baseline (unmutated)", [audit_variant(case, ground, (unmutated,), IDENTITY, workdir,
                                                                options.seed, require_change=False)
                                                   for case, ground in cases])
        baseline = {outcome.page: outcome.audit for outcome in base_row.outcomes if outcome.audit is not None}
        print(_line(base_row, baseline), flush=True)
        for chain in _chains(options):
            row = _run(chain, [(case, ground) for case, ground in cases if case.name in baseline], workdir,
                       options.seed)
            print(_line(row, baseline))
            for line in _worst(row, baseline, options.worst):
                print(line)
            sys.stdout.flush()
    print(f"\n{time.perf_counter() - started:.0f} s; columns: pages scored, skipped (unchanged or a truth "
          "string lost), structure % on the variants, structure % of the same pages unmutated, content "
          "strings kept %, debris lines leaked of all (leaked on the same pages unmutated), ads found, "
          "real cards flagged, pages refused")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
