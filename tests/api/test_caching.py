"""HTTP caching: validators, 304s, the content generation and CORS."""

from datetime import date

import pytest
from django.db import transaction
from django.utils.http import http_date
from wagtail.models import PageViewRestriction

from cms.api.generation import bump_generation, current_generation
from plan.models import MeasureStatusUpdate


def test_public_get_has_validators_and_cache_headers(get, content, settings):
    settings.API_CACHE_SECONDS = 123
    response = get(f"/api/v1/plans/{content.plan.pk}/")
    assert response.status_code == 200
    assert response["ETag"].startswith(f'"{current_generation().value}-')
    assert response["Last-Modified"] == http_date(current_generation().last_modified)
    assert response["Cache-Control"] == "public, max-age=123"
    vary = {v.strip() for v in response["Vary"].split(",")}
    assert {"Accept-Language", "Origin"} <= vary


@pytest.mark.parametrize(
    "path", ["/api/v1/", "/api/v1/plans/", "/api/v1/sitemap/", "/api/v1/branches/troms/"]
)
def test_if_none_match_gives_304(get, content, path):
    first = get(path)
    second = get(path, headers={"if-none-match": first["ETag"]})
    assert second.status_code == 304
    assert second.content == b""
    assert second["ETag"] == first["ETag"]
    assert get(path, headers={"if-none-match": '"0-stale"'}).status_code == 200


def test_if_modified_since_gives_304_until_the_next_change(get, content):
    first = get("/api/v1/plans/")
    since = {"if-modified-since": first["Last-Modified"]}
    assert get("/api/v1/plans/", headers=since).status_code == 304
    bump_generation()
    changed = get("/api/v1/plans/", headers=since)
    # Last-Modified has one-second precision: the change may fall in the same second.
    assert changed.status_code in (200, 304)
    assert get("/api/v1/plans/", headers={"if-none-match": first["ETag"]}).status_code == 200


def test_a_cached_response_costs_one_query(get, content, django_assert_num_queries):
    get(f"/api/v1/plans/{content.plan.pk}/")
    with django_assert_num_queries(1):  # the generation
        assert get(f"/api/v1/plans/{content.plan.pk}/").status_code == 200


def test_head_is_answered_like_get(client, content):
    response = client.head("/api/v1/plans/")
    assert response.status_code == 200
    assert response["ETag"]


def test_publishing_invalidates_cached_responses(get, content):
    before = get(f"/api/v1/plans/{content.plan.pk}/")
    revision = content.fresh(content.measures[0]).save_revision()
    after_draft = get(f"/api/v1/plans/{content.plan.pk}/")
    assert after_draft["ETag"] == before["ETag"]  # saving a draft changes nothing public

    measure = revision.as_object()
    measure.title = "Fadderordning for styret"
    measure.save_revision().publish()
    after = get(f"/api/v1/plans/{content.plan.pk}/")
    assert after["ETag"] != before["ETag"]
    assert after.json()["strategies"][0]["measures"][0]["title"] == "Fadderordning for styret"
    stale = get(f"/api/v1/plans/{content.plan.pk}/", headers={"if-none-match": before["ETag"]})
    assert stale.status_code == 200


@pytest.mark.parametrize(
    "change",
    [
        "unpublish",
        "move",
        "delete",
        "snippet",
        "image",
        "document",
        "restriction",
        "redirect",
        "inline row",
    ],
)
def test_every_kind_of_change_bumps_the_generation(content, db, change):
    from wagtail.contrib.redirects.models import Redirect

    before = current_generation().value
    measure = content.fresh(content.measures[1])
    if change == "unpublish":
        measure.unpublish()
    elif change == "move":
        measure.move(content.fresh(content.strategies[1]), pos="last-child")
    elif change == "delete":
        measure.delete()
    elif change == "snippet":
        organisation = content.fresh(content.organisation)
        organisation.name = "KS Nord-Norge"
        organisation.save()
    elif change == "image":
        image = content.fresh(content.image)
        image.credit = "Foto: Ola"
        image.save()
    elif change == "document":
        document = content.fresh(content.document)
        document.title = "Ny tittel"
        document.save()
    elif change == "restriction":
        PageViewRestriction.objects.create(page=measure, restriction_type="login")
    elif change == "redirect":
        Redirect.objects.create(old_path="/gammel", redirect_link="https://example.org")
    elif change == "inline row":
        MeasureStatusUpdate.objects.create(page=measure, date=date(2025, 6, 1), status="completed")
    assert current_generation().value > before


def test_snippet_change_shows_at_once(get, content):
    get(f"/api/v1/plans/{content.plan.pk}/")
    organisation = content.fresh(content.organisation)
    organisation.name = "KS Nord-Norge"
    organisation.save()
    plan = get(f"/api/v1/plans/{content.plan.pk}/").json()
    assert plan["strategies"][0]["measures"][0]["partners"][0]["organisation"]["name"] == (
        "KS Nord-Norge"
    )


def test_generation_is_bumped_in_the_publishing_transaction(content, db):
    before = current_generation().value
    with pytest.raises(RuntimeError), transaction.atomic():
        content.fresh(content.measures[1]).save_revision().publish()
        assert current_generation().value > before
        raise RuntimeError("roll back")
    assert current_generation().value == before


def test_cors_headers_for_allowed_origins_on_the_api_only(client, content, settings):
    settings.CORS_ALLOWED_ORIGINS = ["https://www.kulturskoleradet.no"]
    origin = {"origin": "https://www.kulturskoleradet.no"}
    api = client.get("/api/v1/plans/", headers=origin)
    assert api["Access-Control-Allow-Origin"] == "https://www.kulturskoleradet.no"
    other = client.get("/api/v1/plans/", headers={"origin": "https://evil.example"})
    assert "Access-Control-Allow-Origin" not in other
    page = client.get("/admin/login/", headers=origin)
    assert "Access-Control-Allow-Origin" not in page


def test_a_hit_is_served_before_the_view_with_the_same_headers(
    client, content, settings, django_assert_num_queries
):
    settings.CORS_ALLOWED_ORIGINS = ["https://www.kulturskoleradet.no"]
    headers = {"origin": "https://www.kulturskoleradet.no", "accept-language": "nb"}
    url = f"/api/v1/plans/{content.plan.pk}/?locale=en"
    miss = client.get(url, headers=headers)
    with django_assert_num_queries(1):
        hit = client.get(url, headers=headers)
    assert hit.content == miss.content
    for name in (
        "ETag",
        "Last-Modified",
        "Cache-Control",
        "Cache-Tag",
        "Surrogate-Key",
        "Vary",
        "Content-Type",
        "Access-Control-Allow-Origin",
    ):
        assert hit[name] == miss[name], name
    assert hit["Content-Language"] == miss["Content-Language"] == "en"
    assert "sessionid" not in hit.cookies


def test_changes_in_bulk_invalidate_every_cached_response_once_at_the_end(get, content):
    from cms.api.generation import changes_in_bulk

    url = f"/api/v1/plans/{content.plan.pk}/"
    get(url)
    before = current_generation().value
    with changes_in_bulk():
        measure = content.fresh(content.measures[1])
        measure.title = "Nyhetsbrev i bulk"
        measure.save_revision().publish()
        assert current_generation().value == before
    assert current_generation().value == before + 1
    titles = [m["title"] for s in get(url).json()["strategies"] for m in s["measures"]]
    assert "Nyhetsbrev i bulk" in titles
