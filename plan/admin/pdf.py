"""The admin's "Download PDF" of a plan: drafts included, for those who may edit the plan."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.defaults import permission_denied

from plan.models import ActionPlanPage
from plan.services.pdf import PDF_MEDIA_TYPE, PdfUnavailable, pdf_filename, plan_pdf

PDF_LABEL = gettext_lazy("Download PDF")


def may_print(plan, user):
    """Whether ``user`` may download the PDF of ``plan``, drafts included (its editors)."""
    return plan.permissions_for_user(user).can_edit()


def plan_pdf_view(request, plan_id):
    """The PDF of the plan in its own language, with every page's latest saved content."""
    plan = get_object_or_404(ActionPlanPage, pk=plan_id)
    if not may_print(plan, request.user):
        # A plain 403 rather than Wagtail's redirect with a message (as for forking).
        return permission_denied(request, PermissionDenied(_("You may not edit this plan.")))
    language = plan.locale.language_code
    try:
        data = plan_pdf(plan, language, include_drafts=True)
    except PdfUnavailable:
        messages.error(request, _("PDFs cannot be made on this server (WeasyPrint is missing)."))
        return redirect("wagtailadmin_pages:edit", plan.pk)
    response = HttpResponse(data, content_type=PDF_MEDIA_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{pdf_filename(plan, language)}"'
    response["Cache-Control"] = "private, no-store"
    return response
