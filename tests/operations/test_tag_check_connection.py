"""The check of a cached body is the health check of a persistent connection: a connection that
died since the last request is replaced, and the check answers; a live one is not checked
again."""

import psycopg
import pytest
from django.db import DEFAULT_DB_ALIAS, connection, connections
from django.http import HttpResponse

from cms.api.caching import render_entry
from cms.api.generation import current_generation
from cms.api.validity import checking_connection

# A fault test on a real (not atomic) connection: its database is emptied afterwards, so it
# runs with the slow tests, which pytest-django orders after the tests that need the rows.
pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]


def _terminate(pid):
    params = connection.settings_dict
    with psycopg.connect(
        dbname=params["NAME"],
        user=params["USER"],
        host=params["HOST"] or "127.0.0.1",
        port=params["PORT"] or 5432,
        password=params["PASSWORD"] or None,
        autocommit=True,
    ) as other:
        other.execute("SELECT pg_terminate_backend(%s)", [pid])


def _persistent_connection_at_a_new_request():
    """As with CONN_MAX_AGE > 0 and CONN_HEALTH_CHECKS, when Django starts a request."""
    connection.ensure_connection()
    connection.health_check_enabled = True
    connection.close_at = None
    connection.close_if_unusable_or_obsolete()


def test_a_dead_persistent_connection_is_replaced_by_the_check(settings):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL")
    _persistent_connection_at_a_new_request()  # a new request: the connection is not checked
    assert connection.connection is not None and not connection.health_check_done
    pid = connection.connection.info.backend_pid
    _terminate(pid)
    assert checking_connection(current_generation).value >= 0
    assert connection.connection.info.backend_pid != pid


def test_a_live_connection_is_checked_by_the_query_alone():
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL")
    _persistent_connection_at_a_new_request()
    pid = connection.connection.info.backend_pid
    assert checking_connection(current_generation).value >= 0
    assert connection.health_check_done
    assert connection.connection.info.backend_pid == pid


def test_a_miss_reads_the_generation_as_the_health_check(monkeypatch):
    """A response rendered on a persistent connection sends no ``SELECT 1`` of Django's
    health check before its first query: reading the generation checks the connection."""
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL")
    _persistent_connection_at_a_new_request()
    db = connections[DEFAULT_DB_ALIAS]
    checks = []
    is_usable = db.is_usable
    monkeypatch.setattr(db, "is_usable", lambda: checks.append("SELECT 1") or is_usable())
    entry = render_entry(lambda: HttpResponse(b"{}", content_type="application/json"))
    assert entry.version == current_generation().value
    assert checks == []
    assert db.health_check_done
