"""Keeps Wagtail's Locale rows in step with the CONTENT_LANGUAGES setting."""

from django.conf import settings


def sync_content_locales(**kwargs):
    """Create a Locale for every content language (after migrate; never deletes one)."""
    from wagtail.models import Locale

    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        Locale.objects.get_or_create(language_code=code)
