"""Which content language a request asks for, and the Locale rows of the content languages."""

from dataclasses import dataclass
from functools import cached_property

from django.utils.translation.trans_real import parse_accept_lang_header
from rest_framework.exceptions import ValidationError
from wagtail.models import Locale

from core.languages import content_languages, default_language

#: Language tags that mean a content language without naming it (e.g. "no" for Norwegian).
LANGUAGE_ALIASES = {"no": "nb"}


def _match(tag, codes):
    tag = tag.lower()
    base = tag.split("-")[0]
    for candidate in (tag, base, LANGUAGE_ALIASES.get(base)):
        if candidate in codes:
            return candidate
    return None


def negotiate_language(request):
    """The language code of ``?locale=``, else of ``Accept-Language``, else the default.

    An unknown ``?locale`` is an error naming the valid ones; an ``Accept-Language`` without a
    content language falls back to the default language.
    """
    codes = content_languages()
    if "locale" in request.GET:
        value = request.GET["locale"]
        if value not in codes:
            raise ValidationError(
                {"locale": [f"Unknown locale {value[:20]!r}; valid locales: {', '.join(codes)}."]}
            )
        return value
    header = request.META.get("HTTP_ACCEPT_LANGUAGE", "")
    for tag, _quality in parse_accept_lang_header(header[:500]):
        match = _match(tag, codes)
        if match:
            return match
    return codes[0]


@dataclass
class Locales:
    """The requested and the default Locale of a request, and every locale's language code."""

    language: str

    @cached_property
    def codes_by_id(self):
        return dict(Locale.objects.values_list("pk", "language_code"))

    @cached_property
    def ids_by_code(self):
        return {code: pk for pk, code in self.codes_by_id.items()}

    @property
    def requested_id(self):
        return self.ids_by_code.get(self.language)

    @property
    def default_id(self):
        return self.ids_by_code.get(default_language())

    @property
    def ids(self):
        """The requested locale first, then the default one (without duplicates or gaps)."""
        return [pk for pk in dict.fromkeys([self.requested_id, self.default_id]) if pk]

    def code(self, locale_id):
        return self.codes_by_id.get(locale_id, "")
