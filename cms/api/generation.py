"""The content generation and the cache tags: bumped by every content change, read by the cache.

A publish, unpublish, move or delete of a page, and any save or delete of a snippet, image,
document, redirect, view restriction, site, locale or inline row of a page increases the
content generation and sets the tags of what it changed (see ``cms.api.dependencies``) to the
new generation, in the same transaction as the change. A cached response is valid while none
of its tags is newer than the generation it was rendered at, so a change is seen at once by
every worker and server, and only the responses that contain the changed object are
invalidated.

After the change commits, :mod:`cms.api.changes` is told what changed (CDN purge, webhooks,
cache warming).
"""

from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import cache

from django.db import DEFAULT_DB_ALIAS, connection, connections, transaction
from django.db.models.signals import post_delete, post_save
from django.utils import timezone

from . import changes, quick_read
from .dependencies import (
    ALL,
    ANY,
    SNIPPETS,
    document_tag,
    image_tag,
    page_change_tags,
    page_type_tags,
    snippet_tag,
)
from .models import GENERATION_PK, CacheTag, ContentGeneration

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)

_in_bulk = ContextVar("api_changes_in_bulk", default=False)
_rendering_at = ContextVar("api_rendering_at", default=None)
#: What :func:`per_generation` loaded in this process: name → (generation, value).
_per_generation = {}
#: How often this process bumped tags: what ``cms.api.validity`` last read of the generation
#: may be out of date then.
bumps_in_process = 0

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
    """The current generation number and when it last changed (``stamp``: the same time in
    microseconds since the epoch, as stored)."""

    value: int
    changed_at: datetime
    stamp: int = 0

    @property
    def mark(self):
        """``(value, stamp)``: the value alone may come again with other content after a
        rollback (of a test's transaction, or a restore), the time of the change does not."""
        return (self.value, self.stamp)

    @property
    def last_modified(self):
        """``changed_at`` as whole seconds since the epoch, for ``Last-Modified``."""
        return int(self.changed_at.timestamp())


def current_generation():
    """Read the current generation (one small query, without the ORM: every cache hit runs
    it)."""
    with connection.cursor() as cursor:
        cursor.execute(_GENERATION_SQL)
        row = cursor.fetchone()
    return _generation(*row) if row else _generation(None, None, None)


def _generation(value, changed_at, stamp):
    if value is None:
        return Generation(0, datetime(2000, 1, 1, tzinfo=UTC))
    if isinstance(changed_at, str):  # SQLite through a raw cursor
        changed_at = datetime.fromisoformat(changed_at)
    if timezone.is_naive(changed_at):
        changed_at = timezone.make_aware(changed_at, UTC)
    return Generation(value, changed_at, stamp)


def _stamp(moment):
    """``moment`` in microseconds since the epoch (:attr:`Generation.stamp`)."""
    return (moment - _EPOCH) // timedelta(microseconds=1)


# The table holds one row (a check constraint): no WHERE clause, which PostgreSQL plans faster.
_GENERATIONS = ContentGeneration._meta.db_table
_GENERATION_SQL = f"SELECT value, changed_at, stamp FROM {_GENERATIONS}"  # noqa: S608
_GENERATION_MARK_SQL = f"SELECT value, stamp FROM {_GENERATIONS}"  # noqa: S608


def current_generation_mark():
    """The current generation's :attr:`Generation.mark`, what a cache hit compares
    (``cms.api.validity``): on PostgreSQL, the cheapest query there is (``cms.api.quick_read``)."""
    db = connections[DEFAULT_DB_ALIAS]
    if not quick_read.available(db):
        return current_generation().mark
    row = quick_read.read_integers(_GENERATION_MARK_SQL, db)
    return row if row is not None else _generation(None, None, None).mark


@contextmanager
def rendering_at(generation):
    """Render a response known to be at ``generation`` (read before anything else): within
    it, :func:`per_generation` may reuse what this process loaded at the same generation."""
    token = _rendering_at.set(generation)
    try:
        yield
    finally:
        _rendering_at.reset(token)


