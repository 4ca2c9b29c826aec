"""SQLite options for the zero-setup demo: several tabs and autosave without "database is locked".

- WAL lets readers go on while one connection writes.
- ``transaction_mode = IMMEDIATE`` takes the write lock when a transaction starts. With SQLite's
  default (DEFERRED) a transaction that reads and then writes fails at once with "database is
  locked" when another connection wrote in between (SQLite cannot wait for that case); an
  immediate transaction waits for the lock instead, up to ``timeout`` seconds.
"""

from .env import env_int

SQLITE_ENGINE = "django.db.backends.sqlite3"


def sqlite_options(timeout=None):
    """The OPTIONS of a SQLite database (Django 5.1+: ``init_command``, ``transaction_mode``)."""
    return {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": timeout if timeout is not None else env_int("SQLITE_TIMEOUT", 20),
    }
