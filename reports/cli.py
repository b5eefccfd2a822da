"""The `zhineng report` subcommand: zhineng/cli.py calls add_report_parser(sub) once.

Exit codes (zhineng/exit_codes.py): 0 every input was read; 3 the report was written but something was skipped
(listed on stderr); 1 fatal errors (raised as ZhinengError and printed by zhineng/cli.py); and 2 for argparse's
usage errors (a bad option or value, such as --jobs 0), before anything is read.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from ..arguments import whole_number
from ..errors import ZhinengError
from ..exit_codes import EXIT_SKIPPED
from .json_input import DEFAULT_MAX_JSON_MB
from .labels import LANGS
from .records import SOURCES as FORMATS


def add_report_parser(sub: Any) -> argparse.ArgumentParser:
    p: argparse.ArgumentParser = sub.add_parser(
        "report",
        help="a competency report (HTML, JSON, CSV) from SCORM, Open edX and xAPI tracking data",
    )
    input_options(p)
    p.add_argument(
        "--out", type=Path, default=Path("."), metavar="DIR", help="where report.* go (default: .)"
    )
    p.add_argument(
        "--lang",
        choices=LANGS,
        default=LANGS[0],
        help=f"the language of report.html's own words (default {LANGS[0]}, the course's language)",
    )
    p.set_defaults(run=run_report_command)
    return p


def input_options(p: argparse.ArgumentParser) -> None:
    """The inputs `report` and `rate` read, and how."""
    p.add_argument(
        "inputs",
        nargs="*",
        type=Path,
        metavar="INPUT",
        help="tracking files or folders, and filled rating sheets (.xlsx)",
    )
    p.add_argument(
        "--format", metavar="|".join(FORMATS), help="the inputs' format (default: detected per file)"
    )
    p.add_argument("--lrs", metavar="URL", help="also read the statements of this xAPI LRS")
    p.add_argument("--lrs-auth", metavar="USER:PASS", help="HTTP Basic credentials for --lrs")
    p.add_argument(
        "--course", type=Path, action="append", metavar="PATH", help="a course other than the built-in"
    )
    p.add_argument(
        "--jobs",
        type=_jobs,
        metavar="N",
        help="processes reading the inputs and making report's files (default: one per CPU; used for large "
        "inputs only)",
    )
    p.add_argument(
        "--max-json-mb",
        type=whole_number("a size in megabytes", 1, MAX_JSON_MB_CAP),
        default=DEFAULT_MAX_JSON_MB,
        metavar="N",
        help=f"the largest JSON document read whole: a file, one line of JSON lines, an LRS page (default "
        f"{DEFAULT_MAX_JSON_MB}); JSON-lines files of any size are read line by line",
    )


MAX_JOBS_CAP = 1024
MAX_JSON_MB_CAP = 1024 * 1024  # a terabyte: beyond any file, and small enough for every byte count it becomes
_jobs = whole_number("a number of processes", 1, MAX_JOBS_CAP)


def run_report_command(args: argparse.Namespace) -> int:
    # Imported here: the readers and renderers are loaded only when a report is made (see zhineng/exporters.py).
    from ..files import write_together
    from ..gc_pause import gc_paused
    from ..modules.loader import load_course
    from .parallel import made_apart
    from .render_csv import report_csv_chunks
    from .render_html import report_html_chunks
    from .render_json import report_json_chunks
    from .run import run_report

    if args.lrs_auth and not args.lrs:
        raise ZhinengError("--lrs-auth needs --lrs URL")
    course = load_course(args.course) if args.course else None
    # The collector stays paused until the files are written: the first collection after it resumed would walk
    # every object the report was built of (10,000 learners: 0.3 s), and none of them is garbage yet.
    with gc_paused():
        report, skipped = run_report(
            args.inputs, args.format, args.lrs, args.lrs_auth, course, args.jobs, args.max_json_mb
        )
        # Each made as it is written: 10,000 learners' three files (about 400 MB) are never all in memory; all
        # three are put in place together, or none. report.html and report.json are made by other processes
        # meanwhile (reports/parallel.py), so they are written last: they wait for those processes.
        apart = made_apart(
            [
                (args.out / "report.html", lambda: report_html_chunks(report, args.lang)),
                (args.out / "report.json", lambda: report_json_chunks(report)),
            ],
            len(report.learners),
            args.jobs,
        )
        with apart as (html, json):
            write_together(
                [
                    (args.out / "report.csv", report_csv_chunks(report)),
                    (args.out / "report.html", html),
                    (args.out / "report.json", json),
                ]
            )
    for line in skipped:
        print(line, file=sys.stderr)
    print(f"{len(report.learners)} learners → {args.out / 'report.html'}", file=sys.stderr)
    if skipped:
        print(f"{len(skipped)} record(s) skipped", file=sys.stderr)
        return EXIT_SKIPPED
    return 0
