"""The generation read of every cache hit (``cms.api.quick_read``): the same answer as the
ORM's, errors as Django's, and execute wrappers still see it."""

from datetime import UTC, datetime

import pytest
from django.db import DatabaseError, IntegrityError, connection, transaction

from cms.api import quick_read
from cms.api.generation import bump_generation, current_generation, current_generation_mark
from cms.api.models import ContentGeneration

pytestmark = pytest.mark.django_db


def test_the_mark_is_the_one_of_the_generation_read_through_the_orm():
    bump_generation()
    assert current_generation_mark() == current_generation().mark
    bump_generation()
    mark = current_generation_mark()
    assert mark == current_generation().mark
    assert mark[0] == current_generation().value


def test_the_stamp_is_the_time_of_the_change_in_microseconds():
    bump_generation()
    generation = current_generation()
    stamp = datetime.fromtimestamp(generation.stamp / 1_000_000, tz=UTC)
    assert abs((stamp - generation.changed_at).total_seconds()) < 0.000_002
    assert generation.mark == (generation.value, generation.stamp)


def test_the_generation_is_one_row():
    """The hit reads the table without a WHERE clause: a second row would be read by chance."""
    bump_generation()
    with pytest.raises(IntegrityError), transaction.atomic():
        ContentGeneration.objects.create(pk=2, value=99, changed_at=datetime.now(UTC))


@pytest.mark.skipif(not quick_read.available(), reason="libpq is read on PostgreSQL only")
def test_an_error_is_djangos_and_leaves_the_connection_usable():
    with pytest.raises(DatabaseError, match="no_such_table"), transaction.atomic():
        quick_read.read_integers("SELECT 1 FROM no_such_table")
    assert quick_read.read_integers("SELECT 2, 3") == (2, 3)
    assert quick_read.read_integers("SELECT 1 WHERE false") is None


def test_execute_wrappers_see_the_read():
    seen = []

    def record(execute, sql, params, many, context):
        seen.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(record):
        mark = current_generation_mark()
    assert mark == current_generation().mark
    assert len(seen) == 1 and "api_contentgeneration" in seen[0]
