"""The content languages (the CONTENT_LANGUAGES setting) and their Locale rows, in one place.

Every module asks here instead of reading the settings: the codes in order, the default
language (the first; the other languages are translations of it), and the Locales.
"""

from django.conf import settings


def content_languages():
    """The codes of CONTENT_LANGUAGES, the default language first, e.g. ``["nb", "en"]``."""
    return [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]


def default_language():
    """The code of the default content language, e.g. ``"nb"``."""
    return content_languages()[0]


def content_locales():
    """The Locale rows of the content languages, default language first (created if missing)."""
    from wagtail.models import Locale

    return [Locale.objects.get_or_create(language_code=code)[0] for code in content_languages()]


def default_locale():
    """The Locale row of the default content language (created if missing)."""
    from wagtail.models import Locale

    return Locale.objects.get_or_create(language_code=default_language())[0]


def sync_content_locales(**kwargs):
    """Create a Locale for every content language (after migrate; never deletes one)."""
    content_locales()
