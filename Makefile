# Handlingsplan CMS. `make demo` and `make test` are all a newcomer needs.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV ?= .venv
BIN := $(VENV)/bin
PORT ?= 8000
# The demo's links (printed admin URL, e-mails, media URLs) point at the port it serves on.
export WAGTAILADMIN_BASE_URL ?= http://127.0.0.1:$(PORT)
MANAGE := $(BIN)/python manage.py

.PHONY: demo install install-test messages migrate load-demo serve test test-fast test-slow lint format clean

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
