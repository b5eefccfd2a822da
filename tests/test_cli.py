from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml


def test_new_module_scaffold_validates(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "course" / "T2.yaml"
    run = cli("new-module", "T2", "--out", str(out))
    assert (run.code, run.out) == (0, "")
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=module.schema.json\n")
    data = yaml.safe_load(text)
    assert [lesson["activity"] for lesson in data["lessons"]] == ["T2.1", "T2.2", "T2.3", "T2.4", "T2.5"]
    assert cli("validate", str(out.parent)).code == 0


def test_new_module_never_overwrites(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "T1.yaml"
    out.write_text("keep me", encoding="utf-8")
    run = cli("new-module", "T1", "--out", str(out))
    assert run.code == 1
    assert run.err == f"zhineng: {out}: already exists; not overwriting\n"
    assert out.read_text(encoding="utf-8") == "keep me"


def test_new_module_unknown_task(cli) -> None:  # type: ignore[no-untyped-def]
    run = cli("new-module", "T9")
    assert (run.code, run.err) == (1, "zhineng: unknown work task 'T9' (known: T1, T2, T3)\n")


def test_standard_formats_agree(cli) -> None:  # type: ignore[no-untyped-def]
    as_json = json.loads(cli("standard", "--format", "json").out)
    as_yaml = yaml.safe_load(cli("standard").out)
    assert as_json == as_yaml
    assert as_json["tasks"][0]["activities"][4]["id"] == "T1.5a"


def test_output_file_is_written_whole(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "nested" / "case.json"
    assert cli("standard", "--format", "case", "--out", str(out)).code == 0
    assert (
        json.loads(out.read_text(encoding="utf-8"))["CFDocument"]["title"] == "電子商務行銷企劃人員 職能基準"
    )
    assert [p.name for p in out.parent.iterdir()] == ["case.json"]  # no temporary file left behind


def test_usage_error_exits_2_without_traceback(cli) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(SystemExit) as exc:
        cli("coverage", "--format", "xml")
    assert exc.value.code == 2


def test_module_entry_point() -> None:
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-m", "zhineng", "--version"], capture_output=True, text=True, check=True
    )
    assert done.stdout.startswith("zhineng ")


def test_export_olx_to_a_named_file(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "course.tar.gz"
    run = cli("export", "olx", "--out", str(out))
    assert run.code == 0
    assert [p.name for p in tmp_path.iterdir()] == ["course.tar.gz"]
    assert out.read_bytes()[:2] == b"\x1f\x8b"


def test_export_olx_refuses_a_module_selection(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    run = cli("export", "olx", "--modules", "T1", "--out", str(tmp_path))
    assert (run.code, run.err) == (
        1,
        "zhineng: the olx export is always the whole course; --modules applies to SCORM only\n",
    )
    assert list(tmp_path.iterdir()) == []


def test_export_all_applies_scorm_options_to_scorm_only(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    run = cli(
        "export",
        "--all",
        "--modules",
        "T3",
        "--profile",
        "moodle",
        "--layout",
        "per-module",
        "--out",
        str(tmp_path),
    )
    assert (run.code, run.out) == (0, "")  # what was written is a message: stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "zhineng-ECMKT-2026.tar.gz",
        "zhineng-cmi5-course.zip",
        "zhineng-scorm12-T3.zip",
        "zhineng-scorm2004-T3.zip",
    ]


def test_help_documents_the_exit_codes_and_usage_alone_is_2(cli, capsys, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from zhineng.exit_codes import EXIT_SKIPPED, EXIT_USAGE

    assert EXIT_USAGE == 2 and EXIT_SKIPPED not in (0, 1, 2)  # argparse's 2 means a usage error, nothing else
    for argv in ((), ("report",), ("export",), ("validate",)):
        with pytest.raises(SystemExit):
            cli(*argv, "--help")
        shown = capsys.readouterr().out
        assert "exit codes:" in shown and f"  {EXIT_SKIPPED}  report and rate:" in shown, argv
    bad = tmp_path / "bad.json"
    bad.write_text("{oops", encoding="utf-8")
    run = cli("report", str(bad), "--out", str(tmp_path / "out"))
    assert run.code == EXIT_SKIPPED and "1 record(s) skipped" in run.err
    assert run.out == ""  # messages on stderr, as every command


def test_export_says_what_it_checked_and_wrote_on_stderr_only(cli, builtin_course, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    run = cli("export", "olx", "--out", str(tmp_path / "course.tar.gz"))
    assert (run.code, run.out) == (0, "")
    assert run.err.splitlines() == [
        f"checked: {builtin_course.summary()}",
        "checked olx: the course as loaded (OLX has no schema; tests import it with olxcleaner, its tasks with ORA2)",
        f"wrote {tmp_path / 'course.tar.gz'} ({(tmp_path / 'course.tar.gz').stat().st_size / 1024:.0f} KB)",
    ]


def test_validate_summary_counts_warnings_and_quiet_keeps_them(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "T3.yaml"
    assert cli("new-module", "T3", "--out", str(out)).code == 0
    out.write_text(
        out.read_text(encoding="utf-8") + "colour: blue\n", encoding="utf-8"
    )  # unknown key: a warning
    run = cli("validate", str(out))
    assert run.code == 0
    *warnings, summary = run.err.splitlines()
    assert len(warnings) == 1 and "colour" in warnings[0]
    assert summary == "valid: 1 module, 3 lessons, 1 question, 0 reflections, 0 tasks, 1 warning"
    assert cli("validate", "--quiet", str(out)).err == run.err.replace(summary + "\n", "")


def test_new_module_writes_block_scalars_and_a_schema_that_resolves(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import jsonschema

    out = tmp_path / "course" / "T1.yaml"
    run = cli("new-module", "T1", "--out", str(out))
    assert run.code == 0 and run.out == ""
    assert f"{out}: module T1," in run.err  # says what it wrote
    text = out.read_text(encoding="utf-8")
    assert "    body: |\n      ## 學習目標\n" in text  # a block, indented like modules/content/*.yaml
    assert "\\n" not in text  # no escaped line breaks in quoted strings
    reference = text.splitlines()[0].removeprefix("# yaml-language-server: $schema=")
    schema = json.loads((out.parent / reference).read_text(encoding="utf-8"))
    jsonschema.validate(yaml.safe_load(text), schema)
    assert f"{out.parent / reference}: " in run.err
    # A second module beside it keeps the schema that is there.
    (out.parent / reference).write_text("{}", encoding="utf-8")
    assert cli("new-module", "T2", "--out", str(out.parent / "T2.yaml")).code == 0
    assert (out.parent / reference).read_text(encoding="utf-8") == "{}"


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (
            ("olx", "--profile", "moodle"),
            "the olx export is always the whole course; --profile applies to SCORM only",
        ),
        (
            ("olx", "--layout", "per-module"),
            "the olx export is always the whole course; --layout applies to SCORM only",
        ),
        (
            ("olx", "--profile", "strict"),
            "the olx export is always the whole course; --profile applies to SCORM only",
        ),
        (
            ("cmi5", "--layout", "course", "--profile", "strict"),
            "the cmi5 export is always one course package; --layout and --profile apply to SCORM only",
        ),
        (("scorm12", "--all"), "name one format (scorm12, scorm2004, olx, cmi5) or --all, not both"),
    ],
)
def test_export_refuses_what_a_format_does_not_understand(cli, tmp_path: Path, argv, message) -> None:  # type: ignore[no-untyped-def]
    run = cli("export", *argv, "--out", str(tmp_path))
    assert (run.code, run.err) == (1, f"zhineng: {message}\n")
    assert list(tmp_path.iterdir()) == []