def per_generation(name, load):
    """``load()``, reused in this process while the content generation stays the same.

    For data every response needs and that only a change bumping the generation can alter
    (the Locale rows). The generation is read from the database by every rendering request,
    so each server sees a change at once; outside :func:`rendering_at` it is loaded afresh.
    The key includes when the generation changed, so a value loaded in a transaction that
    was rolled back (tests) is not taken for a later change with the same number.
    """
    generation = _rendering_at.get()
    if generation is None:
        return load()
    known = _per_generation.get(name)
    if known is not None and known[0] == generation:
        return known[1]
    value = load()
    _per_generation[name] = (generation, value)
    return value


def latest_version_and_generation(tags):
    """The highest version among ``tags`` (0 when none has changed yet) and the current
    :class:`Generation`, read in one query (one snapshot), without the ORM: building it through
    the ORM cost more than the rest of a cache hit."""
    tags = list(tags)
    placeholders = ", ".join(["%s"] * len(tags)) or "NULL"
    table, generations = CacheTag._meta.db_table, ContentGeneration._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT (SELECT MAX(version) FROM {table} WHERE name IN ({placeholders})), "  # noqa: S608
            f"(SELECT value FROM {generations}), "
            f"(SELECT changed_at FROM {generations}), "
            f"(SELECT stamp FROM {generations})",
            tags,
        )
        version, *generation = cursor.fetchone()
    return version or 0, _generation(*generation)


def _next_generation(now):
    table = ContentGeneration._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {table} SET value = value + 1, changed_at = %s, stamp = %s "
            "WHERE id = %s RETURNING value",
            [now, _stamp(now), GENERATION_PK],
        )
        row = cursor.fetchone()
    if row is not None:
        return row[0]
    generation, _created = ContentGeneration.objects.get_or_create(
        pk=GENERATION_PK, defaults={"value": 1, "changed_at": now, "stamp": _stamp(now)}
    )
    return generation.value


def bump_tags(tags):
    """Increase the generation and give ``tags`` (and ``any``) its new value, inside the
    current transaction. Two queries."""
    global bumps_in_process
    bumps_in_process += 1
    now = timezone.now()
    with transaction.atomic():
        value = _next_generation(now)
        CacheTag.objects.bulk_create(
            [CacheTag(name=name, version=value, changed_at=now) for name in {*tags, ANY}],
            update_conflicts=True,
            unique_fields=["name"],
            update_fields=["version", "changed_at"],
        )
    return value


def bump_generation():
    """Invalidate every cached response (a change that may touch anything)."""
    return bump_tags({ALL})


@contextmanager
def changes_in_bulk():
    """Build content in bulk (e.g. a whole synthetic install) without working out, per saved
    object, what it changes: every cached response is invalidated once at the end instead,
    and no change is sent on (no purge, webhook or cache warming). Use it inside the
    transaction of the changes, so the bump commits with them."""
    token = _in_bulk.set(True)
    try:
        yield
    finally:
        _in_bulk.reset(token)
    bump_generation()


# --- What a change touches -------------------------------------------------------------------


def page_tags(page, paths=()):
    """The tags a change of ``page`` bumps: its place in every language's tree (so a response
    showing a fallback or a missing translation is invalidated too) and the lists of its type
    and of every type below it. ``paths`` adds former places (moves)."""
    from wagtail.models import Page

    tree_paths = {page.path, *paths}
    if page.translation_key:
        tree_paths |= set(
            Page.objects.filter(translation_key=page.translation_key).values_list("path", flat=True)
        )
    tags = set().union(*(page_change_tags(path) for path in tree_paths if path))
    return tags | page_type_tags(page.specific_class or type(page))


def page_changed(page, paths=(), action="changed"):
    """Bump the tags of ``page`` and tell :mod:`cms.api.changes` after the commit."""
    if _in_bulk.get():
        return
    bump_tags(page_tags(page, paths))
    changes.page_changed(page, action)


