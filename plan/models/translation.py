"""Mixins shared by the translatable pages and snippets of the project."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel


class UnofficialTranslationMixin(models.Model):
    """Marks a translation that has not been approved as an official text."""

    unofficial_translation = models.BooleanField(
        _("unofficial translation"),
        default=False,
        help_text=_(
            "Tick when this text is a working translation that has not been approved. "
            "The website shows a notice with it."
        ),
    )

    translation_panels = [FieldPanel("unofficial_translation")]

    class Meta:
        abstract = True
