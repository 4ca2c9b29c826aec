"""The base form of every page: the foundation's page form with the checks of ``access.choices``."""

from access.choices import ChoiceCheckMixin
from core.forms import PageForm as FoundationPageForm


class PageForm(ChoiceCheckMixin, FoundationPageForm):
    """The admin form of the project's pages: readable slugs, and only choices the editor may
    make (images, documents, snippets and pages of their own branch)."""
