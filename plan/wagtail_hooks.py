"""Wagtail hooks of the plan admin views: their URLs and the buttons that lead to them."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets.button import Button

from home.models import BranchPage
from plan.admin.fork import ForkPlanView

FORK_LABEL = _("New plan based on …")


@hooks.register("register_admin_urls")
def register_plan_admin_urls():
    return [path("plans/fork/<int:branch_id>/", ForkPlanView.as_view(), name="plan_fork")]


def _fork_button(page, user, priority):
    if page.specific_class is BranchPage and page.permissions_for_user(user).can_add_subpage():
        yield Button(
            FORK_LABEL, reverse("plan_fork", args=[page.pk]), icon_name="copy", priority=priority
        )


@hooks.register("register_page_header_buttons")
def fork_header_button(page, user, view_name=None, next_url=None):
    yield from _fork_button(page, user, priority=16)


@hooks.register("register_page_listing_more_buttons")
def fork_listing_button(page, user, next_url=None):
    yield from _fork_button(page, user, priority=9)
