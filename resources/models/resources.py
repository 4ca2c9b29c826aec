"""Resource articles: publications the plan builds on, such as KS's handbook on co-creation."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from core.blocks import INLINE_RICH_TEXT_FEATURES, RICH_TEXT_FEATURES
from core.models.pages import BasePage
from core.models.relations import TranslatableOrderable
from core.models.translation import LocaleConstraintsMixin, UnofficialTranslationMixin
from home.models import BranchIndexPage


class Topic(LocaleConstraintsMixin, UnofficialTranslationMixin, TranslatableMixin, models.Model):
    """A subject that resource articles are filed under, e.g. "Samskaping"."""

    name = models.CharField(_("name"), max_length=255, help_text=_('E.g. "Samskaping".'))
    slug = models.SlugField(
        _("slug"), max_length=255, help_text=_('Used in filters, e.g. "samskaping".')
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        *UnofficialTranslationMixin.translation_panels,
    ]
    override_translatable_fields = [SynchronizedField("slug")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["locale", "slug"], name="unique_topic_slug_per_locale")
        ]

    def __str__(self):
        return self.name


class ResourceIndexPage(BranchIndexPage):
    """The list of a branch's resource articles."""

    subpage_types = ["resources.ResourceArticlePage"]

    class Meta:
        verbose_name = _("resource index")
        verbose_name_plural = _("resource indexes")


class ResourceArticlePage(BasePage):
    """A publication with its bibliographic data, a summary and an optional attached document."""

    summary = RichTextField(
        _("summary"),
        blank=True,
        features=INLINE_RICH_TEXT_FEATURES,
        help_text=_("What the publication is about, in two or three sentences."),
    )
    body = RichTextField(
        _("body"),
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text=_("Why it matters to the plan."),
    )
    publication_title = models.CharField(
        _("publication title"),
        max_length=255,
        blank=True,
        help_text=_('The title as printed, e.g. "La oss gjøre det sammen!".'),
    )
    publication_subtitle = models.CharField(
        _("subtitle"), max_length=255, blank=True, help_text=_("The subtitle as printed.")
    )
    authors = models.CharField(
        _("authors or editor"),
        max_length=255,
        blank=True,
        help_text=_('E.g. "Lars Ueland Kobro (red.)".'),
    )
    publisher = models.CharField(
        _("publisher"), max_length=255, blank=True, help_text=_("Who published it.")
    )
    year = models.PositiveSmallIntegerField(
        _("year"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1800), MaxValueValidator(2100)],
        help_text=_("The year of publication."),
    )
    external_url = models.URLField(
        _("external link"),
        blank=True,
        max_length=500,
        help_text=_("Where the publication is online."),
    )
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("document"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("An attached copy of the publication, if we may share it."),
    )

    parent_page_types = ["resources.ResourceIndexPage"]
    subpage_types = []

    content_panels = BasePage.content_panels + [
        FieldPanel("summary"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("publication_title"),
                FieldPanel("publication_subtitle"),
                FieldPanel("authors"),
                FieldRowPanel([FieldPanel("publisher"), FieldPanel("year")]),
                FieldPanel("external_url"),
                FieldPanel("document"),
            ],
            heading=_("Bibliographic data"),
        ),
        InlinePanel("topics", label=_("Topics")),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.SearchField("publication_title"),
        index.SearchField("publication_subtitle"),
        index.SearchField("authors"),
        index.SearchField("publisher"),
    ]
    override_translatable_fields = [SynchronizedField("external_url"), SynchronizedField("year")]

    class Meta:
        verbose_name = _("resource article")
        verbose_name_plural = _("resource articles")


class ResourceTopic(TranslatableOrderable):
    """A topic a resource article is filed under."""

    page = ParentalKey(ResourceArticlePage, on_delete=models.CASCADE, related_name="topics")
    topic = models.ForeignKey(
        Topic,
        verbose_name=_("topic"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("Choose a topic (add it under Snippets if it is missing)."),
    )

    panels = [FieldPanel("topic")]

    class Meta(TranslatableOrderable.Meta):
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
