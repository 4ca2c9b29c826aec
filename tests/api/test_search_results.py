"""Search results built from SQL compiled once per process: the documented fields, the current
time of the public-page rule, quotes in a word, and few queries."""

import pytest
from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.utils import timezone
from wagtail.models import Page

from cms.api.endpoints.search import SearchResultSerializer, searchable_models
from cms.api.locales import Locales
from cms.api.search import search
from cms.api.search_results import ShownPages, candidates
from tests.api.test_search_words import found

postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the one-statement search is PostgreSQL's"
)


def test_hits_have_the_documented_fields_in_order(get, content):
    results = get("/api/v1/search/", q="ordning", locale="en").json()["results"]
    assert results
    documented = list(SearchResultSerializer().fields)
    assert all(list(result) == documented for result in results)
    hit = results[0]
    assert hit["translations"].keys() == {"en", "nb"}
    assert hit["url"] == hit["translations"][hit["locale"]]["url"]


def test_a_page_leaves_the_results_when_it_expires(get, content):
    """The public-page rule's "now" is the time of each search, not of the first one."""
    measure = ("measure", content.measures[0].pk)
    assert measure in found(get, "ordning")  # builds the search's SQL
    page = content.measures[0]
    type(page).objects.filter(pk=page.pk).update(expire_at=timezone.now())
    cache.clear()  # an update() tells no one
    assert measure not in found(get, "ordning")


@postgresql_only
@pytest.mark.parametrize("query", ["fadderordningen'", "fadder'ordning", "fadderordning\\"])
def test_quotes_and_backslashes_in_a_word_are_plain_characters(get, content, query):
    assert found(get, query) == [("measure", content.measures[0].pk)]


@postgresql_only
def test_a_one_word_search_needs_three_queries(client, content, django_assert_max_num_queries):
    """The cache check, the matches with the page that shows each key, the page of hits."""
    client.get("/api/v1/search/", {"q": "samarbeid"})  # locales, content types
    cache.clear()
    with django_assert_max_num_queries(3):
        response = client.get("/api/v1/search/", {"q": "samarbeid", "locale": "en"})
    assert response.json()["count"] >= 1


@postgresql_only
@pytest.mark.parametrize("language", ["nb", "en"])
@pytest.mark.parametrize(
    "query", ["samarbeid", "ordning", "Nordmann", "utkast", "internt", "konferamse", "fadderordnig"]
)
def test_the_statement_chooses_the_pages_the_query_would(content, language, query):
    """A one-word search chooses the page that shows each key in its statement; the pages,
    their order and their number are those of ShownPages' own query."""
    models = searchable_models()
    pages = Page.objects.type(*models)
    found = search(pages, query, Locales(language), tuple(models), candidates(tuple(models)))
    assert found.shown is not None
    for offset, limit in [(0, 20), (1, 2), (0, 500)]:
        chosen = ShownPages(found.keys, models, Locales(language), offset, limit, found.shown)
        queried = ShownPages(found.keys, models, Locales(language), offset, limit)
        assert (len(chosen), chosen.rows) == (len(queried), queried.rows)


@postgresql_only
@pytest.mark.parametrize("max_hits", [500, 1])
@pytest.mark.parametrize("query", ["samarbeid", "ordning", "Nordmann", "konferamse", "Tiltak"])
def test_the_statement_ranks_as_the_orm(content, monkeypatch, max_hits, query):
    """The one-word statement finds and ranks the keys the ORM's queries do, also when its typo
    matches reach the cap and the linked names are read by another query."""
    monkeypatch.setattr(settings, "API_SEARCH_MAX_HITS", max_hits)
    models = searchable_models()
    pages = Page.objects.type(*models)
    one_statement = search(pages, query, Locales("nb"), tuple(models), candidates(tuple(models)))
    assert one_statement.keys == search(pages, query, Locales("nb")).keys
