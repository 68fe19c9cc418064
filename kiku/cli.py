"""The command line: ``kiku build``, ``kiku import``, ``kiku check``, ``kiku serve``, ``kiku deploy``.

Exit codes: 0 ok, 1 a content, config or import error (all reported, then exit), 2 usage.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import io
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from kiku import __version__
from kiku.content.model import Article
from kiku.errors import ContentErrors, KikuError
from kiku.runtime.interrupt import Interrupted, stop_signals_raise

log = logging.getLogger(__name__)

EXIT_OK, EXIT_ERROR, EXIT_USAGE = 0, 1, 2


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a date as YYYY-MM-DD, got {value!r}") from None


def _base_url(value: str) -> str:
    from kiku.content.checking.config import base_url_problem

    problem = base_url_problem(value)
    if problem:
        raise argparse.ArgumentTypeError(problem)
    return value


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
    build.add_argument("--base-url", type=_base_url, default=None, metavar="URL",
                       help="publish address for this build instead of site.yaml's base_url "
                            "(e.g. http://localhost:8000/ for a preview)")
    build.add_argument("--future", action="store_true",
                       help="also publish the articles dated after today (scheduled ones)")

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
                                            "every problem as file:line:column: field: message, then list "
                                            "the importer's open warnings (# warning: lines) file by file.")
    site_option(check)
    check.add_argument("--strict", action="store_true",
                       help="fail (exit 1) while any content file has an open importer warning")

    serve = commands.add_parser("serve", help="preview the site with live reload",
                                description="Build the site into a temporary folder, serve it, and rebuild "
                                            "what a change affects on every save in content/, templates/, "
                                            "static/ or site.yaml; the browser reloads by itself.")
    site_option(serve)
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1)")
    serve.add_argument("--port", type=int, default=8000, help="port to listen on (default: 8000; 0: any free port)")
    serve.add_argument("--future", action="store_true",
                       help="also show the articles dated after today (scheduled ones)")

    deploy = commands.add_parser("deploy", help="build the committed site and push it to a gh-pages branch",
                                 description="Build the site as committed in HEAD (into a temporary folder, "
                                             "not _site/), commit the output on the gh-pages branch and push "
                                             "it. Your working tree, index and current branch are not touched.")
    site_option(deploy)
    deploy.add_argument("--remote", default="origin", metavar="NAME",
                        help="the git remote to push to (default: origin)")
    deploy.add_argument("--branch", default="gh-pages", metavar="BRANCH",
                        help="the branch GitHub Pages serves (default: gh-pages)")
    deploy.add_argument("--base-url", type=_base_url, default=None, metavar="URL",
                        help="the public URL of the site, instead of base_url in site.yaml")
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
        print(f"kiku: no site.yaml in {os.path.realpath(site_root)} (use --site DIR)", file=sys.stderr)
        return EXIT_ERROR
    try:
        with stop_signals_raise():
            return _run(args, site_root)
    except Interrupted as stop:
        print(f"kiku: stopped by {stop.described}; {_STOPPED_OUTCOME[args.command]}", file=sys.stderr)
        return stop.exit_code
    except ContentErrors as errors:
        for error in errors.errors:
            print(error, file=sys.stderr)
        print(f"kiku: {len(errors.errors)} error(s); nothing was built", file=sys.stderr)
        return EXIT_ERROR
    except KikuError as error:
        print(f"kiku: {error}", file=sys.stderr)
        return EXIT_ERROR
    except OSError as error:
        # Every expected failure has its own message; this is the net for the rest (a full
        # disk, a folder without permission): one line, never a traceback.
        print(f"kiku: {_describe_os_error(error)}", file=sys.stderr)
        return EXIT_ERROR


_STOPPED_OUTCOME = {
    "build": "nothing was built and the output folder is as it was",
    "check": "nothing was written",
    "import": "the page being imported was not written (files already written are complete)",
    "serve": "the preview folder was removed",
    "deploy": "nothing more was committed or pushed",
}


def _describe_os_error(error: OSError) -> str:
    where = f"{error.filename}: " if error.filename else ""
    if isinstance(error, (FileExistsError, NotADirectoryError)) and error.filename and os.path.isfile(error.filename):
        return f"{where}a file where a folder is needed: move it away or choose another path"
    return f"{where}{error.strerror or error}: check the path, its permissions and the free space, then try again"


def _run(args: argparse.Namespace, site_root: Path) -> int:
    if args.command == "build":
        return _build(site_root, args.out or site_root / "_site", args.base_url, future=args.future)
    if args.command == "check":
        return _check(site_root, strict=args.strict)
    if args.command == "serve":
        return _serve(site_root, args.host, args.port, future=args.future)
    if args.command == "deploy":
        return _deploy(args, site_root)
    return _import(args, site_root)


def main_entry() -> None:
    code = main()
    # What the command made is left to the OS at exit: the interpreter's last collection would
    # walk every cycle a build leaves (the planner, the site: at 10,000 articles over a million
    # objects, ~0.5 CPU-s of an edit build) only to free memory that is returned anyway.
    gc.freeze()
    sys.exit(code)


def _build(site_root: Path, out_dir: Path, base_url: str | None = None, *, future: bool = False) -> int:
    from kiku.build import build
    from kiku.publish.hosting import budget_warning, measure_output

    report = build(site_root, out_dir, base_url, future=future, delete_later=True)
    size = report.output or measure_output(out_dir)
    cards = report.share_cards
    made = f" and {cards.written} share cards ({cards.drawn} drawn, {cards.from_cache} from the cache)" if cards else ""
    if report.nothing_changed:
        print(f"nothing changed since the last build: {out_dir} was left as it was ({report.pages} pages);"
              f" {size.describe()}")
    else:
        print(f"built {report.pages} pages{made} into {out_dir} ({report.pages_rendered} rendered,"
              f" {report.pages_unchanged} unchanged); {size.describe()}")
    if report.scheduled:
        print(_scheduled_line(report.scheduled, "kiku build --future publishes them now"))
    warning = budget_warning(size, report.articles_by_year)
    if warning is not None:
        print(f"kiku: warning: {warning}", file=sys.stderr)
    return EXIT_OK


def _scheduled_line(scheduled: Sequence[Article], then: str) -> str:
    soonest = scheduled[0]
    return (f"kiku: {len(scheduled)} scheduled article(s) not published yet; the next, content/{soonest.slug}.yaml, "
            f"goes live on {soonest.date.isoformat()} (00:00 in Japan); {then}")


def _check(site_root: Path, *, strict: bool = False) -> int:
    from kiku.build import source_date_epoch
    from kiku.content.loading.loader import load_site_and_warnings
    from kiku.content.loading.schedule import far_future, today_in_japan

    site, warnings = load_site_and_warnings(site_root)
    today = today_in_japan(source_date_epoch())
    for article in far_future(site, today):
        print(f"content/{article.slug}.yaml: date: warning: {article.date.isoformat()} is more than a year "
              "ahead: a typo in the year? (the article is not published before that date)", file=sys.stderr)
    # Diagnostics go to stderr, like the date warning above; stdout says whether the site is valid.
    for warning in warnings:
        print(warning, file=sys.stderr)
    if warnings:
        files = len({warning.path for warning in warnings})
        strict_note = "; --strict makes them errors" if strict else ""
        print(f"kiku: {len(warnings)} open importer warning(s) in {files} file(s) (fix each, then delete its"
              f" '# warning:' line or make it '# resolved:'){strict_note}", file=sys.stderr)
        if strict:
            return EXIT_ERROR
    print(f"ok: site.yaml and {len(site.articles)} article(s) are valid")
    return EXIT_OK


def _serve(site_root: Path, host: str, port: int, *, future: bool = False) -> int:
    from kiku.serve.command import serve

    return serve(site_root, host, port, out=sys.stdout, future=future)


def _import(args: argparse.Namespace, site_root: Path) -> int:
    from kiku.build import source_date_epoch
    from kiku.content.loading.schedule import today_in_japan
    from kiku.importer.command import ImportOptions, check_report_path, import_pages
    from kiku.output.atomic import replace_file

    # SOURCE_DATE_EPOCH picks "today" here as in a build: the same page imports the same way.
    options = ImportOptions(force=args.force, dry_run=args.dry_run, date=args.date,
                            import_day=today_in_japan(source_date_epoch()))
    if args.report is None:
        failures = import_pages(args.paths, site_root, options, out=sys.stdout, report_stream=sys.stderr,
                                messages=sys.stderr)
        return EXIT_ERROR if failures else EXIT_OK
    check_report_path(args.report, site_root, args.paths)
    report = io.StringIO()
    try:
        failures = import_pages(args.paths, site_root, options, out=sys.stdout, report_stream=report,
                                messages=sys.stderr)
    finally:  # written whole, even when a page failed
        replace_file(args.report, report.getvalue().encode("utf-8"), shown=str(args.report))
    return EXIT_ERROR if failures else EXIT_OK


def _deploy(args: argparse.Namespace, site_root: Path) -> int:
    from kiku.publish.deploy import DeployOptions, deploy

    options = DeployOptions(remote=args.remote, branch=args.branch, base_url=args.base_url)
    try:
        result = deploy(site_root, options)
    except ContentErrors as errors:
        for error in errors.errors:
            print(error, file=sys.stderr)
        print(f"kiku: {len(errors.errors)} error(s) in the committed site; nothing was deployed", file=sys.stderr)
        return EXIT_ERROR
    if result.untracked:
        shown = ", ".join(result.untracked[:5]) + (f", … ({len(result.untracked)} in all)"
                                                    if len(result.untracked) > 5 else "")
        print(f"kiku: not deployed, not committed: {shown}", file=sys.stderr)
    where = f"{args.remote}/{args.branch}"
    if result.scheduled:
        print(_scheduled_line(result.scheduled, "run kiku deploy again on that day to publish it"))
    if result.pushed:
        print(f"deployed {result.pages} pages ({result.files} files) built from {result.source_commit[:12]} "
              f"as {result.commit[:12]} on {where}")
    else:
        print(f"{where} already holds this build ({result.commit[:12]}); nothing new to push")
    if result.budget_warning is not None:
        print(f"kiku: warning: {result.budget_warning}", file=sys.stderr)
    return EXIT_OK
