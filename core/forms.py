"""The admin form of every page of the project: slugs keep Norwegian words readable."""

from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.widgets.slug import SlugInput

from core.slugs import SLUG_FORMATTERS, norwegian_slugify, transliterate


class PageForm(WagtailAdminPageForm):
    """Transliterates æ, ø and å in the slug, as the editor types and when saving."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "slug" in self.fields:
            self.fields["slug"].widget = SlugInput(formatters=SLUG_FORMATTERS)

    def clean_slug(self):
        slug = self.cleaned_data["slug"]
        return norwegian_slugify(slug) if transliterate(slug) != slug else slug
