"""Events: conferences, recurring digital meetings, meetings and deadlines of a branch."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from core.blocks import INLINE_RICH_TEXT_FEATURES, RICH_TEXT_FEATURES, ProgrammeItemBlock
from core.models.pages import BasePage
from core.models.relations import OrganisationLink, TargetGroupLink
from core.models.timing import TimingMixin
from home.models import BranchIndexPage


class EventIndexPage(BranchIndexPage):
    """The list of a branch's events."""

    subpage_types = ["resources.EventPage"]

    class Meta:
        verbose_name = _("event index")
        verbose_name_plural = _("event indexes")


class EventPage(TimingMixin, BasePage):
    """An event such as the leader conference or "Digital formiddagskaffe".

    The measures an event belongs to are chosen on the measure (one source of truth) and read
    here as ``related_measures``.
    """

    class Kind(models.TextChoices):
        CONFERENCE = "conference", _("Conference")
        RECURRING_DIGITAL_MEETING = "recurring_digital_meeting", _("Recurring digital meeting")
        MEETING = "meeting", _("Meeting")
        DEADLINE = "deadline", _("Deadline")

    class Format(models.TextChoices):
        PHYSICAL = "physical", _("Physical")
        DIGITAL = "digital", _("Digital")
        HYBRID = "hybrid", _("Hybrid")

    kind = models.CharField(
        _("kind"), max_length=32, choices=Kind.choices, help_text=_("What kind of event this is.")
    )
    summary = RichTextField(
        _("summary"),
        blank=True,
        features=INLINE_RICH_TEXT_FEATURES,
        help_text=_("What the event is, in a sentence or two."),
    )
    body = RichTextField(
        _("body"), blank=True, features=RICH_TEXT_FEATURES, help_text=_("More about the event.")
    )
    format = models.CharField(
        _("format"),
        max_length=16,
        choices=Format.choices,
        default=Format.PHYSICAL,
        help_text=_("Whether people meet in person, online or both."),
    )
    location = models.CharField(
        _("location"), max_length=255, blank=True, help_text=_("Venue and town, or the platform.")
    )
    registration_url = models.URLField(
        _("registration link"), blank=True, max_length=500, help_text=_("Where to sign up.")
    )
    programme = StreamField(
        [("item", ProgrammeItemBlock())],
        verbose_name=_("programme"),
        blank=True,
        help_text=_("The programme, item by item."),
    )

    parent_page_types = ["resources.EventIndexPage"]
    subpage_types = []

    content_panels = BasePage.content_panels + [
        FieldPanel("kind"),
        FieldPanel("summary"),
        FieldPanel("body"),
        *TimingMixin.timing_panels,
        MultiFieldPanel(
            [FieldPanel("format"), FieldPanel("location"), FieldPanel("registration_url")],
            heading=_("Where and how"),
        ),
        InlinePanel("target_groups", label=_("Target groups")),
        InlinePanel("co_organisers", label=_("Co-organisers")),
        FieldPanel("programme"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.SearchField("location"),
        index.FilterField("kind"),
        index.FilterField("start_date"),
    ]
    override_translatable_fields = [SynchronizedField("registration_url")]

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")

    @property
    def related_measures(self):
        """The measures that list this event, in tree order.

        The measure model is reached through the reverse relation ``measure_links`` (declared
        by the plan app), so that the resources app does not import the plan app.
        """
        measure_model = self.measure_links.model.page.field.related_model
        return measure_model.objects.filter(related_events__event=self).order_by("path")


class EventTargetGroup(TargetGroupLink):
    """A target group of an event."""

    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="target_groups")

    class Meta(TargetGroupLink.Meta):
        verbose_name = _("target group")
        verbose_name_plural = _("target groups")


class EventCoOrganiser(OrganisationLink):
    """An organisation that co-organises an event."""

    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="co_organisers")

    class Meta(OrganisationLink.Meta):
        verbose_name = _("co-organiser")
        verbose_name_plural = _("co-organisers")
