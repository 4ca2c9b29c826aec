"""A cached body is checked in one small query: the generation's row while this process knows
the body valid at the current generation, its tags otherwise; a change made by another process
is seen at once."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cms.api import generation, validity
from cms.api.generation import bump_tags


@pytest.fixture(autouse=True)
def _nothing_known_valid(monkeypatch):
    """Each test starts as a new process: no body is known valid yet (the tests' installs
    give the same bodies the same keys and ETags)."""
    monkeypatch.setattr(validity, "_valid_at", {})


@pytest.fixture
def elsewhere(monkeypatch):
    """Make a change as another process would: this process does not count it as its own."""

    def change(do):
        bumps = generation.bumps_in_process
        do()
        monkeypatch.setattr(generation, "bumps_in_process", bumps)

    return change


def hit_queries(get, url):
    with CaptureQueriesContext(connection) as queries:
        response = get(url)
    assert response.status_code == 200
    return response, [query["sql"] for query in queries]


def test_a_known_body_costs_one_lookup_of_the_generation(get, content):
    url = f"/api/v1/plans/{content.plan.pk}/"
    get(url)
    _response, first = hit_queries(get, url)
    assert len(first) == 1 and "api_cachetag" in first[0]
    _response, later = hit_queries(get, url)
    assert len(later) == 1 and "api_cachetag" not in later[0]


def test_another_process_changing_something_else_costs_one_check_of_the_tags(
    get, content, elsewhere
):
    url = f"/api/v1/plans/{content.plan.pk}/"
    get(url)
    get(url)
    before = get(url)
    elsewhere(lambda: bump_tags({"u:something-else"}))
    after, queries = hit_queries(get, url)
    assert after.content == before.content
    assert len(queries) == 2 and "api_cachetag" in queries[1]
    _response, later = hit_queries(get, url)
    assert len(later) == 1 and "api_cachetag" not in later[0]


def test_a_publish_by_another_process_is_seen_at_once(get, content, elsewhere):
    url = f"/api/v1/plans/{content.plan.pk}/"
    for _ in range(3):  # the body is known valid at the current generation
        get(url)

    def publish():
        measure = content.fresh(content.measures[0])
        measure.title = "Publisert av en annen server"
        measure.save_revision().publish()

    elsewhere(publish)
    response, queries = hit_queries(get, url)
    assert len(queries) > 2  # rendered again
    assert b"Publisert av en annen server" in response.content
