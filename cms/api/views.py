"""Base classes of the public endpoints.

:class:`PublicAPIView` gives every endpoint the same behaviour: language negotiation, strict
parameter checks, the error format, HTTP caching and the bulk resolution of deferred values.
:class:`PageViewSet` adds list and detail for a page type, with structure and order from the
default language's tree and each object swapped for its translation when there is one.
"""

from django.http import Http404
from django.utils.functional import cached_property
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import generics, viewsets
from rest_framework.response import Response

from core.languages import content_languages
from core.visibility import public_pages

from . import deferred
from .caching import serve_cached
from .context import ApiContext
from .errors import ErrorSerializer, invalid_parameter
from .filters import parse_id
from .locales import Locales, negotiate_language
from .pagination import ApiPagination

MAX_PARAMETER_LENGTH = 1000

LOCALE_PARAMETER = OpenApiParameter(
    "locale",
    OpenApiTypes.STR,
    OpenApiParameter.QUERY,
    enum=content_languages(),
    description=(
        "The language of the response. Without it the Accept-Language header decides, "
        "and the default language when that names no content language."
    ),
)
ERROR_RESPONSES = {400: OpenApiResponse(ErrorSerializer, description="A parameter is invalid.")}
NOT_FOUND_RESPONSES = {
    **ERROR_RESPONSES,
    404: OpenApiResponse(ErrorSerializer, description="Not found, or not public."),
}


def localize(model, rows, locales, prefetch=None):
    """The objects to show for default-language ``rows`` of ``(translation_key, path)``.

    Each object is the public translation in the requested language, or the default one (a
    fallback), in the order of ``rows``. ``tree_path`` on each object is the default page's
    path: structure comes from the default tree, which wagtail-localize does not keep in step
    on moves. Two queries plus the prefetches of ``prefetch(queryset)``.
    """
    rows = list(rows)
    if not rows:
        return []
    chosen = {}
    candidates = (
        public_pages(model)
        .filter(translation_key__in=[key for key, _path in rows], locale_id__in=locales.ids)
        .values_list("pk", "translation_key", "locale_id")
    )
    for pk, key, locale_id in candidates:
        if key not in chosen or locale_id == locales.requested_id:
            chosen[key] = pk
    queryset = model.objects.filter(pk__in=chosen.values())
    objects = {obj.translation_key: obj for obj in (prefetch or _same)(queryset)}
    result = []
    for key, path in rows:
        obj = objects.get(key)
        if obj is not None:
            obj.tree_path = path
            result.append(obj)
    return result


def _same(queryset):
    return queryset


def default_descendants(model, locales, path, depth):
    """``(translation_key, path)`` of the public default-language ``model`` pages at ``depth``
    below ``path``, in tree order."""
    return (
        public_pages(model)
        .filter(locale_id=locales.default_id, path__startswith=path, depth=depth)
        .order_by("path")
        .values_list("translation_key", "path")
    )


class PublicAPIView(generics.GenericAPIView):
    """Behaviour shared by every public endpoint."""

    cache_responses = True
    pagination_class = ApiPagination

    def dispatch(self, request, *args, **kwargs):
        if self.cache_responses and request.method in ("GET", "HEAD"):
            return serve_cached(
                request, lambda: super(PublicAPIView, self).dispatch(request, *args, **kwargs)
            )
        return super().dispatch(request, *args, **kwargs)

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        for name, value in request.query_params.items():
            if "\x00" in value or len(value) > MAX_PARAMETER_LENGTH:
                raise invalid_parameter(name, f"{name} is too long or contains a NUL character.")
        self.locales = Locales(negotiate_language(request))
        request.api_locales = self.locales

    @cached_property
    def api(self):
        return ApiContext(self.locales)

    def get_serializer_context(self):
        return {**super().get_serializer_context(), "api": self.api}

    def finalize_response(self, request, response, *args, **kwargs):
        if response.status_code == 200 and isinstance(response.data, dict | list):
            response.data = deferred.resolve(response.data, self.api)
        return super().finalize_response(request, response, *args, **kwargs)


class PageViewSet(PublicAPIView, viewsets.GenericViewSet):
    """List and detail of one page type, localised.

    Subclasses set ``model``, ``serializer_class`` (list items), optionally
    ``detail_serializer_class`` and ``filterset_class``, and extend :meth:`prefetch` with what
    their serializers read.
    """

    model = None
    detail_serializer_class = None
    filter_backends = [DjangoFilterBackend]
    filterset_class = None
    lookup_value_regex = "[^/]+"

    # --- Querysets -------------------------------------------------------------------------

    def get_queryset(self):
        """Public pages of the default language: what lists are filtered and ordered on."""
        if not hasattr(self, "locales"):  # schema generation
            return self.model.objects.none()
        return public_pages(self.model).filter(locale_id=self.locales.default_id)

    def order(self, queryset):
        return queryset.order_by("path")

    def prefetch(self, queryset):
        """Add the joins and prefetches the serializers need."""
        return queryset

    def attach(self, objects):
        """Load extra data for a batch of objects in bulk (override; no-op by default)."""

    # --- Localisation ----------------------------------------------------------------------

    def localize(self, rows):
        """The objects to show for default-language ``rows``; see :func:`localize`."""
        objects = localize(self.model, rows, self.locales, self.prefetch)
        self.attach(objects)
        return objects

    def get_default_row(self, **lookup):
        """The default-language ``(key, path)`` of the public page matching ``lookup``."""
        keys = public_pages(self.model).filter(**lookup).values("translation_key")
        row = (
            self.get_queryset()
            .filter(translation_key__in=keys)
            .values_list("translation_key", "path")
            .first()
        )
        if row is None:
            raise Http404
        return row

    def get_object(self):
        row = self.get_default_row(pk=parse_id(self.kwargs["pk"]))
        objects = self.localize([row])
        if not objects:
            raise Http404
        return objects[0]

    # --- Serialisation ---------------------------------------------------------------------

    def get_detail_serializer_class(self):
        return self.detail_serializer_class or self.serializer_class

    def prepare_detail(self, obj):
        """Load what only the detail representation shows (override; no-op by default)."""

    def serialize_detail(self, obj):
        """The detail representation of ``obj`` (also used by resolve and preview)."""
        self.prepare_detail(obj)
        serializer = self.get_detail_serializer_class()(obj, context=self.get_serializer_context())
        return serializer.data

    # --- Actions ---------------------------------------------------------------------------

    def list(self, request, *args, **kwargs):
        queryset = self.order(self.filter_queryset(self.get_queryset()))
        rows = self.paginate_queryset(queryset.values_list("translation_key", "path"))
        serializer = self.get_serializer(self.localize(rows), many=True)
        return self.get_paginated_response(serializer.data)

    def retrieve(self, request, *args, **kwargs):
        return Response(self.serialize_detail(self.get_object()))

    @classmethod
    def for_request(cls, view):
        """An instance that serializes within another view's request (resolve, preview)."""
        instance = cls()
        instance.request = view.request
        instance.format_kwarg = None
        instance.kwargs = {}
        instance.args = ()
        instance.locales = view.locales
        return instance


def locale_and_errors(responses, parameters=(), **kwargs):
    """``extend_schema`` for a page endpoint: the locale parameter and the error responses."""
    detail = not getattr(responses, "many", False)
    return extend_schema(
        parameters=[LOCALE_PARAMETER, *parameters],
        responses={200: responses, **(NOT_FOUND_RESPONSES if detail else ERROR_RESPONSES)},
        **kwargs,
    )
