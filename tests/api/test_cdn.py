"""CDN: tags naming what a response shows, short list max-age, purges after a publish."""

import uuid

import pytest
from wagtail.contrib.frontend_cache.backends import HTTPBackend

from cms.api.cdn import MAX_HEADER_LENGTH, cdn_tags
from tests.receiver import Receiver


def key_digits(page):
    return page.translation_key.hex[:12]


def test_a_plan_names_its_branch_plan_and_pages_in_cache_tag_and_surrogate_key(get, content):
    response = get(f"/api/v1/plans/{content.plan.pk}/")
    tags = response["Cache-Tag"].split(",")
    assert response["Surrogate-Key"].split(" ") == tags
    assert tags[0] == "api"
    assert f"plan-{key_digits(content.plan)}" in tags
    assert f"branch-{key_digits(content.branch)}" in tags
    assert f"measure-{key_digits(content.measures[0])}" in tags
    assert f"strategy-{key_digits(content.strategies[0])}" in tags
    cached = get(f"/api/v1/plans/{content.plan.pk}/")
    assert cached["Cache-Tag"] == response["Cache-Tag"]
    english = get(f"/api/v1/plans/{content.plan.pk}/", locale="en")
    assert set(english["Cache-Tag"].split(",")) == set(tags)  # a key is the same in every language


def test_a_plan_of_300_measures_keeps_a_tag_for_every_page():
    pages = [("plan", uuid.uuid4()), ("branch", uuid.uuid4())]
    pages += [("strategy", uuid.uuid4()) for _ in range(6)]
    pages += [("measure", uuid.uuid4()) for _ in range(300)]
    tags = cdn_tags(None, pages=[(type_name, str(key)) for type_name, key in pages])
    assert len(tags) == 1 + len(pages)
    assert len(",".join(tags)) < MAX_HEADER_LENGTH


def test_lists_get_a_short_max_age_with_stale_while_revalidate(get, content, settings):
    settings.API_LIST_CACHE_SECONDS = 7
    settings.API_STALE_WHILE_REVALIDATE_SECONDS = 70
    for path in ("/api/v1/plans/", "/api/v1/measures/", "/api/v1/sitemap/"):
        response = get(path)
        assert response["Cache-Control"] == "public, max-age=7, stale-while-revalidate=70"
        assert "measure-" in response["Cache-Tag"] or path == "/api/v1/plans/"
    detail = get(f"/api/v1/plans/{content.plan.pk}/")
    assert "stale-while-revalidate" not in detail["Cache-Control"]


@pytest.fixture
def purge_receiver(db, settings):
    with Receiver() as receiver:
        settings.WAGTAILFRONTENDCACHE = {
            "default": {
                "BACKEND": f"{HTTPBackend.__module__}.HTTPBackend",
                "LOCATION": receiver.url,
            }
        }
        yield receiver


def test_a_publish_purges_the_affected_api_urls_in_every_locale(
    content, purge_receiver, django_capture_on_commit_callbacks
):
    measure = content.fresh(content.measures[1])
    with django_capture_on_commit_callbacks(execute=True):
        measure.save_revision().publish()
    purged = {(r.method, r.headers["Host"], r.path) for r in purge_receiver.requests}
    en_plan = content.en(content.plan)
    for plan in (content.plan, en_plan):
        for query in ("", "?locale=nb", "?locale=en"):
            assert ("PURGE", "testserver", f"/api/v1/plans/{plan.pk}/{query}") in purged
    assert ("PURGE", "testserver", f"/api/v1/measures/{measure.pk}/") in purged
    assert ("PURGE", "testserver", "/api/v1/measures/?locale=en") in purged
    assert ("PURGE", "testserver", "/api/v1/branches/troms/") in purged
    # Only what shows the measure: not the resources or events.
    assert not any(path.startswith("/api/v1/events/") for _m, _h, path in purged)


def test_a_draft_save_purges_nothing(content, purge_receiver, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        content.fresh(content.measures[1]).save_revision()
    assert purge_receiver.requests == []


def test_an_unpublished_translation_is_purged_too(
    content, purge_receiver, django_capture_on_commit_callbacks
):
    translation = content.en(content.measures[1])
    with django_capture_on_commit_callbacks(execute=True):
        translation.unpublish()
    paths = {r.path for r in purge_receiver.requests}
    assert f"/api/v1/measures/{translation.pk}/" in paths
    assert f"/api/v1/plans/{content.en(content.plan).pk}/?locale=en" in paths


def test_after_a_publish_the_next_request_in_every_language_is_a_hit(
    content, get, settings, django_capture_on_commit_callbacks, django_assert_num_queries
):
    settings.API_WARM_CACHE = True
    url = f"/api/v1/plans/{content.plan.pk}/"
    measure = content.fresh(content.measures[1])
    measure.title = "Nyhetsbrev med varm cache"
    with django_capture_on_commit_callbacks(execute=True):
        measure.save_revision().publish()
    with django_assert_num_queries(1):  # a hit: only the check of its cache tags
        plan = get(url, locale="nb").json()
    assert "Nyhetsbrev med varm cache" in [
        m["title"] for s in plan["strategies"] for m in s["measures"]
    ]
    with django_assert_num_queries(1):
        assert get(url, locale="en").status_code == 200
    with django_assert_num_queries(1):
        assert get(url, headers={"accept-language": "en"}).status_code == 200
