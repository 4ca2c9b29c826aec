"""``GET /api/v1/preview/?content_type=&token=``: a draft in the shape of its endpoint.

Editors press "Preview" in Wagtail; wagtail-headless-preview stores the draft under a signed
token and opens the website's preview page (``HEADLESS_PREVIEW_URL``) with ``content_type`` and
``token``; the website fetches this endpoint. Responses are never cached.
"""

from django.apps import apps
from django.core.signing import BadSignature
from django.http import Http404
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.response import Response

from core.languages import content_languages
from core.visibility import public_pages

from ..caching import add_private_headers
from ..errors import invalid_parameter
from ..locales import Locales
from ..types import registered_models, viewset_for_model
from ..views import NOT_FOUND_RESPONSES, PublicAPIView


class PreviewParametersSerializer(serializers.Serializer):
    content_type = serializers.CharField(
        max_length=200, help_text='The page type as "app_label.model", e.g. "plan.actionplanpage".'
    )
    token = serializers.CharField(max_length=500, help_text="The preview token.")


def _page_model(content_type):
    try:
        model = apps.get_model(content_type)
    except (LookupError, ValueError):
        model = None
    if model is None or model not in registered_models():
        raise invalid_parameter("content_type", f"Unknown page type {content_type[:50]!r}.")
    return model


class PreviewView(PublicAPIView):
    """A draft page rendered as its endpoint would show it once published."""

    cache_responses = False

    def get(self, request):
        parameters = PreviewParametersSerializer(data=request.query_params)
        parameters.is_valid(raise_exception=True)
        model = _page_model(parameters.validated_data["content_type"])
        try:
            page = model.get_page_from_preview_token(parameters.validated_data["token"])
        except BadSignature:
            page = None
        if page is None:
            raise Http404
        return Response(self.render_page(page))

    def render_page(self, page):
        if page.pk is None:
            page.pk = 0  # a page never saved: wagtail-headless-preview's convention
        language = self.locales.code(page.locale_id)
        if language in content_languages():
            self.locales = Locales(language)
            self.__dict__.pop("api", None)
        viewset = viewset_for_model(type(page)).for_request(self)
        page.tree_path = (
            public_pages(type(page))
            .filter(translation_key=page.translation_key, locale_id=self.locales.default_id)
            .values_list("path", flat=True)
            .first()
        ) or page.path
        viewset.attach([page])
        return viewset.serialize_detail(page)

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        return add_private_headers(response)


def schema():
    """Decorate the preview view once every page type is registered (from the URLconf)."""
    from .resolve import _page_data_schema

    extend_schema(
        parameters=[PreviewParametersSerializer],
        responses={200: _page_data_schema(), **NOT_FOUND_RESPONSES},
    )(PreviewView.get)
