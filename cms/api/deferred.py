"""Values serializers cannot know without a query, resolved for a whole response at once.

Serializers emit markers (a page reference, rich text, an image, a document, the translations
of a page); :func:`resolve` walks the serialized data, loads everything the markers need in a
constant number of queries, and replaces them. So a plan with 300 measures costs the same
number of queries as one with 10, and no serializer runs a query of its own.
"""

from dataclasses import dataclass
from uuid import UUID

from django.db import connection
from django.db.models import BooleanField, Case, Q, When
from django.db.models.expressions import RawSQL
from wagtail.documents import get_document_model
from wagtail.models import Page

from core.languages import content_languages, default_language
from core.links import page_url
from core.visibility import public_q

from . import richtext
from .cdn import page_objects
from .dependencies import document_tag, image_tag, page_read_tags, record, record_many
from .images import document_data, image_data, load_images
from .sql_templates import Slot, SqlTemplate, now_slot
from .types import type_name_for_content_type


class Deferred:
    """Base of the markers."""

    __slots__ = ()


@dataclass(frozen=True, slots=True)
class PageRef(Deferred):
    """A reference to a page (by id or tree path), shown in the requested language."""

    page_id: int | None = None
    path: str | None = None


@dataclass(frozen=True, slots=True)
class RichText(Deferred):
    html: str


@dataclass(frozen=True, slots=True)
class ImageRef(Deferred):
    """An image; ``alt`` replaces the image's own alt text when given (a translated one)."""

    image_id: int
    alt: str = ""
    alt_fallback: bool = False


@dataclass(frozen=True, slots=True)
class DocumentRef(Deferred):
    document_id: int


@dataclass(frozen=True, slots=True)
class Translations(Deferred):
    """The public translations of the page with translation key ``key``."""

    key: UUID


#: The types of values the walk passes over (exact types: a subclass may be anything).
_PLAIN_VALUES = frozenset({str, int, bool, float, type(None)})

#: What a reference to a page that is not public leaves in a list until it is dropped.
_DROPPED = object()


class _Walk:
    """One walk over serialized data: the markers with where they are, and the page objects in
    document order (``(type, key)``, or the index of a marker that may become one)."""

    def __init__(self):
        self.slots = []  # (container, key or index, marker)
        self.objects = []
        self.lists = {}  # the lists holding page references, which drop those not public

    def visit(self, data):
        if isinstance(data, dict):
            type_name = data.get("type")
            if isinstance(type_name, str) and data.get("key"):
                self.objects.append((type_name, str(data["key"])))
            items = data.items()
        else:
            items = enumerate(data)
        for key, value in items:
            if value.__class__ in _PLAIN_VALUES:  # most values: nothing to do
                continue
            if isinstance(value, dict | list):
                self.visit(value)
            elif isinstance(value, Deferred):
                self.objects.append(len(self.slots))
                self.slots.append((data, key, value))
                if isinstance(value, PageRef) and isinstance(data, list):
                    self.lists[id(data)] = data
            elif isinstance(value, tuple):
                data[key] = value = list(value)
                self.visit(value)

    def replace(self, lookups):
        """Put the value of each marker in its place; the page objects of the result."""
        values = []
        for container, key, marker in self.slots:
            value = lookups.value(marker)
            values.append(value)
            dropped = value is None and isinstance(marker, PageRef) and isinstance(container, list)
            container[key] = _DROPPED if dropped else value
        for items in self.lists.values():
            items[:] = [item for item in items if item is not _DROPPED]
        pages = []
        for found in self.objects:
            if isinstance(found, int):
                value = values[found]
                if isinstance(value, dict | list | tuple):  # not a string (rich text) or None
                    pages.extend(page_objects(value))
            else:
                pages.append(found)
        return pages


