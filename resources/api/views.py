"""Resource articles, events and (for resolve and preview) their index pages."""

from django.db.models import F
from drf_spectacular.utils import extend_schema_view

from cms.api.serializers import rows_prefetch
from cms.api.types import register_page_type
from cms.api.views import PageViewSet, locale_and_errors
from core.visibility import public_pages
from plan.models import MeasurePage, MeasureRelatedEvent, MeasureRelatedResource
from resources.models import (
    EventCoOrganiser,
    EventIndexPage,
    EventPage,
    EventTargetGroup,
    ResourceArticlePage,
    ResourceIndexPage,
    ResourceTopic,
)

from .filters import EventFilter, ResourceFilter
from .serializers import (
    EventIndexSerializer,
    EventSerializer,
    ResourceIndexSerializer,
    ResourceSerializer,
)


def attach_measures(objects, row_model, target, locales):
    """Set ``api_measures`` on each object: ids of the default-language public measures whose
    ``row_model`` rows point at it (in any language), in plan order. One query."""
    for obj in objects:
        obj.api_measures = []
    if not objects:
        return
    by_key = {obj.translation_key: obj for obj in objects}
    measures = public_pages(MeasurePage).filter(locale_id=locales.default_id)
    rows = (
        row_model.objects.filter(
            **{f"{target}__translation_key__in": list(by_key)}, page__in=measures
        )
        .order_by("page__path")
        .values_list(f"{target}__translation_key", "page_id")
        .distinct()
    )
    for key, measure_id in rows:
        if measure_id not in by_key[key].api_measures:
            by_key[key].api_measures.append(measure_id)


@extend_schema_view(
    list=locale_and_errors(responses=ResourceSerializer(many=True)),
    retrieve=locale_and_errors(responses=ResourceSerializer),
)
class ResourceViewSet(PageViewSet):
    """Resource articles: publications the plans build on."""

    model = ResourceArticlePage
    serializer_class = ResourceSerializer
    filterset_class = ResourceFilter

    def prefetch(self, queryset):
        return queryset.prefetch_related(
            rows_prefetch("topics", ResourceTopic.objects.select_related("topic"))
        )

    def attach(self, objects):
        attach_measures(objects, MeasureRelatedResource, "resource", self.locales)


@extend_schema_view(
    list=locale_and_errors(responses=EventSerializer(many=True)),
    retrieve=locale_and_errors(responses=EventSerializer),
)
class EventViewSet(PageViewSet):
    """Events of the county branches, ordered by start date (undated last)."""

    model = EventPage
    serializer_class = EventSerializer
    filterset_class = EventFilter

    def order(self, queryset):
        return queryset.order_by(F("start_date").asc(nulls_last=True), "path")

    def prefetch(self, queryset):
        return queryset.prefetch_related(
            rows_prefetch("target_groups", EventTargetGroup.objects.select_related("target_group")),
            rows_prefetch("co_organisers", EventCoOrganiser.objects.select_related("organisation")),
        )

    def attach(self, objects):
        attach_measures(objects, MeasureRelatedEvent, "event", self.locales)


class ResourceIndexViewSet(PageViewSet):
    """No endpoint of its own; resolve and preview show resource indexes this way."""

    model = ResourceIndexPage
    serializer_class = ResourceIndexSerializer


class EventIndexViewSet(PageViewSet):
    """No endpoint of its own; resolve and preview show event indexes this way."""

    model = EventIndexPage
    serializer_class = EventIndexSerializer


register_page_type(ResourceIndexPage, "resource_index", ResourceIndexViewSet)
register_page_type(ResourceArticlePage, "resource", ResourceViewSet)
register_page_type(EventIndexPage, "event_index", EventIndexViewSet)
register_page_type(EventPage, "event", EventViewSet)
