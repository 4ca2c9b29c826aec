"""The action plan ("handlingsplan") of a county branch for a period of years."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from core.blocks import (
    INLINE_RICH_TEXT_FEATURES,
    RICH_TEXT_FEATURES,
    QuoteBlock,
    background_blocks,
)
from core.models.pages import BasePage
from plan.periods import YEAR_VALIDATORS, period_label

from .provenance import ForkProvenanceMixin


class ActionPlanPage(ForkProvenanceMixin, BasePage):
    """A branch's action plan for a period, e.g. Nordland 2024–2025, with its strategies."""

    class Stage(models.TextChoices):
        PROPOSED = "proposed", _("Proposed")
        ADOPTED = "adopted", _("Adopted")
        ARCHIVED = "archived", _("Archived")

    period_start = models.PositiveSmallIntegerField(
        _("first year"),
        validators=YEAR_VALIDATORS,
        help_text=_("First year of the period, e.g. 2024."),
    )
    period_end = models.PositiveSmallIntegerField(
        _("last year"),
        validators=YEAR_VALIDATORS,
        help_text=_("Last year of the period, e.g. 2025."),
    )
    stage = models.CharField(
        _("stage"),
        max_length=16,
        choices=Stage.choices,
        default=Stage.PROPOSED,
        help_text=_(
            "Where the plan stands: proposed to the annual meeting, adopted, or archived. "
            "This is separate from publishing the page."
        ),
    )
    development_area_title = models.CharField(
        _("development area"),
        max_length=255,
        blank=True,
        help_text=_('The development area (utviklingsområde), e.g. "Samhandling – …".'),
    )
    development_area_description = RichTextField(
        _("development area description"),
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text=_(
            "What the development area means for the branch in this period; it closes "
            "chapter 2, after the background."
        ),
    )
    development_area_adopted_by = models.CharField(
        _("adopted by"),
        max_length=255,
        blank=True,
        help_text=_('Who adopted the development area, e.g. "Årsmøtet i Nordland".'),
    )
    development_area_adopted_on = models.DateField(
        _("adopted on"), null=True, blank=True, help_text=_("When it was adopted, if known.")
    )
    introduction = RichTextField(
        _("introduction"),
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text=_("Chapter 1: Innledning."),
    )
    background = StreamField(
        background_blocks(),
        verbose_name=_("background"),
        blank=True,
        help_text=_(
            "Chapter 2 after the adopted development area: text and definitions in the order "
            "they are read, each definition with its term, text and source. Write lead-ins "
            'such as "Begrepet kan defineres slik:" in the text before a definition.'
        ),
    )
    overall_goal = RichTextField(
        _("overall goal"),
        blank=True,
        features=INLINE_RICH_TEXT_FEATURES,
        help_text=_("The overall goal (overordnet mål) of the plan."),
    )
    strategies_introduction = RichTextField(
        _("introduction to the strategies"),
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text=_("The text before the list of strategies."),
    )
    quotes = StreamField(
        [("quote", QuoteBlock())],
        verbose_name=_("quotations"),
        blank=True,
        help_text=_("Quotations shown with the plan, with their source and page number."),
    )
    contact_person = models.ForeignKey(
        "home.ContactPerson",
        verbose_name=_("responsible contact person"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The person responsible for the plan."),
    )
    cover_image = models.ForeignKey(
        "assets.CreditedImage",
        verbose_name=_("cover image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "The front-page image. Give it alt text and a credit line in the image library."
        ),
    )
    cover_image_alt = models.CharField(
        _("cover image alt text"),
        max_length=255,
        blank=True,
        help_text=_(
            "What the cover image shows, for readers who cannot see it, in this page's language. "
            "Leave empty to use the image's own alt text from the image library."
        ),
    )
    cover_image_caption = models.CharField(
        _("cover image caption"),
        max_length=255,
        blank=True,
        help_text=_(
            'The line printed under the cover image, e.g. "Bilde hentet fra Kulturskolerådets '
            "bildearkiv\". The image's credit line is printed with the contact information."
        ),
    )

    #: Translations show these facts of the default-language plan (cms.api.facts).
    shared_facts = (
        "period_start",
        "period_end",
        "stage",
        "development_area_adopted_on",
        "cover_image_id",
    )

    #: Texts whose translation the API compares with the default page's (an alt text left
    #: untranslated is marked as a fallback, :func:`cms.api.serializers.localized_alt`).
    alt_texts = ("cover_image_alt",)

    parent_page_types = ["home.BranchPage"]
    subpage_types = ["plan.StrategyPage"]

    content_panels = BasePage.content_panels + [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("period_start"), FieldPanel("period_end")]),
                FieldPanel("stage"),
                FieldPanel("contact_person"),
                FieldPanel("cover_image"),
                FieldPanel("cover_image_alt"),
                FieldPanel("cover_image_caption"),
            ],
            heading=_("The plan"),
        ),
        FieldPanel("introduction"),
        MultiFieldPanel(
            [
                FieldPanel("development_area_title"),
                FieldPanel("development_area_description"),
                FieldRowPanel(
                    [
                        FieldPanel("development_area_adopted_by"),
                        FieldPanel("development_area_adopted_on"),
                    ]
                ),
            ],
            heading=_("Development area"),
        ),
        FieldPanel("background"),
        FieldPanel("overall_goal"),
        FieldPanel("strategies_introduction"),
        FieldPanel("quotes"),
    ]
    settings_panels = BasePage.settings_panels + ForkProvenanceMixin.provenance_panels

    search_fields = BasePage.search_fields + [
        index.SearchField("introduction"),
        index.SearchField("background"),
        index.SearchField("overall_goal"),
        index.SearchField("development_area_title"),
        index.FilterField("stage"),
        index.FilterField("period_start"),
        index.FilterField("period_end"),
    ]

    class Meta:
        verbose_name = _("action plan")
        verbose_name_plural = _("action plans")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(period_start__lte=models.F("period_end")),
                name="plan_period_start_not_after_end",
            )
        ]

    @property
    def period_label(self):
        """The period as printed on the plan, e.g. "2024–2025"."""
        return period_label(self.period_start, self.period_end)

    def clean(self):
        super().clean()
        if self.period_start and self.period_end and self.period_start > self.period_end:
            raise ValidationError(
                {"period_end": _("The last year cannot be before the first year.")}
            )

    def covers_year(self, year):
        return self.period_start <= year <= self.period_end
