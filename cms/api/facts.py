"""Facts come from the default-language page; only texts are translated.

A translation shows the dates, statuses, relations and their order of its default-language
page as soon as that page is published, whether or not the translation has been synced:

- the fields a model lists in ``shared_facts`` (e.g. dates, the period, the cover image) are
  taken from the default page;
- the inline rows a model lists in ``shared_rows`` (status updates, partners, target groups,
  contacts, goals, related pages) are the default page's rows, in its order; a row's texts
  (e.g. a status note) come from the translation's row with the same key, or stay in the
  default language and are marked ``api_fallback``; a row's snippet is the snippet's
  translation in the requested language where there is one, else the default one, marked
  ``api_fallback`` (the translations' own rows usually point at it already, which costs no
  query). Links to pages are localised later (:mod:`cms.api.deferred`);
- the texts a model lists in ``alt_texts`` (alt texts of images) are remembered from the
  default page or snippet as ``api_default_texts``, so that one left untranslated is marked
  as a fallback (:func:`cms.api.serializers.localized_alt`).
"""

import copy
from collections import defaultdict
from functools import cache

from django.db import models
from wagtail.models import Page, TranslatableMixin

from .rows import LINK_FIELDS, row_specs, rows_of


@cache
def _collected(model, attribute):
    """The names every class of ``model`` lists in ``attribute``, from the base up (a tuple:
    the classes are read once, and a response asks thousands of times)."""
    names = []
    for klass in reversed(model.__mro__):
        for name in klass.__dict__.get(attribute, ()):
            if name not in names:
                names.append(name)
    return tuple(names)


def shared_facts(model):
    """The fields of ``model`` that translations take from the default-language page."""
    return _collected(model, "shared_facts")


def shared_rows(model):
    """The inline relations of ``model`` whose rows translations take from the default page."""
    return _collected(model, "shared_rows")


@cache
def _text_fields(row_model):
    return tuple(
        field.name
        for field in row_model._meta.concrete_fields
        if isinstance(field, models.CharField | models.TextField)
        and not field.choices
        and field.name not in ("translation_key",)
    )


@cache
def _snippet_fields(row_model):
    return tuple(
        field
        for field in row_model._meta.concrete_fields
        if isinstance(field, models.ForeignKey)
        and field.name != "locale"
        and issubclass(field.related_model, TranslatableMixin)
        and not issubclass(field.related_model, Page)
        and not getattr(field.remote_field, "parent_link", False)
        and field.remote_field.model is not row_model
        and not _is_parental(field)
    )


def _is_parental(field):
    from modelcluster.fields import ParentalKey

    return isinstance(field, ParentalKey)


def _rows(obj, relation):
    rows = getattr(obj, f"api_{relation}", None)
    return list(rows) if rows is not None else list(getattr(obj, relation).all())


class _SnippetTranslations:
    """Snippets in the requested language, looked up in one query per model."""

    def __init__(self, locale_id):
        self.locale_id = locale_id
        self.wanted = defaultdict(set)
        self.found = {}

    def want(self, snippet):
        self.wanted[type(snippet)].add(snippet.translation_key)

    def load(self):
        for model, keys in self.wanted.items():
            for obj in model.objects.filter(translation_key__in=keys, locale_id=self.locale_id):
                self.found[model, obj.translation_key] = obj

    def get(self, snippet):
        translated = self.found.get((type(snippet), snippet.translation_key))
        if translated is not None:
            translated.api_default_texts = default_texts(snippet)
            return translated
        fallback = copy.copy(snippet)
        fallback.api_fallback = True
        return fallback


def default_texts(source):
    """The texts of ``source`` that its translations are compared with (``alt_texts``)."""
    return {name: getattr(source, name) for name in _collected(type(source), "alt_texts")}


def _remember_related_default_texts(obj, source):
    """Give the snippets ``obj`` points at (e.g. a plan's contact person) the texts of those
    ``source`` points at, where both are loaded already (no query) and are translations of
    each other."""
    for field in type(obj)._meta.concrete_fields:
        if not (field.many_to_one and _collected(field.related_model, "alt_texts")):
            continue
        if not (field.is_cached(obj) and field.is_cached(source)):
            continue
        mine, theirs = getattr(obj, field.name), getattr(source, field.name)
        if (
            mine is not None
            and theirs is not None
            and mine.translation_key == theirs.translation_key
        ):
            mine.api_default_texts = default_texts(theirs)


def _own_snippets(objects, model, locale_id):
    """The snippets in ``locale_id`` that the rows of ``objects`` point at and were loaded
    with them, by (model, translation key): translations in the requested language known
    without a query."""
    known = {}
    specs = row_specs(model)
    for obj in objects:
        for relation in shared_rows(model):
            if relation in specs:
                continue
            for row in _rows(obj, relation):
                for field in _snippet_fields(type(row)):
                    if not field.is_cached(row):
                        continue
                    snippet = getattr(row, field.name)
                    if snippet is not None and snippet.locale_id == locale_id:
                        known[type(snippet), snippet.translation_key] = snippet
    return known


