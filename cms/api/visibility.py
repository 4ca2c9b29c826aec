"""The one place that decides which pages the public API may show.

A page is public when it is live, not expired, not an alias (an untranslated placeholder made
by wagtail-localize), inside the site (below the tree root), has no unpublished ancestor and
neither it nor any ancestor carries a view restriction. Every view builds its querysets on
:func:`public_pages`; serializers never decide visibility.
"""

from django.db.models import Exists, OuterRef, Q
from django.db.models.functions import Length, Substr
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction


def _ancestor_or_self(queryset, path_field="path"):
    """Rows of ``queryset`` whose page path is a prefix of the outer page's path."""
    return queryset.filter(**{path_field: Substr(OuterRef("path"), 1, Length(path_field))})


def public_q():
    """A filter (usable on any page model) that keeps only public pages."""
    unpublished_ancestors = _ancestor_or_self(Page.objects.filter(live=False, depth__gt=1))
    restrictions = _ancestor_or_self(PageViewRestriction.objects.all(), "page__path")
    return (
        Q(live=True, expired=False, alias_of__isnull=True, depth__gt=1)
        & (Q(expire_at__isnull=True) | Q(expire_at__gt=timezone.now()))
        & ~Exists(unpublished_ancestors)
        & ~Exists(restrictions)
    )


def public_pages(model=Page):
    """The public pages of ``model`` (any locale), as a lazy queryset."""
    return model.objects.filter(public_q())
