"""Invalid input is a 400 naming the parameter; unknown URLs are JSON 404s; never a 500."""

import pytest

from .openapi import assert_matches_schema

TOO_LONG = "x" * 201

INVALID = [
    ("/api/v1/plans/", {"limit": "-1"}, "limit"),
    ("/api/v1/plans/", {"limit": "0"}, "limit"),
    ("/api/v1/plans/", {"limit": "ten"}, "limit"),
    ("/api/v1/plans/", {"offset": "-1"}, "offset"),
    ("/api/v1/plans/", {"offset": "1e3"}, "offset"),
    ("/api/v1/plans/", {"offset": "99999999999999999999"}, "offset"),
    ("/api/v1/plans/", {"locale": "xx"}, "locale"),
    ("/api/v1/plans/", {"locale": ""}, "locale"),
    ("/api/v1/plans/", {"stage": "draft"}, "stage"),
    ("/api/v1/plans/", {"year": "2024.5"}, "year"),
    ("/api/v1/plans/", {"year": "1999"}, "year"),
    ("/api/v1/plans/", {"branch": "finnmark"}, "branch"),
    ("/api/v1/plans/", {"branch": "not a slug!"}, "branch"),
    ("/api/v1/plans/abc/", {}, "id"),
    ("/api/v1/plans/0/", {}, "id"),
    ("/api/v1/plans/99999999999999999999/", {}, "id"),
    ("/api/v1/measures/", {"plan": "abc"}, "plan"),
    ("/api/v1/measures/", {"plan": "999999"}, "plan"),
    ("/api/v1/measures/", {"strategy": "1.5"}, "strategy"),
    ("/api/v1/measures/", {"strategy": "999999"}, "strategy"),
    ("/api/v1/measures/", {"status": "done"}, "status"),
    ("/api/v1/measures/", {"partner": "x"}, "partner"),
    ("/api/v1/measures/", {"partner": "999999"}, "partner"),
    ("/api/v1/measures/", {"target_group": "999999"}, "target_group"),
    ("/api/v1/measures/", {"goal": "18"}, "goal"),
    ("/api/v1/measures/", {"goal": "zero"}, "goal"),
    ("/api/v1/measures/", {"search": TOO_LONG}, "search"),
    ("/api/v1/measures/-3/", {}, "id"),
    ("/api/v1/resources/", {"topic": "cooking"}, "topic"),
    ("/api/v1/resources/", {"search": TOO_LONG}, "search"),
    ("/api/v1/events/", {"upcoming": "yes"}, "upcoming"),
    ("/api/v1/events/", {"kind": "party"}, "kind"),
    ("/api/v1/events/", {"branch": "finnmark"}, "branch"),
    ("/api/v1/branches/", {"limit": "-1"}, "limit"),
    ("/api/v1/branches/not a slug/", {}, "slug"),
    ("/api/v1/search/", {}, "q"),
    ("/api/v1/search/", {"q": "  "}, "q"),
    ("/api/v1/search/", {"q": TOO_LONG}, "q"),
    ("/api/v1/search/", {"q": "plan", "type": "page"}, "type"),
    ("/api/v1/search/", {"q": "plan", "limit": "-1"}, "limit"),
    ("/api/v1/resolve/", {}, "path"),
    ("/api/v1/resolve/", {"path": "nb/troms/"}, "path"),
    ("/api/v1/sitemap/", {"offset": "x"}, "offset"),
    ("/api/v1/preview/", {"token": "x"}, "content_type"),
    ("/api/v1/preview/", {"content_type": "plan.actionplanpage"}, "token"),
    ("/api/v1/preview/", {"content_type": "auth.user", "token": "x"}, "content_type"),
    ("/api/v1/preview/", {"content_type": "nonsense", "token": "x"}, "content_type"),
    ("/api/v1/measures/", {"search": "fadder\x00ordning"}, "search"),
]


@pytest.mark.parametrize(("path", "params", "parameter"), INVALID)
def test_invalid_input_is_a_400_naming_the_parameter(get, path, params, parameter):
    response = get(path, **params)
    assert response.status_code == 400, response.content
    body = response.json()
    assert body["status"] == 400
    assert parameter in {error["parameter"] for error in body["errors"]}, body
    assert parameter in body["detail"]
    assert_matches_schema(response)


def test_unknown_api_url_is_a_json_404(get):
    response = get("/api/v1/strategies/")
    assert response.status_code == 404
    assert response.json() == {"status": 404, "detail": "Ikke funnet.", "errors": []}


def test_not_found_is_not_redirected_to_a_language(get):
    response = get("/api/v1/plans/999999/")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"


def test_write_methods_are_refused(client, content):
    response = client.post(f"/api/v1/plans/{content.plan.pk}/", {})
    assert response.status_code == 405
    assert response.json()["status"] == 405


JUNK = ["", " ", "-1", "0", "1e9", "99999999999999999999", "nb", "ø", "%", "'", "\\", "a" * 500]
PARAMETERS = {
    "/api/v1/plans/": ["branch", "stage", "year", "limit", "offset", "locale"],
    "/api/v1/measures/": ["plan", "strategy", "status", "partner", "target_group", "goal"],
    "/api/v1/resources/": ["topic", "branch"],
    "/api/v1/events/": ["upcoming", "kind", "branch"],
    "/api/v1/resolve/": ["path"],
}


def test_junk_never_causes_a_server_error(get):
    for path, names in PARAMETERS.items():
        for name in names:
            for value in JUNK:
                response = get(path, **{name: value})
                assert response.status_code in (200, 400, 404), (path, name, value)
