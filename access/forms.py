"""The base form of every page: Wagtail's page form with the checks of ``access.choices``."""

from wagtail.admin.forms import WagtailAdminPageForm

from access.choices import ChoiceCheckMixin


class PageForm(ChoiceCheckMixin, WagtailAdminPageForm):
    """The admin form of the project's pages."""
