"""What every page type of the project shares."""

from wagtail.models import Page
from wagtail_headless_preview.models import HeadlessPreviewMixin

from .translation import UnofficialTranslationMixin


class BasePage(HeadlessPreviewMixin, UnofficialTranslationMixin, Page):
    """A page of this project: previewed by the website, possibly an unofficial translation."""

    settings_panels = Page.settings_panels + UnofficialTranslationMixin.translation_panels

    class Meta:
        abstract = True
