"""Plans (the whole plan in one response), strategies and measures."""

from drf_spectacular.utils import extend_schema_view

from cms.api.serializers import rows_prefetch
from cms.api.types import register_page_type
from cms.api.views import PageViewSet, default_descendants, locale_and_errors, localize
from plan.models import (
    ActionPlanPage,
    MeasureContact,
    MeasureGoal,
    MeasurePage,
    MeasurePartner,
    MeasureRelatedEvent,
    MeasureRelatedResource,
    MeasureStatusUpdate,
    MeasureTargetGroup,
    StrategyGoal,
    StrategyPage,
)

from .filters import MeasureFilter, PlanFilter
from .serializers import (
    MeasureDetailSerializer,
    PlanDetailSerializer,
    PlanSerializer,
    StrategyDetailSerializer,
)


def prefetch_measures(queryset):
    """Everything a measure's serializer reads, in one query per relation."""
    return queryset.prefetch_related(
        rows_prefetch("status_updates", MeasureStatusUpdate.objects.all()),
        rows_prefetch("partners", MeasurePartner.objects.select_related("organisation")),
        rows_prefetch("target_groups", MeasureTargetGroup.objects.select_related("target_group")),
        rows_prefetch("contacts", MeasureContact.objects.select_related("contact")),
        rows_prefetch("goals", MeasureGoal.objects.select_related("goal")),
        rows_prefetch("related_events", MeasureRelatedEvent.objects.all()),
        rows_prefetch("related_resources", MeasureRelatedResource.objects.all()),
    )


def prefetch_strategies(queryset):
    return queryset.prefetch_related(
        rows_prefetch("goals", StrategyGoal.objects.select_related("goal"))
    )


def load_strategies(locales, plan_path):
    """The strategies of the plan at ``plan_path`` (default tree), each with its measures."""
    depth = len(plan_path) // StrategyPage.steplen
    strategies = localize(
        StrategyPage,
        default_descendants(StrategyPage, locales, plan_path, depth + 1),
        locales,
        prefetch_strategies,
    )
    measures = localize(
        MeasurePage,
        default_descendants(MeasurePage, locales, plan_path, depth + 2),
        locales,
        prefetch_measures,
    )
    by_strategy = {strategy.tree_path: strategy for strategy in strategies}
    for strategy in strategies:
        strategy.api_measures = []
    for measure in measures:
        strategy = by_strategy.get(measure.tree_path[: -MeasurePage.steplen])
        if strategy is not None:
            strategy.api_measures.append(measure)
    return strategies


def tree_path(page):
    return getattr(page, "tree_path", None) or page.path


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
        plan.api_strategies = load_strategies(self.locales, tree_path(plan))


class StrategyViewSet(PageViewSet):
    """Strategies have no endpoint of their own; resolve and preview show them this way."""

    model = StrategyPage
    serializer_class = StrategyDetailSerializer

    def prefetch(self, queryset):
        return prefetch_strategies(queryset)

    def prepare_detail(self, strategy):
        path = tree_path(strategy)
        strategy.api_measures = localize(
            MeasurePage,
            default_descendants(
                MeasurePage, self.locales, path, len(path) // MeasurePage.steplen + 1
            ),
            self.locales,
            prefetch_measures,
        )


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
