# Handlingsplan CMS. `make demo` and `make test` are all a newcomer needs.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV ?= .venv
BIN := $(VENV)/bin
PORT ?= 8000
# The demo's links (printed admin URL, e-mails, media URLs) point at the port it serves on.
export WAGTAILADMIN_BASE_URL ?= http://127.0.0.1:$(PORT)
MANAGE := $(BIN)/python manage.py

.PHONY: demo install install-test messages migrate load-demo serve backup restore test test-fast test-slow lint format clean

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
test: install-test messages
	$(BIN)/python -m pytest -n 2 -m "not slow"

test-slow: install-test messages
	$(BIN)/python -m pytest -m slow

lint: install-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install-test
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

clean:
	rm -rf $(VENV) db.sqlite3 media static
