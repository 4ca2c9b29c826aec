"""The search endpoint's results: the page that shows each hit, and one page of hits.

A search finds translation keys, best first (:func:`cms.api.search.search`). Each key is
shown as its public page in the requested language, else in the default one; keys without a
public page there are left out. A one-word search on PostgreSQL chooses those pages in its
own statement (with :func:`candidates`); else one query chooses them and returns only the
requested page of results and the number of all (:class:`ShownPages`). One more reads the
page's hits with their public translations and summaries, built as plain dicts in the shape
of ``SearchResultSerializer`` (which documents them). The SQL is built once per process
(:mod:`cms.api.sql_templates`); no model instances.
"""

from functools import cache

from django.contrib.contenttypes.models import ContentType
from django.db.models import OuterRef, Subquery
from rest_framework import serializers
from wagtail.models import Page

from core.languages import content_languages
from core.links import page_url
from core.visibility import public_pages

from .dependencies import page_read_tags, record_many
from .labels import label_of
from .richtext import plain_text
from .sql_templates import Slot, SqlTemplate, now_slot, numbered, one_of
from .types import type_name_for_model

SUMMARY_LENGTH = 300
#: The fields a hit's summary comes from: the first one with text.
SUMMARY_FIELDS = ("summary", "overall_goal")
#: What is read of each hit and of its translations.
HIT_FIELDS = (
    "pk",
    "translation_key",
    "locale_id",
    "content_type_id",
    "url_path",
    "path",
    "title",
    "last_published_at",
)

_published_at = serializers.DateTimeField()


def _public_of_types(models, *conditions):
    """The ``(pk, translation_key, locale_id)`` of the public pages of ``models`` that meet
    ``conditions`` (the time of the public-page rule is a slot)."""
    return (
        public_pages(now=now_slot())
        .filter(*conditions)
        .type(*models)
        .order_by()
        .values_list("pk", "translation_key", "locale_id")
    )


@cache
def _choices(models):
    """The public pages of ``models`` for a list of keys in a list of locales."""
    return SqlTemplate(
        lambda: _public_of_types(
            models,
            one_of(Page, "translation_key", "keys", "uuid"),
            one_of(Page, "locale", "locales", "int"),
        )
    )


@cache
def candidates(models):
    """For :func:`cms.api.search.search`: the public pages of ``models`` in a list of locales
    (slot ``locales``) that meet a condition, as a function of the condition."""

    def public_pages_where(condition):
        return _public_of_types(models, condition, one_of(Page, "locale", "locales", "int"))

    return public_pages_where


@cache
def _page_of_choices(models):
    """The shown pages of a list of keys, numbered in the keys' order (the requested locale's
    page, else the default one's): those of one page of results, and their number."""
    choices = _choices(models)

    def build():
        choices_sql, choices_params = choices.build().query.sql_with_params()
        wanted_sql, wanted_params = numbered("keys", "uuid")
        sql = f"""
            WITH api_wanted AS ({wanted_sql}),
            api_candidates AS ({choices_sql}),
            api_chosen AS (
                SELECT c.pk, c.translation_key, w.position, row_number() OVER (
                    PARTITION BY c.translation_key
                    ORDER BY CASE WHEN c.locale_id = %s THEN 0 ELSE 1 END
                ) AS preference
                FROM api_candidates c JOIN api_wanted w ON w.item = c.translation_key
            ),
            api_shown AS (
                SELECT pk, translation_key, row_number() OVER (ORDER BY position) AS number
                FROM api_chosen WHERE preference = 1
            )
            SELECT number, pk, translation_key FROM api_shown
            WHERE number > %s AND number <= %s
            UNION ALL SELECT NULL, count(*), NULL FROM api_shown
            ORDER BY 1
        """
        params = [*wanted_params, *choices_params, Slot("requested"), Slot("start")]
        return sql, [*params, Slot("stop")]

    return SqlTemplate(build)


