"""Translations whose source page was published after the translation was last synced."""

from django.core.exceptions import ObjectDoesNotExist
from wagtail.models import Page
from wagtail_localize.models import Translation

from access.permissions import user_can


def is_outdated(translation):
    """Whether ``translation``'s source page was published after its last sync."""
    try:
        source = translation.source.get_source_instance()
    except ObjectDoesNotExist:
        return False
    published = getattr(source, "last_published_at", None)
    return bool(published and published > translation.source.last_updated_at)


def translation_of_page(page):
    """The enabled wagtail-localize translation that ``page`` is the target of, or ``None``."""
    return (
        Translation.objects.filter(
            source__object_id=page.translation_key, target_locale_id=page.locale_id, enabled=True
        )
        .select_related("source", "target_locale")
        .first()
    )


def outdated_translations(user):
    """(source page, translated page) pairs the user may change whose source changed since."""
    found = []
    translations = Translation.objects.filter(enabled=True).select_related(
        "source", "target_locale"
    )
    for translation in translations.order_by("source__object_repr"):
        if not issubclass(translation.source.specific_content_type.model_class(), Page):
            continue
        if not is_outdated(translation):
            continue
        source = translation.source.get_source_instance()
        target = source.get_translation_or_none(translation.target_locale)
        if target is not None and user_can(user, "change", target):
            found.append((source, target, translation))
    return found
