"""The baseline: the plan's fields exposed through Wagtail's API v2 (``api_fields``).

The project's models declare no ``api_fields`` (the website uses /api/v1/), so v2 would give
only ids and titles. For a fair baseline the benchmark exposes roughly the data of a plan
detail through v2, the way a project using only v2 would, and fetches it as a frontend would
have to: the plan, then its strategies, then its measures page by page (at most 20 per page,
Wagtail's default WAGTAILAPI_LIMIT_MAX).
"""

from rest_framework import serializers
from wagtail.api import APIField

from core.models import Organisation, SustainableDevelopmentGoal, TargetGroup
from home.models import ContactPerson
from plan.models import (
    ActionPlanPage,
    MeasureContact,
    MeasureGoal,
    MeasurePage,
    MeasurePartner,
    MeasureRelatedEvent,
    MeasureRelatedResource,
    MeasureStatusUpdate,
    MeasureTargetGroup,
    StrategyPage,
)

V2_PAGE_LIMIT = 20


def _snippet_serializer(snippet_model, *names):
    meta = type("Meta", (), {"model": snippet_model, "fields": ["id", *names]})
    return type(
        f"{snippet_model.__name__}V2Serializer", (serializers.ModelSerializer,), {"Meta": meta}
    )


def expose_api_fields():
    """Declare ``api_fields`` on the plan's page types and inline rows (idempotent)."""
    ActionPlanPage.api_fields = [
        APIField(name)
        for name in (
            "period_start",
            "period_end",
            "stage",
            "development_area_title",
            "development_area_description",
            "introduction",
            "background",
            "overall_goal",
            "strategies_introduction",
            "definitions",
            "quotes",
            "cover_image",
        )
    ] + [
        APIField("contact_person", serializer=_snippet_serializer(ContactPerson, "name", "role")())
    ]
    StrategyPage.api_fields = [APIField(n) for n in ("lead", "summary", "introduction")]
    MeasurePage.api_fields = [
        APIField(name)
        for name in (
            "summary",
            "body",
            "start_date",
            "end_date",
            "timing_text",
            "is_recurring",
            "status_updates",
            "partners",
            "target_groups",
            "contacts",
            "goals",
            "related_events",
            "related_resources",
        )
    ]
    MeasureStatusUpdate.api_fields = [APIField(n) for n in ("date", "status", "note")]
    organisation = _snippet_serializer(Organisation, "name", "short_name")
    MeasurePartner.api_fields = [
        APIField("organisation", serializer=organisation()),
        APIField("role"),
    ]
    MeasureTargetGroup.api_fields = [
        APIField("target_group", serializer=_snippet_serializer(TargetGroup, "name")())
    ]
    MeasureContact.api_fields = [
        APIField("contact", serializer=_snippet_serializer(ContactPerson, "name", "role")())
    ]
    MeasureGoal.api_fields = [
        APIField("goal", serializer=_snippet_serializer(SustainableDevelopmentGoal, "number")())
    ]
    MeasureRelatedEvent.api_fields = [APIField("event")]
    MeasureRelatedResource.api_fields = [APIField("resource")]


def plan_requests(plan_id, locale, measures):
    """The v2 URLs a frontend needs for one plan with ``measures`` measures."""
    urls = [
        f"/api/v2/pages/{plan_id}/",
        f"/api/v2/pages/?child_of={plan_id}&type=plan.StrategyPage&fields=*&locale={locale}",
    ]
    for offset in range(0, measures, V2_PAGE_LIMIT):
        urls.append(
            f"/api/v2/pages/?descendant_of={plan_id}&type=plan.MeasurePage&fields=*"
            f"&locale={locale}&limit={V2_PAGE_LIMIT}&offset={offset}"
        )
    return urls


def measure_list_requests(plan_id, locale, count):
    """The v2 URLs for ``count`` measures of a plan (20 per request)."""
    return [
        f"/api/v2/pages/?descendant_of={plan_id}&type=plan.MeasurePage&fields=*"
        f"&locale={locale}&limit={V2_PAGE_LIMIT}&offset={offset}"
        for offset in range(0, count, V2_PAGE_LIMIT)
    ]


def search_requests(query, locale, count):
    """The v2 URLs for ``count`` search results (20 per request)."""
    return [
        f"/api/v2/pages/?search={query}&locale={locale}&limit={V2_PAGE_LIMIT}&offset={offset}"
        for offset in range(0, count, V2_PAGE_LIMIT)
    ]