class ShownPages:
    """One page of the pages that show a search's keys, for DRF's pagination: its length is
    the number of all of them, its slice from ``offset`` to ``offset + limit`` the
    ``(page id, key)`` of the page's.

    ``shown`` (the page id of each key, ``None`` without one), when the search chose them
    (:attr:`cms.api.search.Found.shown`), spares the query that chooses them."""

    def __init__(self, keys, models, locales, offset, limit, shown=None):
        self.offset, self.limit, self.total, self.rows = offset, limit, 0, []
        if not keys:
            return
        if shown is not None:
            pages = [(pk, key) for key in keys if (pk := shown[key]) is not None]
            self.total, self.rows = len(pages), pages[offset : offset + limit]
            return
        template = _page_of_choices(tuple(models))
        values = {"keys": keys, "locales": locales.ids, "requested": locales.requested_id}
        as_key = Page._meta.get_field("translation_key").to_python  # text on SQLite
        for number, pk, key in template.execute(start=offset, stop=offset + limit, **values):
            if number is None:
                self.total = pk
            else:
                self.rows.append((pk, as_key(key)))

    def __len__(self):
        return self.total

    def __getitem__(self, bounds):
        assert (bounds.start, bounds.stop) == (self.offset, self.offset + self.limit)
        return self.rows


@cache
def _summary_columns(models):
    """``(model, field name)`` of the summary fields of ``models``, in ``SUMMARY_FIELDS``
    order."""
    columns = []
    for model in models:
        names = {field.name for field in model._meta.get_fields()}
        columns += [(model, name) for name in SUMMARY_FIELDS if name in names]
    return tuple(columns)


@cache
def _hits(models):
    """Every public page of a list of keys, with the summary fields of ``models``.

    Each summary is a subquery of its model's row by id: as ``LEFT JOIN``s of the page types'
    tables, PostgreSQL planned the joins with the public-page rule's subqueries in every order
    (0.9 ms for a 0.6 ms query) and read every measure to join the few shown."""

    def build():
        summaries = {
            f"api_summary_{number}": Subquery(
                model.objects.filter(pk=OuterRef("pk")).order_by().values(name)
            )
            for number, (model, name) in enumerate(_summary_columns(models))
        }
        return (
            public_pages(now=now_slot())
            .filter(one_of(Page, "translation_key", "keys", "uuid"))
            .annotate(**summaries)
            .order_by()
            .values_list(*HIT_FIELDS, *summaries)
        )

    return SqlTemplate(build)


def hit_data(hits, models, api):
    """The representations of ``hits`` (``(page id, key)`` from :func:`shown_pages`)."""
    if not hits:
        return []
    models = tuple(models)
    wanted = {pk for pk, _key in hits}
    languages = set(content_languages())
    rows, translations = {}, {}
    for row in _hits(models).execute(keys=[key for _pk, key in hits]):
        pk, key, locale_id, _content_type, url_path, path = row[:6]
        record_many(page_read_tags(path))
        code = api.locales.code(locale_id)
        if code in languages:
            translations.setdefault(key, {})[code] = {"id": pk, "url": page_url(code, url_path)}
        if pk in wanted:
            rows[pk] = row
    return [
        _representation(rows[pk], translations.get(key, {}), models, api)
        for pk, key in hits
        if pk in rows
    ]


def _representation(row, translations, models, api):
    pk, key, locale_id, content_type_id, url_path, _path, title, published_at = row[:8]
    model = ContentType.objects.get_for_id(content_type_id).model_class()
    type_name = type_name_for_model(model)
    code = api.locales.code(locale_id)
    return {
        "id": pk,
        "key": str(key),
        "type": type_name,
        "type_label": label_of("page_type", type_name),
        "locale": code,
        "fallback": code != api.language,
        "url": page_url(code, url_path) if url_path else None,
        "translations": dict(sorted(translations.items())),
        "title": title,
        "last_published_at": _published_at.to_representation(published_at),
        "summary": _summary(model, row[len(HIT_FIELDS) :], models),
    }


def _summary(model, values, models):
    """The first of the page's summary fields with text, as plain text."""
    for (owner, _lookup), value in zip(_summary_columns(models), values, strict=True):
        if value and issubclass(model, owner):
            return plain_text(value, SUMMARY_LENGTH)
    return ""
