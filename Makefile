# Common commands. `make test` is the whole suite on a fresh machine; .ci/run calls exactly it.
PYTHON ?= python3

.PHONY: install test lint typecheck pytest course schema golden

install:
	$(PYTHON) -m pip install -q -e '.[test]'

test: install lint typecheck pytest

lint:
	$(PYTHON) -m ruff check .
	$(PYTHON) -m ruff format --check .

typecheck:
	$(PYTHON) scripts/typecheck.py

pytest:
	$(PYTHON) -m pytest

# The main job on the built-in course (until the exporters land): check it, then show its coverage.
course:
	zhineng validate && zhineng coverage

# Regenerate generated files after an intended change; review the diff before committing.
schema:
	zhineng schema --out schema/module.schema.json

golden:
	ZHINENG_UPDATE_GOLDEN=1 $(PYTHON) -m pytest -q tests/test_coverage.py
