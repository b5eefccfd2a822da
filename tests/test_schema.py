"""The published JSON Schema is current, and it agrees with the loader on real and broken files."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml
from zhineng.modules.course_files import BUILTIN_DIR

from zhineng.cli import module_schema

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = ROOT / "schema" / "module.schema.json"


def test_shipped_schema_is_current(cli) -> None:  # type: ignore[no-untyped-def]
    run = cli("schema")
    assert run.code == 0
    assert json.loads(run.out) == json.loads(SHIPPED.read_text(encoding="utf-8")), (
        "run: zhineng schema --out schema/module.schema.json"
    )


def _validator() -> jsonschema.protocols.Validator:
    schema = module_schema()
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


@pytest.mark.parametrize(
    "path",
    sorted(p for p in BUILTIN_DIR.glob("T*.yaml")) + [ROOT / "tests/fixtures/valid/module.yaml"],
    ids=lambda p: p.name,
)
def test_valid_modules_pass_the_schema(path: Path) -> None:
    errors = list(_validator().iter_errors(yaml.safe_load(path.read_text(encoding="utf-8"))))
    assert errors == []


@pytest.mark.parametrize(
    "name",
    ["unknown_question_type", "reflection_without_attitude", "wrong_type", "question_without_knowledge"],
)
def test_editors_flag_what_the_loader_refuses(name: str) -> None:
    data = yaml.safe_load((ROOT / "tests/fixtures/invalid" / f"{name}.yaml").read_text(encoding="utf-8"))
    assert list(_validator().iter_errors(data)) != []
