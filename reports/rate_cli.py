"""The `zhineng rate` subcommand: from the same inputs as `report`, the forms and the sheet an instructor rates
performance tasks with (zhineng/cli.py calls add_rate_parser(sub) once).

Writes into --out: `ratings.xlsx` (reports/write_sheet.py) and, per learner and task, `forms/<learner>-<task>.html`
and `.pdf` (reports/rating_form.py, reports/pdf.py). A learner gets a form for every task they submitted or
self-rated; a learner named by --learner or --roster gets one for every task (a face-to-face rating, no submission
needed). Exit codes as `report`: 3 when some input was skipped (listed on stderr).
"""

from __future__ import annotations

import argparse
import hashlib
import re
import sys
from pathlib import Path
from typing import Any

from ..errors import ZhinengError
from ..exit_codes import EXIT_SKIPPED
from .cli import input_options

SHEET = "ratings.xlsx"
FORMS = "forms"


def add_rate_parser(sub: Any) -> argparse.ArgumentParser:
    p: argparse.ArgumentParser = sub.add_parser(
        "rate",
        help="rating forms (HTML, PDF) and a rating sheet (xlsx) for performance tasks, from tracking data",
    )
    input_options(p)
    p.add_argument(
        "--out",
        type=Path,
        default=Path("rating"),
        metavar="DIR",
        help="where the files go (default: rating/)",
    )
    p.add_argument(
        "--learner",
        action="append",
        default=[],
        metavar="ID",
        help="also rate this learner on every task, submitted or not (face to face); repeatable",
    )
    p.add_argument(
        "--roster", type=Path, metavar="FILE", help="a text file of learner ids, one a line, as --learner"
    )
    p.add_argument(
        "--task", action="append", default=[], metavar="ID", help="only this performance task; repeatable"
    )
    p.add_argument("--sheet", action="store_true", help="write only the rating sheet (no forms)")
    p.add_argument(
        "--no-pdf", action="store_true", help="write the forms as HTML only (no WeasyPrint needed)"
    )
    p.set_defaults(run=run_rate_command)
    return p


def run_rate_command(args: argparse.Namespace) -> int:
    from ..files import write_together
    from ..gc_pause import gc_paused
    from ..modules.loader import load_course
    from .catalog import Catalog
    from .rating_form import rating_form_html
    from .records import Record
    from .run import read_inputs
    from .task_states import TaskState, by_learner_tasks
    from .write_sheet import SheetRow, rating_sheet

    if args.lrs_auth and not args.lrs:
        raise ZhinengError("--lrs-auth needs --lrs URL")
    named = list(dict.fromkeys([*args.learner, *_roster(args.roster)]))
    if not args.inputs and not args.lrs and not named:
        raise ZhinengError(
            "nothing to rate: give tracking files or folders, --lrs URL, or --learner / --roster"
        )
    course = load_course(args.course) if args.course else load_course()
    catalog = Catalog(course)
    if not catalog.tasks:
        raise ZhinengError("the course has no performance tasks (a module's `tasks:`)")
    unknown = [t for t in args.task if t not in catalog.tasks]
    if unknown:
        raise ZhinengError(f"unknown task '{unknown[0]}' (known: {', '.join(catalog.tasks)})")
    wanted = [t for t in catalog.tasks if not args.task or t in args.task]
    records: list[Record] = []
    skipped: list[str] = []
    if args.inputs or args.lrs:
        with gc_paused():
            records, skipped = read_inputs(
                catalog, args.inputs, args.format, args.lrs, args.lrs_auth, args.jobs, args.max_json_mb
            )
    states = by_learner_tasks(records, catalog)
    pairs: dict[tuple[str, str], TaskState] = {}
    for learner in sorted(set(states) | set(named)):
        mine = states.get(learner, {})
        for task_id in wanted:
            state = mine.get(task_id)
            if state is None and learner in named:
                state = TaskState(learner, catalog.tasks[task_id][1], None, None, {})
            if state is not None:
                pairs[(learner, task_id)] = state
    if not pairs:
        raise ZhinengError(
            "nothing to rate: no learner submitted or self-rated a task; name learners with --learner or "
            "--roster to rate face to face"
        )
    learners = list(dict.fromkeys(learner for learner, _t in pairs))
    rows = [
        SheetRow(s.learner, s.task, c, s.ratings.get(c.id)) for s in pairs.values() for c in s.task.rubric
    ]
    outputs = [(args.out / SHEET, rating_sheet(rows, learners, course.standard))]
    if not args.sheet:
        to_pdf = None
        if not args.no_pdf:
            from .pdf import pdf_writer

            to_pdf = pdf_writer()
        for (learner, task_id), state in pairs.items():
            html = rating_form_html(course.standard, state)
            stem = f"{file_stem(learner)}-{task_id}"  # task ids hold dots: no with_suffix()
            outputs.append((args.out / FORMS / f"{stem}.html", html.encode("utf-8")))
            if to_pdf is not None:
                outputs.append((args.out / FORMS / f"{stem}.pdf", to_pdf(html)))
    write_together(outputs)
    for line in skipped:
        print(line, file=sys.stderr)
    forms = 0 if args.sheet else len(pairs)
    print(
        f"{len(rows)} rows for {len(learners)} learners → {args.out / SHEET}; {forms} forms → {args.out / FORMS}",
        file=sys.stderr,
    )
    if skipped:
        print(f"{len(skipped)} record(s) skipped", file=sys.stderr)
        return EXIT_SKIPPED
    return 0


_SAFE = re.compile(r"[^A-Za-z0-9_.@-]")


def file_stem(learner: str) -> str:
    """A file name for a learner id: kept when it is safe, else its safe characters and a short hash (two ids
    never share a name, and no id reaches outside the folder)."""
    safe = _SAFE.sub("_", learner)[:60].lstrip(".")
    if safe == learner:
        return safe
    return f"{safe}~{hashlib.sha256(learner.encode('utf-8', 'surrogateescape')).hexdigest()[:8]}"


def _roster(path: Path | None) -> list[str]:
    if path is None:
        return []
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise ZhinengError(f"{path}: cannot read the roster: {exc}") from exc
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]
