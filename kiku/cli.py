"""The command line: ``kiku build``, ``kiku import``, ``kiku check``.

Exit codes: 0 ok, 1 a content, config or import error (all reported, then exit), 2 usage.
"""

from __future__ import annotations

import argparse
import datetime as dt
import logging
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from kiku import __version__
from kiku.errors import ContentErrors, KikuError

log = logging.getLogger(__name__)

EXIT_OK, EXIT_ERROR, EXIT_USAGE = 0, 1, 2


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a date as YYYY-MM-DD, got {value!r}") from None


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="kiku", description="kiku (菊): the Chrysanthemum Digest generator.")
    parser.add_argument("--version", action="version", version=f"kiku {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def site_option(command: argparse.ArgumentParser) -> None:
        command.add_argument("--site", type=Path, default=Path("."), metavar="DIR",
                             help="the site root, the folder holding site.yaml (default: current folder)")

    build = commands.add_parser("build", help="build the static site",
                                description="Load and validate site.yaml and content/, render every page "
                                            "with templates/, copy static/, and replace the output folder "
                                            "only when everything succeeded.")
    site_option(build)
    build.add_argument("--out", type=Path, default=None, metavar="DIR",
                       help="output folder (default: _site/ in the site root)")

    importer = commands.add_parser("import", help="import scraped pages into content/",
                                   description="Clean scraped pages (plain-text dumps or saved HTML pages) into "
                                               "article files content/<slug>.yaml. What was dropped, and why, is "
                                               "printed on stderr line by line.")
    importer.add_argument("paths", nargs="+", type=Path, metavar="PATH",
                          help="a scraped page, or a folder of them (*.txt, *.html, *.htm)")
    site_option(importer)
    importer.add_argument("--force", action="store_true",
                          help="overwrite an existing content file (it may hold an editor's changes)")
    importer.add_argument("--dry-run", action="store_true",
                          help="print the article YAML on stdout instead of writing it")
    importer.add_argument("--report", type=Path, default=None, metavar="FILE",
                          help="write the dropped-lines report to FILE instead of stderr")
    importer.add_argument("--date", type=_date, default=None, metavar="YYYY-MM-DD",
                          help="the article date, when the page gives none or gives the wrong one")

    check = commands.add_parser("check", help="validate site.yaml and all content; build nothing",
                                description="Validate site.yaml and every content/*.yaml file and report "
                                            "every problem as file:line:column: field: message.")
    site_option(check)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; returns the exit code (tests call this directly)."""
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_request:
        return exit_request.code if isinstance(exit_request.code, int) else EXIT_USAGE
    logging.basicConfig(level=logging.INFO, format="%(message)s", stream=sys.stderr)
    site_root: Path = args.site
    if not (site_root / "site.yaml").is_file():
        print(f"kiku: no site.yaml in {site_root.resolve()} (use --site DIR)", file=sys.stderr)
        return EXIT_ERROR
    try:
        if args.command == "build":
            return _build(site_root, args.out or site_root / "_site")
        if args.command == "check":
            return _check(site_root)
        return _import(args, site_root)
    except ContentErrors as errors:
        for error in errors.errors:
            print(error, file=sys.stderr)
        print(f"kiku: {len(errors.errors)} error(s); nothing was built", file=sys.stderr)
        return EXIT_ERROR
    except KikuError as error:
        print(f"kiku: {error}", file=sys.stderr)
        return EXIT_ERROR


def main_entry() -> None:
    sys.exit(main())


def _build(site_root: Path, out_dir: Path) -> int:
    from kiku.build import build

    report = build(site_root, out_dir)
    print(f"built {report.pages} pages into {out_dir}")
    return EXIT_OK


def _check(site_root: Path) -> int:
    from kiku.content.loader import load_site

    site = load_site(site_root)
    print(f"ok: site.yaml and {len(site.articles)} article(s) are valid")
    return EXIT_OK


def _import(args: argparse.Namespace, site_root: Path) -> int:
    from kiku.importer.command import ImportOptions, import_pages

    options = ImportOptions(force=args.force, dry_run=args.dry_run, date=args.date)
    report_stream: TextIO = sys.stderr
    report_file = None
    if args.report is not None:
        report_file = report_stream = args.report.open("w", encoding="utf-8")
    try:
        failures = import_pages(args.paths, site_root, options, out=sys.stdout, report_stream=report_stream,
                                messages=sys.stderr)
    finally:
        if report_file is not None:
            report_file.close()
    return EXIT_ERROR if failures else EXIT_OK
