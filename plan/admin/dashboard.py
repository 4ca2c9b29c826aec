"""The plan dashboard on the admin's start page: where the editor's branch stands.

For each branch the user works in (a branch editor: their own; national staff and
superusers: every branch): its plans with the number of measures per status, measures
without a status update for ``STALE_AFTER_DAYS`` days, pages waiting for approval and
translations that are out of date. Every line links to the page in the admin.
"""

from dataclasses import dataclass, field
from datetime import timedelta

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Max, Q
from django.urls import reverse
from django.utils import timezone
from wagtail.admin.ui.components import Component
from wagtail.models import Locale, Page, WorkflowState

from access.permissions import editable_branches, home_branch
from home.models import BranchPage
from plan.models import ActionPlanPage, MeasurePage, MeasureStatus
from plan.services.translation_status import outdated_translations

STALE_AFTER_DAYS = 90
#: Measures in these statuses need no more updates.
FINISHED = (MeasureStatus.COMPLETED, MeasureStatus.CANCELLED)


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


@dataclass
class PlanLine:
    """A plan and how many of its measures have each status."""

    page: Page
    url: str
    counts: list  # (status label, number)


@dataclass
class BranchDashboard:
    """What the dashboard shows for one branch."""

    branch: BranchPage
    plans: list = field(default_factory=list)
    stale_measures: list = field(default_factory=list)  # (page, url, last update date)
    awaiting_approval: list = field(default_factory=list)  # (page, url, task name)
    outdated_translations: list = field(default_factory=list)  # (page, url, source)

    @property
    def is_empty(self):
        return not (
            self.plans
            or self.stale_measures
            or self.awaiting_approval
            or self.outdated_translations
        )


def dashboard_branches(user):
    """The default-language branches whose dashboard ``user`` sees."""
    branch = home_branch(user)
    if branch is not None:
        return [branch]
    return list(editable_branches(user).filter(locale=Locale.get_default()).order_by("path"))


def _plan_lines(branch):
    lines = []
    labels = dict(MeasureStatus.choices)
    for plan in ActionPlanPage.objects.child_of(branch).order_by("path"):
        counts = dict(
            MeasurePage.objects.descendant_of(plan)
            .annotate(status=MeasurePage.current_status_expression())
            .order_by()
            .values_list("status")
            .annotate(number=Count("pk"))
            .values_list("status", "number")
        )
        lines.append(
            PlanLine(
                page=plan,
                url=edit_url(plan),
                counts=[(labels[value], counts[value]) for value in labels if counts.get(value)],
            )
        )
    return lines


def _stale_measures(branch, today):
    cutoff = today - timedelta(days=STALE_AFTER_DAYS)
    measures = (
        MeasurePage.objects.descendant_of(branch)
        .annotate(status=MeasurePage.current_status_expression(), last=Max("status_updates__date"))
        .exclude(status__in=FINISHED)
        .filter(Q(last__lt=cutoff) | Q(last__isnull=True))
        .order_by("path")
    )
    return [(measure, edit_url(measure), measure.last) for measure in measures]


def _subtree(branch):
    pages = Page.objects.none()
    for translation in branch.get_translations(inclusive=True):
        pages |= Page.objects.descendant_of(translation, inclusive=True)
    return pages


def _awaiting_approval(branch):
    page_ids = [str(pk) for pk in _subtree(branch).values_list("pk", flat=True)]
    states = (
        WorkflowState.objects.active()
        .filter(base_content_type=ContentType.objects.get_for_model(Page), object_id__in=page_ids)
        .select_related("current_task_state__task")
    )
    pages = Page.objects.in_bulk([int(state.object_id) for state in states])
    lines = []
    for state in states:
        page = pages[int(state.object_id)]
        task = state.current_task_state.task if state.current_task_state else None
        lines.append((page, edit_url(page), task.name if task else ""))
    return sorted(lines, key=lambda line: line[0].path)


def _outdated(branch):
    sources = Page.objects.descendant_of(branch, inclusive=True).order_by("path")
    return [
        (translation, edit_url(translation), source)
        for translation, source in outdated_translations(sources)
    ]


def branch_dashboard(branch, today=None):
    """The ``BranchDashboard`` of ``branch`` (a default-language branch page)."""
    today = today or timezone.localdate()
    return BranchDashboard(
        branch=branch,
        plans=_plan_lines(branch),
        stale_measures=_stale_measures(branch, today),
        awaiting_approval=_awaiting_approval(branch),
        outdated_translations=_outdated(branch),
    )


class PlanDashboardPanel(Component):
    """The admin home panel with the dashboards of the user's branches."""

    name = "plan_dashboard"
    order = 50
    template_name = "plan/admin/dashboard_panel.html"

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context["dashboards"] = [branch_dashboard(b) for b in dashboard_branches(self.user)]
        context["stale_after_days"] = STALE_AFTER_DAYS
        return context
