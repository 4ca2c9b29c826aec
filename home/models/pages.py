"""The top of the page tree: the install's home page and one page per county branch."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.fields import RichTextField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from core.blocks import RICH_TEXT_FEATURES
from core.models.pages import BasePage

from .contacts import ContactLink


class HomePage(BasePage):
    """The Site root: the national organisation, above every county branch."""

    organisation_name = models.CharField(
        _("organisation name"),
        max_length=255,
        help_text=_('The organisation the install belongs to, e.g. "Norsk kulturskoleråd".'),
    )
    intro = RichTextField(
        _("introduction"),
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text=_("A short introduction to the organisation and its action plans."),
    )

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["home.BranchPage"]
    max_count_per_parent = 1

    content_panels = BasePage.content_panels + [
        FieldPanel("organisation_name"),
        FieldPanel("intro"),
    ]

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")


class BranchPage(BasePage):
    """A county branch (fylkesavdeling), e.g. Norsk kulturskoleråd Nordland."""

    short_name = models.CharField(
        _("short name"),
        max_length=64,
        help_text=_('The county\'s name as used in short titles, e.g. "Nordland".'),
    )
    intro = RichTextField(
        _("introduction"),
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text=_("A short introduction to the branch."),
    )
    logo = models.ForeignKey(
        "assets.CreditedImage",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The branch's logo."),
    )

    parent_page_types = ["home.HomePage"]
    subpage_types = [
        "plan.ActionPlanPage",
        "resources.ResourceIndexPage",
        "resources.EventIndexPage",
    ]

    content_panels = BasePage.content_panels + [
        FieldPanel("short_name"),
        FieldPanel("intro"),
        FieldPanel("logo"),
        InlinePanel("contacts", label=_("Contact persons")),
    ]
    search_fields = BasePage.search_fields + [index.SearchField("short_name")]
    override_translatable_fields = [SynchronizedField("slug")]

    class Meta:
        verbose_name = _("county branch")
        verbose_name_plural = _("county branches")

    @property
    def name(self):
        """The branch's full name, e.g. "Norsk kulturskoleråd Nordland" (the page title)."""
        return self.title


class BranchContact(ContactLink):
    """A contact person of a branch."""

    page = ParentalKey(BranchPage, on_delete=models.CASCADE, related_name="contacts")

    class Meta(ContactLink.Meta):
        verbose_name = _("contact person")
        verbose_name_plural = _("contact persons")


class BranchIndexPage(BasePage):
    """A list page directly under a branch (one of each kind), with an introduction."""

    intro = RichTextField(
        _("introduction"),
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text=_("Shown above the list."),
    )

    parent_page_types = ["home.BranchPage"]
    max_count_per_parent = 1
    content_panels = BasePage.content_panels + [FieldPanel("intro")]

    class Meta:
        abstract = True
