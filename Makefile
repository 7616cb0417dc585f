# The two commands of the README: `make run` and `make test`. Both work on a fresh machine.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: run test install lint check test-sqlite test-postgres fixtures clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[test]"
	touch $@

install: $(VENV)/.installed

## run: set up, load the seed archive into SQLite and serve it at http://127.0.0.1:8000
run: install
	DEBUG=1 $(BIN)/python manage.py migrate --no-input
	DEBUG=1 $(BIN)/python manage.py loaddata archive
	DEBUG=1 $(BIN)/python manage.py runserver 127.0.0.1:8000

## test: set up, then lint, check and run the whole suite on SQLite and on a throwaway PostgreSQL
test: install
	scripts/ensure-chromium
	$(MAKE) --no-print-directory lint check test-sqlite test-postgres

lint:
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

check:
	SECRET_KEY=check $(BIN)/python manage.py check --fail-level WARNING
	SECRET_KEY=check $(BIN)/python manage.py makemigrations --check --dry-run
	SECRET_KEY=check $(BIN)/python manage.py build_fixtures --check --verbosity 0

test-sqlite:
	$(BIN)/python -m pytest

test-postgres:
	scripts/with-postgres $(BIN)/python -m pytest

## fixtures: rebuild fixtures/archive.json from fixtures/documents/ and fixtures/curation.json
fixtures: install
	SECRET_KEY=build $(BIN)/python manage.py build_fixtures

clean:
	rm -rf $(VENV) db.sqlite3 staticfiles test-artifacts
