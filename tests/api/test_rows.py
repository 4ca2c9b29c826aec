"""Inline rows read as dicts (``cms.api.rows``): the same rows from the database as from memory,
and page ids passed as one array parameter."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cms.api.arrays import id_in
from cms.api.rows import load_rows, rows_of
from plan.api.measures import MEASURE_ROWS
from plan.models import MeasurePage


def test_rows_loaded_in_bulk_equal_the_rows_in_memory(content):
    """The plan's measures read in one query per relation show the same rows, in the same
    order, as each measure's own relations (what a preview reads)."""
    measures = list(MeasurePage.objects.filter(pk__in=[m.pk for m in content.measures]))
    bulk = load_rows(
        list(MeasurePage.objects.filter(pk__in=[m.pk for m in measures]).order_by("pk")),
        MEASURE_ROWS.values(),
    )
    in_memory = sorted(measures, key=lambda m: m.pk)
    compared = 0
    for loaded_measure, measure in zip(bulk, in_memory, strict=True):
        for spec in MEASURE_ROWS.values():
            expected = rows_of(measure, spec)
            assert rows_of(loaded_measure, spec) == expected, spec.relation
            compared += len(expected)
    assert compared > 0


def test_rows_are_read_in_one_query_per_relation(content):
    measures = list(MeasurePage.objects.filter(pk__in=[m.pk for m in content.measures]))
    with CaptureQueriesContext(connection) as queries:
        load_rows(measures, MEASURE_ROWS.values())
    assert len(queries) == len(MEASURE_ROWS)


@pytest.mark.parametrize("which", ["none", "one", "measures", "measures and missing"])
def test_id_in_finds_what_in_finds(content, which):
    known = [m.pk for m in content.measures]
    ids = {
        "none": [],
        "one": known[:1],
        "measures": known,
        "measures and missing": [*known, 10**9],
    }[which]
    with CaptureQueriesContext(connection) as queries:
        found = set(MeasurePage.objects.filter(id_in("pk", ids)).values_list("pk", flat=True))
    assert found == set(MeasurePage.objects.filter(pk__in=ids).values_list("pk", flat=True))
    if connection.vendor == "postgresql" and ids:
        assert "= ANY(" in queries[0]["sql"]
