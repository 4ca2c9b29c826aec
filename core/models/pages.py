"""What every page type of the project shares."""

from wagtail.models import Page
from wagtail_headless_preview.models import HeadlessPreviewMixin

from core.forms import PageForm
from core.slugs import norwegian_slugify

from .translation import UnofficialTranslationMixin


class BasePage(HeadlessPreviewMixin, UnofficialTranslationMixin, Page):
    """A page of this project: previewed by the website, possibly an unofficial translation."""

    settings_panels = Page.settings_panels + UnofficialTranslationMixin.translation_panels
    base_form_class = PageForm

    class Meta:
        abstract = True

    def full_clean(self, *args, **kwargs):
        # Wagtail would make a slug of the title that drops æ, ø and å.
        if not self.slug and self.title:
            self.slug = norwegian_slugify(self.title)
        super().full_clean(*args, **kwargs)
