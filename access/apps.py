from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccessConfig(AppConfig):
    """Who may edit what: branch groups, permission policies and the translation guards."""

    name = "access"
    verbose_name = _("Access rules")
