"""Measure the importer against the hand-written ground truth of every import case.

    .venv/bin/python bench/import_audit.py

For the whole corpus (every case with a ``<stem>.debris`` file): content lines kept out of
all content lines, debris lines leaked (into the article, or not dropped as debris), ad
cards flagged off-topic, and real cards falsely flagged. Exit status 1 when anything leaked
or a real card was flagged.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kiku.importer.page import ImportFailed
from tests.import_audit import CaseAudit, audit_case, audited_cases


def _leaked(audit: CaseAudit) -> int:
    """Debris lines of the page left in place (a text page), or found in the article (other pages)."""
    return len(audit.debris_not_dropped) if audit.is_text_page else len(audit.leaked_into_article)


def _row(audit: CaseAudit) -> str:
    kept = audit.content_lines - len(audit.content_dropped_as_debris)
    leaked = _leaked(audit)
    return (f"{audit.name:48} content {kept:3}/{audit.content_lines:<3} debris {audit.debris_lines:3} "
            f"leaked {leaked:2}  ads {len(audit.flagged_ads)}/{len(audit.ad_cards)} "
            f"false flags {len(audit.flagged_real_cards)}")


def main() -> int:
    audits = []
    failed = 0
    started = time.perf_counter()
    for case in audited_cases():
        try:
            audits.append(audit_case(case))
        except ImportFailed as error:
            print(f"{case.name:48} import failed: {error}")
            failed += 1
    for audit in audits:
        print(_row(audit))
        for line in audit.content_dropped_as_debris:
            print(f"    content dropped as debris: line {line.number}: {line.text}")
        for line in audit.debris_not_dropped:
            print(f"    debris not dropped: line {line.number}: {line.text}")
        for text in audit.leaked_into_article:
            print(f"    debris in the article: {text}")
        for name in (*audit.flagged_real_cards, *audit.missed_ads):
            print(f"    wrong off-topic decision: {name}")
    content = sum(audit.content_lines for audit in audits)
    kept = content - sum(len(audit.content_dropped_as_debris) for audit in audits)
    debris = sum(audit.debris_lines for audit in audits)
    leaked = sum(_leaked(audit) for audit in audits)
    ads = sum(len(audit.ad_cards) for audit in audits)
    found = sum(len(audit.flagged_ads) for audit in audits)
    false_flags = sum(len(audit.flagged_real_cards) for audit in audits)
    elapsed = time.perf_counter() - started
    print(f"\n{len(audits)} pages imported, {failed} failed, in {elapsed * 1000:.0f} ms "
          f"(audit included, {elapsed * 1000 / max(1, len(audits) + failed):.1f} ms a page)")
    print(f"content lines kept:         {kept}/{content}")
    print(f"debris lines leaked:        {leaked}/{debris}")
    print(f"off-topic cards found:      {found}/{ads}")
    print(f"real cards falsely flagged: {false_flags}")
    return 1 if failed or leaked or false_flags or kept < content or found < ads else 0


if __name__ == "__main__":
    sys.exit(main())
