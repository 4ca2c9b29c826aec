"""``GET /api/v1/``: what the API offers."""

from django.conf import settings
from django.urls import reverse
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.response import Response

from core.languages import content_languages, default_language

from ..generation import current_generation
from ..views import PublicAPIView

ENDPOINTS = {
    "branches": "api-v1:branch-list",
    "plans": "api-v1:plan-list",
    "measures": "api-v1:measure-list",
    "resources": "api-v1:resource-list",
    "events": "api-v1:event-list",
    "search": "api-v1:search",
    "resolve": "api-v1:resolve",
    "sitemap": "api-v1:sitemap",
    "preview": "api-v1:preview",
    "schema": "api-schema",
    "docs": "api-docs",
}


class IndexSerializer(serializers.Serializer):
    name = serializers.CharField()
    version = serializers.CharField()
    default_locale = serializers.CharField()
    locales = serializers.ListField(child=serializers.CharField())
    generation = serializers.IntegerField(help_text="The content generation (changes on publish).")
    endpoints = serializers.DictField(child=serializers.CharField())


class IndexView(PublicAPIView):
    """The endpoints of the API, the content languages and the current content generation."""

    @extend_schema(operation_id="index", responses=IndexSerializer)
    def get(self, request):
        return Response(
            {
                "name": settings.SPECTACULAR_SETTINGS["TITLE"],
                "version": settings.SPECTACULAR_SETTINGS["VERSION"],
                "default_locale": default_language(),
                "locales": content_languages(),
                "generation": current_generation().value,
                "endpoints": {
                    name: request.build_absolute_uri(reverse(route))
                    for name, route in ENDPOINTS.items()
                },
            }
        )
