"""One error format for the whole API: ``{"status", "detail", "errors": [{"parameter", ...}]}``."""

from django.http import JsonResponse
from rest_framework import serializers
from rest_framework.exceptions import ValidationError
from rest_framework.views import exception_handler as drf_exception_handler


class ParameterErrorSerializer(serializers.Serializer):
    parameter = serializers.CharField(
        allow_null=True, help_text="The query or path parameter at fault, if any."
    )
    message = serializers.CharField()


class ErrorSerializer(serializers.Serializer):
    """The body of every 4xx response."""

    status = serializers.IntegerField()
    detail = serializers.CharField()
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


def exception_handler(exc, context):
    """DRF's handler with the body rewritten into the API's error format."""
    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    if isinstance(exc, ValidationError):
        errors = list(_flatten(exc.detail))
        names = ", ".join(sorted({e["parameter"] for e in errors if e["parameter"]}))
        detail = f"Invalid parameter: {names}." if names else "Invalid request."
    else:
        errors = []
        detail = getattr(exc, "detail", response.data)
    response.data = error_body(response.status_code, detail, errors)
    return response


def not_found(request, *args, **kwargs):
    """A JSON 404 for unknown URLs under the API."""
    return JsonResponse(error_body(404, "Not found."), status=404)


def invalid_parameter(parameter, message):
    """A 400 naming ``parameter``."""
    return ValidationError({parameter: [message]})
