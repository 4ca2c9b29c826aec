"""The admin view "New plan based on …" on a branch: fork any live plan into the branch.

Only users who may add pages under the target branch may use it; the copy is made with
``plan.services.fork.fork_plan`` as drafts, so the branch's workflow covers it. The form only
enqueues the fork (``plan.services.jobs``) and leads the editor to the job's progress page.
"""

from django import forms
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.defaults import permission_denied
from django.views.generic import FormView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Locale

from home.models import BranchPage
from plan.models import ActionPlanPage
from plan.services.jobs import start_fork
from plan.services.plan_tree import ForkError, parse_period


class SourcePlanField(forms.ModelChoiceField):
    """A choice of live plans, labelled with their branch."""

    def label_from_instance(self, obj):
        return f"{obj.get_parent().title}: {obj.title}"


class ForkPlanForm(forms.Form):
    """Which live plan to start from, the new period, and whether to keep the texts."""

    source = SourcePlanField(
        queryset=ActionPlanPage.objects.none(),
        label=_("Based on"),
        help_text=_("Any published plan: another branch's, or this branch's previous one."),
    )
    period = forms.CharField(
        label=_("Period"),
        max_length=20,
        help_text=_("The first and last year of the new plan, e.g. 2026-2027."),
    )
    structure_only = forms.BooleanField(
        label=_("Structure only"),
        required=False,
        help_text=_("Keep titles and lead statements only; leave the texts empty."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["source"].queryset = (
            ActionPlanPage.objects.live().filter(locale=Locale.get_default()).order_by("path")
        )

    def clean_period(self):
        try:
            return parse_period(self.cleaned_data["period"])
        except ForkError as error:
            raise forms.ValidationError(str(error)) from error


def may_add_plans(branch, user):
    """Whether ``user`` may make plans under ``branch`` (and see the jobs that make them)."""
    return branch.permissions_for_user(user).can_add_subpage()


class BranchPlanView(WagtailAdminTemplateMixin, FormView):
    """A form that makes a plan of a branch: only for those who may add pages under it."""

    template_name = "wagtailadmin/generic/form.html"
    url_name = ""

    def dispatch(self, request, branch_id):
        branch = get_object_or_404(BranchPage, pk=branch_id)
        self.branch = (branch.get_translation_or_none(Locale.get_default()) or branch).specific
        if not may_add_plans(self.branch, request.user):
            # A plain 403 rather than Wagtail's redirect with a message: the target is known.
            return permission_denied(
                request, PermissionDenied(_("You may not add plans to this branch."))
            )
        return super().dispatch(request, branch_id)

    def get_breadcrumbs_items(self):
        return [
            *super().get_breadcrumbs_items(),
            {
                "url": reverse("wagtailadmin_explore", args=[self.branch.pk]),
                "label": self.branch.title,
            },
            {"url": "", "label": self.page_title},
        ]

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "action_url": reverse(self.url_name, args=[self.branch.pk]),
            "submit_button_label": _("Create draft plan"),
            "submit_button_active_label": _("Creating…"),
        }


class ForkPlanView(BranchPlanView):
    """ "New plan based on …": the form, and the fork enqueued when it is sent."""

    form_class = ForkPlanForm
    page_title = _("New plan based on …")
    header_icon = "copy"
    url_name = "plan_fork"

    def form_valid(self, form):
        job = start_fork(
            form.cleaned_data["source"],
            self.branch,
            form.cleaned_data["period"],
            form.cleaned_data["structure_only"],
            self.request.user,
        )
        return redirect("plan_job", job.pk)
