"""Shared by the report tests: the fixture course and inputs, and `zhineng report` run as the CLI will run it."""

from __future__ import annotations

import argparse
from dataclasses import dataclass, replace
from pathlib import Path

import pytest
from zhineng.reports.cli import add_report_parser
from zhineng.reports.model import Report

from zhineng.errors import ZhinengError

ROOT = Path(__file__).resolve().parent.parent
REPORT = ROOT / "tests" / "fixtures" / "report"
COURSE = REPORT / "course"
INPUTS = [REPORT / "scorm", REPORT / "openedx", REPORT / "xapi", REPORT / "tasks", REPORT / "bad"]
GOLDEN = ROOT / "tests" / "golden" / "report"


@dataclass
class Run:
    code: int
    err: str


def run_cli(capsys: pytest.CaptureFixture[str], *argv: str) -> Run:
    """`zhineng report ARGV` through the subparser, with zhineng/cli.py's error handling (ZhinengError -> 1)."""
    parser = argparse.ArgumentParser(prog="zhineng")
    add_report_parser(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(["report", *argv])
    try:
        code = int(args.run(args))
    except ZhinengError as exc:
        print(f"zhineng: {exc}", file=__import__("sys").stderr)
        code = 1
    return Run(code, capsys.readouterr().err)


def large_class(report: Report, n: int) -> Report:
    """The report as if n learners (learner0000, …) had the fixture learners' rows and reflections in turn."""
    rows = tuple(
        replace(report.learners[i % len(report.learners)], learner=f"learner{i:04d}") for i in range(n)
    )
    attitudes = tuple(
        replace(
            a,
            learners=tuple(f"learner{i:04d}" for i in range(n)),
            reflections=tuple(
                replace(a.reflections[i % len(a.reflections)], learner=f"learner{i:04d}") for i in range(n)
            ),
        )
        for a in report.attitudes
    )
    return replace(report, learners=rows, attitudes=attitudes)
