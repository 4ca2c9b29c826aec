"""The admin's template import form and the progress page of a fork or import job.

Both the import form and "New plan based on …" only enqueue a job (``plan.services.jobs``)
and redirect to its page, which refreshes itself (a ``<meta http-equiv="refresh">``: the
admin's Content-Security-Policy allows no inline script) until the job is done or failed.
Only those who may add plans to the job's branch see it.
"""

from django import forms
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from plan.admin.fork import BranchPlanView, may_add_plans
from plan.models import PlanJob
from plan.services.jobs import progress, start_import
from plan.services.plan_tree import ForkError, parse_period
from plan.services.template.check import MAX_BYTES, TemplateError, check_document, parse_document

#: Seconds between two refreshes of a running job's page.
REFRESH_SECONDS = 2


class ImportPlanForm(forms.Form):
    """A plan template file, an optional new period, whether to replace an earlier import and
    whether to fetch the images and documents this install does not have (as ``import_plan
    --fetch-media``)."""

    template = forms.FileField(
        label=_("Plan template"),
        help_text=_("A JSON file exported with “export_plan” from this or another install."),
    )
    period = forms.CharField(
        label=_("Period"),
        max_length=20,
        required=False,
        help_text=_("Leave empty to keep the template's period, or write e.g. 2026-2027."),
    )
    replace = forms.BooleanField(
        label=_("Replace an earlier import"),
        required=False,
        help_text=_("Delete the plan imported earlier from the same template into this branch."),
    )
    fetch_media = forms.BooleanField(
        label=_("Fetch images and documents"),
        required=False,
        help_text=_(
            "Download the template's images and documents that this install does not have yet "
            "from their web addresses (public addresses only; images and documents of the "
            "right type, at most 20 MB each). Otherwise the plan is made without them."
        ),
    )

    def clean_template(self):
        upload = self.cleaned_data["template"]
        try:
            return check_document(parse_document(upload.read(MAX_BYTES + 1)))
        except TemplateError as error:
            raise forms.ValidationError(error.messages) from error

    def clean_period(self):
        text = self.cleaned_data["period"].strip()
        if not text:
            return None
        try:
            return parse_period(text)
        except ForkError as error:
            raise forms.ValidationError(str(error)) from error


class ImportPlanView(BranchPlanView):
    """ "Import plan template": the form, and the import enqueued when it is sent."""

    form_class = ImportPlanForm
    page_title = _("Import plan template")
    header_icon = "upload"
    url_name = "plan_import"

    def form_valid(self, form):
        job = start_import(
            form.cleaned_data["template"],
            self.branch,
            form.cleaned_data["period"],
            form.cleaned_data["replace"],
            self.request.user,
            fetch_media=form.cleaned_data["fetch_media"],
        )
        return redirect("plan_job", job.pk)


class PlanJobView(WagtailAdminTemplateMixin, TemplateView):
    """How far a fork or import has come, and where its plan is when it is done."""

    template_name = "plan/admin/plan_job.html"
    header_icon = "copy"

    def dispatch(self, request, job_id):
        self.job = get_object_or_404(PlanJob.objects.select_related("branch", "plan"), pk=job_id)
        if not may_add_plans(self.job.branch.specific, request.user):
            raise Http404  # another branch's job: not even its existence is shown
        return super().dispatch(request, job_id)

    def get_page_title(self):
        return self.job.get_kind_display()

    def get_breadcrumbs_items(self):
        return [
            *super().get_breadcrumbs_items(),
            {
                "url": reverse("wagtailadmin_explore", args=[self.job.branch_id]),
                "label": self.job.branch.title,
            },
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs):
        done, total = progress(self.job)
        plan = self.job.plan
        return {
            **super().get_context_data(**kwargs),
            "job": self.job,
            "done": done,
            "total": total,
            "refresh_seconds": None if self.job.finished else REFRESH_SECONDS,
            "plan_url": plan and reverse("wagtailadmin_pages:edit", args=[plan.pk]),
            "branch_url": reverse("wagtailadmin_explore", args=[self.job.branch_id]),
        }
