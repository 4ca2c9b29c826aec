"""Only live, public pages: drafts, unpublished, expired and view-restricted pages never show."""

from datetime import timedelta

import pytest
from django.utils import timezone

from core.visibility import public_pages


def all_ids(body):
    """The ids of every page (object or reference) anywhere in a response body."""
    if isinstance(body, dict):
        own = {body["id"]} if "url" in body and "key" in body else set()
        return own | {i for value in body.values() for i in all_ids(value)}
    if isinstance(body, list):
        return {i for value in body for i in all_ids(value)}
    return set()


def hidden_pages(content):
    return [content.draft_measure, content.restricted_strategy, content.restricted_measure]


@pytest.mark.parametrize("locale", ["nb", "en"])
def test_hidden_pages_are_never_listed(get, content, locale):
    hidden = {page.pk for page in hidden_pages(content)}
    for path in ["/api/v1/measures/", f"/api/v1/plans/{content.plan.pk}/", "/api/v1/sitemap/"]:
        body = get(path, locale=locale, limit=100).json()
        assert not hidden & all_ids(body), path


def test_hidden_pages_are_404_by_id(get, content):
    for page in hidden_pages(content):
        response = get(f"/api/v1/measures/{page.pk}/")
        assert response.status_code == 404
        assert response.json()["status"] == 404


def test_hidden_pages_cannot_be_resolved(get, content):
    for path in [
        "/nb/troms/handlingsplan-2024-2025/samarbeide/utkast/",
        "/nb/troms/handlingsplan-2024-2025/intern/",
        "/nb/troms/handlingsplan-2024-2025/intern/internt-tiltak/",
    ]:
        assert get("/api/v1/resolve/", path=path).status_code == 404, path


def test_restriction_on_an_ancestor_hides_the_whole_branch(get, content, django_user_model):
    from wagtail.models import PageViewRestriction

    PageViewRestriction.objects.create(
        page=content.branch, restriction_type=PageViewRestriction.LOGIN
    )
    assert get("/api/v1/plans/").json()["count"] == 0
    assert get("/api/v1/measures/").json()["count"] == 0
    assert get(f"/api/v1/plans/{content.plan.pk}/").status_code == 404
    assert get("/api/v1/branches/troms/").status_code == 404


def test_unpublishing_a_strategy_hides_its_measures(get, content):
    content.fresh(content.strategies[0]).unpublish()
    titles = [m["title"] for m in get("/api/v1/measures/").json()["results"]]
    assert titles == ["Nettverksmøter", "Samarbeid med KS"]
    assert get(f"/api/v1/measures/{content.measures[0].pk}/").status_code == 404


def test_expired_page_is_hidden_even_before_wagtail_unpublishes_it(get, content):
    measure = content.measures[1]
    type(measure).objects.filter(pk=measure.pk).update(
        expire_at=timezone.now() - timedelta(minutes=1)
    )
    assert get(f"/api/v1/measures/{measure.pk}/").status_code == 404
    assert measure.pk not in {m["id"] for m in get("/api/v1/measures/").json()["results"]}


def test_link_to_a_hidden_page_loses_its_target(get, content):
    content.fresh(content.resource).unpublish()
    plan = get(f"/api/v1/plans/{content.plan.pk}/").json()
    assert "<a>veilederen</a>" in plan["introduction"]
    assert plan["quotes"][0]["resource"] is None
    assert plan["strategies"][0]["measures"][0]["related_resources"] == []


def test_aliases_are_not_public(content, db):
    alias = content.fresh(content.measures[0]).create_alias(
        parent=content.fresh(content.strategies[1]), update_slug="fadderordning-alias"
    )
    assert not public_pages().filter(pk=alias.pk).exists()
