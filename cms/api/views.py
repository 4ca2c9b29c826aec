"""Base classes of the public endpoints.

:class:`PublicAPIView` gives every endpoint the same behaviour: language negotiation, strict
parameter checks, the error format, HTTP caching and the bulk resolution of deferred values.
:class:`PageViewSet` adds list and detail for a page type, with structure and order from the
default language's tree and each object swapped for its translation when there is one.
"""

from functools import cache

from django.db.models import F, Q
from django.http import Http404
from django.utils.translation import gettext as _
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import generics, viewsets
from rest_framework.response import Response
from wagtail.models import Page

from core.visibility import public_pages

from . import deferred
from .arrays import in_subquery
from .caching import serve_cached
from .context import ApiContext
from .dependencies import (
    PAGES,
    SNIPPETS,
    children_read_tags,
    page_read_tags,
    record_many,
    type_tag,
)
from .errors import ErrorSerializer, invalid_parameter
from .facts import share_facts
from .filters import MAX_ID, parse_id
from .language import api_language
from .locales import Locales, locale_pattern, negotiate_language
from .pagination import ApiPagination
from .sql_templates import SqlTemplate, StartsWith, now_slot, slot

MAX_PARAMETER_LENGTH = 1000

LOCALE_PARAMETER = OpenApiParameter(
    "locale",
    OpenApiTypes.STR,
    OpenApiParameter.QUERY,
    pattern=locale_pattern(),
    description=(
        "The language of the response: a content language in any of the forms of "
        "Accept-Language, case-insensitive (nb, EN, nb-NO, no for Bokmål). Without it the "
        "Accept-Language header decides, and the default language when that names no content "
        "language."
    ),
)
ID_PARAMETER = OpenApiParameter(
    "id",
    {"type": "integer", "minimum": 1, "maximum": MAX_ID},
    OpenApiParameter.PATH,
    description="The page's id, in any language (the response is in the requested one).",
)
ERROR_RESPONSES = {
    400: OpenApiResponse(ErrorSerializer, description="A parameter is invalid."),
    405: OpenApiResponse(ErrorSerializer, description="Only GET, HEAD and OPTIONS are allowed."),
}
NOT_FOUND_RESPONSES = {
    **ERROR_RESPONSES,
    404: OpenApiResponse(ErrorSerializer, description="Not found, or not public."),
}


def localize(model, rows, locales, prefetch=None):
    """The objects to show for default-language ``rows`` of ``(translation_key, path)``.

    Each object is the public translation in the requested language, or the default one (a
    fallback), in the order of ``rows``. ``tree_path`` on each object is the default page's
    path: structure comes from the default tree, which wagtail-localize does not keep in step
    on moves. Translations get the facts of their default page (:mod:`cms.api.facts`). One
    query plus the prefetches of ``prefetch(queryset)``.
    """
    rows = list(rows)
    if not rows:
        return []
    keys = Q(translation_key__in=[key for key, _path in rows])
    return _choose(rows, _candidates(model, keys, locales, prefetch), model, locales)


def localize_in_tree_order(model, default_pages, locales, prefetch=None):
    """:func:`localize` for ``default_pages``, an unevaluated queryset of public
    default-language pages of ``model``, in tree order: one query plus the prefetches, as the
    default pages come with their translations."""
    keys = in_subquery("translation_key", default_pages.values("translation_key"))
    return _in_tree_order(model, _candidates(model, keys, locales, prefetch), locales)


def localize_descendants(model, locales, path, depth, prefetch=None):
    """:func:`localize_in_tree_order` of :func:`default_descendants`, with SQL compiled once
    per process; ``prefetch(objects)`` loads what the serializers read into the candidates,
    a list."""
    if path:
        record_many(children_read_tags(path))
    candidates = _recorded_as_read(
        _descendants_query(model).objects(
            path=path, depth=depth, requested=locales.requested_id, default=locales.default_id
        )
    )
    if prefetch is not None:
        prefetch(candidates)
    return _in_tree_order(model, candidates, locales)


@cache
def _descendants_query(model):
    """The public ``model`` pages in the requested and default language whose default page is
    at ``depth`` below ``path`` (of any type: the join to ``model`` picks its own)."""

    def build():
        default_pages = public_pages(Page, now_slot()).filter(
            StartsWith(F("path"), "path"), locale_id=slot("default"), depth=slot("depth")
        )
        keys = in_subquery("translation_key", default_pages.values("translation_key"))
        locales = Q(locale_id=slot("requested")) | Q(locale_id=slot("default"))
        return public_pages(model, now_slot()).filter(keys, locales)

    return SqlTemplate(build)


def _in_tree_order(model, candidates, locales):
    """:func:`_choose` among ``candidates`` in the order of their default pages' paths."""
    defaults = [obj for obj in candidates if obj.locale_id == locales.default_id]
    rows = [(obj.translation_key, obj.path) for obj in sorted(defaults, key=lambda o: o.path)]
    return _choose(rows, candidates, model, locales)


