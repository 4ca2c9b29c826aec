"""Hand translations made without wagtail-localize over to it, keeping their text.

A translation made with ``copy_for_translation`` (as the demo loader and older installs did)
cannot be opened in the translation editor, and "Sync translated pages" does not reach it.
:func:`adopt_translation` records its text as wagtail-localize's string translations, so that
it opens in the translation editor with every string translated and later changes to the
source show as untranslated strings. The translation itself is not saved: its text, its
relations and its publishing state stay exactly as they were.
"""

import json
from collections import defaultdict
from dataclasses import dataclass

from django.apps import apps
from django.db import transaction
from wagtail.models import Locale, Page, TranslatableMixin
from wagtail_localize.models import (
    OverridableSegment,
    SegmentOverride,
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)
from wagtail_localize.segments import OverridableSegmentValue, StringSegmentValue
from wagtail_localize.segments.extract import extract_segments


@dataclass
class Adoption:
    """What adopting one translation did: the strings taken over and those left untranslated."""

    translation: Translation
    strings: int = 0
    untranslated: int = 0


def segments_by_path(segments, kind):
    """The ``segments`` of class ``kind``, grouped by their path in the object."""
    found = defaultdict(list)
    for segment in segments:
        if isinstance(segment, kind):
            found[segment.path].append(segment)
    return found


def adopt_translation(instance, target, user=None):
    """Make wagtail-localize manage ``target``, the translation of ``instance``.

    Every source string gets the text ``target`` has at the same place as its translation
    (a field whose structure differs, e.g. a rich text with another number of paragraphs, is
    left untranslated); a synchronised value that ``target`` has changed is kept as an
    override. Returns an :class:`Adoption`.
    """
    if isinstance(instance, Page):
        instance, target = instance.specific, target.specific
    source, _created = TranslationSource.update_or_create_from_instance(instance)
    locale = target.locale
    extracted = extract_segments(target)
    translated = segments_by_path(extracted, StringSegmentValue)
    adoption = Adoption(
        Translation.objects.update_or_create(
            source=source, target_locale=locale, defaults={"enabled": True}
        )[0]
    )
    segments = defaultdict(list)
    for segment in (
        StringSegment.objects.filter(source=source)
        .select_related("context", "string")
        .order_by("order")
    ):
        segments[segment.context.path].append(segment)
    for path, source_segments in segments.items():
        texts = translated.get(path, [])
        if len(texts) != len(source_segments):
            adoption.untranslated += len(source_segments)
            continue
        for segment, text in zip(source_segments, texts, strict=True):
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                defaults={
                    "data": text.string.data,
                    "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
                    "last_translated_by": user,
                    "has_error": False,
                    "field_error": "",
                },
            )
            adoption.strings += 1
    overrides = segments_by_path(extracted, OverridableSegmentValue)
    for segment in OverridableSegment.objects.filter(source=source).select_related("context"):
        own = overrides.get(segment.context.path)
        if own and own[0].data != json.loads(segment.data_json):
            SegmentOverride.objects.update_or_create(
                locale=locale,
                context=segment.context,
                defaults={"data_json": json.dumps(own[0].data), "last_translated_by": user},
            )
    return adoption


def snippet_models():
    """The translatable models that are not pages nor inline rows (those go with their page)."""
    return [
        model
        for model in apps.get_models()
        if issubclass(model, TranslatableMixin)
        and not issubclass(model, Page)
        and not hasattr(model, "sort_order")
    ]


def _is_managed(source, target):
    return Translation.objects.filter(
        source__object_id=source.translation_key,
        source__locale_id=source.locale_id,
        target_locale_id=target.locale_id,
        enabled=True,
    ).exists()


def unmanaged_translations():
    """(source, translation) pairs of every translation of default-language content that
    wagtail-localize does not manage, snippets before pages, pages from the top down."""
    default = Locale.get_default()
    sources = [obj for model in snippet_models() for obj in model.objects.filter(locale=default)]
    sources += list(Page.objects.filter(locale=default, depth__gt=1).order_by("path").specific())
    pairs = []
    for obj in sources:
        targets = type(obj).objects.filter(translation_key=obj.translation_key)
        for target in targets.exclude(locale=default).order_by("locale__language_code"):
            if isinstance(target, Page) and target.alias_of_id:
                continue
            if not _is_managed(obj, target):
                pairs.append((obj, target))
    return pairs


@transaction.atomic
def adopt_all(user=None):
    """Adopt every unmanaged translation; returns the list of :class:`Adoption`."""
    return [adopt_translation(source, target, user) for source, target in unmanaged_translations()]
