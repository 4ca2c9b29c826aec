"""Browsers on the website's origin may call the API, read its validators and revalidate."""

import pytest

ORIGIN = "https://www.kulturskoleradet.no"


@pytest.fixture(autouse=True)
def _website_origin(settings):
    settings.CORS_ALLOWED_ORIGINS = [ORIGIN]


def _listed(header):
    return {value.strip().lower() for value in header.split(",")}


def test_preflight_allows_conditional_requests(client, content):
    response = client.options(
        "/api/v1/plans/",
        headers={
            "origin": ORIGIN,
            "access-control-request-method": "GET",
            "access-control-request-headers": "if-none-match, if-modified-since, accept-language",
        },
    )
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == ORIGIN
    assert {"if-none-match", "if-modified-since", "accept-language"} <= _listed(
        response["Access-Control-Allow-Headers"]
    )
    assert _listed(response["Access-Control-Allow-Methods"]) == {"get", "head", "options"}


def test_cross_origin_request_exposes_validators_and_language(client, content):
    response = client.get("/api/v1/plans/", {"locale": "en"}, headers={"origin": ORIGIN})
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == ORIGIN
    assert {"etag", "last-modified", "content-language"} <= _listed(
        response["Access-Control-Expose-Headers"]
    )
    assert response["Content-Language"] == "en"
    revalidated = client.get(
        "/api/v1/plans/",
        {"locale": "en"},
        headers={"origin": ORIGIN, "if-none-match": response["ETag"]},
    )
    assert revalidated.status_code == 304
    assert revalidated["Access-Control-Allow-Origin"] == ORIGIN


def test_other_origins_get_no_cors_headers(client, content):
    response = client.get("/api/v1/plans/", headers={"origin": "https://evil.example"})
    assert response.status_code == 200
    assert "Access-Control-Allow-Origin" not in response
