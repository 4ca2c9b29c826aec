"""The stored content of every page and snippet in some languages, to compare before and after."""

import json

from django.apps import apps
from modelcluster.models import get_serializable_data_for_fields
from wagtail.models import Page, TranslatableMixin

#: Tree bookkeeping that changes when a translation is added under a page.
TREE_FIELDS = {"numchild"}


def _snippet_models():
    return [
        model
        for model in apps.get_models()
        if issubclass(model, TranslatableMixin)
        and not issubclass(model, Page)
        and model._meta.app_label in {"plan", "resources", "home", "assets"}
        and not hasattr(model, "sort_order")
    ]


def content(language_codes, exclude_pages=()):
    """{(kind, pk): serialised fields} of every page and snippet in ``language_codes``."""
    found = {}
    for model in _snippet_models():
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
