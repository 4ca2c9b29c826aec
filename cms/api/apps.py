from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    name = "cms.api"
    label = "api"
    verbose_name = _("Public API")

    def ready(self):
        from .generation import connect_signals

        connect_signals()
