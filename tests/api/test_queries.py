"""The number of SQL queries does not grow with the content (10 vs 300 measures).

Slow: building the 300-measure plan and its uncached responses takes minutes, so these run
with the slow tests (`make test-slow`, and in CI).
"""

from datetime import date

import pytest
from django.core.cache import cache
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale
from wagtail.signal_handlers import disable_reference_index_auto_update

from plan.models import (
    MeasureContact,
    MeasureGoal,
    MeasurePage,
    MeasurePartner,
    MeasureRelatedEvent,
    MeasureRelatedResource,
    MeasureStatusUpdate,
    MeasureTargetGroup,
)
from tests.factories import ActionPlanPageFactory, BranchPageFactory, StrategyPageFactory

pytestmark = pytest.mark.slow

#: An upper bound that leaves room for small changes but not for a query per object.
MAX_QUERIES = 40
#: The goal for the whole plan (scaling issue): the plan, its strategies and measures with
#: every relation, page links, images and the content generation.
PLAN_DETAIL_MAX_QUERIES = 15


def add_plan(content, short_name, word, strategies, measures_per_strategy):
    """A plan whose measures use every relation, published without revisions for speed."""
    branch = BranchPageFactory(parent=content.home, short_name=short_name)
    plan = ActionPlanPageFactory(parent=branch, cover_image=content.image)
    for s in range(strategies):
        strategy = StrategyPageFactory(parent=plan, title=f"Strategi {s}")
        for m in range(measures_per_strategy):
            strategy.add_child(
                instance=MeasurePage(
                    title=f"{word} {s}.{m}",
                    slug=f"{word}-{s}-{m}",
                    live=True,
                    summary=f'<p>Se <a linktype="page" id="{plan.pk}">planen</a>.</p>',
                    status_updates=[MeasureStatusUpdate(date=date(2025, 1, 1), status="ongoing")],
                    partners=[MeasurePartner(organisation=content.organisation)],
                    target_groups=[MeasureTargetGroup(target_group=content.target_group)],
                    contacts=[MeasureContact(contact=content.contact)],
                    goals=[MeasureGoal(goal=content.goal)],
                    related_events=[MeasureRelatedEvent(event=content.events["upcoming"])],
                    related_resources=[MeasureRelatedResource(resource=content.resource)],
                )
            )
    return plan


@pytest.fixture(scope="module")
def plans(content, django_db_blocker):
    """A plan with 10 measures ("alfa") and one with 300 ("omega")."""
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            with disable_reference_index_auto_update():  # not needed here, and slow
                built = {
                    10: add_plan(content, "Små", "alfa", 2, 5),
                    300: add_plan(content, "Store", "omega", 3, 100),
                }
            yield built
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


def count_queries(client, path, params, assert_max_num_queries, limit=MAX_QUERIES):
    """The queries of one uncached request, which may run at most ``limit`` of them."""
    client.get(path, params)  # warm up: image renditions, content types
    cache.clear()
    with (
        assert_max_num_queries(limit),
        CaptureQueriesContext(connection) as queries,
    ):
        response = client.get(path, params)
    assert response.status_code == 200, response.content
    return len(queries), response.json()


@pytest.mark.parametrize("locale", ["nb", "en"])
def test_plan_detail(client, plans, locale, django_assert_max_num_queries):
    counts = {}
    for size, plan in plans.items():
        counts[size], body = count_queries(
            client,
            f"/api/v1/plans/{plan.pk}/",
            {"locale": locale},
            django_assert_max_num_queries,
            PLAN_DETAIL_MAX_QUERIES,
        )
        assert sum(len(s["measures"]) for s in body["strategies"]) == size
    assert counts[10] == counts[300]


@pytest.mark.parametrize("locale", ["nb", "en"])
def test_measure_list(client, plans, locale, django_assert_max_num_queries):
    counts = {}
    for size, plan in plans.items():
        params = {"plan": plan.pk, "limit": 100, "locale": locale}
        counts[size], body = count_queries(
            client, "/api/v1/measures/", params, django_assert_max_num_queries
        )
        assert body["count"] == size
    assert counts[10] == counts[300]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="search tests run on PostgreSQL")
def test_search(client, plans, django_assert_max_num_queries):
    counts = {}
    for size, word in [(10, "alfa"), (300, "omega")]:
        counts[size], body = count_queries(
            client, "/api/v1/search/", {"q": word, "limit": 100}, django_assert_max_num_queries
        )
        assert body["count"] == size
    assert counts[10] == counts[300]


def test_locales_are_read_once_per_content_generation(client, plans):
    """Every response needs the Locale rows; a process reads them again only after a change
    (here to a locale itself), which every server sees through the content generation."""
    path = f"/api/v1/plans/{plans[10].pk}/"

    def locale_queries():
        cache.clear()
        with CaptureQueriesContext(connection) as queries:
            assert client.get(path, {"locale": "en"}).status_code == 200
        return sum('FROM "wagtailcore_locale"' in q["sql"] for q in queries.captured_queries)

    locale_queries()
    assert locale_queries() == 0
    Locale.objects.get(language_code="en").save()
    assert locale_queries() == 1
    assert locale_queries() == 0
