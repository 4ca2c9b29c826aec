"""Writing the new pages of a plan tree in bulk, with what Wagtail's saves would have done.

Wagtail saves a new page with ``add_child`` (several queries for the tree, the page row, the
specific row, each inline row) and then ``save_revision`` (the revision, the page again, a log
entry), each save re-indexing the page for search and for references. A plan of 150 measures
in two languages made that way costs thousands of queries. Here the tree positions are worked
out up front and every kind of row is inserted with one query per batch:

1. the ``wagtailcore_page`` rows (``Page.objects.bulk_create``, which gives the ids back);
2. the rows of the specific tables (Django cannot ``bulk_create`` a multi-table model, so they
   are inserted through the model's manager with the parent link set);
3. the inline rows, by row model;
4. one revision per page, serialised once, and the ``latest_revision`` of every page;
5. a "created" log entry per page, the reference index and the search index.

The result is what ``add_child`` + ``save_revision(log_action="wagtail.create")`` leaves
behind (``Page.find_problems()`` finds nothing); the API's cache is invalidated by the caller.
"""

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.models import F
from django.utils import timezone
from modelcluster.models import get_all_child_relations
from modelsearch.backends import get_search_backends
from wagtail.models import Page, PageLogEntry, ReferenceIndex, Revision

#: Rows per INSERT; SQLite allows a limited number of parameters per statement.
BATCH_ROWS = 100


def tree_position(page, parent, index=None):
    """Give the unsaved ``page`` its path, depth and URL path as child ``index`` of ``parent``.

    Without ``index`` the page goes after the parent's last child in the database.
    """
    page.depth = parent.depth + 1
    if index is None:
        last = parent.get_last_child()
        page.path = last._inc_path() if last else Page._get_path(parent.path, page.depth, 1)
    else:
        page.path = Page._get_path(parent.path, page.depth, index)
    page.url_path = f"{parent.url_path}{page.slug}/"
    page.numchild = 0
    page._cached_parent_obj = parent


def empty_child_relations(page):
    """Say in memory that the new ``page`` has no rows in the child relations it was not
    given (comments, status updates): serialising it then asks the database nothing."""
    for relation in get_all_child_relations(type(page)):
        if not getattr(page, relation.get_accessor_name()).is_deferring:
            setattr(page, relation.get_accessor_name(), [])


def _batches(items):
    for start in range(0, len(items), BATCH_ROWS):
        yield items[start : start + BATCH_ROWS]


def insert_pages(pages):
    """Insert the base and specific rows of the unsaved ``pages`` (parents before children)."""
    base_fields = [f for f in Page._meta.concrete_fields if not f.primary_key]
    bases = [Page(**{f.attname: getattr(page, f.attname) for f in base_fields}) for page in pages]
    Page.objects.bulk_create(bases, batch_size=BATCH_ROWS)
    for page, base in zip(pages, bases, strict=True):
        page.id = page.page_ptr_id = base.pk
    return bases


def insert_specific_rows(pages):
    """Insert the rows of the specific tables of ``pages`` (whose ids are set)."""
    by_model = {}
    for page in pages:
        by_model.setdefault(type(page), []).append(page)
    for model, objs in by_model.items():
        fields = list(model._meta.local_concrete_fields)
        for batch in _batches(objs):
            model._base_manager._insert(batch, fields=fields, using=connection.alias)
        for page in objs:
            page._state.adding = False
            page._state.db = connection.alias


def insert_rows(rows_by_model):
    """Insert the inline rows, one batch of queries per row model."""
    for model, rows in rows_by_model.items():
        model.objects.bulk_create(rows, batch_size=BATCH_ROWS)


def add_children_to(parent, count=1):
    """Count ``count`` new children of ``parent`` in the database and in memory."""
    Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + count)
    parent.numchild += count


def save_revisions(pages, bases, user, progress=None):
    """One revision per page and its "created" log entry; the pages point at their revision."""
    now = timezone.now()
    page_type = ContentType.objects.get_for_model(Page)
    revisions = []
    for done, page in enumerate(pages, start=1):
        revisions.append(
            Revision(
                content_type=page.content_type,
                base_content_type=page_type,
                object_id=str(page.pk),
                user=user,
                created_at=now,
                content=page.serializable_data(),
                object_str=str(page),
            )
        )
        if progress:
            progress(done)
    Revision.objects.bulk_create(revisions, batch_size=BATCH_ROWS)
    for page, base, revision in zip(pages, bases, revisions, strict=True):
        for obj in (page, base):
            obj.latest_revision = revision
            obj.latest_revision_created_at = now
    Page.objects.bulk_update(
        bases, ["latest_revision", "latest_revision_created_at"], batch_size=BATCH_ROWS
    )
    PageLogEntry.objects.bulk_create(
        [
            PageLogEntry(
                content_type=page.content_type,
                label=page.get_admin_display_title(),
                action="wagtail.create",
                timestamp=now,
                data={},
                user=user,
                page_id=page.pk,
                revision=revision,
                content_changed=True,
            )
            for page, revision in zip(pages, revisions, strict=True)
        ],
        batch_size=BATCH_ROWS,
    )


def index_references(pages):
    """The reference index rows of the new ``pages`` (they have none yet)."""
    base_type = ContentType.objects.get_for_model(Page)
    rows = []
    for page in pages:
        for to_type, to_id, model_path, content_path in set(
            ReferenceIndex._extract_references_from_object(page)
        ):
            rows.append(
                ReferenceIndex(
                    content_type=page.content_type,
                    base_content_type=base_type,
                    object_id=page.pk,
                    to_content_type_id=to_type,
                    to_object_id=to_id,
                    model_path=model_path,
                    content_path=content_path,
                    content_path_hash=ReferenceIndex._get_content_path_hash(content_path),
                )
            )
    ReferenceIndex.objects.bulk_create(rows, batch_size=BATCH_ROWS)


def index_for_search(pages):
    """Add the new ``pages`` to the search index (for the admin's page search)."""
    by_model = {}
    for page in pages:
        by_model.setdefault(type(page), []).append(page)
    for backend in get_search_backends(with_auto_update=True):
        for model, objs in by_model.items():
            backend.add_bulk(model, objs)
