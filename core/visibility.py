"""The one place that decides which pages the public API may show.

A page is public when it is live, not expired, not an alias (an untranslated placeholder made
by wagtail-localize), inside the site (below the tree root), has no unpublished ancestor and
neither it nor any ancestor carries a view restriction. Every view builds its querysets on
:func:`public_pages`; serializers never decide visibility.
"""

from django.db.models import Exists, OuterRef, Q
from django.db.models.functions import Substr
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction

from core.tree import DEEPEST_DEPTH, ROOT_DEPTH

#: Ancestors are checked down to this depth: the deepest page of the content model, and one
#: level more as a margin.
MAX_DEPTH = DEEPEST_DEPTH + 1


def _ancestor_paths():
    """The paths of the outer page's ancestors (and its own), as SQL expressions.

    Listing the prefixes of the outer page's path lets the database look each one up in the
    unique index on ``path`` instead of comparing every page with every other one.
    """
    return [
        Substr(OuterRef("path"), 1, Page.steplen * depth)
        for depth in range(ROOT_DEPTH, MAX_DEPTH + 1)
    ]


def public_q(now=None):
    """A filter (usable on any page model) that keeps only public pages.

    ``now`` (the current time unless given; a value or an expression) is when a page with an
    ``expire_at`` stops being public: SQL built once and run many times passes a parameter.
    """
    now = timezone.now() if now is None else now
    ancestors = _ancestor_paths()
    unpublished_ancestor = Page.objects.filter(live=False, path__in=ancestors)
    restricted = PageViewRestriction.objects.filter(page__path__in=ancestors)
    return (
        Q(live=True, expired=False, alias_of__isnull=True, depth__gt=1)
        & (Q(expire_at__isnull=True) | Q(expire_at__gt=now))
        & ~Exists(unpublished_ancestor)
        & ~Exists(restricted)
    )


def public_pages(model=Page, now=None):
    """The public pages of ``model`` (any locale), as a lazy queryset (``now``: see
    :func:`public_q`)."""
    return model.objects.filter(public_q(now))
