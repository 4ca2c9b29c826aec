# Handlingsplan CMS. `make demo` and `make test` are all a newcomer needs.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV ?= .venv
BIN := $(VENV)/bin
PORT ?= 8000
# The demo's links (printed admin URL, e-mails, media URLs) point at the port it serves on.
export WAGTAILADMIN_BASE_URL ?= http://127.0.0.1:$(PORT)
MANAGE := $(BIN)/python manage.py

.PHONY: demo install install-test messages migrate load-demo serve backup restore test test-fast test-slow test-browser website-dist lint format clean

$(VENV)/.installed: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $@

install: $(VENV)/.installed

install-test: $(VENV)/.installed-test

messages: install
	$(MANAGE) compile_translations

migrate: messages
	$(MANAGE) migrate --noinput

load-demo: migrate
	$(MANAGE) load_demo_content

demo: load-demo
	$(MANAGE) runserver 127.0.0.1:$(PORT)

# Debian's Chromium drives the browser tests (Playwright never downloads one).
CHROMIUM_PATH ?= /usr/bin/chromium
export CHROMIUM_PATH
# Production-style serving: gunicorn with gunicorn.conf.py (workers from the CPU count, timeouts,
# access log) and the production settings, against DATABASE_URL. Needs SECRET_KEY and
# ALLOWED_HOSTS; run `manage.py migrate` and `collectstatic` first (docs/deployment.md).
serve: install messages
	$(BIN)/gunicorn --config gunicorn.conf.py

# Backups: `make backup` writes backups/handlingsplan-<UTC time>.dump (pg_dump, custom format)
# and ….media.tar.gz (MEDIA_ROOT); `make restore FILE=backups/handlingsplan-<time>.dump` restores
# both into the database of DATABASE_URL, which must be empty. BACKUP_DIR overrides the folder.
BACKUP_DIR ?= backups
backup: install messages
	$(MANAGE) backup --dir "$(BACKUP_DIR)"

restore: install messages
	test -n "$(FILE)" || { echo "Usage: make restore FILE=backups/handlingsplan-<time>.dump"; exit 2; }
	$(MANAGE) restore "$(FILE)"

# The whole suite. DATABASE_URL chooses the database (SQLite when unset; CI uses PostgreSQL).
# The browser tests follow when Chromium is installed and the database is PostgreSQL.
test: install-test messages
	$(BIN)/python -m pytest -n 2 --dist loadfile -m "not slow"
	@if [ ! -x "$(CHROMIUM_PATH)" ]; then \
	  echo "*** SKIPPED the browser tests: no Chromium at $(CHROMIUM_PATH) (apt-get install chromium) ***"; \
	elif [ "$${DATABASE_URL#postgres}" = "$${DATABASE_URL}" ]; then \
	  echo "*** SKIPPED the browser tests: they need PostgreSQL (DATABASE_URL=postgres://…) ***"; \
	else $(MAKE) --no-print-directory test-browser; fi

# Real-browser tests alone (Playwright + Chromium against a live server on PostgreSQL).
test-browser: install-test messages
	$(BIN)/python -m pytest -m browser -p no:xdist

test-slow: install-test messages
	$(BIN)/python -m pytest -m "slow and not browser"

# The reference website for a host of its own: make website-dist API_BASE_URL=https://cms…
WEBSITE_DIST ?= build/website
website-dist:
	@test -n "$(API_BASE_URL)" || { echo "Set API_BASE_URL, e.g. make website-dist API_BASE_URL=https://cms.example.no" >&2; exit 1; }
	rm -rf $(WEBSITE_DIST) && mkdir -p $(WEBSITE_DIST) && cp -R website/. $(WEBSITE_DIST)/
	printf '// Written by make website-dist.\nexport const API_BASE_URL = "%s";\n' "$(API_BASE_URL)" > $(WEBSITE_DIST)/config.js

lint: install-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install-test
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

clean:
	rm -rf $(VENV) db.sqlite3 media static
