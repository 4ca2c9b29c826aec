"""Plans (the whole plan in one response), strategies and measures."""

from django.db.models import prefetch_related_objects
from drf_spectacular.utils import extend_schema_view

from cms.api.rows import load_rows
from cms.api.search import register_related_text
from cms.api.serializers import rows_prefetch
from cms.api.types import register_page_type
from cms.api.views import (
    PageViewSet,
    attach_children,
    locale_and_errors,
    localize_descendants,
)
from plan.models import (
    STRATEGY_RELATIONS,
    ActionPlanPage,
    MeasureContact,
    MeasureGoal,
    MeasurePage,
    MeasurePartner,
    MeasureTargetGroup,
    StrategyPage,
)

from .filters import MeasureFilter, PlanFilter
from .measures import MEASURE_ROWS
from .serializers import (
    MeasureDetailSerializer,
    PlanDetailSerializer,
    PlanSerializer,
    StrategyDetailSerializer,
)


def prefetch_relations(objects, relations):
    """The rows of each declared inline relation, one query per relation: when ``objects``, a
    queryset, is evaluated, or now for a list."""
    lookups = [rows_prefetch(relation.name, relation.rows_queryset()) for relation in relations]
    if isinstance(objects, list):
        prefetch_related_objects(objects, *lookups)
        return objects
    return objects.prefetch_related(*lookups)


def prefetch_measures(queryset):
    """The measures of ``queryset`` with everything their serializer reads: the rows of each
    relation as dicts, in one query per relation (``plan.api.measures``)."""
    return load_rows(list(queryset), MEASURE_ROWS.values())


def prefetch_strategies(queryset):
    return prefetch_relations(queryset, STRATEGY_RELATIONS)


def load_strategies(api, plan):
    """Record the plan's strategies in ``api``, and each strategy's measures. Two localised
    queries (plus prefetches), whatever the number of strategies."""
    depth = len(plan.tree_path) // StrategyPage.steplen
    path, locales = plan.tree_path, api.locales
    strategies = localize_descendants(StrategyPage, locales, path, depth + 1, prefetch_strategies)
    measures = localize_descendants(MeasurePage, locales, path, depth + 2, prefetch_measures)
    attach_children(api, [plan], strategies)
    attach_children(api, strategies, measures)


@extend_schema_view(
    list=locale_and_errors(responses=PlanSerializer(many=True)),
    retrieve=locale_and_errors(
        responses=PlanDetailSerializer,
        description="The whole plan: its texts, strategies in order and their measures in order.",
    ),
)
class PlanViewSet(PageViewSet):
    """Action plans of the county branches."""

    model = ActionPlanPage
    serializer_class = PlanSerializer
    detail_serializer_class = PlanDetailSerializer
    filterset_class = PlanFilter

    def prefetch(self, queryset):
        return queryset.select_related("contact_person")

    def prepare_detail(self, plan):
        load_strategies(self.api, plan)


class StrategyViewSet(PageViewSet):
    """Strategies have no endpoint of their own; resolve and preview show them this way."""

    model = StrategyPage
    serializer_class = StrategyDetailSerializer

    def prefetch(self, queryset):
        return prefetch_strategies(queryset)

    def prepare_detail(self, strategy):
        path = strategy.tree_path
        depth = len(path) // MeasurePage.steplen + 1
        measures = localize_descendants(MeasurePage, self.locales, path, depth, prefetch_measures)
        attach_children(self.api, [strategy], measures)


@extend_schema_view(
    list=locale_and_errors(responses=MeasureDetailSerializer(many=True)),
    retrieve=locale_and_errors(responses=MeasureDetailSerializer),
)
class MeasureViewSet(PageViewSet):
    """Measures of every plan, in plan order."""

    model = MeasurePage
    serializer_class = MeasureDetailSerializer
    filterset_class = MeasureFilter

    def prefetch(self, queryset):
        return prefetch_measures(queryset)


register_page_type(ActionPlanPage, "plan", PlanViewSet)
register_page_type(StrategyPage, "strategy", StrategyViewSet)
register_page_type(MeasurePage, "measure", MeasureViewSet)

register_related_text(MeasureContact, "page_id", "contact__name", "contact__role")
register_related_text(MeasurePartner, "page_id", "organisation__name", "organisation__short_name")
register_related_text(MeasureTargetGroup, "page_id", "target_group__name")
register_related_text(MeasureGoal, "page_id", "goal__title")
register_related_text(ActionPlanPage, "pk", "contact_person__name", "contact_person__role")
