# Two commands on a fresh machine with python3 (3.11+) and make:
#   make run    create .venv, install, open the sample debate
#   make test   the whole suite, headless
# Packaging (README, "Packaging and desktop integration"):
#   make package        build the Linux one-folder bundle into dist/debate-editor/
#   make package-test   run that built program and check the desktop-integration files
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
SEED := seeds/dod-safety.debate

.PHONY: run test fuzz lint bench bench-smoke clean package package-test icons pg bench-pg bench-team

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
	touch $@ $(VENV)/.installed

$(VENV)/.installed-package: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[package]'
	touch $@ $(VENV)/.installed

# Built once from the thread; never rebuilt over a copy someone has edited.
$(SEED): | $(VENV)/.installed
	$(BIN)/python seeds/build_seed.py $@

# Before Qt starts: a desktop lacking Qt's X11 libraries is told which packages to install.
run: $(VENV)/.installed | $(SEED)
	@$(BIN)/python -m debate_editor.ui.desktop_libs
	$(BIN)/debate-editor $(SEED)

lint: $(VENV)/.installed-test
	$(BIN)/ruff check .
	$(BIN)/lint-imports
	$(BIN)/mypy

test: lint
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest $(PYTEST_ARGS)

# A throwaway PostgreSQL server to try things by hand: prints its URL, Ctrl-C stops it and
# removes its data (README, "Testing against PostgreSQL"). PG_FROM=wheel or debian picks one.
pg: $(VENV)/.installed-test
	DEBATE_EDITOR_PG_FROM=$(PG_FROM) $(BIN)/python tests/pg_server.py

# Every property and fuzz test with fresh random seeds and many more examples, for
# exploring (a `make test` run is derandomized: the same examples every time).
FUZZ_EXAMPLES ?= 2000
fuzz: $(VENV)/.installed-test
	HYPOTHESIS_PROFILE=fuzz FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) QT_QPA_PLATFORM=offscreen \
		$(BIN)/python -m pytest -q -p no:cacheprovider --hypothesis-show-statistics \
		$$(grep -l hypothesis tests/test_*.py) $(PYTEST_ARGS)

# Re-render the PNG icon sizes after editing resources/icons/*.svg.
icons: $(VENV)/.installed
	$(BIN)/python packaging/render_icons.py

package: $(VENV)/.installed-package
	$(BIN)/python packaging/render_icons.py --check
	rm -rf dist/debate-editor build/pyinstaller
	$(BIN)/pyinstaller --noconfirm --log-level WARN --distpath dist \
		--workpath build/pyinstaller packaging/debate-editor.spec
	@du -sh dist/debate-editor

package-test: $(VENV)/.installed-package | $(SEED)
	$(BIN)/python packaging/package_test.py --bundle dist/debate-editor --seed $(SEED)
	$(BIN)/python packaging/measure_bundle.py --runs 5 --no-archive

# The benchmark (a table on standard output, the figures in bench-results.json); CI runs
# it only at a smoke size, as part of `make test` (tests/test_bench_smoke.py).
BENCH_SIZES ?= 1000 10000 50000
bench: $(VENV)/.installed
	QT_QPA_PLATFORM=offscreen $(BIN)/python tests/benchmarks/bench.py --sizes $(BENCH_SIZES) \
		--startup-repeats 5 --json bench-results.json

# A PostgreSQL server's start in the test fixture, and a bare one-row commit on it beside
# SQLite's (tests/benchmarks/pg_commit.py).
bench-pg: $(VENV)/.installed-test
	$(BIN)/python tests/benchmarks/pg_commit.py --json bench-results-pg.json

# Team debates on a throwaway server (tests/benchmarks/bench_team.py): an edit's commit
# beside a bare one, one member's commit to another's window repainted, a big debate
# opened from the server beside a file. Apart from `bench`, which needs no server.
bench-team: $(VENV)/.installed-test
	QT_QPA_PLATFORM=offscreen $(BIN)/python tests/benchmarks/bench_team.py \
		--json bench-results-team.json

bench-smoke: $(VENV)/.installed
	QT_QPA_PLATFORM=offscreen $(BIN)/python tests/benchmarks/bench.py --sizes 200 --repeats 1 \
		--edits 20 --no-argdown --json bench-results-smoke.json

clean:
	rm -rf $(VENV) build dist .pytest_cache .hypothesis .ruff_cache .mypy_cache *.egg-info
