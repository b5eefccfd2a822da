# Common commands. `make test` is the whole suite on a fresh machine; .ci/run calls exactly it.
PYTHON ?= python3
# apt-get needs root: use sudo unless we already are root (as in CI).
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: install test lint typecheck pytest course schema golden banks bench bench-core i18n fuzz

# ORA2, for the tests that import our OLX tasks with its own code; kept in .ora2/, off sys.path (pyproject's
# test extra says why and brings its dependencies).
ORA2 := ora2==7.1.1

# Everything the tests need: Debian's Chromium (Playwright cannot download its own here) with the fonts the
# typography tests look for (Noto Sans CJK TC, and Liberation Sans for Latin digits), the Python package with its
# test extras, Pango for WeasyPrint's PDF rating forms, and the JS test tools (axe-core) from package-lock.json.
install:
	@command -v chromium >/dev/null 2>&1 || { $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium; }
	@fc-list -q "Noto Sans CJK TC" && fc-list -q "Liberation Sans" || { $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq fonts-noto-cjk fonts-liberation; }
	@ldconfig -p | grep -q libpangoft2-1.0 || { $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq libpango-1.0-0 libpangoft2-1.0-0; }
	$(PYTHON) -m pip install -q -e '.[test,pdf]'
	$(PYTHON) -m pip install -q --no-deps --upgrade --target .ora2 '$(ORA2)'
	npm ci --no-audit --no-fund --loglevel=error

test: install lint typecheck pytest

lint:
	$(PYTHON) -m ruff check .
	$(PYTHON) -m ruff format --check .
	npm run --silent lint

typecheck:
	$(PYTHON) scripts/typecheck.py

pytest:
	$(PYTHON) -m pytest

# The main job: check the built-in course, then export every package into dist/.
course:
	zhineng validate && zhineng export --all --out dist/

# Regenerate generated files after an intended change; review the diff before committing.
schema:
	zhineng schema --out schema/module.schema.json

golden: banks
	ZHINENG_UPDATE_GOLDEN=1 $(PYTHON) -m pytest -q tests/test_coverage.py tests/test_scorm_package.py tests/test_report_golden.py tests/test_report_golden_t3.py tests/test_question_type_vectors.py

bench: bench-core
	$(PYTHON) bench/bench_export.py
	$(PYTHON) bench/bench_runtime.py
	$(PYTHON) bench/bench_xblocks.py
	$(PYTHON) bench/bench_report.py
	$(PYTHON) bench/bench_hostile.py

# The built-in course compiled for the blocks (xblocks/builtin_course.json): an LMS never parses its YAML.
banks:
	$(PYTHON) scripts/compile_course.py

# Start-up, validate and export on the built-in course, their scaling, the blocks' submit handler.
bench-core:
	$(PYTHON) bench/bench_core.py

# Long fuzz runs (a short seeded slice of each runs in pytest): the YAML loader, the Studio imports and every
# handler; then every report reader and every command's arguments, through the real command.
# FUZZ_EXAMPLES inputs per target, a fresh random seed each run unless FUZZ_SEED is set.
FUZZ_EXAMPLES ?= 5000
FUZZ_SEED ?= $(shell od -An -N4 -tu4 /dev/urandom | tr -d ' ')
fuzz:
	$(PYTHON) tests/fuzz_targets.py all --examples $(FUZZ_EXAMPLES) --seed $(FUZZ_SEED)
	ZHINENG_FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) $(PYTHON) -m pytest -q --hypothesis-seed=$(FUZZ_SEED) tests/test_fuzz_report.py tests/test_fuzz_cli.py

i18n:
	$(PYTHON) scripts/xblocks_i18n.py extract
	$(PYTHON) scripts/xblocks_i18n.py compile
