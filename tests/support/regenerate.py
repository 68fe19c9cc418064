"""Rewrite the importer's expected outputs and the golden site: ``make golden``. Review the diff."""

from tests.support.golden_site import GOLDEN_SITE, write_golden_site
from tests.support.import_audit import write_held_out_scores
from tests.support.import_cases import import_cases


def main() -> None:
    for case in import_cases():
        case.write_expected()
        print(f"wrote {case.expected_yaml.name} and {case.expected_report.name}")
    for path in write_held_out_scores():
        print(f"wrote {path.name}")
    print(f"wrote {write_golden_site()} files to {GOLDEN_SITE}")


if __name__ == "__main__":
    main()
