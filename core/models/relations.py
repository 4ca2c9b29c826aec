"""Inline relations from pages to translatable snippets.

Each relation is an orderable that is itself translatable, so that wagtail-localize gives the
English page its own rows pointing at the English snippets (it does not sync many-to-many
fields). The abstract bases here say what a link is; the pages declare the concrete ones.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import Orderable, TranslatableMixin


class TranslatableOrderable(TranslatableMixin, Orderable):
    """An ordered inline row that is translated together with its page."""

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        abstract = True


class OrganisationLink(TranslatableOrderable):
    """A link to an organisation with the role it plays."""

    class Role(models.TextChoices):
        PARTNER = "partner", _("Partner")
        CO_ORGANISER = "co_organiser", _("Co-organiser")
        FUNDER = "funder", _("Funder")
        RECIPIENT = "recipient", _("Receives information")

    organisation = models.ForeignKey(
        "core.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("Choose the organisation (add it under Snippets if it is missing)."),
    )
    role = models.CharField(
        _("role"),
        max_length=32,
        choices=Role.choices,
        default=Role.PARTNER,
        help_text=_("The part the organisation plays."),
    )

    class Meta(TranslatableOrderable.Meta):
        abstract = True


class TargetGroupLink(TranslatableOrderable):
    """A link to a target group."""

    target_group = models.ForeignKey(
        "core.TargetGroup",
        verbose_name=_("target group"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("Who this is for."),
    )

    class Meta(TranslatableOrderable.Meta):
        abstract = True


class GoalLink(TranslatableOrderable):
    """A link to one of the Sustainable Development Goals."""

    goal = models.ForeignKey(
        "core.SustainableDevelopmentGoal",
        verbose_name=_("goal"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("The Sustainable Development Goal this contributes to."),
    )

    class Meta(TranslatableOrderable.Meta):
        abstract = True
