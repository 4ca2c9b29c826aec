"""Limit/offset pagination that rejects bad values instead of guessing."""

from django.utils.translation import gettext as _
from rest_framework.pagination import LimitOffsetPagination

from .errors import invalid_parameter

MAX_OFFSET = 1_000_000


def _whole_number(request, name, minimum, maximum=None):
    raw = request.query_params.get(name)
    if raw is None:
        return None
    try:
        value = int(raw)
    except ValueError:
        raise invalid_parameter(
            name, _("%(parameter)s must be a whole number.") % {"parameter": name}
        ) from None
    if value < minimum:
        raise invalid_parameter(
            name,
            _("%(parameter)s must be at least %(minimum)s.")
            % {"parameter": name, "minimum": minimum},
        )
    if maximum is not None and value > maximum:
        raise invalid_parameter(
            name,
            _("%(parameter)s must be at most %(maximum)s.")
            % {"parameter": name, "maximum": maximum},
        )
    return value


class ApiPagination(LimitOffsetPagination):
    """``limit`` (1–100, default 20) and ``offset`` (from 0); anything else is a 400."""

    default_limit = 20
    max_limit = 100

    def get_limit(self, request):
        value = _whole_number(request, self.limit_query_param, 1, self.max_limit)
        return self.default_limit if value is None else value

    def get_offset(self, request):
        return _whole_number(request, self.offset_query_param, 0, MAX_OFFSET) or 0

    def get_paginated_response_schema(self, schema):
        link = {"type": ["string", "null"], "format": "uri"}
        return {
            "type": "object",
            "required": ["count", "next", "previous", "results"],
            "properties": {
                "count": {"type": "integer", "example": 123},
                "next": {**link, "example": "https://cms.example.org/api/v1/plans/?offset=20"},
                "previous": link,
                "results": schema,
            },
        }

    def get_paginated_response(self, data):
        response = super().get_paginated_response(data)
        response.api_is_list = True  # lists get a short max-age (see cms.api.caching)
        return response

    def get_schema_operation_parameters(self, view):
        parameters = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            if parameter["name"] == self.limit_query_param:
                parameter["schema"].update(
                    {"minimum": 1, "default": self.default_limit, "maximum": self.max_limit}
                )
                parameter["description"] = (
                    f"Number of results to return (1–{self.max_limit}; anything else is a 400)."
                )
            elif parameter["name"] == self.offset_query_param:
                parameter["schema"].update({"minimum": 0, "maximum": MAX_OFFSET, "default": 0})
        return parameters
