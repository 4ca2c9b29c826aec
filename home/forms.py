"""The base form of every page: Wagtail's page form with the checks of ``home.choices``."""

from wagtail.admin.forms import WagtailAdminPageForm

from home.choices import ChoiceCheckMixin


class PageForm(ChoiceCheckMixin, WagtailAdminPageForm):
    """The admin form of the project's pages."""
