"""``GET /api/v1/search/?q=``: plans, measures, resources and events, most relevant first."""

from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from wagtail.models import Page

from ..errors import invalid_parameter
from ..richtext import plain_text
from ..search import MAX_QUERY_LENGTH, Found, search
from ..search_results import SUMMARY_LENGTH, ShownPages, candidates, hit_data
from ..serializers import PageSerializer
from ..types import registered_models, type_name_for_model
from ..views import ERROR_RESPONSES, LOCALE_PARAMETER, PublicAPIView

#: The page types search looks in.
SEARCH_TYPES = ["plan", "measure", "resource", "event"]


class SearchParametersSerializer(serializers.Serializer):
    q = serializers.CharField(
        max_length=MAX_QUERY_LENGTH,
        help_text=f"The words to search for (at most {MAX_QUERY_LENGTH} characters).",
    )
    type = serializers.ChoiceField(
        choices=SEARCH_TYPES, required=False, help_text="Search only this type."
    )

    def validate(self, attrs):
        if self.initial_data.get("type") == "":  # DRF takes an empty optional choice as absent
            raise invalid_parameter(
                "type", _("%(parameter)s must not be empty.") % {"parameter": "type"}
            )
        return attrs


class SearchResultSerializer(PageSerializer):
    """A search hit: the page's identity, language, URLs and title, its type and a summary."""

    # The schema of a hit; cms.api.search_results.hit_data builds the hits themselves.

    type = serializers.ChoiceField(choices=SEARCH_TYPES, read_only=True, source="api_type")
    summary = serializers.SerializerMethodField(help_text="The summary as plain text.")

    class Meta(PageSerializer.Meta):
        fields = [f for f in PageSerializer.Meta.fields if f != "unofficial_translation"]
        fields.append("summary")

    def get_summary(self, page) -> str:
        text = getattr(page, "summary", "") or getattr(page, "overall_goal", "")
        return plain_text(text, SUMMARY_LENGTH)


def searchable_models(type_name=None):
    names = [type_name] if type_name else SEARCH_TYPES
    return [model for model in registered_models() if type_name_for_model(model) in names]


class SearchView(PublicAPIView):
    """Full-text search across plans, measures, resources and events."""

    @extend_schema(
        parameters=[LOCALE_PARAMETER, SearchParametersSerializer],
        responses={200: SearchResultSerializer(many=True), **ERROR_RESPONSES},
    )
    def get(self, request):
        parameters = SearchParametersSerializer(data=request.query_params)
        parameters.is_valid(raise_exception=True)
        query = parameters.validated_data["q"].strip()
        models = searchable_models(parameters.validated_data.get("type"))
        pages = Page.objects.type(*models)
        found = (
            search(pages, query, self.locales, tuple(models), candidates(tuple(models)))
            if query
            else Found([], None)
        )
        limit, offset = self.paginator.get_limit(request), self.paginator.get_offset(request)
        shown = ShownPages(found.keys, models, self.locales, offset, limit, found.shown)
        hits = self.paginate_queryset(shown)
        return self.get_paginated_response(hit_data(hits, models, self.api))
