"""One error format for the whole API: ``{"status", "detail", "errors": [{"parameter", ...}]}``.

Every message is human text in the language of the response (see :mod:`cms.api.language`).
"""

from django.http import Http404, JsonResponse
from django.utils.translation import gettext as _
from rest_framework import serializers
from rest_framework.exceptions import APIException, ValidationError
from rest_framework.views import exception_handler as drf_exception_handler


class ParameterErrorSerializer(serializers.Serializer):
    parameter = serializers.CharField(
        allow_null=True, help_text="The query or path parameter at fault, if any."
    )
    message = serializers.CharField(help_text="What is wrong, in the language of the response.")


class ErrorSerializer(serializers.Serializer):
    """The body of every 4xx response."""

    status = serializers.IntegerField()
    detail = serializers.CharField(help_text="What went wrong, in the language of the response.")
    errors = ParameterErrorSerializer(many=True)


def _flatten(detail, parameter=None):
    if isinstance(detail, dict):
        for name, value in detail.items():
            yield from _flatten(value, None if name == "non_field_errors" else name)
    elif isinstance(detail, list):
        for value in detail:
            yield from _flatten(value, parameter)
    else:
        yield {"parameter": parameter, "message": str(detail)}


def error_body(status, detail, errors=()):
    return {"status": status, "detail": str(detail), "errors": list(errors)}


def _detail(exc, data):
    """The human text of a non-validation error (never the repr of DRF's data)."""
    if isinstance(exc, Http404):
        return _("Not found.")
    if isinstance(exc, APIException) and isinstance(exc.detail, str):
        return exc.detail
    if isinstance(data, dict) and isinstance(data.get("detail"), str):
        return data["detail"]
    return _("The request could not be answered.")


def exception_handler(exc, context):
    """DRF's handler with the body rewritten into the API's error format."""
    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    if isinstance(exc, ValidationError):
        errors = list(_flatten(exc.detail))
        names = ", ".join(sorted({e["parameter"] for e in errors if e["parameter"]}))
        if names:
            detail = _("Invalid parameter: %(names)s.") % {"names": names}
        else:
            detail = _("Invalid request.")
    else:
        errors = []
        detail = _detail(exc, response.data)
    response.data = error_body(response.status_code, detail, errors)
    return response


def not_found(request, *args, **kwargs):
    """A JSON 404 for unknown URLs under the API, in the language of the request."""
    from .language import api_language

    with api_language(request) as language:
        response = JsonResponse(error_body(404, _("Not found.")), status=404)
        response["Content-Language"] = language.texts
    return response


def invalid_parameter(parameter, message):
    """A 400 naming ``parameter``."""
    return ValidationError({parameter: [message]})
