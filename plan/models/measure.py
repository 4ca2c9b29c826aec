"""A measure ("tiltak"): something the branch does under a strategy, with its status history."""

from django.db import models
from django.db.models import OuterRef, Subquery
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.fields import RichTextField
from wagtail.search import index

from core.blocks import INLINE_RICH_TEXT_FEATURES, RICH_TEXT_FEATURES
from core.models.pages import BasePage
from core.models.relations import (
    GoalLink,
    OrganisationLink,
    TargetGroupLink,
    TranslatableOrderable,
)
from core.models.timing import TimingMixin
from home.models import ContactLink

from .provenance import ForkProvenanceMixin


class MeasureStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    ONGOING = "ongoing", _("Ongoing")
    COMPLETED = "completed", _("Completed")
    CANCELLED = "cancelled", _("Cancelled")


class MeasurePage(TimingMixin, ForkProvenanceMixin, BasePage):
    """A measure of a strategy, e.g. the board members' sponsorship scheme."""

    summary = RichTextField(
        _("summary"),
        blank=True,
        features=INLINE_RICH_TEXT_FEATURES,
        help_text=_("One or two sentences, as the measure is worded in the plan."),
    )
    body = RichTextField(
        _("body"),
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text=_("More about the measure: why, how and with whom."),
    )

    parent_page_types = ["plan.StrategyPage"]
    subpage_types = []

    content_panels = BasePage.content_panels + [
        FieldPanel("summary"),
        FieldPanel("body"),
        *TimingMixin.timing_panels,
        InlinePanel("status_updates", label=_("Status updates")),
        InlinePanel("partners", label=_("Partners")),
        InlinePanel("target_groups", label=_("Target groups")),
        InlinePanel("contacts", label=_("Contact persons")),
        InlinePanel("related_events", label=_("Related events")),
        InlinePanel("related_resources", label=_("Related resources")),
        InlinePanel("goals", label=_("Sustainable Development Goals")),
    ]
    settings_panels = BasePage.settings_panels + ForkProvenanceMixin.provenance_panels
    search_fields = BasePage.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.SearchField("timing_text"),
    ]

    class Meta:
        verbose_name = _("measure")
        verbose_name_plural = _("measures")

    @property
    def current_status(self):
        """The status of the latest update, or planned when there is none.

        Updates on the same day are ordered as in the admin, then by when they were saved.
        """
        latest = max(
            self.status_updates.all(),
            key=lambda u: (u.date, -1 if u.sort_order is None else u.sort_order, u.pk or 0),
            default=None,
        )
        return latest.status if latest else MeasureStatus.PLANNED

    @staticmethod
    def current_status_expression():
        """A subquery giving each measure's current status, for annotating and filtering."""
        latest = MeasureStatusUpdate.objects.filter(page=OuterRef("pk")).order_by(
            "-date", models.F("sort_order").desc(nulls_last=True), "-pk"
        )
        return models.functions.Coalesce(
            Subquery(latest.values("status")[:1]), models.Value(MeasureStatus.PLANNED)
        )


class MeasureStatusUpdate(TranslatableOrderable):
    """A dated status report on a measure; the latest one gives the measure's status."""

    page = ParentalKey(MeasurePage, on_delete=models.CASCADE, related_name="status_updates")
    date = models.DateField(_("date"), help_text=_("The date of this status."))
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=MeasureStatus.choices,
        default=MeasureStatus.PLANNED,
        help_text=_("Where the measure stood on this date."),
    )
    note = models.TextField(_("note"), blank=True, help_text=_("What happened, in a few words."))

    panels = [FieldRowPanel([FieldPanel("date"), FieldPanel("status")]), FieldPanel("note")]

    class Meta(TranslatableOrderable.Meta):
        verbose_name = _("status update")
        verbose_name_plural = _("status updates")


class MeasurePartner(OrganisationLink):
    """An organisation taking part in a measure."""

    page = ParentalKey(MeasurePage, on_delete=models.CASCADE, related_name="partners")

    class Meta(OrganisationLink.Meta):
        verbose_name = _("partner")
        verbose_name_plural = _("partners")


class MeasureTargetGroup(TargetGroupLink):
    """A target group of a measure."""

    page = ParentalKey(MeasurePage, on_delete=models.CASCADE, related_name="target_groups")

    class Meta(TargetGroupLink.Meta):
        verbose_name = _("target group")
        verbose_name_plural = _("target groups")


class MeasureContact(ContactLink):
    """A person responsible for a measure."""

    page = ParentalKey(MeasurePage, on_delete=models.CASCADE, related_name="contacts")

    class Meta(ContactLink.Meta):
        verbose_name = _("contact person")
        verbose_name_plural = _("contact persons")


class MeasureGoal(GoalLink):
    """A Sustainable Development Goal a measure contributes to."""

    page = ParentalKey(MeasurePage, on_delete=models.CASCADE, related_name="goals")

    class Meta(GoalLink.Meta):
        verbose_name = _("goal")
        verbose_name_plural = _("goals")


class MeasureRelatedEvent(TranslatableOrderable):
    """An event that carries out a measure (the event lists its measures through this)."""

    page = ParentalKey(MeasurePage, on_delete=models.CASCADE, related_name="related_events")
    event = models.ForeignKey(
        "resources.EventPage",
        verbose_name=_("event"),
        on_delete=models.CASCADE,
        related_name="measure_links",
        help_text=_("An event page that belongs to this measure."),
    )

    panels = [FieldPanel("event")]

    class Meta(TranslatableOrderable.Meta):
        verbose_name = _("related event")
        verbose_name_plural = _("related events")


class MeasureRelatedResource(TranslatableOrderable):
    """A resource article that supports a measure."""

    page = ParentalKey(MeasurePage, on_delete=models.CASCADE, related_name="related_resources")
    resource = models.ForeignKey(
        "resources.ResourceArticlePage",
        verbose_name=_("resource"),
        on_delete=models.CASCADE,
        related_name="measure_links",
        help_text=_("A resource article that is useful for this measure."),
    )

    panels = [FieldPanel("resource")]

    class Meta(TranslatableOrderable.Meta):
        verbose_name = _("related resource")
        verbose_name_plural = _("related resources")
