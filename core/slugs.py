"""Slugs that keep Norwegian words readable: æ→ae, ø→o, å→a (and an en dash is a hyphen).

Django's ``slugify`` drops letters outside ASCII ("kulturskolelærere" → "kulturskolelrere").
:func:`norwegian_slugify` transliterates first; :data:`SLUG_FORMATTERS` does the same in the
admin's slug field while an editor types the title.
"""

import re

from django.utils.text import slugify

TRANSLITERATION = {"æ": "ae", "ø": "o", "å": "a", "–": "-", "—": "-"}

#: (pattern, replacement) pairs for Wagtail's ``SlugInput(formatters=...)``.
SLUG_FORMATTERS = [
    (re.compile(f"[{char}{char.upper()}]"), text) for char, text in TRANSLITERATION.items()
]


def transliterate(text):
    """``text`` with Norwegian letters spelled in ASCII."""
    return "".join(TRANSLITERATION.get(char.lower(), char) for char in text)


def norwegian_slugify(text):
    """A slug of ``text``: Norwegian letters transliterated, then Django's slugify."""
    return slugify(transliterate(text))