def share_facts(model, objects, locales, sources):
    """Give the translations among ``objects`` the facts of their default-language pages,
    ``sources`` (by translation key, loaded with the same prefetches)."""
    translated = [obj for obj in objects if obj.locale_id != locales.default_id]
    if not translated or not (
        shared_facts(model) or shared_rows(model) or _collected(model, "alt_texts")
    ):
        return
    snippets = _SnippetTranslations(locales.requested_id)
    known = _own_snippets(translated, model, locales.requested_id)
    pending = []
    specs = row_specs(model)
    links = _LinkTranslations(locales.requested_id)
    known_links = _own_links(translated, specs.values(), locales.requested_id)
    for obj in translated:
        source = sources.get(obj.translation_key)
        if source is None:
            continue
        for name in shared_facts(model):
            setattr(obj, name, getattr(source, name))
        obj.api_default_texts = default_texts(source)
        _remember_related_default_texts(obj, source)
        for relation in shared_rows(model):
            if relation in specs:
                rows = _shared_dict_rows(obj, source, specs[relation], known_links, links)
                setattr(obj, f"api_{relation}", rows)
                continue
            own = {row.translation_key: row for row in _rows(obj, relation)}
            rows = []
            for source_row in _rows(source, relation):
                row = copy.copy(source_row)
                translated_row = own.get(source_row.translation_key)
                row.api_fallback = translated_row is None
                for name in _text_fields(type(row)):
                    if translated_row is not None:
                        setattr(row, name, getattr(translated_row, name))
                for field in _snippet_fields(type(row)):
                    snippet = getattr(row, field.name)
                    if snippet is None:
                        continue
                    own_snippet = known.get((type(snippet), snippet.translation_key))
                    if own_snippet is not None:
                        own_snippet.api_default_texts = default_texts(snippet)
                        setattr(row, field.name, own_snippet)
                    else:
                        snippets.want(snippet)
                        pending.append((row, field))
                rows.append(row)
            setattr(obj, f"api_{relation}", rows)
    snippets.load()
    for row, field in pending:
        setattr(row, field.name, snippets.get(getattr(row, field.name)))
    links.load()
    links.replace_pending()


# --- Rows loaded as dicts (cms.api.rows) ------------------------------------------------------


def _default_link_texts(model, link):
    return {name: link[name] for name in _collected(model, "alt_texts")}


def _own_links(objects, specs, locale_id):
    """:func:`_own_snippets` for the rows loaded as dicts."""
    known = {}
    for obj in objects:
        for spec in specs:
            if spec.page_link or not spec.link:
                continue
            for row in rows_of(obj, spec):
                link = row[spec.link]
                if link is not None and link["locale_id"] == locale_id:
                    known[spec.link_model, link["translation_key"]] = link
    return known


def _shared_dict_rows(obj, source, spec, known, links):
    """The rows of ``spec`` that translation ``obj`` shows: its default page's, in its order,
    with the texts of its own rows and the linked snippets in its language where known."""
    own = {row["translation_key"]: row for row in rows_of(obj, spec)}
    text_fields = _text_fields(spec.row_model)
    rows = []
    for source_row in rows_of(source, spec):
        row = dict(source_row)
        translated_row = own.get(source_row["translation_key"])
        row["api_fallback"] = translated_row is None
        if translated_row is not None:
            for name in text_fields:
                row[name] = translated_row[name]
        link = row[spec.link] if spec.link and not spec.page_link else None
        if link is not None:
            own_link = known.get((spec.link_model, link["translation_key"]))
            if own_link is not None:
                own_link["api_default_texts"] = _default_link_texts(spec.link_model, link)
                row[spec.link] = own_link
            else:
                links.want(row, spec)
        rows.append(row)
    return rows


class _LinkTranslations:
    """:class:`_SnippetTranslations` for the rows loaded as dicts: one query per model."""

    def __init__(self, locale_id):
        self.locale_id = locale_id
        self.wanted = defaultdict(set)
        self.pending = []
        self.found = {}

    def want(self, row, spec):
        self.wanted[spec.link_model, spec.link_fields].add(row[spec.link]["translation_key"])
        self.pending.append((row, spec))

    def load(self):
        for (model, fields), keys in self.wanted.items():
            names = (*LINK_FIELDS, *fields)
            rows = model.objects.filter(translation_key__in=keys, locale_id=self.locale_id)
            for values in rows.values_list(*names):
                link = dict(zip(names, values, strict=True))
                self.found[model, link["translation_key"]] = link

    def replace_pending(self):
        for row, spec in self.pending:
            link = row[spec.link]
            translated = self.found.get((spec.link_model, link["translation_key"]))
            if translated is not None:
                translated["api_default_texts"] = _default_link_texts(spec.link_model, link)
                row[spec.link] = translated
            else:
                row[spec.link] = {**link, "api_fallback": True}
