"""What every page type of the project shares."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail_headless_preview.models import HeadlessPreviewMixin

from home.forms import PageForm
from plan.blocks import RICH_TEXT_FEATURES

from .translation import UnofficialTranslationMixin


class BasePage(HeadlessPreviewMixin, UnofficialTranslationMixin, Page):
    """A page of this project: previewed by the website, possibly an unofficial translation."""

    settings_panels = Page.settings_panels + UnofficialTranslationMixin.translation_panels
    #: Refuses images, documents, snippets and pages the editor may not choose.
    base_form_class = PageForm

    class Meta:
        abstract = True


class ForkProvenanceMixin(models.Model):
    """Where a plan, strategy or measure was forked from (empty when written from scratch)."""

    forked_from_plan = models.ForeignKey(
        "plan.ActionPlanPage",
        verbose_name=_("forked from plan"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The plan this content was copied from."),
    )
    forked_from_key = models.UUIDField(
        _("forked from node"),
        null=True,
        blank=True,
        help_text=_("The translation key of the page this one was copied from."),
    )
    forked_from_install = models.CharField(
        _("imported from install"),
        max_length=500,
        blank=True,
        help_text=_(
            "The install a plan template was imported from. Empty for a copy made inside this "
            "install."
        ),
    )

    provenance_panels = [
        MultiFieldPanel(
            [
                FieldPanel("forked_from_plan", read_only=True),
                FieldPanel("forked_from_key", read_only=True),
                FieldPanel("forked_from_install", read_only=True),
            ],
            heading=_("Forked from"),
        )
    ]

    class Meta:
        abstract = True


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
