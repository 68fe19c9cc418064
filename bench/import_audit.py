"""Measure the importer against the hand-written ground truth of every import case.

    .venv/bin/python bench/import_audit.py [--quiet]

Every case with a ``<stem>.debris`` file is imported and scored, then summed for the whole
corpus and separately for each held-out batch (stems ``heldout<N>_*``, one N a batch: pages
written by someone who had not read the importer). The measures:

- content strings kept: the ``content`` strings of ``<stem>.truth.yaml`` found in the article;
- content lines not dropped as debris (text pages; every case): a line not in ``.debris`` that
  holds the truth's title, a heading or a content string (every such line when the page has no
  truth; a line in neither list is structure and does not count);
- debris lines leaked (a text page: not dropped as debris; an HTML page: found in the article);
- structure checks passed (``<stem>.truth.yaml``: sections, questions, cards, URLs, publishers,
  dates, off-topic flags; an encyclopedia's headings, references and licence line);
- ad cards found, real cards falsely flagged, pages refused.

Each page's row names what failed (``--quiet``: the rows only). Exit status 1 when anything
leaked, a real card was flagged, a page was refused or a check failed.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.support.import_audit import CaseAudit, audit_or_refusal, audited_cases, held_out_batch, leaked_count


def batch_of(name: str) -> str:
    return held_out_batch(name) or "seen"


def batches_of(names: list[str]) -> list[str]:
    """"seen", then the held-out batches present, in the order they were written (heldout2 before heldout10)."""
    held_out = {held_out_batch(name) for name in names} - {None}
    return ["seen", *sorted(held_out, key=lambda batch: int(batch.removeprefix("heldout")))]


@dataclass(frozen=True)
class Totals:
    pages: int
    refused: int
    strings: int
    strings_kept: int
    lines: int
    lines_kept: int
    debris: int
    leaked: int
    checks: int
    checks_passed: int
    ads: int
    ads_found: int
    false_flags: int

    @staticmethod
    def of(audits: Sequence[CaseAudit]) -> Totals:
        truths = [audit.truth for audit in audits if audit.truth is not None]
        return Totals(
            pages=len(audits), refused=sum(1 for audit in audits if audit.refused),
            strings=sum(truth.content_strings for truth in truths),
            strings_kept=sum(truth.content_kept for truth in truths),
            lines=sum(audit.content_lines for audit in audits),
            lines_kept=sum(audit.content_lines - len(audit.content_dropped_as_debris) for audit in audits),
            debris=sum(audit.debris_lines for audit in audits), leaked=sum(leaked_count(audit) for audit in audits),
            checks=sum(truth.structure_checks for truth in truths),
            checks_passed=sum(truth.structure_passed for truth in truths),
            ads=sum(len(audit.ad_cards) for audit in audits),
            ads_found=sum(len(audit.flagged_ads) for audit in audits),
            false_flags=sum(len(audit.flagged_real_cards) for audit in audits))

    def lines_printed(self, title: str) -> list[str]:
        strings_percent = _percent(self.strings_kept, self.strings)
        checks_percent = _percent(self.checks_passed, self.checks)
        return [
            f"{title}: {self.pages} pages, {self.refused} refused",
            f"  content strings kept:       {self.strings_kept}/{self.strings} ({strings_percent})",
            f"  content lines not dropped:  {self.lines_kept}/{self.lines}",
            f"  debris lines leaked:        {self.leaked}/{self.debris}",
            f"  structure checks passed:    {self.checks_passed}/{self.checks} ({checks_percent})",
            f"  ad cards found:             {self.ads_found}/{self.ads}",
            f"  real cards falsely flagged: {self.false_flags}",
        ]


def _percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f} %" if whole else "n/a"


def _row(audit: CaseAudit) -> str:
    if audit.refused:
        return f"{audit.name:52} REFUSED: {audit.refused}"
    kept = audit.content_lines - len(audit.content_dropped_as_debris)
    truth = ""
    if audit.truth is not None:
        truth = (f" strings {audit.truth.content_kept:3}/{audit.truth.content_strings:<3}"
                 f" structure {audit.truth.structure_passed:3}/{audit.truth.structure_checks:<3}")
    return (f"{audit.name:52} lines {kept:3}/{audit.content_lines:<3}{truth} debris {audit.debris_lines:3} "
            f"leaked {leaked_count(audit):2}  ads {len(audit.flagged_ads)}/{len(audit.ad_cards)} "
            f"false flags {len(audit.flagged_real_cards)}")


def _failures(audit: CaseAudit) -> list[str]:
    failures = [f"content dropped as debris: line {line.number}: {line.text}"
                for line in audit.content_dropped_as_debris]
    failures += [f"debris not dropped: line {line.number}: {line.text}" for line in audit.debris_not_dropped]
    if not audit.is_text_page:
        failures += [f"debris in the article: {text}" for text in audit.leaked_into_article]
    failures += [f"wrong off-topic decision: {name}" for name in (*audit.flagged_real_cards, *audit.missed_ads)]
    if audit.truth is not None:
        failures += [f"content missing: {text}" for text in audit.truth.content_missing]
        failures += [f"structure: {failure}" for failure in audit.truth.structure_failed]
    return failures


def main(argv: Sequence[str]) -> int:
    started = time.perf_counter()
    audits = [audit_or_refusal(case) for case in audited_cases()]
    elapsed = time.perf_counter() - started
    for audit in audits:
        print(_row(audit))
        if "--quiet" not in argv:
            for failure in _failures(audit):
                print(f"    {failure}")
    print(f"\n{len(audits)} pages in {elapsed * 1000:.0f} ms (audit included, "
          f"{elapsed * 1000 / max(1, len(audits)):.1f} ms a page)\n")
    whole = Totals.of(audits)
    for line in whole.lines_printed("whole corpus"):
        print(line)
    for batch in batches_of([audit.name for audit in audits]):
        members = [audit for audit in audits if batch_of(audit.name) == batch]
        if members:
            print()
            for line in Totals.of(members).lines_printed(f"batch {batch}"):
                print(line)
    failed = (whole.refused or whole.leaked or whole.false_flags or whole.lines_kept < whole.lines
              or whole.ads_found < whole.ads or whole.strings_kept < whole.strings
              or whole.checks_passed < whole.checks)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
