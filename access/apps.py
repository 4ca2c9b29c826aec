from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccessConfig(AppConfig):
    """Who may edit what: branch groups, permission policies and the translation guards."""

    name = "access"
    verbose_name = _("Access rules")

    def ready(self):
        # Every page of the project is edited with the form that checks what may be chosen
        # (core, which defines the page base, imports no other app).
        from core.models.pages import BasePage

        from .forms import PageForm

        BasePage.base_form_class = PageForm
