"""The "Webhook deliveries" report in the admin's settings menu, for administrators only."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .views import DeliveriesView


@hooks.register("register_admin_urls")
def register_webhook_urls():
    return [path("webhooks/", DeliveriesView.as_view(), name="webhook_deliveries")]


class AdministratorMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.is_superuser


@hooks.register("register_settings_menu_item")
def register_webhook_menu_item():
    return AdministratorMenuItem(
        _("Webhook deliveries"), reverse("webhook_deliveries"), icon_name="link", order=900
    )
