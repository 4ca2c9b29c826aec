"""The admin's "Statusrapport": the measures of a branch's plans, drafts included.

Only the branch's editors and approvers (and superusers) may open a branch's report; the
list can be filtered by plan, status and strategy and downloaded as an Excel workbook.
"""

import django_filters
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.defaults import permission_denied
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.models import Locale

from access.branch_groups import approvers_group_name, editors_group_name
from home.models import BranchPage
from plan.models import ActionPlanPage, MeasurePage, MeasureStatus, StrategyPage
from plan.services.report import ReportRow, rows_for_measures

REPORT_LABEL = gettext_lazy("Status report")


def report_branches(user):
    """The branches (default language) whose status report ``user`` may open."""
    branches = BranchPage.objects.filter(locale=Locale.get_default()).order_by("path")
    if user.is_superuser:
        return list(branches)
    groups = set(user.groups.values_list("name", flat=True))
    return [
        b for b in branches if {editors_group_name(b.title), approvers_group_name(b.title)} & groups
    ]


class StatusReportFilterSet(WagtailFilterSet):
    plan = django_filters.ModelChoiceFilter(
        label=gettext_lazy("Plan"), queryset=ActionPlanPage.objects.none(), method="in_plan"
    )
    status = django_filters.ChoiceFilter(
        label=gettext_lazy("Status"), choices=MeasureStatus.choices, field_name="report_status"
    )
    strategy = django_filters.ModelChoiceFilter(
        label=gettext_lazy("Strategy"), queryset=StrategyPage.objects.none(), method="in_strategy"
    )

    class Meta:
        model = MeasurePage
        fields = []

    def __init__(self, *args, branch=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["plan"].queryset = ActionPlanPage.objects.child_of(branch).order_by("path")
        self.filters["strategy"].queryset = StrategyPage.objects.descendant_of(branch).order_by(
            "path"
        )

    def in_plan(self, queryset, name, plan):
        return queryset.descendant_of(plan)

    def in_strategy(self, queryset, name, strategy):
        return queryset.child_of(strategy)


class StatusReportView(ReportView):
    """Every measure of one branch's plans with its status, latest update and timing."""

    page_title = REPORT_LABEL
    header_icon = "list-ul"
    filterset_class = StatusReportFilterSet
    index_url_name = "plan_status_report"
    index_results_url_name = "plan_status_report_results"
    paginate_by = 100
    list_export = [
        "title",
        "plan_title",
        "strategy",
        "status_label",
        "update_date",
        "update_note",
        "start_date",
        "end_date",
        "timing_text",
        "partners_text",
        "contacts_text",
        "state",
    ]

    def dispatch(self, request, branch_id, *args, **kwargs):
        self.branch = get_object_or_404(BranchPage, pk=branch_id)
        if self.branch not in report_branches(request.user):
            return permission_denied(
                request, PermissionDenied(_("You may not see this branch's status report."))
            )
        return super().dispatch(request, branch_id, *args, **kwargs)

    def get_index_url(self):
        return reverse(self.index_url_name, args=[self.branch.pk])

    def get_index_results_url(self):
        return reverse(self.index_results_url_name, args=[self.branch.pk])

    def get_filterset_kwargs(self):
        return {**super().get_filterset_kwargs(), "branch": self.branch}

    @cached_property
    def export_headings(self):
        return {
            "title": _("Measure"),
            "plan_title": _("Plan"),
            "strategy": _("Strategy"),
            "status_label": _("Status"),
            "update_date": _("Last status update"),
            "update_note": _("Note"),
            "start_date": _("Start date"),
            "end_date": _("End date"),
            "timing_text": _("Timing"),
            "partners_text": _("Partners"),
            "contacts_text": _("Contact"),
            "state": _("Published"),
        }

    @cached_property
    def columns(self):
        return [
            TitleColumn("title", label=_("Measure"), url_name="wagtailadmin_pages:edit"),
            Column("plan_title", label=_("Plan")),
            Column("strategy", label=_("Strategy")),
            Column("status_label", label=_("Status")),
            DateColumn("update_date", label=_("Last status update")),
            Column("update_note", label=_("Note")),
            Column("timing_text", label=_("Timing")),
            Column("state", label=_("Published")),
        ]

    def get_filename(self):
        return f"statusrapport-{self.branch.slug}"

    def get_queryset(self):
        return (
            MeasurePage.objects.descendant_of(self.branch)
            .annotate(report_status=MeasurePage.current_status_expression())
            .prefetch_related("status_updates", "partners__organisation", "contacts__contact")
            .order_by("path")
        )

    def paginate_queryset(self, queryset, page_size):
        paginator, page, object_list, more = super().paginate_queryset(queryset, page_size)
        return paginator, page, self.decorate_paginated_queryset(object_list), more

    def decorate_paginated_queryset(self, object_list):
        """Report rows of the measures (already rows when the page was paginated)."""
        measures = list(object_list)
        if measures and isinstance(measures[0], ReportRow):
            return measures
        parents = self._parents()
        pairs = []
        for measure in measures:
            strategy = parents.get(measure.path[: -MeasurePage.steplen])
            pairs.append((strategy.title if strategy else "", measure))
        rows = rows_for_measures(pairs, self.request.LANGUAGE_CODE)
        for row, measure in zip(rows, measures, strict=True):
            plan = parents.get(measure.path[: -2 * MeasurePage.steplen])
            row.pk = measure.pk
            row.plan_title = plan.title if plan else ""
            row.state = _("Yes") if measure.live else _("No (draft)")
        return rows

    def _parents(self):
        pages = {}
        for model in (ActionPlanPage, StrategyPage):
            for page in model.objects.descendant_of(self.branch).only("title", "path"):
                pages[page.path] = page
        return pages


def status_report_index(request):
    """The menu's entry: the report of the (first) branch the user may see."""
    branches = report_branches(request.user)
    if not branches:
        return permission_denied(request, PermissionDenied(_("You edit no branch.")))
    return redirect("plan_status_report", branches[0].pk)
