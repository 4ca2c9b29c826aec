"""The content generation counter: read once per API request, bumped by every content change.

A publish, unpublish, move or delete of a page, and any save or delete of a snippet, image,
document, redirect, view restriction, site, locale or inline row of a page bumps the counter in
the same transaction as the change. The generation is part of every ETag and response cache
key, so a change is seen at once by every worker without purging caches.
"""

from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache

from django.db import transaction
from django.db.models import F
from django.db.models.signals import post_delete, post_save
from django.utils import timezone

from .models import ContentGeneration

GENERATION_PK = 1

#: Page fields that ``save_revision`` and locking write; saving only these changes no public
#: content, so it does not bump the generation.
DRAFT_ONLY_PAGE_FIELDS = frozenset(
    {
        "wagtail_admin_comments",
        "latest_revision_created_at",
        "draft_title",
        "latest_revision",
        "has_unpublished_changes",
        "locked",
        "locked_by",
        "locked_at",
    }
)


@dataclass(frozen=True)
class Generation:
    """The current generation number and when it last changed."""

    value: int
    changed_at: datetime

    @property
    def last_modified(self):
        """``changed_at`` as whole seconds since the epoch, for ``Last-Modified``."""
        return int(self.changed_at.timestamp())


def current_generation():
    """Read the current generation (one query)."""
    row = (
        ContentGeneration.objects.filter(pk=GENERATION_PK)
        .values_list("value", "changed_at")
        .first()
    )
    if row is None:
        return Generation(0, datetime(2000, 1, 1, tzinfo=UTC))
    return Generation(*row)


def bump_generation():
    """Increase the generation by one inside the current transaction."""
    now = timezone.now()
    with transaction.atomic():
        updated = ContentGeneration.objects.filter(pk=GENERATION_PK).update(
            value=F("value") + 1, changed_at=now
        )
        if not updated:
            ContentGeneration.objects.get_or_create(
                pk=GENERATION_PK, defaults={"value": 1, "changed_at": now}
            )


@cache
def _watched_models():
    """The non-page models whose changes can change API output: snippets, images, documents,
    redirects, view restrictions, sites, locales and the inline rows of pages."""
    from django.apps import apps
    from modelcluster.fields import ParentalKey
    from wagtail.contrib.redirects.models import Redirect
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import (
        CollectionViewRestriction,
        Locale,
        Page,
        PageViewRestriction,
        Site,
    )
    from wagtail.snippets.models import get_snippet_models

    page_rows = [
        model
        for model in apps.get_models()
        if any(
            isinstance(field, ParentalKey) and issubclass(field.related_model, Page)
            for field in model._meta.get_fields()
        )
    ]
    return (
        *get_snippet_models(),
        *page_rows,
        get_image_model(),
        get_document_model(),
        Redirect,
        PageViewRestriction,
        CollectionViewRestriction,
        Site,
        Locale,
    )


def _on_page_change(**kwargs):
    bump_generation()


def _on_model_save(sender, instance, update_fields=None, raw=False, **kwargs):
    from wagtail.models import Page

    if raw:
        return
    if isinstance(instance, Page):
        if update_fields and set(update_fields) <= DRAFT_ONLY_PAGE_FIELDS:
            return
        bump_generation()
    elif isinstance(instance, _watched_models()):
        bump_generation()


def _on_model_delete(sender, instance, **kwargs):
    from wagtail.models import Page

    if isinstance(instance, (Page, *_watched_models())):
        bump_generation()


def connect_signals():
    """Connect the receivers that bump the generation (called from the app config)."""
    from wagtail.signals import page_published, page_unpublished, post_page_move

    page_published.connect(_on_page_change, dispatch_uid="api_generation_published")
    page_unpublished.connect(_on_page_change, dispatch_uid="api_generation_unpublished")
    post_page_move.connect(_on_page_change, dispatch_uid="api_generation_moved")
    post_save.connect(_on_model_save, dispatch_uid="api_generation_saved")
    post_delete.connect(_on_model_delete, dispatch_uid="api_generation_deleted")
