"""PostgreSQL's ``timestamptz`` values read by psycopg's compiled loader.

Django 5.2 reads every ``timestamptz`` column through a Python subclass of psycopg's pure-Python
loader (``django.db.backends.postgresql.psycopg_any.BaseTzLoader``), which parses each value
with a regular expression and builds the datetime in Python: about 4.9 µs a value, where
psycopg's compiled loader takes 0.6 µs. An API plan detail reads 310 of them in Bokmål and 618
in English (the pages' publication times).

psycopg's compiled loader (from psycopg-binary) gives the same value: an aware datetime in the
session's time zone, which Django sets to UTC (``USE_TZ`` with no ``TIME_ZONE`` of the
database), as ``datetime.timezone.utc``, the time zone Django's loader puts on every value. So
each new connection on such settings reads ``timestamptz`` with the compiled loader, marked
with the ``timezone`` Django's cursors compare before they register their own.
"""

from datetime import UTC

try:
    import psycopg
    from psycopg.adapt import Loader
    from psycopg.pq import Format
except ImportError:  # pragma: no cover - SQLite-only installs
    psycopg = None

TIMESTAMPTZ = "timestamptz"


def compiled_loader():
    """A ``timestamptz`` loader that reads through psycopg's compiled one, marked with Django's
    ``timezone``, or None when psycopg runs without its compiled part. (The compiled class
    cannot be subclassed, so a small Python loader holds one.)"""
    if psycopg is None or psycopg.pq.__impl__ not in ("binary", "c"):
        return None
    compiled = psycopg.adapters.get_loader(psycopg.adapters.types[TIMESTAMPTZ].oid, Format.TEXT)
    if compiled is None or compiled.__module__.startswith("psycopg.types"):  # the Python one
        return None

    class UtcTimestamptzLoader(Loader):
        timezone = UTC

        def __init__(self, oid, context=None):
            super().__init__(oid, context)
            self._compiled = compiled(oid, context).load

        def load(self, data):
            return self._compiled(data)

    return UtcTimestamptzLoader


_LOADER = compiled_loader()


def use_compiled_loader(sender, connection, **kwargs):
    """On ``connection_created``: read ``timestamptz`` with the compiled loader when the
    connection's values are in UTC (see the module's description)."""
    if (
        _LOADER is None
        or connection.vendor != "postgresql"
        or connection.timezone is not UTC
        or connection.timezone_name != "UTC"
    ):
        return
    connection.connection.adapters.register_loader(TIMESTAMPTZ, _LOADER)
