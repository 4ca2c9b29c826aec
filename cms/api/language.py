"""The language of an API response: of its content, and of its texts (errors and labels).

The content language is ``?locale`` when valid, else the first content language of
``Accept-Language``, else the default language (so a 400 about ``?locale`` itself speaks the
language of the header). Texts come in the content language when the project has a message
catalogue for it (``locale/<code>/``), else in the default language. ``Content-Language`` says
the content language of a successful response and the text language of an error.
"""

from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.conf import settings
from django.utils import translation
from rest_framework.exceptions import ValidationError

from .locales import default_language, header_language, negotiate_language


@cache
def _has_catalogue(code, locale_paths):
    return any((Path(path) / code / "LC_MESSAGES").is_dir() for path in locale_paths)


def text_language(code):
    """``code`` when the project's texts are translated into it, else the default language."""
    return (
        code
        if _has_catalogue(code, tuple(map(str, settings.LOCALE_PATHS)))
        else (default_language())
    )


@dataclass(frozen=True)
class ResponseLanguage:
    content: str
    texts: str

    def header(self, status_code):
        """The ``Content-Language`` of a response with ``status_code``."""
        return self.content if status_code < 400 else self.texts


def response_language(request):
    try:
        content = negotiate_language(request)
    except ValidationError:
        content = header_language(request)
    return ResponseLanguage(content, text_language(content))


@contextmanager
def api_language(request):
    """Activate the text language of ``request`` for the duration of the block."""
    language = response_language(request)
    with translation.override(language.texts):
        yield language
