"""Which translations are out of date: their source page changed after they were last synced.

Kept in one small function so that a richer definition can replace it. A translation is out
of date when the source page's latest revision is newer than the translation's last sync:
wagtail-localize's ``TranslationSource.last_updated_at`` when the page was translated with
wagtail-localize, otherwise the translation's own latest revision.
"""

from wagtail.models import Page
from wagtail_localize.models import TranslationSource


def outdated_translations(pages):
    """The translations (pages in other locales) of ``pages`` that are out of date, with their
    source: a list of ``(translation, source)`` in the order of ``pages``."""
    pages = list(pages)
    if not pages:
        return []
    keys = {page.translation_key for page in pages}
    synced = {
        (source.object_id, source.locale_id): source.last_updated_at
        for source in TranslationSource.objects.filter(object_id__in=keys)
    }
    translations = {}
    for page in Page.objects.filter(translation_key__in=keys).select_related("locale"):
        translations.setdefault(page.translation_key, []).append(page)
    outdated = []
    for source in pages:
        changed = source.latest_revision_created_at
        if changed is None:
            continue
        for translation in translations.get(source.translation_key, []):
            if translation.pk == source.pk:
                continue
            last_sync = synced.get((source.translation_key, source.locale_id))
            if last_sync is None:
                last_sync = translation.latest_revision_created_at
            if last_sync is None or changed > last_sync:
                outdated.append((translation, source))
    return outdated
