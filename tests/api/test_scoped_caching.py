"""Scoped invalidation: a change invalidates only the cached responses that show it.

Nordland gets two plans of its own next to the Troms install of :mod:`tests.api.content`; a
cached response is a hit when it costs one query (the check of its cache tags).
"""

import pytest
from django.db import transaction
from wagtail.signal_handlers import disable_reference_index_auto_update

from tests.factories import (
    ActionPlanPageFactory,
    BranchPageFactory,
    MeasurePageFactory,
    StrategyPageFactory,
    locale,
    translate_tree,
)


@pytest.fixture(scope="module")
def nordland(content, django_db_blocker):
    """Nordland with two plans of one strategy and one measure each, in Bokmål and English;
    they show none of Troms's snippets, images or pages."""
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            with disable_reference_index_auto_update():
                branch = BranchPageFactory(parent=content.home, slug="nordland", short_name="NL")
                plans = []
                for period in ("2024-2025", "2026-2027"):
                    plan = ActionPlanPageFactory(
                        parent=branch, title=f"Plan {period}", slug=f"plan-{period}"
                    )
                    strategy = StrategyPageFactory(parent=plan, title=f"Strategi {period}")
                    MeasurePageFactory(parent=strategy, title=f"Tiltak {period}")
                    plans.append(plan)
                translate_tree(branch)
            yield plans
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


def plan_url(plan):
    return f"/api/v1/plans/{plan.pk}/"


def cache_all(get, *urls):
    """Request each URL in both languages, so the next request is a hit if nothing changed."""
    for url in urls:
        for code in ("nb", "en"):
            assert get(url, locale=code).status_code == 200


def assert_hit(get, django_assert_num_queries, *urls):
    for url in urls:
        for code in ("nb", "en"):
            with django_assert_num_queries(1):  # only the check of the cache tags
                assert get(url, locale=code).status_code == 200


def assert_miss(get, django_assert_max_num_queries, url, code="nb"):
    with django_assert_max_num_queries(200) as queries:
        response = get(url, locale=code)
    assert response.status_code == 200
    assert len(queries) > 1, "served from the cache"
    return response.json()


def publish_title(page, title):
    page = type(page).objects.get(pk=page.pk)
    page.title = title
    page.save_revision().publish()


def measure_titles(plan_json):
    return [m["title"] for s in plan_json["strategies"] for m in s["measures"]]


def test_a_troms_publish_leaves_nordlands_plans_cached(
    get, content, nordland, django_assert_num_queries, django_assert_max_num_queries
):
    cache_all(get, *map(plan_url, nordland), plan_url(content.plan))
    publish_title(content.measures[1], "Nyhetsbrev hver måned")
    assert_hit(get, django_assert_num_queries, *map(plan_url, nordland))
    troms = assert_miss(get, django_assert_max_num_queries, plan_url(content.plan))
    assert "Nyhetsbrev hver måned" in measure_titles(troms)


def test_a_publish_in_one_plan_leaves_the_branchs_other_plan_cached(
    get, nordland, django_assert_num_queries, django_assert_max_num_queries
):
    old, new = nordland
    cache_all(get, plan_url(old), plan_url(new), "/api/v1/branches/nordland/")
    measure = new.get_descendants().type(MeasurePageFactory._meta.model).first()
    publish_title(measure.specific, "Nytt tiltak")
    assert_hit(get, django_assert_num_queries, plan_url(old))
    assert "Nytt tiltak" in measure_titles(
        assert_miss(get, django_assert_max_num_queries, plan_url(new))
    )
    # The branch shows its plans: a change below it invalidates it.
    assert_miss(get, django_assert_max_num_queries, "/api/v1/branches/nordland/")


