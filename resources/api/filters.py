"""Filters of the resource and event lists (values are validated; anything unknown is a 400)."""

from django.db.models import F, Q
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _
from django_filters import rest_framework as filters

from cms.api.errors import invalid_parameter
from cms.api.filters import SearchFilterMixin
from home.api.filters import BranchFilterMixin
from resources.models import EventPage, ResourceArticlePage, ResourceTopic, Topic


class ResourceFilter(BranchFilterMixin, SearchFilterMixin):
    topic = filters.CharFilter(method="filter_topic", max_length=255, label="Slug of a topic.")

    class Meta:
        model = ResourceArticlePage
        fields = ["topic", "branch", "search"]

    def filter_topic(self, queryset, name, value: str):
        if not Topic.objects.filter(slug=value).exists():
            raise invalid_parameter("topic", _("No topic “%(slug)s”.") % {"slug": value[:50]})
        rows = ResourceTopic.objects.filter(topic__slug=value)
        return queryset.filter(pk__in=rows.values("page_id"))


def upcoming_q(today):
    """Events that have not ended, or that recur and are still active."""
    return Q(api_last_day__gte=today) | (
        Q(is_recurring=True) & (Q(end_date__isnull=True) | Q(end_date__gte=today))
    )


class EventFilter(BranchFilterMixin):
    upcoming = filters.ChoiceFilter(
        choices=[("true", "true"), ("false", "false")],
        method="filter_upcoming",
        label="true: events not yet ended (or recurring and active); false: past events.",
    )
    kind = filters.ChoiceFilter(choices=EventPage.Kind.choices, label="The kind of event.")

    class Meta:
        model = EventPage
        fields = ["upcoming", "kind", "branch"]

    def filter_upcoming(self, queryset, name, value: str):
        queryset = queryset.annotate(api_last_day=Coalesce(F("end_date"), F("start_date")))
        upcoming = upcoming_q(timezone.localdate())
        if value == "true":
            return queryset.filter(upcoming)
        return queryset.exclude(pk__in=queryset.filter(upcoming).values("pk"))
