# danchu — run `make help` for the targets. Quick start: `make demo`, `make test`.
SHELL := /bin/bash
VENV := .venv
BIN := $(VENV)/bin
# Django 6 needs Python 3.12+: take the newest one found (PATH first, then pyenv's versions).
PYTHON ?= $(shell for c in python3.14 python3.13 python3.12 $$(ls -d /root/.pyenv/versions/3.1[2-9]*/bin/python3 $$HOME/.pyenv/versions/3.1[2-9]*/bin/python3 2>/dev/null | sort -rV) python3; do \
	command -v $$c >/dev/null 2>&1 && $$c -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null && { echo $$c; break; }; done)
STAMP := $(VENV)/.installed
# Python keeps the bytecode it compiles (in __pycache__, git-ignored) even where the environment
# says not to: without it every run compiles the project again, and pytest rewrites every test
# module again, about 7 s of each suite half's start here.
unexport PYTHONDONTWRITEBYTECODE

.PHONY: help install demo test test-sqlite test-postgres test-browser lint format messages check-deploy bench clean

help: ## Show this help
	@grep -hE '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-15s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml
	@if [ -z "$(PYTHON)" ]; then echo "danchu needs Python 3.12 or newer (Django 6); none was found." >&2; exit 1; fi
	@echo "Creating $(VENV) with $(PYTHON)"
	@[ -x $(BIN)/python ] || $(PYTHON) -m venv $(VENV)
	@$(BIN)/pip install -q --disable-pip-version-check -e '.[dev]'
	@if command -v msgfmt >/dev/null 2>&1 && ls locale/*/LC_MESSAGES/*.po >/dev/null 2>&1; then \
		$(BIN)/danchu compilemessages -v 0 --ignore '.venv/*' >/dev/null; fi
	@touch $(STAMP)

install: $(STAMP) ## Create .venv and install the pinned dependencies

demo: install ## Set up SQLite, load the demo data from the seed report and serve on http://127.0.0.1:8000
	@$(BIN)/danchu demo

test: install ## Run the whole suite: SQLite, then PostgreSQL (started here if needed), browser tests included
	@scripts/run-tests

test-sqlite: install ## The suite on SQLite only
	@$(BIN)/pytest

test-postgres: install ## The suite on a throwaway PostgreSQL cluster
	@scripts/with-postgres $(BIN)/pytest -m "not browser"

test-browser: install ## Only the browser tests (Chromium through Playwright)
	@$(BIN)/pytest -m browser

lint: install ## ruff lint + format check, and missing migrations
	@$(BIN)/ruff check .
	@$(BIN)/ruff format --check .
	@$(BIN)/danchu makemigrations --check --dry-run >/dev/null

format: install ## Format the code with ruff
	@$(BIN)/ruff format .
	@$(BIN)/ruff check --fix .

messages: install ## Extract and compile the English translation
	@$(BIN)/danchu makemessages -l en --no-location --no-obsolete --ignore '.venv/*' --ignore 'var/*' >/dev/null
	@$(BIN)/danchu compilemessages --ignore '.venv/*' >/dev/null

check-deploy: install ## Django's deployment checks with production settings
	@DANCHU_ENV=production SECRET_KEY=$$(head -c 48 /dev/urandom | base64) FIELD_ENCRYPTION_KEY=$$($(BIN)/python -c 'import base64,os;print(base64.urlsafe_b64encode(os.urandom(32)).decode())') \
		ALLOWED_HOSTS=danchu.example.vn CACHE_URL=db TASKS_BACKEND=django_tasks_db.DatabaseBackend DATABASE_URL=sqlite:///$$(mktemp -d)/deploy.sqlite3 $(BIN)/danchu check --deploy --fail-level WARNING

bench: install ## Run the benchmarks in bench/ and write bench/results/
	@$(BIN)/python -m bench.run

clean: ## Remove .venv and var/
	rm -rf $(VENV) var static-collected
