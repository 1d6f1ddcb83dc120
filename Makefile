# The two commands: `make run` builds data/warehouse.duckdb from the bundled sample;
# `make test` runs the tests. Each sets up its own environment from uv.lock first.
# `make serve` hosts the nightly schedule and the sensors (docs/operations.md).
# For analysts: `make query` (read-only SQL shell on the snapshot), `make docs` (offline dbt docs site).
SHELL := /bin/bash
UV_VERSION := 0.13.9
UV := $(shell command -v uv 2>/dev/null || echo $(HOME)/.local/bin/uv)
export DAGSTER_HOME := $(CURDIR)/.dagster_home
export DO_NOT_TRACK := 1
export DAGSTER_DISABLE_TELEMETRY := 1
export GX_ANALYTICS_ENABLED := false
RUN := $(UV) run --frozen --no-sync
DATA_DIR := $(or $(WAREHOUSE_DATA_DIR),data)
PORT ?= 3000

.PHONY: run rebuild test dev serve env manifest sample lint benchmark benchmark-full rollback clean query docs

$(UV):
	python3 -m pip install --quiet --user "uv==$(UV_VERSION)"

env: $(UV)
	$(UV) sync --frozen
	mkdir -p $(DAGSTER_HOME) && cp dagster.yaml $(DAGSTER_HOME)/dagster.yaml

manifest: env
	cd dbt && $(RUN) dbt parse --profiles-dir . --quiet

# The job's last asset (reports/annual_report) writes data/reports/<year>-<month>/; summary prints where.
# The terminal shows one line per stage and the run's summary (stderr); the run's stdout, with dbt's
# echo of every model and test, goes to $(DATA_DIR)/logs/make-run.log.
run: manifest
	@mkdir -p $(DATA_DIR)/logs
	@echo "full output: $(DATA_DIR)/logs/make-run.log"
	$(RUN) dg launch -m dagster_project.definitions --job warehouse_refresh \
		--config-json '{"loggers": {"progress": {}}}' > $(DATA_DIR)/logs/make-run.log
	$(RUN) python -m dagster_project.cli summary

# A refresh builds only the dbt models downstream of what was loaded since the last build
# (dagster_project/assets/dbt_selection.py); `make rebuild` forgets that state, so every model is built
# again from raw (dbt --full-refresh) and gives the same tables.
rebuild: manifest
	rm -f $(DATA_DIR)/build/dbt_build_state.json
	$(MAKE) run

test: manifest
	$(RUN) pytest -n 2 --dist loadfile --no-loadscope-reorder --durations=30

dev: manifest
	$(RUN) dagster dev -m dagster_project.definitions --host 127.0.0.1 --port $(PORT)

# The deployment: the daemon (nightly schedule, inbox sensor, run-failure alerts, run queue and run
# monitoring) and the UI on loopback. When either stops, the other is stopped too, so a supervisor
# (systemd, docs/operations.md) restarts both.
serve: manifest
	trap 'kill $$(jobs -p) 2>/dev/null' EXIT; \
	$(RUN) dagster-daemon run -m dagster_project.definitions & \
	$(RUN) dagster-webserver -m dagster_project.definitions --host 127.0.0.1 --port $(PORT) & \
	wait -n

sample: env
	$(RUN) python -m sample_generator

# Python (ruff) and SQL (sqlfluff, dbt templater on an in-memory database: no build needed). Every check
# runs and reports; the target fails if any of them did. The dbt templater skips the macro files
# themselves, with a warning for each.
SQL_DIRS := dbt/models dbt/macros dbt/tests
lint: env
	@status=0; \
	$(RUN) ruff check . || status=1; \
	$(RUN) ruff format --check . || status=1; \
	$(RUN) sqlfluff lint $(SQL_DIRS) || status=1; \
	exit $$status

# The air-only scale inbox (sample_generator/scale.py) against the lower bound and pandas; the last line
# of the output is one JSON object. Quick: 4 stations × 1 year; full: 100 × 5, rewrites docs/performance.md.
benchmark: manifest
	$(RUN) python benchmarks/run_benchmark.py

benchmark-full: manifest
	$(RUN) python benchmarks/run_benchmark.py --full

query: env
	$(RUN) python -m dagster_project.query

# needs a build (`make run`): the catalogue is read from data/build/warehouse.duckdb
docs: manifest
	$(RUN) python -m dagster_project.docs_site

rollback: env
	$(RUN) python -m dagster_project.cli rollback

clean:
	rm -rf data dbt/target dbt/logs
