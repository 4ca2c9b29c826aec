"""``GET /api/v1/sitemap/``: every public URL with its last change and its translations."""

from drf_spectacular.utils import extend_schema
from rest_framework import serializers

from core.languages import content_languages
from core.links import page_url
from core.visibility import public_pages

from ..serializers import TranslationsField
from ..types import type_name_for_content_type
from ..views import ERROR_RESPONSES, PublicAPIView


class SitemapEntrySerializer(serializers.Serializer):
    id = serializers.IntegerField()
    key = serializers.UUIDField()
    type = serializers.CharField()
    locale = serializers.ChoiceField(choices=content_languages())
    url = serializers.CharField()
    lastmod = serializers.DateTimeField(allow_null=True, help_text="When it was last published.")
    translations = TranslationsField(help_text="The alternates in every language (hreflang).")


class SitemapView(PublicAPIView):
    """Public pages in every language, in tree order (paginated like every list)."""

    @extend_schema(responses={200: SitemapEntrySerializer(many=True), **ERROR_RESPONSES})
    def get(self, request):
        codes = self.locales.codes_by_id
        languages = content_languages()
        rows = (
            public_pages()
            .filter(locale_id__in=[pk for pk, code in codes.items() if code in languages])
            .order_by("path")
            .values(
                "pk",
                "translation_key",
                "locale_id",
                "url_path",
                "last_published_at",
                "content_type_id",
            )
        )
        page = self.paginate_queryset(rows)
        entries = [
            {
                "id": row["pk"],
                "key": row["translation_key"],
                "type": type_name_for_content_type(row["content_type_id"]),
                "locale": codes[row["locale_id"]],
                "url": page_url(codes[row["locale_id"]], row["url_path"]),
                "lastmod": row["last_published_at"],
                "translation_key": row["translation_key"],
            }
            for row in page
        ]
        data = SitemapEntrySerializer(entries, many=True).data
        return self.get_paginated_response(data)