@cache
def _watched_models():
    """The models whose changes can change API output, by kind: snippets, inline rows of pages,
    images, documents, and what every response depends on."""
    from django.apps import apps
    from modelcluster.fields import ParentalKey
    from wagtail.contrib.redirects.models import Redirect
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import CollectionViewRestriction, Locale, Page, Site
    from wagtail.snippets.models import get_snippet_models

    page_rows = {}
    for model in apps.get_models():
        for field in model._meta.get_fields():
            if isinstance(field, ParentalKey) and issubclass(field.related_model, Page):
                page_rows[model] = field.name
                break
    return {
        "snippets": tuple(get_snippet_models()),
        "page_rows": page_rows,
        "image": get_image_model(),
        "document": get_document_model(),
        "everything": (Redirect, CollectionViewRestriction, Site, Locale),
    }


def _tags_of_object(instance):
    """The tags a save or delete of a non-page object bumps, or None when it is not watched.

    Inline rows and view restrictions of a page count as a change of the page."""
    watched = _watched_models()
    if isinstance(instance, watched["everything"]):
        return {ALL}
    if isinstance(instance, watched["image"]):
        return {image_tag(instance.pk)}
    if isinstance(instance, watched["document"]):
        return {document_tag(instance.pk)}
    if isinstance(instance, watched["snippets"]):
        return {SNIPPETS, snippet_tag(instance)}
    return None


def _page_of_object(instance):
    from wagtail.models import PageViewRestriction

    if isinstance(instance, PageViewRestriction):
        return instance.page
    field = _watched_models()["page_rows"].get(type(instance))
    if field is None:
        return None
    return getattr(instance, field, None)


#: Old tree paths of pages being moved, by page id: bumped with the new place when the moved
#: page is saved inside the move's transaction.
_moving = {}


def _on_pre_move(sender, instance, **kwargs):
    _moving[instance.pk] = instance.path


def _on_post_move(sender, instance, **kwargs):
    old_path = _moving.pop(instance.pk, None)
    page_changed(instance, [old_path] if old_path else (), "moved")


def _on_published(sender, instance, **kwargs):
    page_changed(instance, action="published")


def _on_unpublished(sender, instance, **kwargs):
    page_changed(instance, action="unpublished")


def _on_model_save(sender, instance, update_fields=None, raw=False, **kwargs):
    from wagtail.models import Page

    if raw or _in_bulk.get():
        return
    if isinstance(instance, Page):
        if update_fields and set(update_fields) <= DRAFT_ONLY_PAGE_FIELDS:
            return
        old_path = _moving.get(instance.pk)
        bump_tags(page_tags(instance, [old_path] if old_path else ()))
        return
    _on_object_change(instance)


def _on_object_change(instance):
    tags = _tags_of_object(instance)
    if tags is not None:
        bump_tags(tags)
        return
    page = _page_of_object(instance)
    if page is not None and page.pk:
        bump_tags(page_tags(page))


def _on_model_delete(sender, instance, **kwargs):
    from wagtail.models import Page

    if _in_bulk.get():
        return
    if isinstance(instance, Page):
        page_changed(instance, action="deleted")
    else:
        _on_object_change(instance)


def connect_signals():
    """Connect the receivers that bump the generation (called from the app config)."""
    from wagtail.signals import page_published, page_unpublished, post_page_move, pre_page_move

    page_published.connect(_on_published, dispatch_uid="api_generation_published")
    page_unpublished.connect(_on_unpublished, dispatch_uid="api_generation_unpublished")
    pre_page_move.connect(_on_pre_move, dispatch_uid="api_generation_pre_move")
    post_page_move.connect(_on_post_move, dispatch_uid="api_generation_moved")
    post_save.connect(_on_model_save, dispatch_uid="api_generation_saved")
    post_delete.connect(_on_model_delete, dispatch_uid="api_generation_deleted")
