"""Which content language a request asks for, and the Locale rows of the content languages.

``?locale=`` takes the forms ``Accept-Language`` takes, case-insensitively: a content language
(``nb``, ``EN``), with region or other subtags (``nb-NO``, ``nn-NO``, ``en-GB``), or an alias
(``no`` for Bokmål). It is normalised to the content language's code; anything else is a 400
naming the valid ones.
"""

import re
from dataclasses import dataclass
from functools import cached_property

from django.utils.translation import gettext as _
from django.utils.translation.trans_real import parse_accept_lang_header
from rest_framework.exceptions import ValidationError
from wagtail.models import Locale

from core.languages import content_languages, default_language

from .generation import per_generation

#: Language tags that mean a content language without naming it (e.g. "no" for Norwegian).
LANGUAGE_ALIASES = {"no": "nb"}
#: A language tag: a primary language and optional subtags (``nb``, ``nb-NO``, ``en-GB``).
LANGUAGE_TAG = re.compile(r"([A-Za-z]{2,3})((?:-[A-Za-z0-9]{1,8})*)")


def accepted_languages():
    """The primary language subtags ``?locale`` accepts: the content languages and aliases."""
    codes = content_languages()
    return codes + [alias for alias, code in LANGUAGE_ALIASES.items() if code in codes]


def locale_pattern():
    """The regular expression of an accepted ``?locale`` (for the OpenAPI document)."""
    bases = "|".join(
        "".join(f"[{c.lower()}{c.upper()}]" for c in base) for base in accepted_languages()
    )
    return f"^(?:{bases})(?:-[A-Za-z0-9]{{1,8}})*$"


def match_language(tag):
    """The content language ``tag`` names (``nb-NO`` → ``nb``, ``no`` → ``nb``), or None."""
    match = LANGUAGE_TAG.fullmatch(tag or "")
    if match is None:
        return None
    base = match.group(1).lower()
    base = LANGUAGE_ALIASES.get(base, base) if base not in content_languages() else base
    return base if base in content_languages() else None


def parse_locale(value):
    """The content language of a ``?locale`` value; a 400 naming the valid ones otherwise."""
    language = match_language(value)
    if language is None:
        raise ValidationError(
            {
                "locale": [
                    _("Unknown locale “%(value)s”; valid locales: %(codes)s.")
                    % {"value": value[:20], "codes": ", ".join(content_languages())}
                ]
            }
        )
    return language


def header_language(request):
    """The first content language of ``Accept-Language``, else the default language."""
    header = request.META.get("HTTP_ACCEPT_LANGUAGE", "")
    for tag, _quality in parse_accept_lang_header(header[:500]):
        language = match_language(tag)
        if language:
            return language
    return default_language()


def negotiate_language(request):
    """The language code of ``?locale=``, else of ``Accept-Language``, else the default.

    An unknown ``?locale`` is an error naming the valid ones; an ``Accept-Language`` without a
    content language falls back to the default language.
    """
    if "locale" in request.GET:
        return parse_locale(request.GET["locale"])
    return header_language(request)


def _codes_by_id():
    return dict(Locale.objects.values_list("pk", "language_code"))


@dataclass
class Locales:
    """The requested and the default Locale of a request, and every locale's language code."""

    language: str

    @cached_property
    def codes_by_id(self):
        return per_generation("locales", _codes_by_id)

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
