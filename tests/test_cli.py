from __future__ import annotations

import json
from pathlib import Path

import yaml


def test_new_module_scaffold_validates(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "course" / "T2.yaml"
    run = cli("new-module", "T2", "--out", str(out))
    assert (run.code, run.err) == (0, "")
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
    import pytest

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
    assert (run.code, run.err) == (0, "")
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "zhineng-ECMKT-2026.tar.gz",
        "zhineng-cmi5-course.zip",
        "zhineng-scorm12-T3.zip",
        "zhineng-scorm2004-T3.zip",
    ]
