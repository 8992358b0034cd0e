# ALGA Campus — the two commands: `make run` and `make test`. See README.md.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
UV     := $(shell command -v uv 2>/dev/null || echo .tools/bin/uv)
NPM    := npm --prefix frontend

.PHONY: help install frontend-deps frontend run test test-python test-frontend api-types check-api-types ruff mypy lint bench clean

help:
	@echo "make run    start everything (SQLite under var/), print the URL; Ctrl-C stops"
	@echo "make test   every test: Python (SQLite, and PostgreSQL if TEST_DATABASE_URL), frontend, e2e"
	@echo "make bench  benchmarks, results in bench/results/"
	@echo "make lint   ruff + mypy;  make api-types  regenerate the SPA's API types"

.tools/bin/uv:
	$(PYTHON) -m venv .tools
	.tools/bin/pip install --quiet --disable-pip-version-check uv

# The Python workspace: every service, the gateway and the launcher, editable, from uv.lock.
$(VENV)/.synced: pyproject.toml uv.lock $(wildcard services/*/pyproject.toml gateway/pyproject.toml infra/devstack/pyproject.toml) | $(UV)
	$(UV) sync --all-packages --frozen --python $(PYTHON)
	@touch $@

install: $(VENV)/.synced

frontend/node_modules/.package-lock.json: frontend/package-lock.json
	$(NPM) ci --no-audit --no-fund
	@touch $@

frontend-deps: frontend/node_modules/.package-lock.json

frontend: frontend-deps
	$(NPM) run build

run: install frontend
	$(PY) -m devstack

# Frontend checks first, Python last: pytest's summary line is the last thing printed.
test: install frontend-deps check-api-types test-frontend frontend ruff mypy test-python

test-frontend: frontend-deps
	$(NPM) test

test-python: install
	$(PY) -m pytest

# The SPA's API types come from the services' OpenAPI, merged as the gateway merges it.
api-types: install frontend-deps
	$(PY) -m devstack.openapi_dump frontend/openapi/alga.json
	$(NPM) run gen:api

check-api-types: install frontend-deps
	@tmp=$$(mktemp -d); \
	$(PY) -m devstack.openapi_dump $$tmp/alga.json && \
	if ! diff -q $$tmp/alga.json frontend/openapi/alga.json >/dev/null; then \
	  echo "frontend/openapi/alga.json is stale: run 'make api-types' and commit the result"; exit 1; fi
	$(NPM) run check:api

ruff: install
	$(VENV)/bin/ruff check .

mypy: install
	$(VENV)/bin/mypy $(wildcard services/*/src) gateway/src infra/devstack/src

lint: ruff mypy

# Every bench/*_bench.py in turn; each writes its figures to bench/results/.
bench: install frontend
	@set -e; for script in bench/*_bench.py; do echo "== $$script"; $(PY) $$script; done

clean:
	rm -rf var .pytest_cache frontend/dist
