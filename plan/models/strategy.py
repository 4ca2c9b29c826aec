"""A strategy of an action plan, e.g. "Informere", "Samarbeide" or "Arrangere"."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.fields import RichTextField
from wagtail.search import index

from core.blocks import INLINE_RICH_TEXT_FEATURES, RICH_TEXT_FEATURES
from core.models.pages import BasePage
from core.models.relations import GoalLink

from .provenance import ForkProvenanceMixin


class StrategyPage(ForkProvenanceMixin, BasePage):
    """One way the branch works towards the plan's overall goal; holds the measures."""

    lead = models.CharField(
        _("lead statement"),
        max_length=255,
        blank=True,
        help_text=_('One sentence, e.g. "Fylkesavdelingen informerer og deler kunnskap."'),
    )
    summary = RichTextField(
        _("summary"),
        blank=True,
        features=INLINE_RICH_TEXT_FEATURES,
        help_text=_("What the strategy means, as listed in the plan's strategy chapter."),
    )
    introduction = RichTextField(
        _("introduction"),
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text=_("The text that introduces the measures of this strategy."),
    )

    parent_page_types = ["plan.ActionPlanPage"]
    subpage_types = ["plan.MeasurePage"]

    content_panels = BasePage.content_panels + [
        FieldPanel("lead"),
        FieldPanel("summary"),
        FieldPanel("introduction"),
        InlinePanel("goals", label=_("Sustainable Development Goals")),
    ]
    settings_panels = BasePage.settings_panels + ForkProvenanceMixin.provenance_panels
    search_fields = BasePage.search_fields + [
        index.SearchField("lead"),
        index.SearchField("summary"),
        index.SearchField("introduction"),
    ]

    class Meta:
        verbose_name = _("strategy")
        verbose_name_plural = _("strategies")


class StrategyGoal(GoalLink):
    """A Sustainable Development Goal a strategy contributes to."""

    page = ParentalKey(StrategyPage, on_delete=models.CASCADE, related_name="goals")

    class Meta(GoalLink.Meta):
        verbose_name = _("goal")
        verbose_name_plural = _("goals")
