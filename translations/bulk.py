"""New translations handed over to wagtail-localize in bulk, as :mod:`translations.adopt` does
for one.

A forked or imported plan is written in bulk (``plan.services.plan_tree.bulk``), its
translations included. wagtail-localize's own way to record a source
(``TranslationSource.update_or_create_from_instance``) asks the database a few questions per
string, thousands for a plan. Here the same rows are written with a few queries per kind of
row for all the pages at once:

1. a ``TranslatableObject`` per translation key (the new pages' and those they refer to);
2. a ``TranslationSource`` per default-language page, with its content as
   wagtail-localize serialises it;
3. its segments as ``refresh_segments`` extracts them: strings (shared with the rest of the
   install), templates, contexts (with their field paths), and the string, template, related
   object and overridable segments;
4. a ``Translation`` per translated page, enabled;
5. the translated page's text as the string translations, and its own synchronised values
   as overrides, as :func:`translations.adopt.adopt_translation` records them.

The pages must be new: nothing of wagtail-localize exists yet for their translation keys.
"""

import json
import uuid
from collections import defaultdict

from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.utils import timezone
from wagtail_localize.models import (
    OverridableSegment,
    RelatedObjectSegment,
    SegmentOverride,
    String,
    StringSegment,
    StringTranslation,
    Template,
    TemplateSegment,
    TranslatableObject,
    Translation,
    TranslationContext,
    TranslationSource,
    get_schema_version,
)
from wagtail_localize.segments import (
    OverridableSegmentValue,
    RelatedObjectSegmentValue,
    StringSegmentValue,
    TemplateSegmentValue,
)
from wagtail_localize.segments.extract import extract_segments

from .adopt import segments_by_path

#: Rows per INSERT at most: a plan's strings are thousands of small rows. Django makes the
#: batches smaller where the database limits the parameters of a statement (SQLite).
BATCH_ROWS = 1000


def manage_translations(pairs, user=None):
    """Let wagtail-localize manage each new translation ``target`` of ``source`` in ``pairs``
    (``(source, target)``, the source in the default language, both saved, new)."""
    pairs = list(pairs)
    if not pairs:
        return
    sources = list({id(source): source for source, _target in pairs}.values())
    extracted = {id(source): extract_segments(source) for source in sources}
    _translatable_objects(sources, extracted)
    translation_sources = _translation_sources(sources)
    contexts = _contexts(sources, extracted)
    strings = _strings(
        (source.locale_id, segment.string.data)
        for source in sources
        for segment in extracted[id(source)]
        if isinstance(segment, StringSegmentValue)
    )
    _segments(sources, extracted, translation_sources, contexts, strings)
    translations = [
        Translation(source=translation_sources[id(source)], target_locale_id=target.locale_id)
        for source, target in pairs
    ]
    Translation.objects.bulk_create(translations, batch_size=BATCH_ROWS)
    _string_translations(pairs, extracted, contexts, strings, user)


def _key(obj):
    return obj.translation_key


def _translatable_objects(sources, extracted):
    """The ``TranslatableObject`` of every new page and of every object the pages refer to."""
    objects = {
        _key(source): ContentType.objects.get_for_model(source.get_translation_model())
        for source in sources
    }
    for source in sources:
        for segment in extracted[id(source)]:
            if isinstance(segment, RelatedObjectSegmentValue):
                objects.setdefault(segment.translation_key, segment.content_type)
    TranslatableObject.objects.bulk_create(
        [
            TranslatableObject(translation_key=key, content_type=content_type)
            for key, content_type in objects.items()
        ],
        batch_size=BATCH_ROWS,
        ignore_conflicts=True,
    )


def _translation_sources(sources):
    """{id(source): TranslationSource}, created."""
    now = timezone.now()
    versions = {}
    rows = {}
    for source in sources:
        app_label = source._meta.app_label
        if app_label not in versions:
            versions[app_label] = get_schema_version(app_label)
        rows[id(source)] = TranslationSource(
            object_id=_key(source),
            specific_content_type=ContentType.objects.get_for_model(type(source)),
            locale_id=source.locale_id,
            object_repr=str(source)[:200],
            content_json=source.to_json(),
            schema_version=versions[app_label],
            last_updated_at=now,
        )
    TranslationSource.objects.bulk_create(rows.values(), batch_size=BATCH_ROWS)
    return rows


def _contexts(sources, extracted):
    """{(translation key, path): TranslationContext}, created with their field paths."""
    contexts = {}
    for source in sources:
        for segment in extracted[id(source)]:
            if (_key(source), segment.path) in contexts:
                continue
            context = TranslationContext(
                object_id=_key(source),
                path=segment.path,
                path_id=TranslationContext._get_path_id(segment.path),
            )
            context.field_path = _field_path(context, source)
            contexts[_key(source), segment.path] = context
    TranslationContext.objects.bulk_create(contexts.values(), batch_size=BATCH_ROWS)
    return contexts


