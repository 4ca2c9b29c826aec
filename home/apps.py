from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    """The top of the page tree: the home page, the county branches and their contact persons."""

    name = "home"
    verbose_name = _("Home and branches")
