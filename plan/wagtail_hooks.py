"""Wagtail hooks of the plan admin views: their URLs, the report menu, the buttons that lead to
them and the plan dashboard on the admin's start page."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets.button import Button

from home.models import BranchPage
from plan.admin.dashboard import PlanDashboardPanel
from plan.admin.fork import ForkPlanView, may_add_plans
from plan.admin.jobs import ImportPlanView, PlanJobView
from plan.admin.pdf import PDF_LABEL, may_print, plan_pdf_view
from plan.admin.status_report import (
    REPORT_LABEL,
    StatusReportView,
    report_branches,
    status_report_index,
)
from plan.models import ActionPlanPage

FORK_LABEL = _("New plan based on …")
IMPORT_LABEL = _("Import plan template")


@hooks.register("register_admin_urls")
def register_plan_admin_urls():
    return [
        path("plans/fork/<int:branch_id>/", ForkPlanView.as_view(), name="plan_fork"),
        path("plans/import/<int:branch_id>/", ImportPlanView.as_view(), name="plan_import"),
        path("plans/jobs/<int:job_id>/", PlanJobView.as_view(), name="plan_job"),
        path("plans/<int:plan_id>/pdf/", plan_pdf_view, name="plan_pdf"),
        path("reports/status/", status_report_index, name="plan_status_report_index"),
        path(
            "reports/status/<int:branch_id>/",
            StatusReportView.as_view(),
            name="plan_status_report",
        ),
        path(
            "reports/status/<int:branch_id>/results/",
            StatusReportView.as_view(results_only=True),
            name="plan_status_report_results",
        ),
    ]


class StatusReportMenuItem(MenuItem):
    """Shown to editors and approvers of a branch (and superusers)."""

    def is_shown(self, request):
        return bool(report_branches(request.user))


@hooks.register("register_reports_menu_item")
def register_status_report_menu_item():
    return StatusReportMenuItem(
        REPORT_LABEL, reverse("plan_status_report_index"), icon_name="list-ul", order=50
    )


def _fork_button(page, user, priority):
    if page.specific_class is BranchPage and may_add_plans(page, user):
        yield Button(
            FORK_LABEL, reverse("plan_fork", args=[page.pk]), icon_name="copy", priority=priority
        )
        yield Button(
            IMPORT_LABEL,
            reverse("plan_import", args=[page.pk]),
            icon_name="upload",
            priority=priority + 1,
        )


@hooks.register("register_page_header_buttons")
def fork_header_button(page, user, view_name=None, next_url=None):
    yield from _fork_button(page, user, priority=16)


@hooks.register("register_page_listing_more_buttons")
def fork_listing_button(page, user, next_url=None):
    yield from _fork_button(page, user, priority=9)


def _pdf_button(page, user, priority):
    if page.specific_class is ActionPlanPage and may_print(page, user):
        yield Button(
            PDF_LABEL, reverse("plan_pdf", args=[page.pk]), icon_name="download", priority=priority
        )


@hooks.register("register_page_header_buttons")
def pdf_header_button(page, user, view_name=None, next_url=None):
    yield from _pdf_button(page, user, priority=17)


@hooks.register("register_page_listing_more_buttons")
def pdf_listing_button(page, user, next_url=None):
    yield from _pdf_button(page, user, priority=10)


@hooks.register("construct_homepage_panels")
def add_plan_dashboard(request, panels):
    panels.insert(0, PlanDashboardPanel(request.user))