class Lookups:
    """Everything the markers of one response need, loaded in bulk."""

    def __init__(self, api):
        self.api = api
        self.keys_by_id = {}
        self.keys_by_path = {}
        self.pages_by_key = {}
        self.documents = {}
        self.images = {}
        self._image_data = {}

    def load(self, markers):
        page_ids, paths, keys, document_ids, image_ids = set(), set(), set(), set(), set()
        for marker in markers:
            if isinstance(marker, PageRef):
                if marker.page_id is not None:
                    page_ids.add(marker.page_id)
                if marker.path:
                    paths.add(marker.path)
            elif isinstance(marker, Translations):
                keys.add(marker.key)
            elif isinstance(marker, RichText):
                linked_pages, linked_documents, embedded_images = richtext.references(marker.html)
                page_ids |= linked_pages
                document_ids |= linked_documents
                image_ids |= embedded_images
            elif isinstance(marker, ImageRef):
                image_ids.add(marker.image_id)
            elif isinstance(marker, DocumentRef):
                document_ids.add(marker.document_id)
        for path in paths:
            record_many(page_read_tags(path))
        if page_ids or paths or keys:
            self._load_pages(page_ids, paths, keys)
        record(*map(image_tag, image_ids), *map(document_tag, document_ids))
        if document_ids:
            documents = get_document_model().objects.filter(pk__in=document_ids)
            self.documents = {document.pk: document for document in documents}
        self.images = load_images(image_ids)

    def _load_pages(self, page_ids, paths, keys):
        """The referenced pages and every page of their translation keys and of ``keys``, with
        whether each is public: one query."""
        if connection.vendor == "postgresql":
            values = {"keys": list(keys), "ids": list(page_ids), "paths": list(paths)}
            found = _SHARING_PAGES.execute(**values)
            rows = (dict(zip(PAGE_COLUMNS, row, strict=True)) for row in found)
        else:
            rows = _pages(_sharing_keys(page_ids, paths, keys))
        languages = set(content_languages())
        for row in rows:
            path = row.pop("path")
            record_many(page_read_tags(path))
            if row["pk"] in page_ids or path in paths:
                self.keys_by_id[row["pk"]] = row["translation_key"]
                self.keys_by_path[path] = row["translation_key"]
            code = self.api.locales.code(row["locale_id"])
            if row.pop("is_public") and code in languages:
                row["language"] = code
                self.pages_by_key.setdefault(row["translation_key"], {})[code] = row

    # --- Values ----------------------------------------------------------------------------

    def value(self, marker):
        if isinstance(marker, PageRef):
            return self.page_ref(marker)
        if isinstance(marker, Translations):
            return self.translations(marker.key)
        if isinstance(marker, RichText):
            return richtext.expand(
                marker.html, self.page_url_by_id, self.document_url, self.image_data
            )
        if isinstance(marker, ImageRef):
            data = self.image_data(marker.image_id)
            if data is None:
                return None
            return {**data, "alt": marker.alt or data["alt"], "alt_fallback": marker.alt_fallback}
        if isinstance(marker, DocumentRef):
            document = self.documents.get(marker.document_id)
            return document_data(document) if document else None
        raise TypeError(marker)

    def translations(self, key):
        return {
            code: {"id": row["pk"], "url": page_url(code, row["url_path"])}
            for code, row in sorted(self.pages_by_key.get(key, {}).items())
        }

    def localized_row(self, key):
        """The public page of ``key`` in the requested language, else in the default one."""
        rows = self.pages_by_key.get(key, {})
        for code in (self.api.locales.language, default_language()):
            if code in rows:
                return rows[code]
        return None

    def page_ref(self, marker):
        key = (
            self.keys_by_id.get(marker.page_id)
            if marker.page_id is not None
            else self.keys_by_path.get(marker.path)
        )
        row = self.localized_row(key) if key else None
        if row is None:
            return None
        type_name = type_name_for_content_type(row["content_type_id"])
        return {
            "id": row["pk"],
            "key": row["translation_key"],
            "type": type_name,
            "type_label": self.api.label("page_type", type_name),
            "locale": row["language"],
            "fallback": row["language"] != self.api.locales.language,
            "title": row["title"],
            "url": page_url(row["language"], row["url_path"]),
        }

    def page_url_by_id(self, page_id):
        key = self.keys_by_id.get(page_id)
        row = self.localized_row(key) if key else None
        return page_url(row["language"], row["url_path"]) if row else None

    def document_url(self, document_id):
        document = self.documents.get(document_id)
        return document_data(document)["url"] if document else None

    def image_data(self, image_id):
        if image_id not in self._image_data:
            image = self.images.get(image_id)
            self._image_data[image_id] = image_data(image) if image else None
        return self._image_data[image_id]


#: What :meth:`Lookups._load_pages` reads of each page.
PAGE_COLUMNS = ("pk", "translation_key", "locale_id", "url_path", "title", "content_type_id")
PAGE_COLUMNS += ("path", "is_public")


def _pages(condition, now=None):
    """The :data:`PAGE_COLUMNS` of the pages matching ``condition``."""
    return (
        Page.objects.filter(condition)
        .annotate(is_public=Case(When(public_q(now), then=True), default=False))
        .values(*PAGE_COLUMNS)
    )


def _sharing_keys(page_ids, paths, keys):
    """A condition: the page has one of ``keys`` or the translation key of a page of
    ``page_ids`` or ``paths`` (a subquery; PostgreSQL: :data:`_SHARING_PAGES`)."""
    referenced = Q(pk__in=page_ids) | Q(path__in=paths) | Q(translation_key__in=keys)
    return Q(translation_key__in=Page.objects.filter(referenced).values("translation_key"))


def _sharing_keys_array():
    """:func:`_sharing_keys` on PostgreSQL, the lists as slots ``keys``, ``ids`` and ``paths``.

    One list of every wanted key lets the database use the index on the translation key (an OR
    of conditions made it walk the whole page table): an array built once (the keys
    themselves and a lookup of the referenced pages by their indexes), which the database
    looks up in that index.
    """
    page = connection.ops.quote_name(Page._meta.db_table)
    sql = (
        f"{page}.translation_key = ANY(ARRAY("
        "SELECT unnest(%s::uuid[])"
        f" UNION SELECT referenced.translation_key FROM {page} referenced"
        " WHERE referenced.id = ANY(%s::integer[]) OR referenced.path = ANY(%s::text[])))"
    )
    slots = [Slot("keys"), Slot("ids"), Slot("paths")]
    return RawSQL(sql, slots, output_field=BooleanField())


#: The pages query on PostgreSQL, compiled once per process.
_SHARING_PAGES = SqlTemplate(lambda: _pages(_sharing_keys_array(), now_slot()))


def resolve(data, api, pages=None):
    """Replace every marker in ``data`` (in place) with its value, loading all of them at once.

    ``pages``, a list, receives the ``(type, key)`` of every page object in the result, in
    document order (for the CDN tags, :func:`cms.api.cdn.cdn_tags`): the same walk.
    """
    walk = _Walk()
    walk.visit(data)
    lookups = Lookups(api)
    if walk.slots:
        lookups.load([marker for _container, _key, marker in walk.slots])
    found = walk.replace(lookups)
    if pages is not None:
        pages.extend(found)
    return data
