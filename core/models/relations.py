"""Inline relations from pages to translatable snippets.

Each relation is an orderable that is itself translatable, so that wagtail-localize gives the
English page its own rows pointing at the English snippets (it does not sync many-to-many
fields). The abstract bases here say what a link is; the pages declare the concrete ones.
"""

from dataclasses import dataclass

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


@dataclass(frozen=True)
class Relation:
    """One inline relation of a page type to other objects, declared once beside its models.

    ``name`` is the rows' relation (also the key in the API and in plan templates), ``row_model``
    the row, ``field`` the row's link, ``kind`` what it links to (e.g. ``"organisation"``,
    ``"event"``), ``extra`` the row's own fields besides the link (e.g. an organisation's role),
    ``links_page`` whether the link is a page (shown by id) rather than a snippet. The API's
    prefetches and fields and the plan-tree serializer are derived from these declarations.
    """

    name: str
    row_model: type
    field: str
    kind: str
    extra: tuple = ()
    links_page: bool = False

    def rows_queryset(self):
        """The rows with what showing them reads: a linked snippet is joined, a page is not."""
        objects = self.row_model.objects
        return objects.all() if self.links_page else objects.select_related(self.field)

    def value(self, row, ref):
        """The dict form of one row, with ``ref`` standing for the linked object."""
        if not self.extra:
            return ref
        return {self.field: ref, **{name: getattr(row, name) for name in self.extra}}

    def row_values(self, item, resolve):
        """The field values of a new row from its dict form."""
        if not self.extra:
            return {self.field: resolve(self.kind, item)}
        return {
            self.field: resolve(self.kind, item[self.field]),
            **{name: item[name] for name in self.extra},
        }
