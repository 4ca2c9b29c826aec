"""Full-text search (PostgreSQL with the norwegian configuration) and its input checks."""

import pytest
from django.db import connection

postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="search tests run on PostgreSQL"
)


@postgresql_only
def test_search_finds_measures_with_norwegian_stemming(get, content):
    results = get("/api/v1/search/", q="fadderordningen", locale="nb").json()["results"]
    assert [(r["type"], r["id"]) for r in results] == [("measure", content.measures[0].pk)]
    assert results[0]["url"] == "/nb/troms/handlingsplan-2024-2025/informere/fadderordning/"
    assert "linktype" not in results[0]["summary"]


@postgresql_only
def test_search_covers_plans_resources_and_events(get, content):
    types = {r["type"] for r in get("/api/v1/search/", q="samhandling").json()["results"]}
    assert "plan" in types
    assert [r["type"] for r in get("/api/v1/search/", q="veileder").json()["results"]] == [
        "resource"
    ]
    assert [r["type"] for r in get("/api/v1/search/", q="lederkonferansen").json()["results"]] == [
        "event"
    ]


@postgresql_only
def test_search_by_type(get, content):
    results = get("/api/v1/search/", q="fadderordning", type="event").json()["results"]
    assert results == []


@postgresql_only
def test_search_answers_in_the_requested_language_with_fallbacks(get, content):
    english = get("/api/v1/search/", q="fadderordning", locale="en").json()["results"]
    assert [(r["id"], r["locale"]) for r in english] == [(content.en(content.measures[0]).pk, "en")]
    fallback = get("/api/v1/search/", q="samarbeid", locale="en").json()["results"]
    untranslated = [r for r in fallback if r["id"] == content.untranslated_measure.pk]
    assert untranslated and untranslated[0]["fallback"] is True


@postgresql_only
def test_search_never_shows_hidden_pages(get, content):
    for word in ["utkast", "internt"]:
        assert get("/api/v1/search/", q=word).json()["count"] == 0


@postgresql_only
def test_measure_list_search(get, content):
    results = get("/api/v1/measures/", search="nyhetsbrevet").json()["results"]
    assert [r["id"] for r in results] == [content.measures[1].pk]


@postgresql_only
def test_resource_list_search(get, content):
    results = get("/api/v1/resources/", search="samskaping").json()["results"]
    assert [r["id"] for r in results] == [content.resource.pk]


def test_search_query_is_required_and_short(get, content):
    assert get("/api/v1/search/").status_code == 400
    assert get("/api/v1/search/", q="x" * 201).status_code == 400
