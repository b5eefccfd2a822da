"""The `zhineng` command: a thin edge over the model and the renderers.

It parses arguments, calls pure functions, writes their output atomically, and turns every
`ZhinengError` into `file:line:col: message` lines on stderr and exit code 1. Never a traceback
for a user's mistake. Exit codes and what goes to stdout or stderr: zhineng/exit_codes.py.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

# Only what building the parser needs is imported here; each command imports its own work when it runs,
# so `zhineng --version` starts in a few tens of milliseconds and `validate` loads no renderer.
from . import __version__
from .arguments import whole_number
from .errors import ValidationFailed, ZhinengError
from .exit_codes import EPILOG, EXIT_ERROR
from .exporter import OPTION_NAMES
from .exporters import EVERY_LAYOUT, EXPORTERS, ExportOptions, export_formats
from .files import write_atomic, write_together
from .progress import Progress
from .reports.cli import add_report_parser
from .reports.rate_cli import add_rate_parser
from .scorm_export.layouts import LAYOUTS
from .scorm_export.profiles import DEFAULT_PROFILE, PROFILES


def run() -> NoReturn:
    """The `zhineng` command: main(), then the process ends at once, as mypy's does. Python would otherwise free
    every object one by one (the course, its pages, the archives: about 40 ms after `export --all`); every file
    is written and closed by then, and the output streams are flushed here."""
    try:
        code = main()
    except SystemExit as exc:  # argparse's --help, --version and usage errors, said already
        if not isinstance(exc.code, int | None):
            raise
        code = exc.code or 0
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):  # `zhineng coverage | head`: nobody reads any more
            stream.flush()
    os._exit(code)


def main(argv: Sequence[str] | None = None) -> int:
    # A file name that is not UTF-8 (kept by Python as surrogates) prints as its own bytes, as `ls` shows it,
    # rather than failing the print after the work is done.
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="surrogateescape")
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        return int(args.run(args))
    except ValidationFailed as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        print(f"{len(exc.errors)} error(s)", file=sys.stderr)
        return EXIT_ERROR
    except ZhinengError as exc:
        print(f"zhineng: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except BrokenPipeError:  # `zhineng coverage | head`
        return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="zhineng",
        description="電子商務行銷企劃人員 職能基準 → trackable learning.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"zhineng {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser(
        "validate", help="check a course (the built-in one by default) and report every problem"
    )
    p.add_argument("paths", nargs="*", type=Path, metavar="PATH", help="module files or course folders")
    p.add_argument(
        "-q",
        "--quiet",
        action="store_true",
        help="no summary line when the course is clean (warnings still show)",
    )
    p.add_argument(
        "--jobs",
        type=whole_number("a number of processes", 1, 1024),
        metavar="N",
        help="processes reading the course (default: 2 when a CPU is idle; 1 reads it in this process)",
    )
    p.set_defaults(run=_validate)

    p = sub.add_parser("coverage", help="the standard-by-content matrix")
    p.add_argument(
        "paths",
        nargs="*",
        type=Path,
        metavar="PATH",
        help="module files or course folders (default: built-in)",
    )
    p.add_argument(
        "--format",
        choices=("table", "csv", "json"),
        default="table",
        help="how the matrix is written (default table)",
    )
    p.add_argument("--check", action="store_true", help="exit 1 if the course misses the product's minimums")
    p.set_defaults(run=_coverage)

    p = sub.add_parser("schema", help="JSON Schema of the module YAML format, for editors")
    p.add_argument("--out", type=Path, help="write to this file instead of stdout")
    p.set_defaults(run=_schema)

    p = sub.add_parser("standard", help="the competency standard as data")
    p.add_argument(
        "--format", choices=("yaml", "json", "case"), default="yaml", help="case: IMS CASE 1.0 package"
    )
    p.add_argument("--base-uri", help="publish CASE URIs under this address (default urn:uuid:...)")
    p.add_argument("--out", type=Path, help="write to this file instead of stdout")
    p.set_defaults(run=_standard)

    p = sub.add_parser("new-module", help="scaffold an empty, valid module for a work task")
    p.add_argument("task", help="the work task, e.g. T2")
    p.add_argument("--id", dest="module_id", help="module id (default: the task id)")
    p.add_argument("--out", type=Path, help="file to create (default: stdout); never overwrites")
    p.set_defaults(run=_new_module)

    p = sub.add_parser("export", help="build packages an LMS can import: SCORM zips, an Open edX course")
    p.add_argument("format", nargs="?", choices=tuple(EXPORTERS), help="the package format")
    p.add_argument("--all", action="store_true", help="every format, into the same folder")
    _package_options(p)
    p.add_argument(
        "--out",
        type=Path,
        default=Path("dist"),
        help="folder for the packages (default: dist/); for olx alone, a .tar.gz file name is accepted too",
    )
    p.add_argument(
        "--jobs",
        type=whole_number("a number of processes", 1, 1024),
        metavar="N",
        help="processes reading the course and building the packages (default: 2 when a CPU is idle, more are "
        "not used; 1 does everything in this process)",
    )
    p.set_defaults(run=_export)

    p = sub.add_parser(
        "preview", help="serve a SCORM package on 127.0.0.1 with a real SCORM API and live CMI"
    )
    versions = p.add_mutually_exclusive_group()
    versions.add_argument(
        "--scorm12", dest="version", action="store_const", const="scorm12", help="serve it as SCORM 1.2"
    )
    versions.add_argument(
        "--scorm2004",
        dest="version",
        action="store_const",
        const="scorm2004",
        help="serve it as SCORM 2004 (the default)",
    )
    p.add_argument(
        "--port",
        type=whole_number("a port", 0, 65535),
        default=8000,
        help="port on 127.0.0.1 (default 8000; 0 picks a free one)",
    )
    p.add_argument("--module", help="serve only this module (default: the whole course)")
    p.add_argument(
        "--profile",
        choices=tuple(PROFILES),
        default=DEFAULT_PROFILE,
        help=f"what the LMS is sent (default: {DEFAULT_PROFILE})",
    )
    _course_option(p)
    p.set_defaults(run=_preview, version="scorm2004")

    add_report_parser(sub)
    add_rate_parser(sub)
    for command in sub.choices.values():  # every command's --help lists the exit codes
        command.epilog = EPILOG
        command.formatter_class = argparse.RawDescriptionHelpFormatter
    return parser


def _package_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--modules", help="comma-separated module ids, e.g. T1,T2 (default: every module)")
    p.add_argument(
        "--layout",
        choices=LAYOUTS,
        help="one zip, or one zip per module (default: course; --all writes both)",
    )
    p.add_argument(
        "--profile", choices=tuple(PROFILES), help=f"what the LMS is sent (default: {DEFAULT_PROFILE})"
    )
    _course_option(p)


def _course_option(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--course",
        dest="paths",
        action="append",
        type=Path,
        default=[],
        metavar="PATH",
        help="module files or course folders (default: the built-in course); repeatable",
    )


def _emit(text: str, out: Path | None) -> None:
    if out is None:
        sys.stdout.write(text)
    else:
        write_atomic(out, text.encode("utf-8"))


def _validate(args: argparse.Namespace) -> int:
    from .modules.read_ahead import read_ahead

    with read_ahead(args.paths, enabled=args.jobs != 1) as read:
        from .modules.loader import load_course  # imported while the helper parses the files

        course = load_course(args.paths, read)
    for warning in course.warnings:
        print(warning, file=sys.stderr)
    if not args.quiet:
        print(f"valid: {course.summary()}", file=sys.stderr)
    return 0


def _coverage(args: argparse.Namespace) -> int:
    from .modules.coverage import coverage, coverage_csv, coverage_gaps, coverage_json, coverage_table
    from .modules.loader import load_course

    course = load_course(args.paths)
    rows = coverage(course)
    render = {"table": coverage_table, "csv": coverage_csv, "json": coverage_json}[args.format]
    sys.stdout.write(render(rows))
    if args.check:
        gaps = coverage_gaps(course, rows)
        for gap in gaps:
            print(f"coverage: {gap}", file=sys.stderr)
        return 1 if gaps else 0
    return 0


SCHEMA_FILE = "module.schema.json"  # the `$schema` a new module names, beside it


def module_schema() -> dict[str, object]:
    from .modules.model import Module

    schema = Module.model_json_schema(mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "zhineng learning module"
    return schema


def _schema(args: argparse.Namespace) -> int:
    _emit(json.dumps(module_schema(), ensure_ascii=False, indent=2) + "\n", args.out)
    return 0


def _standard(args: argparse.Namespace) -> int:
    import yaml

    from .modules.case import case_package
    from .modules.loader import load_standard

    standard = load_standard()
    if args.format == "case":
        text = json.dumps(case_package(standard, args.base_uri), ensure_ascii=False, indent=2) + "\n"
    elif args.format == "json":
        text = json.dumps(standard.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n"
    else:
        text = yaml.safe_dump(
            standard.model_dump(mode="json"), allow_unicode=True, sort_keys=False, width=200
        )
    _emit(text, args.out)
    return 0


def _new_module(args: argparse.Namespace) -> int:
    from .modules.loader import load_standard
    from .modules.scaffold import new_module_yaml

    standard = load_standard()
    if args.task not in {t.id for t in standard.tasks}:
        raise ZhinengError(
            f"unknown work task '{args.task}' (known: {', '.join(t.id for t in standard.tasks)})"
        )
    text = new_module_yaml(standard, args.task, args.module_id, SCHEMA_FILE)
    if args.out is None:
        sys.stdout.write(text)
        print(f"its $schema is {SCHEMA_FILE} beside it: zhineng schema --out {SCHEMA_FILE}", file=sys.stderr)
        return 0
    if args.out.exists():
        raise ZhinengError(f"{args.out}: already exists; not overwriting")
    outputs = [(args.out, text.encode("utf-8"))]
    schema = args.out.parent / SCHEMA_FILE
    if not schema.exists():  # the module's `$schema` reference resolves; an existing schema is left alone
        outputs.append((schema, (json.dumps(module_schema(), ensure_ascii=False, indent=2) + "\n").encode()))
    write_together(outputs)
    lessons = len(standard.task(args.task).activities)
    print(
        f"{args.out}: module {args.module_id or args.task}, {lessons} lesson stubs, 1 question",
        file=sys.stderr,
    )
    if len(outputs) == 2:
        print(f"{schema}: the JSON Schema its $schema names", file=sys.stderr)
    return 0


def _export(args: argparse.Namespace) -> int:
    from .modules.read_ahead import read_ahead

    if args.format and args.all:
        raise ZhinengError(f"name one format ({', '.join(EXPORTERS)}) or --all, not both")
    if not args.format and not args.all:
        raise ZhinengError(f"name one format ({', '.join(EXPORTERS)}) or --all")
    if args.format:
        EXPORTERS[args.format].refuse_unsupported({o for o in OPTION_NAMES if getattr(args, o)})
    formats = list(EXPORTERS) if args.all else [args.format]
    modules = tuple(m.strip() for m in args.modules.split(",") if m.strip()) if args.modules else None
    layout = args.layout or (EVERY_LAYOUT if args.all else "course")
    options = ExportOptions(modules=modules, layout=layout, profile=args.profile or DEFAULT_PROFILE)
    with read_ahead(args.paths, markdown=True, modules=modules, enabled=args.jobs != 1) as read:
        from .modules.loader import load_course  # imported while the helper parses the files

        course = load_course(args.paths, read)
    for warning in course.warnings:
        print(warning, file=sys.stderr)
    # Every zip is built (and checked) in memory before the first one is written.
    with Progress("building packages", len(formats)) as progress:
        built = export_formats(formats, course, options, progress.advance, ahead=args.jobs != 1)
        archives = [a for format_archives in built for a in format_archives]
    blobs = [(_destination(args.out, name, single=len(archives) == 1), data) for name, data in archives]
    write_together(blobs)  # every archive in place, or none (zhineng/files.py)
    print(
        f"checked: {course.summary()}", file=sys.stderr
    )  # said once all is written: a failure says only why
    for fmt in formats:
        print(f"checked {fmt}: {EXPORTERS[fmt].checks}", file=sys.stderr)
    for path, data in blobs:
        print(f"wrote {path} ({len(data) / 1024:.0f} KB)", file=sys.stderr)
    return 0


def _destination(out: Path, name: str, single: bool) -> Path:
    """`--out course.tar.gz` names the file when there is one package; otherwise --out is a folder."""
    if single and out.name.endswith((".tar.gz", ".zip")):
        return out
    return out / name


def _preview(args: argparse.Namespace) -> int:
    from .modules.loader import load_course
    from .scorm_export.preview.server import make_server, preview_site

    site = preview_site(load_course(args.paths), args.version, args.profile, args.module)
    try:
        server = make_server(site, args.port)
    except OSError as exc:
        raise ZhinengError(f"cannot listen on 127.0.0.1:{args.port}: {exc.strerror or exc}") from exc
    with server:
        print(
            f"zhineng preview ({args.version}): http://127.0.0.1:{server.server_port}/  (Ctrl-C stops)",
            flush=True,
        )
        with contextlib.suppress(KeyboardInterrupt):  # Ctrl-C is how a preview ends
            server.serve_forever()
    return 0
