"""Every importer case: the page must become exactly its expected article and report.

After an intended change run ``make golden`` and review the diff of tests/fixtures/import/.
"""

from __future__ import annotations

import pytest

from tests.support.import_cases import ImportCase, import_cases

CASES = import_cases()


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_page_becomes_its_expected_article(case: ImportCase) -> None:
    assert case.run() == case.expected()


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_no_line_is_lost(case: ImportCase) -> None:
    _, report = case.run()
    assert "neither in the article nor dropped" not in report
