"""The OpenAPI document and its interactive documentation."""

import re

from openapi_spec_validator import validate

from .openapi import openapi_document


def test_openapi_document_is_valid():
    validate(openapi_document())


def test_every_endpoint_is_documented_with_typed_parameters():
    paths = openapi_document()["paths"]
    for path in [
        "/api/v1/",
        "/api/v1/branches/",
        "/api/v1/branches/{slug}/",
        "/api/v1/plans/",
        "/api/v1/plans/{id}/",
        "/api/v1/measures/",
        "/api/v1/measures/{id}/",
        "/api/v1/resources/",
        "/api/v1/resources/{id}/",
        "/api/v1/events/",
        "/api/v1/events/{id}/",
        "/api/v1/search/",
        "/api/v1/resolve/",
        "/api/v1/sitemap/",
        "/api/v1/preview/",
    ]:
        assert "get" in paths[path], path
    measure_parameters = {p["name"]: p for p in paths["/api/v1/measures/"]["get"]["parameters"]}
    assert set(measure_parameters) >= {
        "plan",
        "strategy",
        "status",
        "partner",
        "target_group",
        "goal",
        "search",
        "limit",
        "offset",
        "locale",
    }
    assert measure_parameters["plan"]["schema"]["type"] == "integer"
    assert measure_parameters["status"]["schema"]["enum"] == [
        "cancelled",
        "completed",
        "ongoing",
        "planned",
    ]
    locale_pattern = re.compile(measure_parameters["locale"]["schema"]["pattern"])
    for accepted in ["nb", "EN", "nb-NO", "no", "en-GB"]:
        assert locale_pattern.match(accepted), accepted
    for refused in ["de", "nn-NO", "nb_NO", "", "english"]:
        assert not locale_pattern.match(refused), refused
    assert measure_parameters["limit"]["schema"]["maximum"] == 100
    detail = paths["/api/v1/measures/{id}/"]["get"]["parameters"]
    [path_id] = [p for p in detail if p["name"] == "id"]
    assert path_id["schema"] == {"type": "integer", "minimum": 1, "maximum": 2**31 - 1}
    for path, item in paths.items():
        for parameter in item["get"].get("parameters", []):
            assert parameter["schema"].get("type"), (path, parameter["name"])


def test_schema_is_in_english_whatever_the_request_language(client):
    document = client.get("/api/schema/", {"format": "json"}, headers={"accept-language": "nb"})
    assert "Tittel" not in document.content.decode()


def test_docs_are_served_without_a_cdn(client, settings):
    settings.WHITENOISE_USE_FINDERS = True  # as with DEBUG on; production runs collectstatic
    response = client.get("/api/docs/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "cdn." not in html and "unpkg" not in html
    # The initialisation is a script file of its own (no inline script, for the CSP).
    assert '<script src="/api/docs/?script="></script>' in html
    assert "/api/schema/" in client.get("/api/docs/?script=").content.decode()
    assets = re.findall(r'(?:src|href)="(/static/drf_spectacular_sidecar/[^"]+)"', html)
    assert any(asset.endswith("swagger-ui-bundle.js") for asset in assets)
    for asset in assets:
        assert client.get(asset).status_code == 200, asset
