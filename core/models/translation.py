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


class LocaleConstraintsMixin:
    """Validates constraints that include the locale, which admin forms leave out.

    Django skips a constraint in form validation when one of its fields is not on the form;
    without this, a duplicate per locale (e.g. a second goal number 17 in Bokmål) passes the
    form and fails in the database with a server error.
    """

    def validate_constraints(self, exclude=None):
        if exclude and "locale" in exclude and self.locale_id is not None:
            exclude = set(exclude) - {"locale"}
        super().validate_constraints(exclude=exclude)
