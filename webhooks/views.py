"""The admin report of recent webhook deliveries, for administrators."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .models import WebhookDelivery

RECENT = 100


class DeliveriesView(WagtailAdminTemplateMixin, TemplateView):
    """The latest deliveries with their status, attempts and last error."""

    template_name = "webhooks/deliveries.html"
    page_title = _("Webhook deliveries")
    header_icon = "link"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_superuser:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        deliveries = WebhookDelivery.objects.all()
        return {
            **super().get_context_data(**kwargs),
            "deliveries": deliveries[:RECENT],
            "failed_count": deliveries.filter(status=WebhookDelivery.Status.FAILED).count(),
        }
