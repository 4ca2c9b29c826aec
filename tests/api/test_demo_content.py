"""Contract tests against the Nordland demo content (``manage.py load_demo_content``)."""

import pytest
from rest_framework.test import APIClient

from plan.models import ActionPlanPage

from .openapi import assert_matches_schema

PLAN_PATHS = {
    "nb": "/nb/nordland/handlingsplan-2024-2025/",
    "en": "/en/nordland/action-plan-2024-2025/",
}


@pytest.fixture(scope="module")
def plans(demo, django_db_blocker):
    """The demo plan in each language (the demo content alone, without the package's install)."""
    with django_db_blocker.unblock():
        return {
            code: ActionPlanPage.objects.get(
                slug=slug, locale__language_code=code, url_path__contains="/nordland/"
            )
            for code, slug in (("nb", "handlingsplan-2024-2025"), ("en", "action-plan-2024-2025"))
        }


@pytest.fixture
def client(demo, db):
    """A client of this module's install, the demo content (not the package's)."""
    return APIClient()


@pytest.fixture
def demo_get(plans, get):
    return get


@pytest.mark.parametrize("locale", ["nb", "en"])
def test_the_demo_plan_in_one_request(demo_get, plans, locale):
    response = demo_get(f"/api/v1/plans/{plans['nb'].pk}/", locale=locale)
    assert response.status_code == 200
    assert_matches_schema(response)
    plan = response.json()
    assert plan["id"] == plans[locale].pk and plan["locale"] == locale
    assert plan["url"] == PLAN_PATHS[locale]
    assert plan["period"]["label"] == "2024–2025"
    assert plan["unofficial_translation"] is (locale == "en")
    assert [s["title"] for s in plan["strategies"]][:1] == [
        {"nb": "Informere", "en": "Inform"}[locale]
    ]
    measures = [m for s in plan["strategies"] for m in s["measures"]]
    assert measures and all(not m["fallback"] for m in measures)
    assert all(m["url"].startswith(PLAN_PATHS[locale]) for m in measures)
    assert "linktype=" not in response.content.decode()


LISTS = [
    ("/api/v1/branches/nordland/", {}),
    ("/api/v1/plans/", {"branch": "nordland"}),
    ("/api/v1/measures/", {"plan": "<plan>", "limit": 100}),
    ("/api/v1/resources/", {"branch": "nordland"}),
    ("/api/v1/events/", {"branch": "nordland"}),
    ("/api/v1/sitemap/", {"limit": 100}),
]


@pytest.mark.parametrize("locale", ["nb", "en"])
@pytest.mark.parametrize(("path", "params"), LISTS)
def test_demo_lists_in_their_documented_shape(demo_get, plans, locale, path, params):
    params = {
        name: plans["nb"].pk if value == "<plan>" else value for name, value in params.items()
    }
    response = demo_get(path, locale=locale, **params)
    assert response.status_code == 200, response.content
    assert_matches_schema(response)
    assert response.json().get("count", 1) > 0


@pytest.mark.parametrize("locale", ["nb", "en"])
def test_demo_paths_resolve(demo_get, plans, locale):
    response = demo_get("/api/v1/resolve/", path=PLAN_PATHS[locale])
    assert response.status_code == 200
    assert response.json()["id"] == plans[locale].pk
    assert_matches_schema(response)