def _candidates(model, keys, locales, prefetch):
    """The public ``model`` pages matching ``keys`` in the requested and default language."""
    queryset = public_pages(model).filter(keys, locale_id__in=locales.ids)
    return _recorded_as_read(list((prefetch or _same)(queryset)))


def _recorded_as_read(candidates):
    """``candidates``, with the cache tags of each page recorded as read by the response."""
    for obj in candidates:
        record_many(page_read_tags(obj.path))
    return candidates


def _choose(rows, candidates, model, locales):
    defaults, requested = {}, {}
    for obj in candidates:
        if obj.locale_id == locales.default_id:
            defaults[obj.translation_key] = obj
        if obj.locale_id == locales.requested_id:
            requested[obj.translation_key] = obj
    result = []
    for key, path in rows:
        record_many(page_read_tags(path))
        obj = requested.get(key) or defaults.get(key)
        if obj is not None:
            obj.tree_path = path
            result.append(obj)
    share_facts(model, result, locales, defaults)
    return result


def _same(queryset):
    return queryset


def attach_children(api, parents, children):
    """Record each of ``children`` under its parent among ``parents`` in ``api.children``.

    Parents and children are matched by their paths in the default tree (``tree_path``, set by
    :func:`localize`); the children keep their order. Every parent gets a list, possibly empty;
    a child whose parent is not among ``parents`` is left out.
    """
    by_path = {}
    for parent in parents:
        by_path[parent.tree_path] = api.children[parent.pk] = []
    for child in children:
        siblings = by_path.get(child.tree_path[: -Page.steplen])
        if siblings is not None:
            siblings.append(child)


def default_descendants(model, locales, path, depth):
    """``(translation_key, path)`` of the public default-language ``model`` pages at ``depth``
    below ``path``, in tree order."""
    if path:
        record_many(children_read_tags(path))
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

    def dependency_tags(self):
        """What a response depends on beyond the pages and objects it shows (which the code
        that reads them records): by default any page or snippet, as for search."""
        return {PAGES, SNIPPETS}

    def dispatch(self, request, *args, **kwargs):
        with api_language(request) as language:
            if self.cache_responses and request.method in ("GET", "HEAD"):
                response = serve_cached(
                    request, lambda: super(PublicAPIView, self).dispatch(request, *args, **kwargs)
                )
            else:
                response = super().dispatch(request, *args, **kwargs)
        if response.status_code < 400:
            response["Content-Language"] = self.content_language(request, language.content)
        else:
            response["Content-Language"] = language.texts
        return response

    def content_language(self, request, negotiated):
        """The language of a successful response's body (resolve: the path's language)."""
        locales = getattr(self, "locales", None)
        return locales.language if locales else negotiated

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        for name, value in request.query_params.items():
            if "\x00" in value or len(value) > MAX_PARAMETER_LENGTH:
                raise invalid_parameter(
                    name,
                    _("%(parameter)s is too long or contains a NUL character.")
                    % {"parameter": name},
                )
        self.set_locales(Locales(negotiate_language(request)))
        request.api_locales = self.locales
        record_many(self.dependency_tags())

    def set_locales(self, locales):
        """Answer in ``locales``: a fresh serializer context (:class:`ApiContext`) goes with it."""
        self.locales = locales
        self.api = ApiContext(locales)

    def get_serializer_context(self):
        return {**super().get_serializer_context(), "api": getattr(self, "api", None)}

    def finalize_response(self, request, response, *args, **kwargs):
        if response.status_code == 200 and isinstance(response.data, dict | list):
            response.api_pages = []  # the page objects it shows, for the CDN tags
            response.data = deferred.resolve(response.data, self.api, response.api_pages)
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

    def dependency_tags(self):
        """A list depends on every page of its type; a detail on what it shows."""
        if getattr(self, "action", None) == "list":
            return {type_tag(self.model), SNIPPETS}
        return set()

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
        keys = public_pages(self.model).filter(pk=parse_id(self.kwargs["pk"]))
        default_pages = self.get_queryset().filter(
            translation_key__in=keys.values("translation_key")
        )
        objects = localize_in_tree_order(self.model, default_pages, self.locales, self.prefetch)
        self.attach(objects)
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
        instance.set_locales(view.locales)
        return instance


def locale_and_errors(responses, parameters=(), **kwargs):
    """``extend_schema`` for a page endpoint: the locale parameter and the error responses."""
    detail = not getattr(responses, "many", False)
    if detail and not any(p.location == OpenApiParameter.PATH for p in parameters):
        parameters = [ID_PARAMETER, *parameters]
    return extend_schema(
        parameters=[LOCALE_PARAMETER, *parameters],
        responses={200: responses, **(NOT_FOUND_RESPONSES if detail else ERROR_RESPONSES)},
        **kwargs,
    )
