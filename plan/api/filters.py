"""Filters of the plan and measure lists (values are validated; anything unknown is a 400)."""

from django_filters import rest_framework as filters

from cms.api.filters import (
    IntegerFilter,
    PublicFilterSet,
    SearchFilterMixin,
    id_filter,
    snippet_key,
)
from core.models import Organisation, TargetGroup
from home.api.filters import BranchFilterMixin
from plan.models import (
    ActionPlanPage,
    MeasureGoal,
    MeasurePage,
    MeasurePartner,
    MeasureStatus,
    MeasureTargetGroup,
    StrategyPage,
)


class PlanFilter(BranchFilterMixin):
    stage = filters.ChoiceFilter(
        choices=ActionPlanPage.Stage.choices, label="Proposed, adopted or archived."
    )
    year = IntegerFilter(
        method="filter_year", min_value=2000, max_value=2100, label="A year inside the period."
    )

    class Meta:
        model = ActionPlanPage
        fields = ["branch", "stage", "year"]

    def filter_year(self, queryset, name, value: int):
        return queryset.filter(period_start__lte=value, period_end__gte=value)


class MeasureFilter(SearchFilterMixin, PublicFilterSet):
    plan = id_filter("filter_plan", "Id of a plan (in any language).")
    strategy = id_filter("filter_strategy", "Id of a strategy (in any language).")
    status = filters.ChoiceFilter(
        choices=MeasureStatus.choices,
        method="filter_status",
        label="The current status (of the latest status update).",
    )
    partner = id_filter("filter_partner", "Id of a partner organisation (in any language).")
    target_group = id_filter("filter_target_group", "Id of a target group (in any language).")
    goal = IntegerFilter(
        method="filter_goal",
        min_value=1,
        max_value=17,
        label="Number of a Sustainable Development Goal (1–17).",
    )

    class Meta:
        model = MeasurePage
        fields = ["plan", "strategy", "status", "partner", "target_group", "goal", "search"]

    def filter_plan(self, queryset, name, value: int):
        return self.filter_below(queryset, ActionPlanPage, value, "plan")

    def filter_strategy(self, queryset, name, value: int):
        return self.filter_below(queryset, StrategyPage, value, "strategy")

    def filter_status(self, queryset, name, value: str):
        return queryset.annotate(api_status=MeasurePage.current_status_expression()).filter(
            api_status=value
        )

    def filter_partner(self, queryset, name, value: int):
        key = snippet_key(Organisation, value, "partner")
        rows = MeasurePartner.objects.filter(organisation__translation_key=key)
        return queryset.filter(pk__in=rows.values("page_id"))

    def filter_target_group(self, queryset, name, value: int):
        key = snippet_key(TargetGroup, value, "target_group")
        rows = MeasureTargetGroup.objects.filter(target_group__translation_key=key)
        return queryset.filter(pk__in=rows.values("page_id"))

    def filter_goal(self, queryset, name, value: int):
        return queryset.filter(
            pk__in=MeasureGoal.objects.filter(goal__number=value).values("page_id")
        )
