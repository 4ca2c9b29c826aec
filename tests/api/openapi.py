"""Check API responses against the OpenAPI document the API itself serves."""

import re
from functools import cache

from django.test import Client
from openapi_schema_validator import OAS31Validator


@cache
def openapi_document():
    """The document served at /api/schema/ (JSON), fetched once per test run."""
    response = Client().get("/api/schema/", {"format": "json"})
    assert response.status_code == 200
    return response.json()


def _template_for(path):
    for template in openapi_document()["paths"]:
        pattern = "^" + re.sub(r"\\\{[^}]+\\\}", "[^/]+", re.escape(template)) + "$"
        if re.match(pattern, path):
            return template
    raise AssertionError(f"{path} is not in the OpenAPI document")


def response_schema(path, status=200):
    """The documented schema of a GET response of ``path`` with ``status``."""
    operation = openapi_document()["paths"][_template_for(path)]["get"]
    return operation["responses"][str(status)]["content"]["application/json"]["schema"]


def assert_matches_schema(response):
    """Validate ``response``'s JSON body against the schema documented for its path and status."""
    document = openapi_document()
    schema = {**response_schema(response.request["PATH_INFO"], response.status_code)}
    schema["components"] = document["components"]
    OAS31Validator(schema).validate(response.json())
