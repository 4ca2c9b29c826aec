"""Registers shared by plans, measures, resources and events of every branch.

They are translatable: a page in English points at the English translation of each snippet.
"""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from .translation import LocaleConstraintsMixin, UnofficialTranslationMixin


class Organisation(UnofficialTranslationMixin, TranslatableMixin, index.Indexed, models.Model):
    """A partner organisation, e.g. KS Nord, Nordland fylkeskommune or a university."""

    name = models.CharField(_("name"), max_length=255, help_text=_("The organisation's name."))
    short_name = models.CharField(
        _("short name"), max_length=64, blank=True, help_text=_('Abbreviation, e.g. "KS".')
    )
    kind = models.CharField(
        _("kind"),
        max_length=32,
        blank=True,
        choices=[
            ("public", _("Public body")),
            ("municipal", _("Municipality or municipal body")),
            ("education", _("University or college")),
            ("association", _("Association or interest organisation")),
            ("private", _("Private company")),
            ("other", _("Other")),
        ],
        help_text=_("What kind of organisation this is."),
    )
    website = models.URLField(_("website"), blank=True, help_text=_("The organisation's website."))

    panels = [
        FieldPanel("name"),
        FieldPanel("short_name"),
        FieldPanel("kind"),
        FieldPanel("website"),
        *UnofficialTranslationMixin.translation_panels,
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]
    override_translatable_fields = [SynchronizedField("website"), SynchronizedField("kind")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]

    def __str__(self):
        return self.name


class TargetGroup(UnofficialTranslationMixin, TranslatableMixin, models.Model):
    """Who a measure or an event is for, e.g. kulturskoleeiere or kulturskoleledere."""

    name = models.CharField(_("name"), max_length=255, help_text=_('E.g. "Kulturskoleledere".'))
    description = models.TextField(
        _("description"), blank=True, help_text=_("Who belongs to this group, if not obvious.")
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("description"),
        *UnofficialTranslationMixin.translation_panels,
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("target group")
        verbose_name_plural = _("target groups")
        ordering = ["name"]

    def __str__(self):
        return self.name


class SustainableDevelopmentGoal(
    LocaleConstraintsMixin, UnofficialTranslationMixin, TranslatableMixin, models.Model
):
    """One of the UN's 17 Sustainable Development Goals (FNs bærekraftsmål)."""

    number = models.PositiveSmallIntegerField(
        _("number"),
        validators=[MinValueValidator(1), MaxValueValidator(17)],
        help_text=_("The goal's number, 1 to 17."),
    )
    title = models.CharField(
        _("title"), max_length=255, help_text=_('E.g. "Samarbeid for å nå målene".')
    )
    description = models.TextField(
        _("description"), blank=True, help_text=_("A short description of the goal.")
    )

    panels = [
        FieldPanel("number"),
        FieldPanel("title"),
        FieldPanel("description"),
        *UnofficialTranslationMixin.translation_panels,
    ]
    override_translatable_fields = [SynchronizedField("number")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("sustainable development goal")
        verbose_name_plural = _("sustainable development goals")
        ordering = ["number"]
        constraints = [
            models.UniqueConstraint(
                fields=["locale", "number"], name="unique_goal_number_per_locale"
            )
        ]

    def __str__(self):
        return f"{self.number}. {self.title}"
