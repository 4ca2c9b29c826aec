"""Translating one object never changes another object's translation, and text left
untranslated never replaces translated text.

wagtail-localize 1.14 does both when asked to translate a page:

- ``TranslationCreator`` submits the snippets and pages the page refers to as well, and
  ``Translation.save_target`` then *overwrites* their existing translations with whatever the
  translation memory holds, falling back to the source text. A translation that wagtail-localize
  does not manage (made with ``copy_for_translation``) has no translated strings in the memory,
  so its English text is replaced by Bokmål.
- Publishing or syncing with missing translations ("fallback") replaces every untranslated
  field of an existing translation with the source text.

:func:`install` (run when the app is ready) makes wagtail-localize safe, whichever view or
command calls it:

1. :class:`SafeTranslationCreator` replaces ``TranslationCreator``: an object that already has
   a translation in a target locale is not written in that locale when it is only submitted
   because another object refers to it, nor when its translation is not managed by
   wagtail-localize (an unmanaged translation is made managed with
   :func:`translations.adopt.adopt_translation`, which keeps its text).
2. While ``create_or_update_translation`` updates an existing translation with fallback, a
   field (or inline row field, or block) whose source strings are not all translated keeps the
   translation's current text, unless that text is itself untranslated source text.
"""

import contextvars
from collections import defaultdict

from django.core.exceptions import ObjectDoesNotExist
from wagtail.models import Page
from wagtail_localize import operations
from wagtail_localize.models import String, StringSegment, Translation, TranslationSource
from wagtail_localize.segments import StringSegmentValue, TemplateSegmentValue
from wagtail_localize.segments.extract import extract_segments

_updated_target = contextvars.ContextVar("updated_translation_target", default=None)

_original_create_or_update = TranslationSource.create_or_update_translation
_original_segments_for_translation = TranslationSource._get_segments_for_translation


def existing_translation(instance, locale):
    """``instance``'s translation in ``locale``, or ``None`` (an alias page is no translation)."""
    translation = instance.get_translation_or_none(locale)
    if isinstance(translation, Page) and translation.alias_of_id:
        return None
    return translation


def is_managed(instance, locale):
    """Whether wagtail-localize keeps ``instance``'s translation into ``locale`` in sync."""
    return Translation.objects.filter(
        source__object_id=instance.translation_key,
        source__locale_id=instance.locale_id,
        target_locale=locale,
        enabled=True,
    ).exists()


def may_overwrite(instance, locale, submitted_as_related):
    """Whether submitting ``instance`` for translation may write its translation in ``locale``."""
    if existing_translation(instance, locale) is None:
        return True
    return not submitted_as_related and is_managed(instance, locale)


class SafeTranslationCreator(operations.TranslationCreator):
    """wagtail-localize's ``TranslationCreator`` that leaves existing translations alone.

    wagtail-localize submits a related object with ``include_related_objects=False``; such an
    object is only translated where it has no translation yet. The object itself is only
    re-translated where its translation is managed by wagtail-localize.
    """

    def create_translations(self, instance, include_related_objects=True):
        if isinstance(instance, Page):
            instance = instance.specific
        locales = [
            locale
            for locale in self.target_locales
            if may_overwrite(instance, locale, submitted_as_related=not include_related_objects)
        ]
        if not locales:
            self.seen_objects.add(instance.translation_key)
            return
        all_locales, self.target_locales = self.target_locales, locales
        try:
            super().create_translations(instance, include_related_objects)
        finally:
            self.target_locales = all_locales


def create_or_update_translation(self, locale, *args, **kwargs):
    """wagtail-localize's method, with the updated translation known to the segment lookup."""
    target = None
    if kwargs.get("fallback"):
        try:
            target = self.get_translated_instance(locale)
        except ObjectDoesNotExist:
            target = None
        if isinstance(target, Page) and target.alias_of_id:
            target = None
    token = _updated_target.set(target)
    try:
        return _original_create_or_update(self, locale, *args, **kwargs)
    finally:
        _updated_target.reset(token)


def _get_segments_for_translation(self, locale, fallback=False):
    segments = _original_segments_for_translation(self, locale, fallback=fallback)
    target = _updated_target.get()
    if not fallback or target is None:
        return segments
    return keep_translated_text(self, locale, segments, target)


def _text_segments(instance):
    by_path = defaultdict(list)
    for segment in extract_segments(instance):
        if isinstance(segment, (StringSegmentValue, TemplateSegmentValue)):
            by_path[segment.path].append(segment)
    return by_path


def _is_source_text(source, segments):
    """Whether every string among ``segments`` is text of the source language."""
    data = {s.string.data for s in segments if isinstance(s, StringSegmentValue)}
    if not data:
        return True
    known = String.objects.filter(locale_id=source.locale_id, data__in=data).count()
    return known == len(data)


def keep_translated_text(source, locale, segments, target):
    """``segments`` with the untranslated paths taken from ``target``'s current text.

    A path (a field, an inline row's field, a block) with an untranslated source string keeps
    what the translation has, unless the translation has nothing there or only source text.
    """
    untranslated = set(
        StringSegment.objects.filter(source=source)
        .annotate_translation(locale)
        .filter(translation__isnull=True)
        .values_list("context__path", flat=True)
    )
    if not untranslated:
        return segments
    current = _text_segments(target)
    kept = {
        path
        for path in untranslated
        if current.get(path) and not _is_source_text(source, current[path])
    }
    if not kept:
        return segments
    result = [segment for segment in segments if segment.path not in kept]
    for path in kept:
        # In the place of the source's segments: a rich text's template sorts first.
        start = min((s.order for s in segments if s.path == path), default=0)
        step = 1 / (len(current[path]) + 1)
        result.extend(
            segment.with_order(start + index * step) for index, segment in enumerate(current[path])
        )
    return result


def install():
    """Make wagtail-localize keep existing translations (idempotent)."""
    operations.TranslationCreator = SafeTranslationCreator
    TranslationSource.create_or_update_translation = create_or_update_translation
    TranslationSource._get_segments_for_translation = _get_segments_for_translation