def _field_path(context, instance):
    """The field path wagtail-localize gives ``context`` (its ``get_field_path``, which
    saves the context, here only worked out)."""
    context.save = lambda **kwargs: None
    try:
        return context.get_field_path(instance)
    finally:
        del context.save


def _strings(values):
    """{(locale id, text): String} for ``values`` (locale id, text), created when missing."""
    wanted = {}
    for locale_id, data in values:
        wanted[locale_id, data] = String(
            locale_id=locale_id, data=data, data_hash=String._get_data_hash(data)
        )
    String.objects.bulk_create(wanted.values(), batch_size=BATCH_ROWS, ignore_conflicts=True)
    by_hash = defaultdict(set)
    for string in wanted.values():
        by_hash[string.locale_id].add(string.data_hash)
    found = {}
    for locale_id, hashes in by_hash.items():
        hashes = list(hashes)
        for start in range(0, len(hashes), BATCH_ROWS):
            for string in String.objects.filter(
                locale_id=locale_id, data_hash__in=hashes[start : start + BATCH_ROWS]
            ):
                found[locale_id, string.data] = string
    return found


def _templates(values):
    """{(format, template): Template} for the template segment ``values``, created when
    missing (wagtail-localize names a template by a hash of its format and text)."""
    wanted = {}
    for value in values:
        namespace = uuid.uuid5(Template.BASE_UUID_NAMESPACE, value.format)
        wanted[value.format, value.template] = Template(
            uuid=uuid.uuid5(namespace, value.template),
            template=value.template,
            template_format=value.format,
            string_count=value.string_count,
        )
    Template.objects.bulk_create(wanted.values(), batch_size=BATCH_ROWS, ignore_conflicts=True)
    uuids = [template.uuid for template in wanted.values()]
    by_uuid = {template.uuid: template for template in Template.objects.filter(uuid__in=uuids)}
    return {name: by_uuid[template.uuid] for name, template in wanted.items()}


def _segments(sources, extracted, translation_sources, contexts, strings):
    """The segments of every source, as ``TranslationSource.refresh_segments`` makes them."""
    templates = _templates(
        segment
        for source in sources
        for segment in extracted[id(source)]
        if isinstance(segment, TemplateSegmentValue)
    )
    rows = defaultdict(list)
    for source in sources:
        common = {"source": translation_sources[id(source)]}
        for segment in extracted[id(source)]:
            values = {
                **common,
                "context": contexts[_key(source), segment.path],
                "order": segment.order,
            }
            if isinstance(segment, TemplateSegmentValue):
                template = templates[segment.format, segment.template]
                rows[TemplateSegment].append(TemplateSegment(template=template, **values))
            elif isinstance(segment, RelatedObjectSegmentValue):
                rows[RelatedObjectSegment].append(
                    RelatedObjectSegment(object_id=segment.translation_key, **values)
                )
            elif isinstance(segment, OverridableSegmentValue):
                data_json = json.dumps(segment.data, cls=DjangoJSONEncoder)
                rows[OverridableSegment].append(OverridableSegment(data_json=data_json, **values))
            else:
                string = strings[source.locale_id, segment.string.data]
                attrs = json.dumps(segment.attrs, cls=DjangoJSONEncoder)
                rows[StringSegment].append(StringSegment(string=string, attrs=attrs, **values))
    for model, objs in rows.items():
        model.objects.bulk_create(objs, batch_size=BATCH_ROWS)


def _string_translations(pairs, extracted, contexts, strings, user):
    """Each target's text as the translations of its source's strings, and its own
    synchronised values as overrides (see ``translations.adopt.adopt_translation``)."""
    translations, overrides = [], []
    for source, target in pairs:
        own = extract_segments(target)
        texts = segments_by_path(own, StringSegmentValue)
        source_strings = segments_by_path(extracted[id(source)], StringSegmentValue)
        for path, segments in source_strings.items():
            if len(texts.get(path, [])) != len(segments):
                continue  # another structure: left untranslated, as adopt does
            for segment, text in zip(segments, texts[path], strict=True):
                translations.append(
                    StringTranslation(
                        translation_of=strings[source.locale_id, segment.string.data],
                        locale_id=target.locale_id,
                        context=contexts[_key(source), path],
                        data=text.string.data,
                        translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL,
                        last_translated_by=user,
                    )
                )
        own_values = segments_by_path(own, OverridableSegmentValue)
        for path, segments in segments_by_path(
            extracted[id(source)], OverridableSegmentValue
        ).items():
            mine = own_values.get(path)
            data_json = mine and json.dumps(mine[0].data, cls=DjangoJSONEncoder)
            if mine and data_json != json.dumps(segments[0].data, cls=DjangoJSONEncoder):
                overrides.append(
                    SegmentOverride(
                        locale_id=target.locale_id,
                        context=contexts[_key(source), path],
                        data_json=data_json,
                        last_translated_by=user,
                    )
                )
    StringTranslation.objects.bulk_create(translations, batch_size=BATCH_ROWS)
    SegmentOverride.objects.bulk_create(overrides, batch_size=BATCH_ROWS)
