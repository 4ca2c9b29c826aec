"""The filters of the list endpoints."""

from django.utils import timezone

from plan.models import MeasureStatusUpdate
from tests.factories import ActionPlanPageFactory


def ids(response):
    assert response.status_code == 200, response.content
    return [r["id"] for r in response.json()["results"]]


def test_plans_by_branch_stage_and_year(get, content):
    plan = content.plan.pk
    assert ids(get("/api/v1/plans/", branch="troms")) == [plan]
    assert ids(get("/api/v1/plans/", stage="adopted")) == [plan]
    assert ids(get("/api/v1/plans/", stage="proposed")) == []
    assert ids(get("/api/v1/plans/", year=2025)) == [plan]
    assert ids(get("/api/v1/plans/", year=2026)) == []


def test_plan_in_another_branch_is_not_listed_for_troms(get, content):
    other = ActionPlanPageFactory(slug="plan-2026", period_start=2026, period_end=2027)
    assert ids(get("/api/v1/plans/", branch="troms")) == [content.plan.pk]
    assert ids(get("/api/v1/plans/", year=2026)) == [other.pk]


def test_measures_by_plan_and_strategy_with_any_languages_id(get, content):
    all_measures = ids(get("/api/v1/measures/"))
    assert ids(get("/api/v1/measures/", plan=content.plan.pk)) == all_measures
    english_plan = content.en(content.plan).pk
    assert ids(get("/api/v1/measures/", plan=english_plan)) == all_measures
    strategy = content.en(content.strategies[0]).pk
    assert ids(get("/api/v1/measures/", strategy=strategy)) == [
        content.measures[0].pk,
        content.measures[1].pk,
    ]


def test_measures_by_status(get, content):
    assert ids(get("/api/v1/measures/", status="completed")) == [content.measures[0].pk]
    assert ids(get("/api/v1/measures/", status="ongoing")) == [content.measures[1].pk]
    assert ids(get("/api/v1/measures/", status="planned")) == [
        content.measures[2].pk,
        content.untranslated_measure.pk,
    ]
    MeasureStatusUpdate.objects.create(
        page=content.measures[2], date=timezone.localdate(), status="cancelled"
    )
    assert ids(get("/api/v1/measures/", status="cancelled")) == [content.measures[2].pk]


def test_measures_by_partner_target_group_and_goal(get, content):
    expected = [content.measures[0].pk]
    english_organisation = content.organisation.get_translation(content.en(content.plan).locale)
    assert ids(get("/api/v1/measures/", partner=content.organisation.pk)) == expected
    assert ids(get("/api/v1/measures/", partner=english_organisation.pk)) == expected
    assert ids(get("/api/v1/measures/", target_group=content.target_group.pk)) == expected
    assert ids(get("/api/v1/measures/", goal=5)) == []


def test_goal_of_a_strategy_is_a_goal_of_its_measures(get, content):
    """Goal 4 is on "Fadderordning" and on its strategy "Informere", which also holds
    "Nyhetsbrev"; a goal on a measure alone does not spread to its siblings."""
    informere = [content.measures[0].pk, content.measures[1].pk]
    assert ids(get("/api/v1/measures/", goal=4)) == informere
    english = [content.en(m).pk for m in content.measures[:2]]
    assert ids(get("/api/v1/measures/", goal=4, locale="en")) == english
    from core.models import SustainableDevelopmentGoal
    from plan.models import MeasureGoal, StrategyGoal

    seventeen = SustainableDevelopmentGoal.objects.create(
        number=17, title="Samarbeid for å nå målene", locale=content.goal.locale
    )
    StrategyGoal.objects.create(page=content.fresh(content.strategies[1]), goal=seventeen)
    samarbeide = [content.measures[2].pk, content.untranslated_measure.pk]
    assert ids(get("/api/v1/measures/", goal=17)) == samarbeide
    MeasureGoal.objects.create(page=content.fresh(content.measures[1]), goal=seventeen)
    assert ids(get("/api/v1/measures/", goal=17)) == [content.measures[1].pk, *samarbeide]


def test_filters_combine(get, content):
    params = {"plan": content.plan.pk, "status": "completed", "goal": 4, "locale": "en"}
    assert ids(get("/api/v1/measures/", **params)) == [content.en(content.measures[0]).pk]


def test_resources_by_topic_and_branch(get, content):
    assert ids(get("/api/v1/resources/", topic="samskaping")) == [content.resource.pk]
    assert ids(get("/api/v1/resources/", branch="troms")) == [content.resource.pk]


def test_events_upcoming_kind_branch_and_order(get, content):
    events = content.events
    assert ids(get("/api/v1/events/")) == [
        events["recurring"].pk,
        events["past"].pk,
        events["upcoming"].pk,
    ]
    assert ids(get("/api/v1/events/", upcoming="true")) == [
        events["recurring"].pk,
        events["upcoming"].pk,
    ]
    assert ids(get("/api/v1/events/", upcoming="false")) == [events["past"].pk]
    assert ids(get("/api/v1/events/", kind="meeting")) == [events["past"].pk]
    assert ids(get("/api/v1/events/", branch="troms", kind="conference")) == [events["upcoming"].pk]
