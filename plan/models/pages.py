"""What every page type of the project shares."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail_headless_preview.models import HeadlessPreviewMixin

from cms.website import EDITOR_ORIGIN, preview_client_url, request_origin, website_page
from plan.blocks import RICH_TEXT_FEATURES

from .translation import UnofficialTranslationMixin


class BasePage(HeadlessPreviewMixin, UnofficialTranslationMixin, Page):
    """A page of this project: previewed by the website, possibly an unofficial translation."""

    settings_panels = Page.settings_panels + UnofficialTranslationMixin.translation_panels

    def serve(self, request, *args, **kwargs):
        """The reference website shows the page (or the CMS redirects to the website)."""
        return website_page(request)

    def make_preview_request(
        self, original_request=None, preview_mode=None, extra_request_attrs=None
    ):
        """Wagtail's preview request, remembering the host the editor uses (not the Site's)."""
        extra = {EDITOR_ORIGIN: request_origin(original_request), **(extra_request_attrs or {})}
        return super().make_preview_request(original_request, preview_mode, extra)

    def get_client_root_url(self, request):
        """The website's preview route on the host the editor uses (see cms/website.py)."""
        return preview_client_url(request)

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
