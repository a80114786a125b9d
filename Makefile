# Convivir: the README's commands.
#   make run    create .venv, install, migrate, load the demo, serve on :8000
#   make test   install what the tests need, lint, check migrations, run the suite
#   make bench  measure page speed and memory into benchmarks/results.md

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
# Local development: debug on, SQLite, e-mail to files, tasks run at once.
DEV_ENV := DEBUG=true BASE_URL=http://$(HOST):$(PORT)

.PHONY: run serve install install-dev test lint format check-migrations \
	browser-deps java-deps node-deps gettext messages bench bench-deps audit clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@ $(VENV)/.installed

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

run: install
	$(DEV_ENV) $(BIN)/python manage.py migrate --noinput
	$(DEV_ENV) $(BIN)/python manage.py load_demo
	$(DEV_ENV) $(BIN)/python manage.py collectstatic --noinput --verbosity 0
	@echo
	@echo "Convivir is starting on http://$(HOST):$(PORT)/  (Spanish: /es/, English: /en/)"
	@test -f var/demo-login.txt && echo "Admin: http://$(HOST):$(PORT)/admin/  $$(cat var/demo-login.txt)" || true
	@echo
	$(DEV_ENV) $(BIN)/python manage.py runserver $(HOST):$(PORT)

serve: install
	$(DEV_ENV) $(BIN)/python manage.py runserver $(HOST):$(PORT)

# Debian's chromium drives the browser tests (Playwright cannot download a
# browser here). Installed once, when missing.
browser-deps:
	@command -v chromium >/dev/null 2>&1 || { \
		echo "Installing Debian's chromium for the browser tests"; \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends chromium; }

# The Nu HTML Checker (vnu.jar, from npm's vnu-jar) checks every public page
# type; it runs on Java. npm installs it into node_modules/ whenever
# package-lock.json is newer; Debian's headless JRE when java is missing.
java-deps:
	@command -v java >/dev/null 2>&1 || { \
		echo "Installing Debian's Java runtime for the HTML checker"; \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends default-jre-headless; }

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --ignore-scripts
	touch $@

node-deps: java-deps node_modules/.installed

lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install-dev
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

check-migrations: install-dev
	$(DEV_ENV) $(BIN)/python manage.py makemigrations --check --dry-run

# The suite runs in one process per core; the demo tests share one of them.
TEST_PROCESSES ?= auto

test: install-dev browser-deps node-deps lint check-migrations
	$(BIN)/pytest -n $(TEST_PROCESSES) --dist loadgroup

# gettext's msgfmt/msgen, only needed to update translations.
gettext:
	@command -v msgfmt >/dev/null 2>&1 || { \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends gettext; }

# Refresh the catalogs after changing strings: Spanish is translated by hand
# in the .po files; English catalogs copy each msgid (msgen).
messages: install-dev gettext
	$(DEV_ENV) $(BIN)/python manage.py makemessages -l es -l en --no-obsolete \
		--ignore=.venv --ignore=tests --ignore=benchmarks --ignore=static_collected \
		--ignore=media --ignore=var
	for po in $$(find . -path ./.venv -prune -o -path '*/locale/en/LC_MESSAGES/*.po' -print); do \
		msgattrib --clear-fuzzy --empty "$$po" -o "$$po" && msgen "$$po" -o "$$po"; done
	$(DEV_ENV) $(BIN)/python manage.py compilemessages --ignore=.venv

# wrk (Debian's package) loads gunicorn in the load benchmark.
bench-deps:
	@command -v wrk >/dev/null 2>&1 || { \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends wrk; }

# On PostgreSQL, as in production (the database below is made afresh; Redis
# keeps the cache when it answers). BENCH=load runs one part only.
BENCH_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/convivir_bench
bench: install-dev browser-deps node-deps bench-deps
	.ci/services
	BENCH_DATABASE_URL=$(BENCH_DATABASE_URL) $(BIN)/python benchmarks/run.py $(BENCH)

# Known vulnerabilities in every installed package (PyPI's advisory data;
# add "-s osv" for OSV's). Fails when a package could not be checked.
audit: install-dev
	$(BIN)/pip-audit --local --strict --progress-spinner off

clean:
	rm -rf $(VENV) node_modules db.sqlite3 media static_collected var .pytest_cache .ruff_cache