def test_a_new_plan_shows_in_its_branch_and_the_plan_list_at_once(get, content, nordland):
    cache_all(get, "/api/v1/branches/nordland/", "/api/v1/plans/", plan_url(content.plan))
    draft = ActionPlanPageFactory(
        parent=nordland[0].get_parent(), title="Plan 2028-2029", slug="plan-2028-2029", live=False
    )
    draft.save_revision().publish()
    branch = get("/api/v1/branches/nordland/").json()
    assert "Plan 2028-2029" in [plan["title"] for plan in branch["plans"]]
    assert "Plan 2028-2029" in [plan["title"] for plan in get("/api/v1/plans/").json()["results"]]


@pytest.mark.parametrize("snippet", ["organisation", "goal", "target_group", "contact"])
def test_a_shared_snippet_change_invalidates_what_shows_it_only(
    get,
    content,
    nordland,
    snippet,
    django_assert_num_queries,
    django_assert_max_num_queries,
):
    cache_all(get, plan_url(content.plan), plan_url(nordland[0]))
    obj = content.fresh(getattr(content, snippet))
    name_field = "title" if snippet == "goal" else "name"
    setattr(obj, name_field, "Nytt navn")
    obj.save()
    assert_hit(get, django_assert_num_queries, plan_url(nordland[0]))
    plan = assert_miss(get, django_assert_max_num_queries, plan_url(content.plan))
    measure = plan["strategies"][0]["measures"][0]
    shown = {
        "organisation": measure["partners"][0]["organisation"]["name"],
        "goal": measure["goals"][0]["title"],
        "target_group": measure["target_groups"][0]["name"],
        "contact": measure["contacts"][0]["name"],
    }[snippet]
    assert shown == "Nytt navn"


@pytest.mark.parametrize("change", ["unpublish", "move", "delete", "restriction"])
def test_unpublish_move_delete_and_restriction_invalidate_the_plan_only(
    get,
    content,
    nordland,
    change,
    django_assert_num_queries,
    django_assert_max_num_queries,
):
    from wagtail.models import PageViewRestriction

    other = nordland[1]
    cache_all(get, plan_url(content.plan), plan_url(nordland[0]), plan_url(other))
    measure = content.fresh(content.measures[1])
    if change == "unpublish":
        measure.unpublish()
    elif change == "move":
        measure.move(other.get_children().first(), pos="last-child")
    elif change == "delete":
        measure.delete()
    else:
        PageViewRestriction.objects.create(page=measure, restriction_type="login")
    assert_hit(get, django_assert_num_queries, plan_url(nordland[0]))
    troms = assert_miss(get, django_assert_max_num_queries, plan_url(content.plan))
    assert "Nyhetsbrev" not in measure_titles(troms)
    if change == "move":
        moved_to = assert_miss(get, django_assert_max_num_queries, plan_url(other))
        assert "Nyhetsbrev" in measure_titles(moved_to)
    else:
        assert_hit(get, django_assert_num_queries, plan_url(other))


def test_publishing_a_translation_replaces_the_fallback_at_once(get, content):
    """The English plan showed the Bokmål measure; the English one is shown as soon as it is
    published, though nothing in the Bokmål tree changed."""
    url = plan_url(content.plan)
    measure = content.unpublished_translation_measure
    before = measure_titles(get(url, locale="en").json())
    assert measure.title in before
    translation = measure.get_translation(locale("en")).specific
    translation.save_revision().publish()
    after = measure_titles(get(url, locale="en").json())
    assert translation.title in after and measure.title not in after


def test_a_measure_publish_invalidates_the_measure_list(get, content, nordland):
    cache_all(get, "/api/v1/measures/")
    publish_title(content.measures[1], "Nyhetsbrev hver uke")
    titles = [m["title"] for m in get("/api/v1/measures/", limit=100).json()["results"]]
    assert "Nyhetsbrev hver uke" in titles


def test_the_guarantee_holds_for_a_cached_response_across_servers(get, content, settings):
    """Another server shares only the database and the cache: a response it cached before a
    publish is not served after the commit (the tags are checked in the database)."""
    url = plan_url(content.plan)
    get(url)
    publish_title(content.measures[1], "Nyhetsbrev i dag")
    assert "Nyhetsbrev i dag" in measure_titles(get(url).json())
