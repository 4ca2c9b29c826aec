"""What every page type of the project shares."""

from django.db.models import Model
from wagtail.models import Page
from wagtail_headless_preview.models import HeadlessPreviewMixin

from core.forms import PageForm
from core.slugs import norwegian_slugify

from ..website import EDITOR_ORIGIN, preview_client_url, request_origin, website_page
from .translation import UnofficialTranslationMixin


class BasePage(HeadlessPreviewMixin, UnofficialTranslationMixin, Page):
    """A page of this project: previewed by the website, possibly an unofficial translation.

    The explorer lists its children in tree order (the plan's order), not by last change.
    """

    admin_default_ordering = "ord"
    settings_panels = Page.settings_panels + UnofficialTranslationMixin.translation_panels
    base_form_class = PageForm

    def serve(self, request, *args, **kwargs):
        """The reference website shows the page (or the CMS redirects to the website)."""
        return website_page(request)

    def make_preview_request(
        self, original_request=None, preview_mode=None, extra_request_attrs=None
    ):
        """Wagtail's preview request, remembering the host the editor uses (not the Site's)."""
        extra = {EDITOR_ORIGIN: request_origin(original_request), **(extra_request_attrs or {})}
        return super().make_preview_request(original_request, preview_mode, extra)

    def get_client_root_url(self, request):
        """The website's preview route on the host the editor uses (see core/website.py)."""
        return preview_client_url(request)

    class Meta:
        abstract = True

    @classmethod
    def from_db(cls, db, field_names, values):
        """A page read from the database: what ``Model.from_db`` makes, built by
        ``Model.__init__`` alone.

        ``ClusterableModel.__init__`` searches every field of the model for child relations
        passed as keyword arguments, and ``Page.__init__`` gives a page without an id its
        content type and menu default; a row read from the database has neither (its values
        come as positional arguments, with its id). The API reads hundreds of pages per request
        (a plan detail in English 300), and that search was a tenth of building them.
        ``tests/test_page_tree.py`` checks that the result is the same. A page type with an
        ``__init__`` of its own, or a row with deferred fields, is built as Django builds it.
        """
        if cls.__init__ is not BasePage.__init__ or len(values) != len(cls._meta.concrete_fields):
            return super().from_db(db, field_names, values)
        page = cls.__new__(cls)
        Model.__init__(page, *values)
        page._state.adding = False
        page._state.db = db
        return page

    def full_clean(self, *args, **kwargs):
        # Wagtail would make a slug of the title that drops æ, ø and å.
        if not self.slug and self.title:
            self.slug = norwegian_slugify(self.title)
        super().full_clean(*args, **kwargs)
