"""One row of integers read from the database at the lowest cost a Python process can pay: the
content generation, which every cache hit reads (``cms.api.validity``).

Through a Django cursor, psycopg sends a query with its extended protocol and reads the row
through its adapters: measured on PostgreSQL 15, about 40 µs of this process's CPU and 45 µs of
the server's per query, 80–140 µs of wall time. psycopg's ``Connection.pgconn``, the libpq
connection it documents for "low level commands", sends the same SQL as one simple query
(libpq's ``PQexec``, which releases the GIL while it waits) and gives the values as text: about
13 µs and 27 µs of CPU and 40 µs of wall time. The SQL has no parameters (nothing is
interpolated) and no prepared statement is made, so a transaction-mode connection pooler in
front of PostgreSQL works as with Django's queries.

What a Django cursor does for a query is kept: the connection is checked and opened as for a
cursor (after a failed health check, a new one), a query inside a broken atomic block is
refused, errors become Django's database errors and mark the connection (so a connection that
is no longer usable is closed at the end of the request), and the query is logged when queries
are (``DEBUG``, ``CaptureQueriesContext``). With execute wrappers installed, or on another
database than PostgreSQL with psycopg 3, :func:`available` is false: the caller reads through a
Django cursor as for any other query.
"""

import time

from django.db import DEFAULT_DB_ALIAS, connections

try:
    import psycopg
    from psycopg import pq
except ImportError:  # pragma: no cover - SQLite-only installs
    psycopg = None


_TUPLES_OK = pq.ExecStatus.TUPLES_OK if psycopg is not None else None


def available(db=None):
    """Whether :func:`read_integers` can be used on the default database (``db``, its
    connection handler when the caller has it) now."""
    db = db or connections[DEFAULT_DB_ALIAS]
    return (
        psycopg is not None
        and db.vendor == "postgresql"
        and not db.execute_wrappers
        and hasattr(db.Database, "pq")  # psycopg 3, not psycopg2
    )


def read_integers(sql, db=None):
    """The first row of ``sql`` (a constant query on PostgreSQL whose columns are integers) as a
    tuple of ints, or None when it returns no row; ``db`` as for :func:`available`."""
    db = db or connections[DEFAULT_DB_ALIAS]  # not the proxy: each of its attributes is a lookup
    db.validate_thread_sharing()
    db.validate_no_broken_transaction()
    db.close_if_health_check_failed()
    db.ensure_connection()
    started = time.monotonic()
    with db.wrap_database_errors:
        result = _execute(db.connection.pgconn, sql.encode())
    if db.queries_logged:
        duration = time.monotonic() - started
        db.queries_log.append({"sql": sql, "time": f"{duration:.3f}"})
    if not result.ntuples:
        return None
    return tuple(int(result.get_value(0, column)) for column in range(result.nfields))


def _execute(pgconn, command):
    """``command``'s result, or the error psycopg would raise for it."""
    result = pgconn.exec_(command)
    if result.status == _TUPLES_OK:
        return result
    if pgconn.status == pq.ConnStatus.BAD:  # the server closed the connection
        raise psycopg.OperationalError(result.get_error_message() or "connection lost")
    raise psycopg.errors.error_from_result(result)
