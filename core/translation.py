"""Create translations of pages and snippets whose relations point at translated snippets.

``copy_for_translation`` copies a page with its inline rows, but the rows still point at the
source language's snippets. wagtail-localize would map them, and keep the source snippet when
a translation is missing; here a missing translation is an error instead, so an English page
never silently shows a Bokmål organisation.
"""

from django.db import models
from modelcluster.fields import ParentalKey
from modelcluster.models import get_all_child_relations
from wagtail.models import Page, TranslatableMixin


class MissingTranslationError(LookupError):
    """A related object has no translation in the target locale."""


def _translatable_foreign_keys(model):
    return [
        field
        for field in model._meta.get_fields()
        if isinstance(field, models.ForeignKey)
        and field.name != "locale"
        and not isinstance(field, (ParentalKey, models.OneToOneField))
        and field.name != "alias_of"
        and issubclass(field.related_model, TranslatableMixin)
    ]


def _localized(obj, locale):
    if obj is None or obj.locale_id == locale.pk:
        return obj
    translation = obj.get_translation_or_none(locale)
    if translation is None and isinstance(obj, Page):
        # A linked page that is not translated yet stays as it is; the API falls back to the
        # default language for it and says so.
        return obj
    if translation is None:
        raise MissingTranslationError(
            f"{obj._meta.verbose_name} “{obj}” has no translation in {locale.language_code}; "
            "translate it first."
        )
    return translation


def localize_relations(instance, locale):
    """Point every snippet relation of ``instance`` and of its inline rows at ``locale``.

    Works on unsaved changes: the caller saves (and for pages, publishes) afterwards. A link
    to a page follows the page's translation when there is one and is kept otherwise.
    """
    for field in _translatable_foreign_keys(type(instance)):
        setattr(instance, field.name, _localized(getattr(instance, field.name), locale))
    for relation in get_all_child_relations(type(instance)):
        if not issubclass(relation.related_model, TranslatableMixin):
            continue
        accessor = relation.get_accessor_name()
        rows = list(getattr(instance, accessor).all())
        for row in rows:
            for field in _translatable_foreign_keys(type(row)):
                setattr(row, field.name, _localized(getattr(row, field.name), locale))
            row.locale = locale
        # Assigning the list keeps the changed rows in memory until the page is saved.
        setattr(instance, accessor, rows)


def translate_snippet(snippet, locale, **values):
    """Return the translation of ``snippet`` into ``locale``, created or updated with ``values``."""
    translation = snippet.get_translation_or_none(locale) or snippet.copy_for_translation(locale)
    for name, value in values.items():
        setattr(translation, name, value)
    localize_relations(translation, locale)
    translation.full_clean()
    translation.save()
    return translation


def translate_page(page, locale, publish=True, **values):
    """Return the translation of ``page`` into ``locale``, created or updated with ``values``.

    The parent must already be translated. Inline rows are copied from the source and mapped
    to the snippets of ``locale``; page links among ``values`` are taken as given.
    """
    translation = page.get_translation_or_none(locale)
    if translation is None:
        translation = page.copy_for_translation(locale)
    translation = translation.specific
    for name, value in values.items():
        setattr(translation, name, value)
    localize_relations(translation, locale)
    translation.full_clean()
    revision = translation.save_revision()
    if publish:
        revision.publish()
        translation.refresh_from_db()
    return translation
