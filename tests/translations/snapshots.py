"""The stored content of every page and snippet in some languages, to compare before and after."""

import json

from modelcluster.models import get_serializable_data_for_fields
from wagtail.models import Page

from translations.adopt import snippet_models

#: Tree bookkeeping that changes when a translation is added under a page.
TREE_FIELDS = {"numchild"}


def content(language_codes, exclude_pages=()):
    """{(kind, pk): serialised fields} of every page and snippet in ``language_codes``."""
    found = {}
    for model in snippet_models():
        for obj in model.objects.filter(locale__language_code__in=language_codes):
            found[model.__name__, obj.pk] = get_serializable_data_for_fields(obj)
    pages = Page.objects.filter(locale__language_code__in=language_codes).exclude(
        pk__in=exclude_pages
    )
    for page in pages.specific():
        data = json.loads(page.to_json())
        for name in TREE_FIELDS:
            data.pop(name, None)
        found["page", page.pk] = data
    return found
