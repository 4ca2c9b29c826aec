"""Where a plan, strategy or measure came from: a fork inside the install or a template."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel


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
