"""PostgreSQL's timestamps are read by psycopg's compiled loader, with the values Django's own
loader gives (see core/timestamps.py)."""

from datetime import UTC, datetime, timedelta, timezone

import pytest
from django.db import connection
from django.db.backends.postgresql.psycopg_any import BaseTzLoader, register_tzloader
from django.utils import timezone as django_timezone
from psycopg.pq import Format

from core.timestamps import TIMESTAMPTZ
from plan.models import ActionPlanPage
from tests.factories import make_plan

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="a loader of psycopg"),
]

#: Values as PostgreSQL writes them, and what they are.
VALUES = {
    "2026-12-08 01:02:03.456789+00": datetime(2026, 12, 8, 1, 2, 3, 456789, tzinfo=UTC),
    "2024-03-31 02:30:00+02": datetime(2024, 3, 31, 0, 30, tzinfo=UTC),
    "1999-12-31 23:59:59-05": datetime(2000, 1, 1, 4, 59, 59, tzinfo=UTC),
    "0001-01-01 00:00:00+00": datetime(1, 1, 1, tzinfo=UTC),
}


def _read(cursor, values):
    placeholders = ", ".join(["%s::timestamptz"] * len(values))
    cursor.execute(f"SELECT {placeholders}", list(values))
    return list(cursor.fetchone())


def test_a_timestamp_is_read_as_django_reads_it():
    connection.ensure_connection()
    loader = connection.connection.adapters.get_loader(
        connection.connection.adapters.types[TIMESTAMPTZ].oid, Format.TEXT
    )
    assert not issubclass(loader, BaseTzLoader), "Django's Python loader is still used"
    with connection.cursor() as cursor:
        read = _read(cursor, VALUES)
    assert read == list(VALUES.values())
    assert all(value.tzinfo is UTC for value in read)

    # Django's own loader, on a cursor of its own, gives the same values.
    with connection.cursor() as cursor:
        register_tzloader(UTC, cursor.cursor)
        assert _read(cursor, VALUES) == read


def test_a_page_keeps_its_publication_time():
    tree = make_plan(strategies=1, measures_per_strategy=1)
    moment = django_timezone.now().replace(microsecond=123456) - timedelta(days=3)
    ActionPlanPage.objects.filter(pk=tree.plan.pk).update(last_published_at=moment)
    read = ActionPlanPage.objects.get(pk=tree.plan.pk).last_published_at
    assert read == moment
    assert read.tzinfo is UTC
    assert read.astimezone(timezone(timedelta(hours=1))) == moment
