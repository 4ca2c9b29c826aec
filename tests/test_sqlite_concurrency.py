"""The demo's SQLite database holds several tabs saving at once (autosave racing a save).

Each thread is one request: its own connection, made from the project's SQLite settings, to a
file database; it reads and then writes in one transaction, as a page save does. The
transactions are made to overlap (every thread has read before any writes).
"""

import contextlib
import json
import os
import subprocess
import sys
import threading

import pytest
from django.db import OperationalError, connections, transaction
from django.db.utils import ConnectionHandler

from cms.settings.sqlite import SQLITE_ENGINE, sqlite_options
from tests.test_settings import PROJECT_ROOT

THREADS = 6
ALIAS = "concurrent_save"


def connections_for(path, options):
    return ConnectionHandler(
        {"default": {"ENGINE": SQLITE_ENGINE, "NAME": str(path), "OPTIONS": options}}
    )


def concurrent_saves(path, options, barrier_timeout=2):
    """Run THREADS overlapping read-then-write transactions; return (errors, rows written)."""
    setup = connections_for(path, options)
    with setup["default"].cursor() as cursor:
        cursor.execute("CREATE TABLE revision (id INTEGER PRIMARY KEY, page INTEGER, n INTEGER)")
    setup.close_all()

    barrier = threading.Barrier(THREADS)
    errors = []

    def save(page):
        handler = connections_for(path, options)
        connection = handler["default"]
        # Django's own atomic() on this connection: it is registered for this thread only.
        connections[ALIAS] = connection
        try:
            with transaction.atomic(using=ALIAS), connection.cursor() as cursor:
                cursor.execute("SELECT COUNT(*) FROM revision WHERE page = %s", [page])
                (count,) = cursor.fetchone()
                # Deferred transactions all get here before anyone writes; immediate ones
                # wait for the write lock at BEGIN, so the barrier gives up on them.
                with contextlib.suppress(threading.BrokenBarrierError):
                    barrier.wait(timeout=barrier_timeout)
                cursor.execute("INSERT INTO revision (page, n) VALUES (%s, %s)", [page, count + 1])
        except OperationalError as error:
            errors.append(str(error))
        finally:
            del connections[ALIAS]
            handler.close_all()

    threads = [threading.Thread(target=save, args=(i % 2,)) for i in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    check = connections_for(path, options)
    with check["default"].cursor() as cursor:
        cursor.execute("SELECT COUNT(*) FROM revision")
        (rows,) = cursor.fetchone()
        cursor.execute("PRAGMA journal_mode")
        (journal_mode,) = cursor.fetchone()
    check.close_all()
    return errors, rows, journal_mode


@pytest.fixture(autouse=True)
def own_databases(django_db_blocker):
    """These tests open their own file databases, not the test database."""
    with django_db_blocker.unblock():
        yield


def test_overlapping_saves_all_succeed_with_the_project_settings(tmp_path):
    errors, rows, journal_mode = concurrent_saves(
        tmp_path / "demo.sqlite3", sqlite_options(timeout=20), barrier_timeout=0.5
    )

    assert errors == []
    assert rows == THREADS
    assert journal_mode == "wal"


def test_deferred_transactions_lock_out_overlapping_saves(tmp_path):
    """The same load with SQLite's default (deferred) transactions fails, WAL or not."""
    options = {**sqlite_options(timeout=20), "transaction_mode": None}
    errors, rows, _journal_mode = concurrent_saves(tmp_path / "deferred.sqlite3", options)

    assert errors, "expected 'database is locked' with deferred transactions"
    assert all("database is locked" in error for error in errors)
    assert rows == THREADS - len(errors)


def test_the_demo_database_uses_these_options():
    """cms.settings.dev on its default SQLite database, imported in a clean environment."""
    script = (
        "import json, cms.settings.dev as s; print(json.dumps(s.DATABASES['default']['OPTIONS']))"
    )
    process = subprocess.run(
        [sys.executable, "-c", script],
        cwd=PROJECT_ROOT,
        env={"PATH": os.environ.get("PATH", "")},
        capture_output=True,
        text=True,
        timeout=60,
    )

    assert process.returncode == 0, process.stderr
    assert json.loads(process.stdout) == sqlite_options()
