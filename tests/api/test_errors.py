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
    ("/api/v1/search/", {"q": "plan", "type": ""}, "type"),
    ("/api/v1/events/", {"upcoming": ""}, "upcoming"),
    ("/api/v1/measures/", {"goal": ""}, "goal"),
    ("/api/v1/plans/", {"limit": "101"}, "limit"),
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


def object_404s(content):
    """For each endpoint, an object that does not exist or is not public."""
    return {
        "plan": ("/api/v1/plans/99999/", {}),
        "plan template": ("/api/v1/plans/99999/template/", {}),
        "draft measure": (f"/api/v1/measures/{content.draft_measure.pk}/", {}),
        "restricted measure": (f"/api/v1/measures/{content.restricted_measure.pk}/", {}),
        "branch": ("/api/v1/branches/finnmark/", {}),
        "resource": ("/api/v1/resources/99999/", {}),
        "event": (f"/api/v1/events/{content.measures[0].pk}/", {}),  # a measure's id
        "resolve": ("/api/v1/resolve/", {"path": "/nb/nope/"}),
        "preview": ("/api/v1/preview/", {"content_type": "plan.measurepage", "token": "x"}),
        "unknown URL": ("/api/v1/nothing-here/", {}),
        "API v2": ("/api/v2/pages/", {}),
    }


@pytest.mark.parametrize(
    ("headers", "params", "detail", "language"),
    [
        ({}, {}, "Ikke funnet.", "nb"),
        ({"accept-language": "en-GB,en"}, {}, "Not found.", "en"),
        ({"accept-language": "en"}, {"locale": "nb-NO"}, "Ikke funnet.", "nb"),
        ({"accept-language": "nb"}, {"locale": "EN"}, "Not found.", "en"),
    ],
)
def test_object_404s_of_every_endpoint_are_human_text_in_the_response_language(
    get, content, headers, params, detail, language
):
    for name, (path, own_params) in object_404s(content).items():
        response = get(path, headers=headers, **own_params, **params)
        assert response.status_code == 404, name
        assert response.json() == {"status": 404, "detail": detail, "errors": []}, name
        assert response["Content-Language"] == language, name
        assert "Accept-Language" in response["Vary"], name
        if path.startswith("/api/v1/") and name != "unknown URL":
            assert_matches_schema(response)


def test_a_plan_template_of_a_hidden_plan_is_a_404_in_english(get, content):
    plan = content.fresh(content.plan)
    plan.unpublish()
    response = get(f"/api/v1/plans/{plan.pk}/template/", locale="en")
    assert response.status_code == 404
    assert response.json()["detail"] == "Not found."


@pytest.mark.parametrize(
    ("params", "headers", "message", "language"),
    [
        ({"goal": "zero"}, {}, "Oppgi et heltall.", "nb"),
        (
            {"goal": "zero", "locale": "en"},
            {"accept-language": "nb"},
            "Enter a whole number.",
            "en",
        ),
        ({"goal": "zero"}, {"accept-language": "en"}, "Enter a whole number.", "en"),
        ({"limit": "0", "locale": "en"}, {}, "limit must be at least 1.", "en"),
        ({"limit": "0"}, {}, "limit må være minst 1.", "nb"),
        (
            {"locale": "de"},
            {"accept-language": "en"},
            "Unknown locale “de”; valid locales: nb, en.",
            "en",
        ),
        ({"locale": "de"}, {}, "Ukjent språk «de»; gyldige språk: nb, en.", "nb"),
    ],
)
def test_400s_speak_one_language_the_responses(get, params, headers, message, language):
    response = get("/api/v1/measures/", headers=headers, **params)
    assert response.status_code == 400
    body = response.json()
    assert [error["message"] for error in body["errors"]] == [message]
    assert response["Content-Language"] == language
    parameter = body["errors"][0]["parameter"]
    expected = "Invalid parameter" if language == "en" else "Ugyldig parameter"
    assert body["detail"] == f"{expected}: {parameter}."


@pytest.mark.parametrize(
    ("locale", "detail"),
    [("en", 'Method "POST" not allowed.'), ("nb", 'Metoden "POST" ikke gyldig.')],
)
def test_405_in_the_response_language(client, content, locale, detail):
    response = client.post(f"/api/v1/plans/?locale={locale}", {})
    assert response.status_code == 405
    assert response.json() == {"status": 405, "detail": detail, "errors": []}
    assert response["Content-Language"] == locale
    assert response["Allow"]
