from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemoConfig(AppConfig):
    """The demo content: Norsk kulturskoleråd Nordland with its action plan 2024–2025."""

    name = "demo"
    verbose_name = _("Demo content")
