"""Rewrite the importer's expected outputs and the golden site: ``make golden``. Review the diff."""

from tests.golden_site import GOLDEN_SITE, write_golden_site
from tests.import_cases import import_cases


def main() -> None:
    for case in import_cases():
        article, report = case.run()
        case.expected_yaml.write_text(article, encoding="utf-8")
        case.expected_report.write_text(report, encoding="utf-8")
        print(f"wrote {case.expected_yaml.name} and {case.expected_report.name}")
    print(f"wrote {write_golden_site()} files to {GOLDEN_SITE}")


if __name__ == "__main__":
    main()
